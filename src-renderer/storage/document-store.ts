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

/** y-indexeddb reports "synced" before it has counted its rows, so count them here. */
async function storedUpdateRows(persistence: IndexeddbPersistence): Promise<number> {
  if (!persistence.db) return 0;
  const [updates] = idb.transact(persistence.db, ['updates'], 'readonly');
  return updates ? idb.count(updates) : 0;
}

/**
 * Opens each Yjs document once, loads it from its own IndexedDB database, compacts it, and
 * migrates it to this build's schema (unless a newer build wrote it).
 */
export class DocumentStore {
  private readonly open = new Map<string, Promise<OpenDocument>>();
  private readonly persistences: IndexeddbPersistence[] = [];

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
    await persistence.whenSynced;
    if ((await storedUpdateRows(persistence)) > COMPACT_ON_OPEN_ABOVE_ROWS) {
      await storeState(persistence, true);
    }
    // A mission replica still waiting for its content is left alone: createMission migrates a new
    // one, and the creator's copy brings the version when it arrives.
    if (!isWrittenByNewerSchema(doc) && (kind !== 'mission' || readSchemaVersion(doc) > 0)) migrateDocument(doc, kind);
    return { name, kind, doc, isReadOnly: () => isWrittenByNewerSchema(doc) };
  }

  async destroy(): Promise<void> {
    await Promise.all(this.persistences.map((persistence) => persistence.destroy()));
    for (const opening of this.open.values()) (await opening).doc.destroy();
    this.open.clear();
  }
}
