import * as idb from 'lib0/indexeddb';
import * as Y from 'yjs';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import {
  directoryDocumentName,
  missionDocumentName,
  parseDocumentName,
  workspaceDocumentName,
  type DocumentKind,
} from '@shared/documents/document-names';
import { migrateDocument } from '@shared/schema/migrate-document';
import { isWrittenByNewerSchema, readSchemaVersion } from '@shared/schema/schema-version';
import { WindowRelay } from '../sync/window-relay';

/** y-indexeddb appends on every change and compacts late; past this many rows we compact on open. */
const COMPACT_ON_OPEN_ABOVE_ROWS = 50;

export interface OpenDocument {
  name: string;
  kind: DocumentKind;
  doc: Y.Doc;
  /** True when a newer Bocage wrote it: it is shown, never written. */
  isReadOnly(): boolean;
}

/** Every document this machine stores, whether or not the workspace still lists it. */
export async function storedDocumentNames(): Promise<string[]> {
  const databases = await indexedDB.databases();
  return databases.flatMap(({ name }) => (name !== undefined && parseDocumentName(name) !== null ? [name] : []));
}

/** What a caller reads when it asks for a document while the store is closing (a purge, the page ending). */
export const STORE_CLOSED_MESSAGE =
  'Le stockage local de Bocage est fermé (nettoyage ou fermeture en cours) : rechargez l’application pour rouvrir ce document.';

/**
 * Resolves once the document is loaded. y-indexeddb's `whenSynced` never settles when the database
 * fails to open (its rejection is left unhandled): waiting on the opening too turns that into an error.
 */
export async function whenLoaded(persistence: IndexeddbPersistence): Promise<void> {
  await Promise.all([persistence._db, persistence.whenSynced]);
}

/** y-indexeddb reports "synced" before it has counted its rows, so count them here. */
async function storedUpdateRows(persistence: IndexeddbPersistence): Promise<number> {
  if (!persistence.db) return 0;
  const [updates] = idb.transact(persistence.db, ['updates'], 'readonly');
  return updates ? idb.count(updates) : 0;
}

/**
 * Opens each Yjs document once, loads it from its own IndexedDB database, compacts it, migrates
 * it to this build's schema (unless a newer build wrote it), and shares it live with the other
 * windows of this origin that have it open (the projector's window).
 */
export class DocumentStore {
  private readonly open = new Map<string, Promise<OpenDocument>>();
  private readonly persistences: IndexeddbPersistence[] = [];
  private readonly relays: WindowRelay[] = [];
  /**
   * Set by destroy(), for good: a document opened afterwards would hold an IndexedDB connection
   * the storage purge does not know about, and keep stale content alive after the page's reload.
   */
  private destroyed = false;

  openWorkspace(): Promise<OpenDocument> {
    return this.openDocument(workspaceDocumentName(), 'workspace');
  }

  openMission(missionId: string): Promise<OpenDocument> {
    return this.openDocument(missionDocumentName(missionId), 'mission');
  }

  openDirectory(): Promise<OpenDocument> {
    return this.openDocument(directoryDocumentName(), 'directory');
  }

  /** Opens a document by its stored name; null for a name that is not one of Bocage's documents. */
  openStored(name: string): Promise<OpenDocument> | null {
    const parsed = parseDocumentName(name);
    return parsed ? this.openDocument(name, parsed.kind) : null;
  }

  private openDocument(name: string, kind: DocumentKind): Promise<OpenDocument> {
    if (this.destroyed) return Promise.reject(new Error(STORE_CLOSED_MESSAGE));
    const existing = this.open.get(name);
    if (existing) return existing;
    const opening = this.load(name, kind);
    this.open.set(name, opening);
    return opening;
  }

  private async load(name: string, kind: DocumentKind): Promise<OpenDocument> {
    const doc = new Y.Doc();
    const persistence = new IndexeddbPersistence(name, doc);
    this.persistences.push(persistence);
    await whenLoaded(persistence);
    if ((await storedUpdateRows(persistence)) > COMPACT_ON_OPEN_ABOVE_ROWS) {
      await storeState(persistence, true);
    }
    // A mission replica still waiting for its content is left alone: createMission migrates a new
    // one, and the creator's copy brings the version when it arrives.
    if (!isWrittenByNewerSchema(doc) && (kind !== 'mission' || readSchemaVersion(doc) > 0)) migrateDocument(doc, kind);
    if (this.destroyed) {
      doc.destroy();
      throw new Error(STORE_CLOSED_MESSAGE);
    }
    // Attached once loaded, so the announcement carries the stored state and the other windows
    // send only what this copy lacks.
    this.relays.push(new WindowRelay(name, doc));
    return { name, kind, doc, isReadOnly: () => isWrittenByNewerSchema(doc) };
  }

  /**
   * Closes every document for good. Loads under way are awaited rather than cut short: a load whose
   * persistence is destroyed first never settles (y-indexeddb stops before reporting it synced), and
   * waiting for it would hang the storage purge.
   */
  async destroy(): Promise<void> {
    this.destroyed = true;
    for (const relay of this.relays) relay.detach();
    const openings = await Promise.allSettled(this.open.values());
    this.open.clear();
    await Promise.all(this.persistences.map((persistence) => persistence.destroy()));
    for (const opening of openings) if (opening.status === 'fulfilled') opening.value.doc.destroy();
  }
}
