import type * as Y from 'yjs';
import type { LocalDatabase } from '../storage/local-database';
import { captureServerKnowledge, countPendingChanges, readServerKnowledge, type ServerKnowledge } from './pending-changes';

export interface LedgerEntry {
  /** Changes of this machine the server has not acknowledged (see countPendingChanges). */
  pendingChanges: number;
  /** When the server last acknowledged everything of the document; null when it never did. */
  acknowledgedAt: number | null;
}

export interface SyncLedgerOptions {
  now?: () => number;
  /** How long a burst of edits waits before the unsent changes are counted again. */
  recountDelayMs?: number;
  /** How long acknowledgements gather before they are written (the last one wins). */
  writeDelayMs?: number;
}

interface TrackedDocument {
  doc: Y.Doc;
  known: ServerKnowledge | null;
  entry: LedgerEntry;
  recount: ReturnType<typeof setTimeout> | null;
  stopFollowing: () => void;
}

interface PendingWrite {
  serverKnowledge: Uint8Array<ArrayBuffer>;
  acknowledgedAt: number;
}

/**
 * Keeps, per document, what the sync server is known to hold, and counts what this machine has
 * beyond it. The knowledge is stored, so changes made offline are still counted after a restart,
 * and a document never acknowledged reads as never synchronised.
 */
export class SyncLedger {
  private readonly tracked = new Map<string, TrackedDocument>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly writes = new Map<string, PendingWrite>();
  private writeTimer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly recountDelayMs: number;
  private readonly writeDelayMs: number;
  private stopped = false;

  constructor(
    private readonly db: LocalDatabase,
    options: SyncLedgerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.recountDelayMs = options.recountDelayMs ?? 250;
    this.writeDelayMs = options.writeDelayMs ?? 500;
  }

  /** Starts counting the document's unsent changes; resolves once the stored knowledge is read. */
  track(documentName: string, doc: Y.Doc): Promise<void> {
    let loading = this.loading.get(documentName);
    if (!loading) {
      loading = this.load(documentName, doc);
      this.loading.set(documentName, loading);
    }
    return loading;
  }

  private async load(documentName: string, doc: Y.Doc): Promise<void> {
    const stored = await this.db.syncedDocuments.get(documentName);
    if (this.stopped || this.tracked.has(documentName)) return;
    // An acknowledgement may have come while the stored one was read, and is not written yet.
    const record = this.writes.get(documentName) ?? stored;
    const known = record ? readServerKnowledge(record.serverKnowledge) : null;
    const tracked: TrackedDocument = {
      doc,
      known,
      entry: { pendingChanges: countPendingChanges(doc, known), acknowledgedAt: record?.acknowledgedAt ?? null },
      recount: null,
      stopFollowing: () => undefined,
    };
    const onUpdate = (): void => this.scheduleRecount(tracked);
    doc.on('update', onUpdate);
    tracked.stopFollowing = () => doc.off('update', onUpdate);
    this.tracked.set(documentName, tracked);
    this.notify();
  }

  /** Null until the document is tracked and its stored knowledge read. */
  get(documentName: string): LedgerEntry | null {
    return this.tracked.get(documentName)?.entry ?? null;
  }

  /**
   * The server holds everything `doc` holds, now. Taken at once: a change made a moment later is
   * not acknowledged by this call.
   */
  acknowledge(documentName: string, doc: Y.Doc): void {
    if (this.stopped) return;
    const serverKnowledge = captureServerKnowledge(doc) as Uint8Array<ArrayBuffer>;
    const acknowledgedAt = this.now();
    this.writes.set(documentName, { serverKnowledge, acknowledgedAt });
    this.scheduleWrite();
    const tracked = this.tracked.get(documentName);
    if (!tracked || tracked.doc !== doc) return;
    tracked.known = readServerKnowledge(serverKnowledge);
    tracked.entry = { pendingChanges: 0, acknowledgedAt };
    this.notify();
  }

  /** Unsent changes of every tracked document, by name. */
  entries(): ReadonlyMap<string, LedgerEntry> {
    return new Map([...this.tracked].map(([name, tracked]) => [name, tracked.entry]));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Writes the acknowledgements still waiting. */
  async flush(): Promise<void> {
    if (this.writeTimer !== null) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    const records = [...this.writes].map(([documentName, write]) => ({ documentName, ...write }));
    this.writes.clear();
    this.writing = this.writing.then(async () => {
      if (records.length > 0) await this.db.syncedDocuments.bulkPut(records);
    });
    await this.writing;
  }

  /** Another server knows nothing of what the previous one held: everything counts as unsent again. */
  async forgetServer(): Promise<void> {
    this.writes.clear();
    await this.flush();
    await this.db.syncedDocuments.clear();
    for (const tracked of this.tracked.values()) {
      tracked.known = null;
      tracked.entry = { pendingChanges: countPendingChanges(tracked.doc, null), acknowledgedAt: null };
    }
    this.notify();
  }

  /** Stops counting and writes what is waiting; nothing is recorded afterwards. */
  async stop(): Promise<void> {
    await this.flush();
    this.stopped = true;
    for (const tracked of this.tracked.values()) {
      tracked.stopFollowing();
      if (tracked.recount !== null) clearTimeout(tracked.recount);
    }
    this.tracked.clear();
    this.listeners.clear();
  }

  private scheduleRecount(tracked: TrackedDocument): void {
    if (tracked.recount !== null) return;
    tracked.recount = setTimeout(() => {
      tracked.recount = null;
      const pendingChanges = countPendingChanges(tracked.doc, tracked.known);
      if (pendingChanges === tracked.entry.pendingChanges) return;
      tracked.entry = { ...tracked.entry, pendingChanges };
      this.notify();
    }, this.recountDelayMs);
  }

  private scheduleWrite(): void {
    if (this.writeTimer !== null) return;
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      this.flush().catch((error: unknown) => {
        // A lost write only makes the count too high until the next acknowledgement, never too low.
        console.error('Bocage : l’état de synchronisation n’a pas pu être enregistré.', error);
      });
    }, this.writeDelayMs);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
