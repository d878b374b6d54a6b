import { contentHash } from '@shared/sync/content-hash';
import type { LocalDatabase } from './local-database';

/** A storage failure the user can act on, with its French explanation. */
export class AttachmentStorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentStorageError';
  }
}

const DISK_FULL =
  'L’espace de stockage de cet ordinateur est plein : la photo n’a pas été enregistrée et la réunion n’a pas changé. ' +
  'Libérez de la place sur le disque, puis ajoutez-la de nouveau.';

/**
 * Dexie reports a full disk as its QuotaExceededError, or as the abort of the transaction it
 * happened in, with the quota error inside.
 */
function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  while (typeof current === 'object' && current !== null) {
    if ((current as { name?: unknown }).name === 'QuotaExceededError') return true;
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return false;
}

/**
 * Stores the bytes under their hash and returns the hash. Bytes already stored are not written
 * again. A full disk throws an AttachmentStorageError saying so; nothing is stored then.
 */
export async function storeAttachment(db: LocalDatabase, bytes: Uint8Array<ArrayBuffer>, mediaType: string, now: number = Date.now()): Promise<string> {
  const hash = await contentHash(bytes);
  try {
    await db.transaction('rw', db.attachments, async () => {
      // Counting reads the key only, not megabytes of bytes already there.
      if ((await db.attachments.where('hash').equals(hash).count()) > 0) return;
      await db.attachments.add({ hash, mediaType, byteLength: bytes.byteLength, bytes, storedAt: now });
    });
  } catch (error) {
    if (isQuotaError(error)) throw new AttachmentStorageError(DISK_FULL);
    throw error;
  }
  return hash;
}

/** The attachment as a Blob ready for an object URL, or null when this machine does not have it. */
export async function readAttachment(db: LocalDatabase, hash: string): Promise<Blob | null> {
  const record = await db.attachments.get(hash);
  return record ? new Blob([record.bytes], { type: record.mediaType }) : null;
}
