import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createContact, updateContact } from '@shared/directory/contact-operations';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { eraseContactFromDirectory, eraseContactFromMission } from '@shared/erasure/person-erasure';
import { createMeeting, inviteContacts } from '@shared/meetings/meeting-operations';
import { createMission } from '@shared/operations/mission-operations';
import { DocumentStore } from '../../src-renderer/storage/document-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { purgeLocalStorage } from '../../src-renderer/storage/local-purge';
import { loadSyncSettings, saveSyncSettings } from '../../src-renderer/storage/sync-settings';
import { newMissionInput } from '../shared/domain-fixtures';

const ORIGIN = { source: 'test-user' };
const ERASED_NAME = 'Quelconquezoe';

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error);
  });
}

/** Every value of every object store of every database, as the bytes a disk scan would meet. */
async function everyStoredByte(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await request(indexedDB.open(name));
    for (const storeName of db.objectStoreNames) {
      const values = await request(db.transaction(storeName).objectStore(storeName).getAll());
      for (const value of values) chunks.push(value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(JSON.stringify(value)));
    }
    db.close();
  }
  return Buffer.concat(chunks);
}

async function deleteEveryDatabase(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (name) await request(indexedDB.deleteDatabase(name) as IDBRequest<unknown>);
  }
}

async function storageWithErasedPerson() {
  const store = new DocumentStore();
  const db = new LocalDatabase();
  await saveSyncSettings(db, { serverUrl: 'ws://127.0.0.1:1234', accessToken: 'jeton-equipe' });
  const workspace = await store.openWorkspace();
  const mission = await store.openMission('mission-1');
  const directory = await store.openDirectory();
  createMission(workspace.doc, mission.doc, newMissionInput({ title: 'Mission conservée' }), ORIGIN, Date.now(), 'mission-1');
  const erasedId = createContact(directory.doc, { lastName: ERASED_NAME, firstName: 'Albertine' }, ORIGIN);
  const keptId = createContact(directory.doc, { lastName: 'Martin', firstName: 'Paul' }, ORIGIN);
  // Many small edits: y-indexeddb appends one row each, all of them holding the name.
  for (let index = 0; index < 20; index += 1) updateContact(directory.doc, erasedId, { notes: `${ERASED_NAME} appel ${index}` }, ORIGIN);
  const meetingId = createMeeting(mission.doc, { title: 'COPIL' }, ORIGIN);
  inviteContacts(mission.doc, meetingId, [erasedId, keptId], ORIGIN);
  await settle();
  expect((await everyStoredByte()).includes(ERASED_NAME)).toBe(true);

  const erasure = eraseContactFromDirectory(directory.doc, erasedId, ORIGIN);
  eraseContactFromMission(mission.doc, [erasedId], erasure.names, ORIGIN);
  await settle();
  return { store, db, keptId };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('purging local storage after an erasure', () => {
  it('leaves no stored byte with the erased name, and keeps every mission, contact and setting', async () => {
    const { store, db, keptId } = await storageWithErasedPerson();
    // Deleting records is not enough: the rows appended before the erasure still hold the name.
    expect((await everyStoredByte()).includes(ERASED_NAME)).toBe(true);

    const result = await purgeLocalStorage({ store, db, clearLocalStorage: deleteEveryDatabase });

    expect(result).toEqual({ documents: 3, filesDeleted: true });
    expect((await everyStoredByte()).includes(ERASED_NAME)).toBe(false);
    const reopened = new DocumentStore();
    expect(readMissionSnapshot((await reopened.openMission('mission-1')).doc).title).toBe('Mission conservée');
    expect(readDirectorySnapshot((await reopened.openDirectory()).doc).contacts.map((contact) => contact.id)).toEqual([keptId]);
    expect(await loadSyncSettings(db)).toEqual({ serverUrl: 'ws://127.0.0.1:1234', accessToken: 'jeton-equipe' });
    await reopened.destroy();
  });

  it('still rewrites everything cleanly when the storage folders could not be deleted, and says so', async () => {
    const { store, db, keptId } = await storageWithErasedPerson();

    const result = await purgeLocalStorage({ store, db, clearLocalStorage: () => Promise.reject(new Error('route absente')) });

    expect(result.filesDeleted).toBe(false);
    expect((await everyStoredByte()).includes(ERASED_NAME)).toBe(false);
    const reopened = new DocumentStore();
    expect(readDirectorySnapshot((await reopened.openDirectory()).doc).contacts.map((contact) => contact.id)).toEqual([keptId]);
    await reopened.destroy();
  });
});
