import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentStore } from '../../src-renderer/storage/document-store';
import { AttachmentStorageError, readAttachment, storeAttachment } from '../../src-renderer/storage/attachment-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { purgeLocalStorage } from '../../src-renderer/storage/local-purge';

const PAPERBOARD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);
const POST_IT_WALL = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
}

async function deleteEveryDatabase(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (name) await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
  }
}

let db: LocalDatabase;

// Each test starts on an empty browser storage, and Dexie must use it too (it keeps the factory it met first).
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  db = new LocalDatabase();
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

describe('storing attachments on this machine', () => {
  it('gives back the very bytes of a photo from its SHA-256, the key every machine will use', async () => {
    const hash = await storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');

    expect(hash).toBe(sha256(PAPERBOARD));
    const blob = await readAttachment(db, hash);
    expect(blob?.type).toBe('image/jpeg');
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(PAPERBOARD);
  });

  it('stores the same photo added twice only once, and different photos separately', async () => {
    const first = await storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');
    const again = await storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');
    const other = await storeAttachment(db, POST_IT_WALL.slice(), 'image/png');

    expect(again).toBe(first);
    expect(other).not.toBe(first);
    expect(await db.attachments.count()).toBe(2);
  });

  it('answers null for a photo this machine never received, so the page can say where it is', async () => {
    expect(await readAttachment(db, sha256(POST_IT_WALL))).toBeNull();
  });

  it('says in French that the disk is full when it is, and stores nothing', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const storing = storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');

    await expect(storing).rejects.toBeInstanceOf(AttachmentStorageError);
    await expect(storing).rejects.toThrow('L’espace de stockage de cet ordinateur est plein : la photo n’a pas été enregistrée');
    vi.restoreAllMocks();
    expect(await db.attachments.count()).toBe(0);
  });

  it('a machine upgraded from the version without attachments keeps its catalog and settings and can store photos', async () => {
    db.close();
    const installedBefore = new Dexie('bocage-local');
    installedBefore.version(1).stores({ catalog: 'id, updatedAt', settings: 'key' });
    await installedBefore.table('settings').put({ key: 'sync', value: { serverUrl: 'ws://127.0.0.1:1234', accessToken: 'jeton' } });
    installedBefore.close();

    db = new LocalDatabase();
    const hash = await storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');

    expect(await db.settings.get('sync')).toEqual({ key: 'sync', value: { serverUrl: 'ws://127.0.0.1:1234', accessToken: 'jeton' } });
    expect(await readAttachment(db, hash)).not.toBeNull();
  });
});

describe('the storage purge that ends a GDPR erasure', () => {
  it('carries every attachment through, byte for byte', async () => {
    const store = new DocumentStore();
    const hash = await storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');

    await purgeLocalStorage({ store, db, clearLocalStorage: deleteEveryDatabase });

    const reopened = new LocalDatabase();
    const blob = await readAttachment(reopened, hash);
    expect(new Uint8Array(await (blob as Blob).arrayBuffer())).toEqual(PAPERBOARD);
    reopened.close();
  });
});
