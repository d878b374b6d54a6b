import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { compactDocumentState } from '@shared/erasure/person-erasure';
import { storedDocumentNames, whenLoaded, type DocumentStore } from './document-store';
import type { LocalDatabase } from './local-database';

export interface LocalPurgeDependencies {
  store: DocumentStore;
  db: LocalDatabase;
  /** Deletes the storage files themselves (the bridge); every connection is closed when it runs. */
  clearLocalStorage: () => Promise<void>;
  /** How long one step may take before the purge stops and names it; tests shorten it. */
  stepTimeoutMs?: number;
  /** The names of the document databases on this machine; tests replace it to make it stall. */
  listStoredDocuments?: () => Promise<string[]>;
}

/**
 * Far above what a step takes even on a slow laptop (well under a second each), yet short enough
 * that a stalled step is reported while the user is still looking at « Nettoyage en cours… ».
 */
const DEFAULT_STEP_TIMEOUT_MS = 15_000;

/**
 * Chromium's `indexedDB.databases()` has been seen to stall for over 15 s right after the web
 * server's Clear-Site-Data response. The names known before clearing are a safe answer (deleting a
 * database that is already gone succeeds), so the listing gets this long and no more.
 */
const REMAINING_LISTING_TIMEOUT_MS = 2_000;

const OTHER_WINDOW_HINT =
  ' : une autre fenêtre ou un autre onglet de Bocage, comme la fenêtre de projection, garde cette base ouverte ; fermez-les, puis relancez Bocage';

type TableRows = { table: string; rows: unknown[] };

/**
 * Runs one step of the purge, or fails with the step's name once it has taken too long: IndexedDB
 * and the storage clearing have no timeout of their own, and a purge waiting forever leaves the
 * user facing a button that never comes back.
 */
async function runStep<T>(step: string, timeoutMs: number, work: () => Promise<T>, stallHint: () => string = () => ''): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`étape « ${step} » bloquée depuis plus de ${Math.ceil(timeoutMs / 1000)} s${stallHint()}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/** Deletes one database; `onBlocked` hears that a connection elsewhere did not close when asked. */
function deleteDatabase(name: string, onBlocked: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Impossible de supprimer la base ${name}.`));
    // The deletion still goes ahead once that connection closes; the step's timeout says who holds it.
    request.onblocked = () => onBlocked();
  });
}

async function writeDocument(name: string, state: Uint8Array): Promise<void> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  // Opening a persistence on a document that already has content stores that content first.
  const persistence = new IndexeddbPersistence(name, doc);
  await whenLoaded(persistence);
  await persistence.destroy();
  doc.destroy();
}

export interface LocalPurgeResult {
  documents: number;
  /**
   * False when the storage folders could not be deleted (a web server without the clearing route):
   * the records were deleted one by one instead, and the browser's files may keep traces until it
   * compacts them.
   */
  filesDeleted: boolean;
}

/**
 * Rewrites this machine's storage so that nothing deleted from the documents survives in its files:
 * every document is re-encoded without its deleted content, the local database is read, the
 * storage folders are deleted, and both are written back. The page must reload afterwards: the
 * documents in memory still hold what was erased, and their stores are closed.
 *
 * Everything to write back is computed and held in memory before anything is deleted, so a
 * failure before the deletion loses nothing; the deletion and the rewrite take well under a second.
 * A step that stalls fails with its name, in French, for the user to read; the storage clearing
 * included, rather than going on to write into folders it may still be deleting.
 */
export async function purgeLocalStorage({
  store,
  db,
  clearLocalStorage,
  stepTimeoutMs = DEFAULT_STEP_TIMEOUT_MS,
  listStoredDocuments = storedDocumentNames,
}: LocalPurgeDependencies): Promise<LocalPurgeResult> {
  const step = <T>(name: string, work: () => Promise<T>, stallHint?: () => string) => runStep(name, stepTimeoutMs, work, stallHint);

  const names = await step('liste des documents enregistrés', listStoredDocuments);
  const states = new Map<string, Uint8Array>();
  for (const name of names) {
    const opening = store.openStored(name);
    if (opening) states.set(name, await step(`lecture du document ${name}`, async () => compactDocumentState((await opening).doc)));
  }
  const tables: TableRows[] = await step('lecture de la base locale', () =>
    Promise.all(db.tables.map(async (table) => ({ table: table.name, rows: await table.toArray() }))),
  );

  await step('fermeture des documents', () => store.destroy());
  db.close();
  const cleared = await step('suppression des fichiers de stockage', () =>
    clearLocalStorage().then(
      () => true,
      () => false,
    ),
  );
  const listing = await runStep('liste des documents restants', Math.min(stepTimeoutMs, REMAINING_LISTING_TIMEOUT_MS), listStoredDocuments).then(
    (listed) => ({ listed: true, names: listed }),
    () => ({ listed: false, names }),
  );
  const remaining = listing.names;
  // A server without the clearing route, or a browser ignoring it, must not end in two copies.
  for (const name of remaining) {
    let blocked = false;
    await step(
      `suppression de la base ${name}`,
      () => deleteDatabase(name, () => (blocked = true)),
      () => (blocked ? OTHER_WINDOW_HINT : ''),
    );
  }

  // From here the documents exist only in memory: every rewrite is attempted even when one fails,
  // so a single stalled database does not cost the others.
  const failures: string[] = [];
  const attempt = (work: Promise<void>) => work.catch((error: unknown) => void failures.push(error instanceof Error ? error.message : String(error)));
  for (const [name, state] of states) await attempt(step(`réécriture du document ${name}`, () => writeDocument(name, state)));
  await attempt(
    step('réécriture de la base locale', async () => {
      await db.open();
      await db.transaction('rw', db.tables, async () => {
        for (const { table, rows } of tables) await db.table(table).bulkPut(rows);
      });
    }),
  );
  if (failures.length > 0) throw new Error(failures.join(' ; '));
  return { documents: states.size, filesDeleted: cleared && (!listing.listed || remaining.length === 0) };
}
