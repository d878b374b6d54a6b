import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { SYNC_PARAMETER, SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/sync-protocol';
import { createUserToken } from '../../src-server/access/user-tokens';
import { SqliteServerStore } from '../../src-server/storage/sqlite-store';
import { connectProvider } from '../helpers/store-backed-server';
import { waitUntil } from '../helpers/sync-server-harness';
import { freeLoopbackPort, ServerProcess } from '../helpers/server-process';

const DOCUMENT = missionDocumentName('crash-test');
const BURST = 300;
/** Enough acknowledgements to be sure the server is writing, few enough that the burst is far from done. */
const KILL_AFTER_ACKNOWLEDGEMENTS = 40;
/** Hocuspocus's SyncStatus message: the server tells the client one update is applied and safe. */
const SYNC_STATUS_MESSAGE = 8;

/** Counts the server's acknowledgements of applied updates, in the order they arrive. */
class AcknowledgementCounter {
  acknowledged = 0;

  /** The WebSocket class the provider opens its connections with. */
  webSocketClass(): unknown {
    const read = (data: WebSocket.Data): void => this.read(data);
    return class CountingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        this.addEventListener('message', ({ data }) => read(data));
      }
    };
  }

  private read(data: WebSocket.Data): void {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : Buffer.isBuffer(data) ? data : null;
    if (bytes === null) return;
    const decoder = decoding.createDecoder(bytes);
    decoding.readVarString(decoder);
    if (decoding.readVarUint(decoder) === SYNC_STATUS_MESSAGE && decoding.readVarUint(decoder) === 1) this.acknowledged += 1;
  }
}

function editKeys(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap<number>('edits').keys());
}

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a server killed during a burst of edits', () => {
  it('loses no edit it acknowledged, and the client sends the others by itself once it is back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bocage-crash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const { token } = createUserToken();
    const port = await freeLoopbackPort();
    const firstRun = await ServerProcess.start({ dataDir, port, teamToken: token });
    cleanups.push(() => firstRun.stop());

    const counter = new AcknowledgementCounter();
    const address = `${firstRun.url}?${SYNC_PARAMETER.protocol}=${SYNC_PROTOCOL_VERSION}`;
    // Short reconnection delays: the test waits for the restart, not for a long backoff.
    const socket = new HocuspocusProviderWebsocket({ url: address, WebSocketPolyfill: counter.webSocketClass(), delay: 100, minDelay: 100, maxDelay: 500, factor: 1.5 });
    const doc = new Y.Doc();
    const provider = new HocuspocusProvider({ name: DOCUMENT, document: doc, token, websocketProvider: socket, sessionAwareness: true });
    provider.attach();
    cleanups.push(() => {
      provider.destroy();
      socket.destroy();
    });
    await waitUntil('the client is synchronised', () => provider.isSynced && provider.unsyncedChanges === 0, 15_000);

    const acknowledgedBefore = counter.acknowledged;
    const edits = doc.getMap<number>('edits');
    for (let index = 0; index < BURST; index += 1) {
      // One transaction per edit: one update message, so one acknowledgement, each.
      doc.transact(() => edits.set(`edit-${index}`, index));
    }
    await waitUntil('the server acknowledged part of the burst', () => counter.acknowledged - acknowledgedBefore >= KILL_AFTER_ACKNOWLEDGEMENTS, 15_000);
    await firstRun.kill();
    await waitUntil('the client noticed the server is gone', () => socket.status !== WebSocketStatus.Connected, 5_000);
    // Acknowledgements sent just before the kill still count: the client believes those edits safe.
    const acknowledged = counter.acknowledged - acknowledgedBefore;
    expect(acknowledged).toBeLessThan(BURST);

    // What the server had made durable, read from its files as the restarted server will read them.
    const store = SqliteServerStore.open(dataDir);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, (await store.loadDocument(DOCUMENT)) ?? new Uint8Array());
    await store.close();
    // Acknowledgements arrive in the order the edits were sent, so the first `acknowledged` edits are the acknowledged ones.
    const storedKeys = editKeys(stored);
    const lost = Array.from({ length: acknowledged }, (_, index) => `edit-${index}`).filter((key) => !storedKeys.has(key));
    expect(lost).toEqual([]);

    const secondRun = await ServerProcess.start({ dataDir, port, teamToken: token });
    cleanups.push(() => secondRun.stop());
    await waitUntil('the client resent what the server never acknowledged', () => provider.isSynced && provider.unsyncedChanges === 0, 20_000);

    const colleagueDoc = new Y.Doc();
    const colleague = connectProvider(address, DOCUMENT, colleagueDoc, token);
    cleanups.push(colleague.close);
    await waitUntil('a colleague receives the whole burst from the restarted server', () => editKeys(colleagueDoc).size === BURST, 15_000);
  }, 90_000);
});
