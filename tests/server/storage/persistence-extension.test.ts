import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { IncomingMessage, MessageReceiver, OutgoingMessage, type beforeSyncPayload, type Extension } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StorePersistence } from '../../../src-server/storage/persistence-extension';
import { SqliteServerStore } from '../../../src-server/storage/sqlite-store';
import { connectProvider, READER_TOKEN, startStoreBackedServer, type StoreBackedServer } from '../../helpers/store-backed-server';
import { waitUntil } from '../../helpers/sync-server-harness';

const DOCUMENT = 'bocage.mission.persistence';
const EDITOR_TOKEN = 'jeton-editeur';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function openStore(): SqliteServerStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'bocage-persistence-'));
  const store = SqliteServerStore.open(dataDir);
  cleanups.push(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return store;
}

async function startServer(store: SqliteServerStore, options: Parameters<typeof startStoreBackedServer>[1] = {}): Promise<StoreBackedServer> {
  const running = await startStoreBackedServer(store, options);
  cleanups.push(() => running.stop());
  return running;
}

function connect(url: string, token = EDITOR_TOKEN, doc = new Y.Doc()): { doc: Y.Doc; provider: HocuspocusProvider } {
  const { provider, close } = connectProvider(url, DOCUMENT, doc, token);
  cleanups.push(close);
  return { doc, provider };
}

async function synced(provider: HocuspocusProvider): Promise<void> {
  await waitUntil('the server acknowledged every change', () => provider.isSynced && provider.unsyncedChanges === 0);
}

function loggedUpdates(store: SqliteServerStore): number {
  return (store.db.prepare('SELECT count(*) AS count FROM document_updates WHERE name = ?').get(DOCUMENT) as { count: number }).count;
}

async function storedNotes(store: SqliteServerStore): Promise<Record<string, unknown>> {
  const doc = new Y.Doc();
  const state = await store.loadDocument(DOCUMENT);
  if (state !== null) Y.applyUpdate(doc, state);
  return doc.getMap('notes').toJSON();
}

describe('StorePersistence', () => {
  it('an edit is in the store as soon as the server acknowledges it, long before any snapshot', async () => {
    const store = openStore();
    const { url } = await startServer(store);
    const { doc, provider } = connect(url);
    await synced(provider);
    doc.getMap('notes').set('enjeu', 'Mobilité des jeunes');
    await synced(provider);
    expect(await storedNotes(store)).toEqual({ enjeu: 'Mobilité des jeunes' });
    expect(loggedUpdates(store)).toBe(1);
  });

  it('a snapshot replaces the logged updates it covers, so the log stays short', async () => {
    const store = openStore();
    const { url } = await startServer(store, { debounceMs: 50 });
    const { doc, provider } = connect(url);
    await synced(provider);
    for (const key of ['un', 'deux', 'trois']) doc.getMap('notes').set(key, key);
    await synced(provider);
    await waitUntil('the snapshot trimmed the log', () => loggedUpdates(store) === 0);
    expect(await storedNotes(store)).toEqual({ un: 'un', deux: 'deux', trois: 'trois' });
  });

  it('a reader’s edits never reach the store', async () => {
    const store = openStore();
    let readerMessagesHandled = 0;
    const countReaderMessages: Extension = {
      async afterHandleMessage({ connection }) {
        if (connection.readOnly) readerMessagesHandled += 1;
      },
    };
    const { url } = await startServer(store, { extensions: [countReaderMessages] });
    const editor = connect(url);
    editor.doc.getMap('notes').set('source', 'éditeur');
    await synced(editor.provider);
    const reader = connect(url, READER_TOKEN);
    await waitUntil('the reader received the mission', () => reader.doc.getMap('notes').get('source') === 'éditeur');

    const handledBefore = readerMessagesHandled;
    reader.doc.getMap('notes').set('intrus', 'lecteur');
    await waitUntil('the server handled the reader’s edit', () => readerMessagesHandled > handledBefore);
    expect(await storedNotes(store)).toEqual({ source: 'éditeur' });
    expect(loggedUpdates(store)).toBe(1);
  });

  it('an up-to-date client reconnecting adds nothing to the log', async () => {
    const store = openStore();
    const { url } = await startServer(store);
    // A colleague stays connected, so the document is neither stored nor unloaded meanwhile.
    const colleague = connect(url);
    await synced(colleague.provider);
    const first = connect(url);
    // A deletion puts a delete set in every later sync answer of this client.
    first.doc.getMap('notes').set('a', 1);
    first.doc.getMap('notes').delete('a');
    first.doc.getMap('notes').set('b', 2);
    await synced(first.provider);
    const logged = loggedUpdates(store);

    first.provider.destroy();
    const again = connect(url, EDITOR_TOKEN, first.doc);
    await synced(again.provider);
    expect(loggedUpdates(store)).toBe(logged);
  });

  it('an update relayed by another instance through Redis is not logged again here', async () => {
    const store = openStore();
    const { url, server } = await startServer(store);
    const { provider } = connect(url);
    await synced(provider);
    const document = server.hocuspocus.documents.get(DOCUMENT);
    if (document === undefined) throw new Error('The document is not loaded');

    // What the Redis extension does with a message another instance published.
    const remote = new Y.Doc();
    remote.getMap('notes').set('autre-instance', true);
    const published = new OutgoingMessage(DOCUMENT).createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(remote)).toUint8Array();
    const message = new IncomingMessage(published);
    message.writeVarString(message.readVarString());
    await new MessageReceiver(message, { source: 'redis' }).apply(document, undefined);

    expect(document.getMap('notes').get('autre-instance')).toBe(true);
    expect(loggedUpdates(store)).toBe(0);
  });

  it('a malformed update is refused before it can make the document unloadable', async () => {
    const store = openStore();
    const persistence = new StorePersistence(store);
    const garbage = new Uint8Array([200, 1, 255, 255, 255, 255, 15, 7]);
    const payload = { connection: { readOnly: false }, document: new Y.Doc(), documentName: DOCUMENT, type: 2, payload: garbage };
    await expect(persistence.beforeSync(payload as unknown as beforeSyncPayload)).rejects.toThrow();
    expect(loggedUpdates(store)).toBe(0);
    expect(await store.loadDocument(DOCUMENT)).toBeNull();
  });

  it('another server loading the mission gets the snapshot and the updates logged after it', async () => {
    const store = openStore();
    const first = await startServer(store);
    const writer = connect(first.url);
    writer.doc.getMap('notes').set('avant', 'snapshot');
    await synced(writer.provider);
    // The last client leaving makes the server store the document at once.
    writer.provider.destroy();
    await waitUntil('the snapshot trimmed the log', () => loggedUpdates(store) === 0);
    const secondWriter = connect(first.url);
    secondWriter.doc.getMap('notes').set('apres', 'journal');
    await synced(secondWriter.provider);
    expect(loggedUpdates(store)).toBe(1);

    const second = await startServer(store);
    const reader = connect(second.url);
    await waitUntil('the client has both edits', () => reader.doc.getMap('notes').size === 2);
    expect(reader.doc.getMap('notes').toJSON()).toEqual({ avant: 'snapshot', apres: 'journal' });
  });
});
