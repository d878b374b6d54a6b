import type { afterUnloadDocumentPayload, beforeSyncPayload, Extension, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ServerStore } from './server-store';

/** y-protocols/sync message types (https://github.com/yjs/y-protocols/blob/master/sync.js). */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * Keeps Hocuspocus documents in a ServerStore so that nothing the server acknowledged is lost.
 *
 * Durability comes from the update log, not from the snapshots. Hocuspocus runs `beforeSync` and
 * awaits it for every sync message of a connection, before it applies the update and before it
 * answers with the SyncStatus message that tells the client the update is safe; `onChange` comes
 * too late (it is not awaited, and the acknowledgement leaves first). So each incoming update is
 * appended to the log in `beforeSync`; a crash at any later point loses nothing acknowledged.
 *
 * Snapshots (`onStoreDocument`, debounced by Hocuspocus) only keep the log short: the stored state
 * replaces the updates it covers.
 *
 * Not logged: updates from read-only connections (Hocuspocus refuses them after this hook runs),
 * and updates other instances relay through Redis, which arrive without a connection and so never
 * reach `beforeSync`: the instance their client is connected to logged them.
 */
export class StorePersistence implements Extension {
  readonly extensionName = 'bocage-store-persistence';
  /** Per loaded document, the highest sequence number this instance appended to its log. */
  private readonly lastAppended = new Map<string, number>();

  constructor(private readonly store: ServerStore) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const state = await this.store.loadDocument(documentName);
    if (state !== null) Y.applyUpdate(document, state);
  }

  async beforeSync({ connection, document, documentName, type, payload }: beforeSyncPayload): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
    // Decoding the update before it is logged: a malformed one makes Hocuspocus close the
    // connection, and if it were in the log, every later load of the document would fail on it.
    if (type === SYNC_STEP_2) {
      // A client's answer to the server's first sync step holds its whole delete set: at each
      // reconnection of an up-to-date client it brings nothing new and is not worth a log entry.
      if (Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
    } else {
      Y.parseUpdateMeta(payload);
    }
    const sequence = await this.store.appendUpdate(documentName, payload);
    this.lastAppended.set(documentName, Math.max(sequence, this.lastAppended.get(documentName) ?? 0));
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    // An update appended but not yet applied when the state is encoded may have a lower number:
    // both stores merge the updates they drop into the stored state, so it cannot be lost.
    await this.store.storeDocument(documentName, Y.encodeStateAsUpdate(document), this.lastAppended.get(documentName) ?? null);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.lastAppended.delete(documentName);
  }
}
