import * as Y from 'yjs';

/**
 * One Yjs state holding everything in `parts` (stored states and logged updates, in any order).
 *
 * Applied to a garbage-collected document rather than merged with Y.mergeUpdates: mergeUpdates keeps
 * the text of a deleted item when the older part comes first, so a person erased under the GDPR
 * would survive in the stored bytes. A document drops deleted content as it integrates.
 */
export function mergeDocumentStates(parts: readonly Uint8Array[]): Uint8Array {
  const document = new Y.Doc({ gc: true });
  try {
    document.transact(() => {
      for (const part of parts) Y.applyUpdate(document, part);
    });
    return Y.encodeStateAsUpdate(document);
  } finally {
    document.destroy();
  }
}

/** A view over the same bytes (no copy) that database drivers accept as a binary value. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Drivers return Buffers; callers compare and hash plain Uint8Arrays. */
export function asUint8Array(bytes: Buffer): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
