import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { META_FIELD, metaMap } from '@shared/documents/document-structure';
import { missionDocumentName } from '@shared/documents/document-names';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { addCommuneToTerritory, createMission, setMissionSponsor, trashMission } from '@shared/operations/mission-operations';
import { DocumentStore } from '../../src-renderer/storage/document-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { catalogFromDocuments, rebuildCatalog, refreshCatalogEntry } from '../../src-renderer/storage/mission-catalog';
import { loadSyncSettings, saveSyncSettings } from '../../src-renderer/storage/sync-settings';

const ORIGIN = { source: 'test-user' };
const AMIENS = { code: '80021', name: 'Amiens', departement: '80', postalCodes: ['80000', '80080', '80090'], population: 133625, epci: '248000531' };

const baseInput = {
  sponsor: 'Caf de la Somme',
  themes: ['parentalite' as const],
  startDate: '2026-01-15',
  endDate: null,
  status: 'en-cours' as const,
  description: 'Diagnostic partagé',
};

/** y-indexeddb writes asynchronously after each update; a short pause lets its transactions land. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

async function createStoredMission(store: DocumentStore, title: string): Promise<string> {
  const workspace = await store.openWorkspace();
  const id = crypto.randomUUID();
  const mission = await store.openMission(id);
  createMission(workspace.doc, mission.doc, { ...baseInput, title }, ORIGIN, Date.now(), id);
  addCommuneToTerritory(mission.doc, AMIENS, ORIGIN);
  await settle();
  return id;
}

function rawUpdateRows(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const count = db.transaction('updates').objectStore('updates').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
    };
  });
}

// Each test gets an empty browser storage, as on a fresh machine (the Yjs documents live there).
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('local storage of documents', () => {
  it('a mission and the workspace list are still there after the app is closed and reopened', async () => {
    const firstRun = new DocumentStore();
    const id = await createStoredMission(firstRun, 'Mission gardée');
    await firstRun.destroy();

    const secondRun = new DocumentStore();
    const mission = await secondRun.openMission(id);
    const snapshot = readMissionSnapshot(mission.doc);
    expect(snapshot.title).toBe('Mission gardée');
    expect(snapshot.sponsor).toBe('Caf de la Somme');
    expect(snapshot.communes.map((c) => c.name)).toEqual(['Amiens']);
    const catalog = await catalogFromDocuments(secondRun);
    expect(catalog.map((entry) => entry.id)).toContain(id);
    await secondRun.destroy();
  });

  it('a document that grew by many small edits is compacted when it is opened again', async () => {
    const store = new DocumentStore();
    const id = await createStoredMission(store, 'Mission très éditée');
    const mission = await store.openMission(id);
    for (let index = 0; index < 120; index += 1) setMissionSponsor(mission.doc, `Commanditaire ${index}`, ORIGIN);
    await settle();
    const name = missionDocumentName(id);
    await store.destroy();
    expect(await rawUpdateRows(name)).toBeGreaterThan(100);

    const reopened = new DocumentStore();
    const again = await reopened.openMission(id);
    await settle();
    expect(await rawUpdateRows(name)).toBeLessThan(5);
    expect(readMissionSnapshot(again.doc).sponsor).toBe('Commanditaire 119');
    await reopened.destroy();
  });

  it('a mission written by a newer Bocage opens read-only and is listed as such', async () => {
    const store = new DocumentStore();
    const id = await createStoredMission(store, 'Mission du futur');
    const mission = await store.openMission(id);
    metaMap(mission.doc).set(META_FIELD.schemaVersion, 99);
    await settle();
    await store.destroy();

    const reopened = new DocumentStore();
    const again = await reopened.openMission(id);
    expect(again.isReadOnly()).toBe(true);
    expect(metaMap(again.doc).get(META_FIELD.schemaVersion)).toBe(99);
    const entry = (await catalogFromDocuments(reopened)).find((candidate) => candidate.id === id);
    expect(entry?.readOnly).toBe(true);
    await reopened.destroy();
  });
});

describe('the home-screen catalog', () => {
  it('rebuilt from the documents, it equals the catalog kept up to date while working', async () => {
    const db = new LocalDatabase(`catalog-${crypto.randomUUID()}`);
    const store = new DocumentStore();
    const ids = [await createStoredMission(store, 'Première'), await createStoredMission(store, 'Deuxième'), await createStoredMission(store, 'Troisième')];
    for (const id of ids) await refreshCatalogEntry(db, await store.openMission(id), false);
    const edited = await store.openMission(ids[1] as string);
    setMissionSponsor(edited.doc, 'MSA Picardie', ORIGIN, Date.now() + 1000);
    await refreshCatalogEntry(db, edited, false);
    const workspace = await store.openWorkspace();
    trashMission(workspace.doc, ids[2] as string, ORIGIN);
    await refreshCatalogEntry(db, await store.openMission(ids[2] as string), true);

    const live = await db.catalog.orderBy('updatedAt').reverse().toArray();
    await rebuildCatalog(db, store);
    const rebuilt = await db.catalog.orderBy('updatedAt').reverse().toArray();

    expect(rebuilt).toEqual(live);
    expect(rebuilt.map((entry) => entry.title).slice(0, 1)).toEqual(['Deuxième']);
    expect(rebuilt.map((entry) => entry.id)).not.toContain(ids[2]);
    expect(rebuilt.find((entry) => entry.id === ids[0])).toMatchObject({ territoryLabel: 'Amiens', communeCount: 1, population: 133625 });
    await store.destroy();
    db.close();
  });

  it('a mission whose content has not arrived from the server yet is not listed as an empty mission', async () => {
    const db = new LocalDatabase(`catalog-${crypto.randomUUID()}`);
    const store = new DocumentStore();
    await refreshCatalogEntry(db, await store.openMission(crypto.randomUUID()), false);
    expect(await db.catalog.count()).toBe(0);
    await store.destroy();
    db.close();
  });
});

describe('local settings', () => {
  it('the sync server address and token are remembered, and forgotten when sync is switched off', async () => {
    const db = new LocalDatabase(`settings-${crypto.randomUUID()}`);
    expect(await loadSyncSettings(db)).toBeNull();
    await saveSyncSettings(db, { serverUrl: 'wss://sync.exemple.fr', accessToken: 'secret' });
    expect(await loadSyncSettings(db)).toEqual({ serverUrl: 'wss://sync.exemple.fr', accessToken: 'secret' });
    await saveSyncSettings(db, null);
    expect(await loadSyncSettings(db)).toBeNull();
    db.close();
  });
});
