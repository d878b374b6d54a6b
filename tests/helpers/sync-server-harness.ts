import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { SyncClient, type SyncState, type SyncStatus } from '../../src-renderer/sync/sync-client';
import { startSyncServer, type RunningSyncServer } from '../../src-server/sync-server';

export const TEST_TOKEN = 'jeton-equipe-test';
export const OTHER_TEST_TOKEN = 'jeton-second-poste';

/**
 * Real sync servers on loopback over one temporary data folder, and the clients that talk to them.
 * `cleanup()` stops and removes everything a test created.
 */
export class SyncTestBench {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'bocage-sync-test-'));
  private readonly servers: RunningSyncServer[] = [];
  private readonly clients: SyncClient[] = [];

  async startServer(port = 0): Promise<RunningSyncServer> {
    const server = await startSyncServer({
      port,
      host: '127.0.0.1',
      dataDir: this.dataDir,
      tokens: [TEST_TOKEN, OTHER_TEST_TOKEN],
    });
    this.servers.push(server);
    return server;
  }

  client(url: string, token: string = TEST_TOKEN, WebSocketPolyfill: unknown = WebSocket, now?: () => number): SyncClient {
    const client = new SyncClient({ url, token, WebSocketPolyfill, ...(now ? { now } : {}) });
    this.clients.push(client);
    return client;
  }

  async cleanup(): Promise<void> {
    for (const client of this.clients) client.destroy();
    await Promise.all(this.servers.map((server) => server.stop()));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Polls a condition instead of sleeping a fixed time, and says what it waited for when it fails. */
export async function waitUntil(description: string, condition: () => boolean, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function waitForStatus(client: SyncClient, status: SyncStatus, timeoutMs = 8_000): Promise<SyncState> {
  try {
    await waitUntil(`the sync client is ${status}`, () => client.getState().status === status, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; it stayed ${JSON.stringify(client.getState())}`);
  }
  return client.getState();
}
