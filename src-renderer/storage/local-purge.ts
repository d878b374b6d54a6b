import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { compactDocumentState } from '@shared/erasure/person-erasure';
import { storedDocumentNames, type DocumentStore } from './document-store';
import type { LocalDatabase } from './local-database';

export interface LocalPurgeDependencies {
  store: DocumentStore;
  db: LocalDatabase;
  /** Deletes the storage files themselves (the bridge); every connection is closed when it runs. */
  clearLocalStorage: () => Promise<void>;
}

type TableRows = { table: string; rows: unknown[] };

async function writeDocument(name: string, state: Uint8Array): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  // Opening a persistence on a document that already has content stores that content first.
  const persistence = new IndexeddbPersistence(name, doc);
  await persistence.whenSynced;
  await persistence.destroy();
  doc.destroy();
}

/**
 * Rewrites this machine's storage so that nothing deleted from the documents survives in its files:
 * every document is re-encoded without its deleted content, the local database is read, the
 * storage folders are deleted, and both are written back. The page must reload afterwards: the
 * documents in memory still hold what was erased, and their stores are closed.
 *
 * Everything to write back is computed and held in memory before anything is deleted, so a
 * failure before the deletion loses nothing; the deletion and the rewrite take well under a second.
 */
export interface LocalPurgeResult {
  documents: number;
  /**
   * False when the storage folders could not be deleted (a web server without the clearing route):
   * the records were deleted one by one instead, and the browser's files may keep traces until it
   * compacts them.
   */
  filesDeleted: boolean;
}

export async function purgeLocalStorage({ store, db, clearLocalStorage }: LocalPurgeDependencies): Promise<LocalPurgeResult> {
  const names = await storedDocumentNames();
  const states = new Map<string, Uint8Array>();
  for (const name of names) {
    const opening = store.openStored(name);
    if (opening) states.set(name, compactDocumentState((await opening).doc));
  }
  const tables: TableRows[] = await Promise.all(db.tables.map(async (table) => ({ table: table.name, rows: await table.toArray() })));

  await store.destroy();
  db.close();
  const cleared = await clearLocalStorage().then(
    () => true,
    () => false,
  );
  const remaining = await storedDocumentNames();
  // A server without the clearing route, or a browser ignoring it, must not end in two copies.
  for (const name of remaining) {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`Impossible de supprimer la base ${name}.`));
    });
  }

  for (const [name, state] of states) await writeDocument(name, state);
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const { table, rows } of tables) await db.table(table).bulkPut(rows);
  });
  return { documents: states.size, filesDeleted: cleared && remaining.length === 0 };
}
