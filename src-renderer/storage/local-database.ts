import Dexie, { type EntityTable } from 'dexie';
import type { MissionCatalogEntry } from '@shared/model/mission-catalog-entry';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * The bytes of a file attached to a document (a photo of a paper board), under the SHA-256 of those
 * bytes: the same photo attached twice is stored once, and the key means the same on every machine.
 * Bytes rather than a Blob: the storage purge reads every row into memory before it deletes the
 * storage folders, and a Blob read from IndexedDB may still point into those folders.
 */
export interface AttachmentRecord {
  hash: string;
  mediaType: string;
  byteLength: number;
  bytes: Uint8Array<ArrayBuffer>;
  storedAt: number;
}

/**
 * What the sync server is known to hold of one document (see sync/pending-changes.ts): what this
 * machine has beyond it is what has not been sent yet, counted again after a restart.
 */
export interface SyncedDocumentRecord {
  documentName: string;
  /** Y.encodeSnapshot of the document when the server had acknowledged all of it. */
  serverKnowledge: Uint8Array<ArrayBuffer>;
  acknowledgedAt: number;
}

/**
 * What this machine keeps beside the Yjs documents (which live in y-indexeddb databases): the
 * home-screen catalog (rebuildable from the documents), this machine's settings, and the
 * attachments the documents reference by hash (each machine keeps its own until attachments sync),
 * and the sync bookkeeping (what the server holds of each document).
 */
export class LocalDatabase extends Dexie {
  catalog!: EntityTable<MissionCatalogEntry, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  attachments!: EntityTable<AttachmentRecord, 'hash'>;
  syncedDocuments!: EntityTable<SyncedDocumentRecord, 'documentName'>;

  constructor(name = 'bocage-local') {
    super(name);
    this.version(1).stores({
      catalog: 'id, updatedAt',
      settings: 'key',
    });
    // A new version lists only what it adds; the tables of version 1 are kept as they are.
    this.version(2).stores({
      attachments: 'hash',
    });
    this.version(3).stores({
      syncedDocuments: 'documentName',
    });
  }
}
