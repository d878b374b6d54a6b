import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { MissionRole } from '../../src-shared/sync/sync-protocol';
import { SyncClient, type SyncState, type SyncStatus } from '../../src-renderer/sync/sync-client';
import { hashToken } from '../../src-server/access/user-tokens';
import type { SyncServerConfig } from '../../src-server/config';
import type { LogEntry } from '../../src-server/logging/json-log';
import type { ServerStore, StoredUser } from '../../src-server/storage/server-store';
import { sqliteDatabaseFile } from '../../src-server/storage/sqlite-store';
import { startSyncServer, type RunningSyncServer } from '../../src-server/sync-server';

/** A team member's token (account `alice`). */
export const TEST_TOKEN = 'jeton-equipe-test';
/** A second team member on another machine (account `bruno`). */
export const OTHER_TEST_TOKEN = 'jeton-second-poste';
/** A partner (account `caf79`): only the missions shared with them. */
export const PARTNER_TEST_TOKEN = 'jeton-partenaire-test';

export const TEST_USERS = [
  { name: 'alice', team: true, token: TEST_TOKEN },
  { name: 'bruno', team: true, token: OTHER_TEST_TOKEN },
  { name: 'caf79', team: false, token: PARTNER_TEST_TOKEN },
] as const;

export type TestUserName = (typeof TEST_USERS)[number]['name'];

/** The settings of a test server: loopback, a free port, limits high enough never to get in the way. */
export function testServerConfig(dataDir: string, overrides: Partial<SyncServerConfig> = {}): SyncServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    redisUrl: null,
    tls: null,
    maxMessageBytes: 32 * 1024 * 1024,
    connectionsPerMinutePerAddress: 10_000,
    ...overrides,
  };
}

/** Creates the test accounts once per store, so a restarted server on the same data keeps them. */
export async function addTestUsers(store: ServerStore): Promise<Map<TestUserName, StoredUser>> {
  const users = new Map<TestUserName, StoredUser>();
  for (const { name, team, token } of TEST_USERS) {
    users.set(name, (await store.findUserByName(name)) ?? (await store.addUser({ name, team, tokenHash: hashToken(token) })));
  }
  return users;
}

/**
 * Real sync servers on loopback over one temporary data folder, and the clients that talk to them.
 * Every server has the accounts of TEST_USERS. `cleanup()` stops and removes everything a test created.
 */
export class SyncTestBench {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'bocage-sync-test-'));
  /** Every log entry of every server of this bench, to check what the logs do and do not say. */
  readonly logs: LogEntry[] = [];
  private readonly servers: RunningSyncServer[] = [];
  private readonly clients: SyncClient[] = [];

  get databaseFile(): string {
    return sqliteDatabaseFile(this.dataDir);
  }

  async startServer(port = 0, overrides: Partial<SyncServerConfig> = {}): Promise<RunningSyncServer> {
    const server = await startSyncServer(testServerConfig(this.dataDir, { port, ...overrides }), { log: (entry) => this.logs.push(entry) });
    this.servers.push(server);
    await addTestUsers(server.store);
    return server;
  }

  /** What an administrator does with `npm run server -- missions share <mission> <nom> <rôle>`. */
  async share(server: RunningSyncServer, missionId: string, userName: TestUserName, role: MissionRole): Promise<void> {
    const user = await server.store.findUserByName(userName);
    if (user === null) throw new Error(`No test user ${userName}`);
    await server.store.grantMission({ userId: user.id, missionId, role, grantedAt: Date.now() });
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
