import { URL } from 'node:url';

/**
 * Where the app's own page comes from, and the one test every security decision relies on:
 * "is this URL the app itself?". Packaged and preview builds are served by the privileged
 * `bocage://app/` scheme (see app-protocol.ts) rather than file://, as Electron's security
 * checklist recommends: a file:// page could reach any file on the disk, a custom scheme only the
 * renderer folder. During development the page comes from electron-vite's dev server instead.
 */
export const APP_SCHEME = 'bocage';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const LOOPBACK_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface AppUrlPolicy {
  /** The URL the main window loads. */
  readonly entryUrl: string;
  /** True only for URLs of the page the app itself serves. */
  isAppUrl(url: string): boolean;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin of the dev server electron-vite announces in ELECTRON_RENDERER_URL, or null when the
 * built page must be used. A packaged app ignores the variable: otherwise anyone able to set an
 * environment variable could make Bocage load, and hand its desktop API to, a page of their choosing.
 */
export function resolveDevServerOrigin(announcedUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !announcedUrl) return null;
  const url = parseUrl(announcedUrl);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTNAMES.has(url.hostname) || url.username || url.password) {
    throw new Error(`ELECTRON_RENDERER_URL must be an http URL on this machine (localhost), got "${announcedUrl}".`);
  }
  return url.origin;
}

/** The allow-list for the page actually loaded: the dev server during development, the app scheme otherwise, never both. */
export function createAppUrlPolicy(devServerOrigin: string | null): AppUrlPolicy {
  if (devServerOrigin) {
    return {
      entryUrl: `${devServerOrigin}/`,
      isAppUrl: (url) => {
        const parsed = parseUrl(url);
        return parsed !== null && parsed.origin === devServerOrigin && !parsed.username && !parsed.password;
      },
    };
  }
  return {
    entryUrl: APP_ENTRY_URL,
    isAppUrl: (url) => {
      const parsed = parseUrl(url);
      // Node and Chromium disagree on the origin of custom schemes ("null" in Node), so compare the parts.
      return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
    },
  };
}

/**
 * An address that may be handed to the system browser: plain https, no credentials. Anything
 * else (file:, smb:, custom protocol handlers of other apps) can run code outside the sandbox.
 */
export function toSafeExternalUrl(url: string): string | null {
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href.length <= 2048 ? parsed.href : null;
}
