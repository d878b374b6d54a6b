import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sqliteDatabaseFile } from '../../src-server/storage/sqlite-store';
import { startSyncServer, SyncServerStartError, type RunningSyncServer } from '../../src-server/sync-server';
import type { LogEntry } from '../../src-server/logging/json-log';
import { testServerConfig } from '../helpers/sync-server-harness';

const parentDir = mkdtempSync(join(tmpdir(), 'bocage-sync-start-'));
const running: RunningSyncServer[] = [];
const quiet = { log: () => undefined };

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

afterAll(() => rmSync(parentDir, { recursive: true, force: true }));

describe('starting the sync server', () => {
  it('creates a missing data folder and reports the port the system chose', async () => {
    const dataDir = join(parentDir, 'bureau', 'sync');
    const server = await startSyncServer(testServerConfig(dataDir), quiet);
    running.push(server);

    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`ws://127.0.0.1:${server.port}`);
    expect(server.httpUrl).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.store.kind).toBe('sqlite');
    expect(existsSync(sqliteDatabaseFile(dataDir))).toBe(true);
    const response = await fetch(`${server.httpUrl}/health`);
    expect(response.status).toBe(200);
  });

  it('a port already taken gives an explanation in French instead of a crash', async () => {
    const first = await startSyncServer(testServerConfig(join(parentDir, 'premier')), quiet);
    running.push(first);

    const second = startSyncServer(testServerConfig(join(parentDir, 'second'), { port: first.port }), quiet);
    await expect(second).rejects.toThrow(SyncServerStartError);
    await expect(second).rejects.toThrow(`Le port ${first.port} est déjà utilisé par un autre programme : choisissez-en un autre avec BOCAGE_PORT.`);
  });

  it('a data folder that holds something else than a database is explained instead of a crash', async () => {
    const dataDir = join(parentDir, 'abime');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(sqliteDatabaseFile(dataDir), 'ceci n’est pas une base de données '.repeat(200));
    const start = startSyncServer(testServerConfig(dataDir), quiet);
    await expect(start).rejects.toThrow(SyncServerStartError);
    await expect(start).rejects.toThrow(/n’est pas une base de données lisible/);
  });

  it('a TLS certificate that is not PEM is explained instead of a crash', async () => {
    const certFile = join(parentDir, 'faux-cert.pem');
    writeFileSync(certFile, 'pas un certificat');
    const start = startSyncServer(testServerConfig(join(parentDir, 'tls'), { tls: { certFile, keyFile: certFile } }), quiet);
    await expect(start).rejects.toThrow('Le certificat ou la clé TLS n’est pas valide (fichiers PEM attendus, la clé doit correspondre au certificat).');
  });

  it('stopping twice is harmless, and the log says when the server started and stopped', async () => {
    const entries: LogEntry[] = [];
    const server = await startSyncServer(testServerConfig(join(parentDir, 'double')), { log: (entry) => entries.push(entry) });
    await server.stop();
    await expect(server.stop()).resolves.toBeUndefined();
    expect(entries.map((entry) => entry.event)).toEqual(['server-started', 'server-stopping', 'server-stopped']);
    expect(entries[0]).toMatchObject({ level: 'info', port: server.port, secure: false, store: 'sqlite', redis: false });
  });
});
