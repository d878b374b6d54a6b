/**
 * The SHA-256 of the bytes in lowercase hex, as `sha256sum` writes it: an attachment's key on every
 * machine and on the server, and the checksums of a `.bocage` file. Web Crypto, so the same code
 * runs in the renderer and in Node.
 */
export async function contentHash(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
