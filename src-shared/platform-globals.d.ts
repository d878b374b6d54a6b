/**
 * The few WHATWG globals that exist in every runtime the core runs in (browsers, Electron, Node).
 * Declared by hand, narrowly, because the core's tsconfig deliberately loads neither the DOM nor
 * the Node type libraries.
 */
declare class URL {
  constructor(url: string, base?: string);
  protocol: string;
  hostname: string;
  readonly host: string;
  readonly port: string;
  pathname: string;
  search: string;
  hash: string;
  toString(): string;
}

/** Used by the file importers to read text tables (UTF-8, UTF-16, Windows-1252). */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

/** Web Crypto's digest, for the checksums of Bocage archives (src-shared/archive). */
declare const crypto: {
  readonly subtle: {
    digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
  };
};
