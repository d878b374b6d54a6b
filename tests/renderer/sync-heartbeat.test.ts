import { createServer, connect, type Server, type Socket } from 'node:net';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { workspaceDocumentName } from '@shared/documents/document-names';
import { SyncClient, type SyncStatus } from '../../src-renderer/sync/sync-client';
import { SyncTestBench, TEST_TOKEN, waitForStatus } from '../helpers/sync-server-harness';

/**
 * A TCP relay on loopback that can stop forwarding without closing anything, like a server that
 * froze or a network that silently drops packets: nothing tells the client the connection is dead.
 */
class FreezableRelay {
  private readonly server: Server;
  private readonly pairs: Array<{ client: Socket; upstream: Socket }> = [];
  private readonly held: Socket[] = [];
  private frozen = false;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      client.on('error', () => undefined);
      if (this.frozen) {
        client.pause();
        this.held.push(client);
      } else {
        this.forward(client);
      }
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve) => {
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  }

  freeze(): void {
    this.frozen = true;
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  resume(): void {
    this.frozen = false;
    for (const { client, upstream } of this.pairs) {
      client.pipe(upstream);
      upstream.pipe(client);
    }
    for (const client of this.held.splice(0)) this.forward(client);
  }

  close(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    for (const client of this.held) client.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private forward(client: Socket): void {
    const upstream = connect(this.targetPort, '127.0.0.1');
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    this.pairs.push({ client, upstream });
  }
}

const TIMEOUT_MS = 1_500;

let bench: SyncTestBench;
let relay: FreezableRelay | null = null;
let client: SyncClient | null = null;

beforeEach(() => {
  bench = new SyncTestBench();
});

afterEach(async () => {
  client?.destroy();
  client = null;
  await relay?.close();
  relay = null;
  await bench.cleanup();
});

async function connectThroughRelay(): Promise<{ relay: FreezableRelay; client: SyncClient; seen: SyncStatus[] }> {
  const server = await bench.startServer();
  relay = new FreezableRelay(server.port);
  const port = await relay.listen();
  client = new SyncClient({ url: `ws://127.0.0.1:${port}`, token: TEST_TOKEN, WebSocketPolyfill: WebSocket, deadConnectionTimeoutMs: TIMEOUT_MS });
  const seen: SyncStatus[] = [];
  client.onStateChange((state) => seen.push(state.status));
  client.attach(workspaceDocumentName(), new Y.Doc());
  await waitForStatus(client, 'up-to-date');
  return { relay, client, seen };
}

describe('a connection that dies without closing', () => {
  it('an idle but live connection is kept: the heartbeat keeps it talking', async () => {
    const { client: subject, seen } = await connectThroughRelay();
    seen.length = 0;
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 3));
    expect(seen).toEqual([]);
    expect(subject.getState().status).toBe('up-to-date');
  });

  it('a frozen server is noticed within the timeout, and the client comes back by itself once it answers again', async () => {
    const { relay: network, client: subject } = await connectThroughRelay();
    network.freeze();
    const frozenAt = Date.now();
    await waitForStatus(subject, 'offline', TIMEOUT_MS * 3);
    // The timeout, then a few checks (a tenth of it each) while the close gets no answer.
    expect(Date.now() - frozenAt).toBeLessThan(TIMEOUT_MS * 2);

    network.resume();
    await waitForStatus(subject, 'up-to-date', 20_000);
  });
});
