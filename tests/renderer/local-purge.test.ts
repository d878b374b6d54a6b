import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createContact, updateContact } from '@shared/directory/contact-operations';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { eraseContactFromDirectory, eraseContactFromMission } from '@shared/erasure/person-erasure';
import { createMeeting, inviteContacts } from '@shared/meetings/meeting-operations';
import { createMission } from '@shared/operations/mission-operations';
import * as Y from 'yjs';
import { DocumentStore, STORE_CLOSED_MESSAGE } from '../../src-renderer/storage/document-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { purgeLocalStorage } from '../../src-renderer/storage/local-purge';
import { loadSyncSettings, saveSyncSettings } from '../../src-renderer/storage/sync-settings';
import { WindowRelay } from '../../src-renderer/sync/window-relay';
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

  it('finishes with the names it knew when the browser stalls listing its databases right after clearing them', async () => {
    const { store, db } = await storageWithErasedPerson();
    let listings = 0;
    const listStoredDocuments = async (): Promise<string[]> => {
      listings += 1;
      if (listings > 1) return new Promise<string[]>(() => undefined);
      return (await indexedDB.databases()).flatMap(({ name }) => (name?.startsWith('bocage.') ? [name] : []));
    };

    const result = await purgeLocalStorage({ store, db, clearLocalStorage: deleteEveryDatabase, listStoredDocuments });

    expect(result).toEqual({ documents: 3, filesDeleted: true });
    expect((await everyStoredByte()).includes(ERASED_NAME)).toBe(false);
    const reopened = new DocumentStore();
    expect(readMissionSnapshot((await reopened.openMission('mission-1')).doc).title).toBe('Mission conservée');
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

/** A connection of another window that ignores the request to close, as a stuck tab would. */
async function holdOpenElsewhere(name: string): Promise<IDBDatabase> {
  const connection = await request(indexedDB.open(name));
  connection.onversionchange = () => undefined;
  return connection;
}

describe('a purge that cannot finish', () => {
  it('says which step stalled instead of leaving « Nettoyage en cours… » forever, and loses nothing', async () => {
    const { store, db } = await storageWithErasedPerson();

    const purge = purgeLocalStorage({ store, db, clearLocalStorage: () => new Promise(() => undefined), stepTimeoutMs: 200 });

    await expect(purge).rejects.toThrow(/^étape « suppression des fichiers de stockage » bloquée depuis plus de 1 s$/);
    // Nothing was deleted: the next start finds the documents and runs the purge again.
    const reopened = new DocumentStore();
    expect(readMissionSnapshot((await reopened.openMission('mission-1')).doc).title).toBe('Mission conservée');
    await reopened.destroy();
  });

  it('names the database another window keeps open, and says to close that window', async () => {
    const { store, db } = await storageWithErasedPerson();
    const stuck = await holdOpenElsewhere('bocage.mission.mission-1');

    const error: unknown = await purgeLocalStorage({
      store,
      db,
      clearLocalStorage: () => Promise.reject(new Error('route absente')),
      stepTimeoutMs: 300,
    }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^étape « suppression de la base bocage\.mission\.mission-1 » bloquée depuis plus de 1 s/);
    expect((error as Error).message).toMatch(/une autre fenêtre ou un autre onglet de Bocage, comme la fenêtre de projection, garde cette base ouverte/);
    stuck.close();
  });
});

describe('the document store once closed', () => {
  it('refuses to open a document, so nothing reopens a database the purge is deleting', async () => {
    const store = new DocumentStore();
    await store.openWorkspace();
    await store.destroy();

    await expect(store.openMission('arrivee-tardive')).rejects.toThrow(STORE_CLOSED_MESSAGE);
    await expect(store.openDirectory()).rejects.toThrow(STORE_CLOSED_MESSAGE);
    expect((await indexedDB.databases()).map(({ name }) => name)).not.toContain('bocage.mission.arrivee-tardive');
  });

  it('finishes closing even when a document was still loading, and refuses that late document', async () => {
    const store = new DocumentStore();
    await store.openWorkspace();
    const late = store.openMission('ouverte-pendant-la-fermeture');
    const lateOutcome = late.catch((error: unknown) => error);

    await store.destroy();

    expect(await lateOutcome).toEqual(new Error(STORE_CLOSED_MESSAGE));
  });

  it('stops sharing its documents with other windows, so a projector opened afterwards gets nothing from it', async () => {
    const store = new DocumentStore();
    const mission = await store.openMission('mission-partagee');
    mission.doc.getMap('probe').set('card', 'Visible tant que la fenêtre est ouverte');
    const before = new Y.Doc();
    const beforeRelay = new WindowRelay('bocage.mission.mission-partagee', before);
    await expect.poll(() => before.getMap('probe').get('card')).toBe('Visible tant que la fenêtre est ouverte');
    beforeRelay.detach();

    await store.destroy();
    const after = new Y.Doc();
    const afterRelay = new WindowRelay('bocage.mission.mission-partagee', after);
    await settle();
    await settle();

    expect(after.getMap('probe').size).toBe(0);
    afterRelay.detach();
  });
});

