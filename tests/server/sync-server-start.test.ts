import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, startSyncServer, SyncServerStartError, type RunningSyncServer } from '../../src-server/sync-server';

const parentDir = mkdtempSync(join(tmpdir(), 'bocage-sync-start-'));
const running: RunningSyncServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

afterAll(() => rmSync(parentDir, { recursive: true, force: true }));

describe('starting the sync server', () => {
  it('creates a missing data folder and reports the port the system chose', async () => {
    const dataDir = join(parentDir, 'bureau', 'sync');
    const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, tokens: ['x'] });
    running.push(server);

    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    expect(server.databaseFile).toBe(join(dataDir, DATABASE_FILE_NAME));
    expect(existsSync(server.databaseFile)).toBe(true);
    const response = await fetch(`http://127.0.0.1:${server.port}/`);
    expect(response.ok).toBe(true);
  });

  it('a port already taken gives an explanation in French instead of a crash', async () => {
    const first = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: join(parentDir, 'premier'), tokens: ['x'] });
    running.push(first);

    const second = startSyncServer({ port: first.port, host: '127.0.0.1', dataDir: join(parentDir, 'second'), tokens: ['x'] });
    await expect(second).rejects.toThrow(SyncServerStartError);
    await expect(second).rejects.toThrow(`Le port ${first.port} est déjà utilisé par un autre programme : choisissez-en un autre avec BOCAGE_PORT.`);
  });

  it('stopping twice is harmless', async () => {
    const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir: join(parentDir, 'double'), tokens: ['x'] });
    await server.stop();
    await expect(server.stop()).resolves.toBeUndefined();
  });
});
