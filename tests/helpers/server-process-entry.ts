// The sync server as a process of its own, started by tests/helpers/server-process.ts.
import { DEFAULT_CONNECTIONS_PER_MINUTE, DEFAULT_MAX_MESSAGE_MB } from '../../src-server/config';
import { hashToken } from '../../src-server/access/user-tokens';
import { openServerStore } from '../../src-server/storage/open-server-store';
import { startSyncServer } from '../../src-server/sync-server';
import type { ServerReadyLine } from './server-process';

function requiredVariable(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set`);
  return value;
}

const dataDir = requiredVariable('BOCAGE_TEST_DATA_DIR');
const port = Number(requiredVariable('BOCAGE_TEST_PORT'));
const teamToken = requiredVariable('BOCAGE_TEST_TEAM_TOKEN');

// A restart on the same data finds the account already there.
const setupStore = await openServerStore({ dataDir, databaseUrl: null });
if ((await setupStore.findUserByTokenHash(hashToken(teamToken))) === null) {
  await setupStore.addUser({ name: 'equipe.test', team: true, tokenHash: hashToken(teamToken) });
}
await setupStore.close();

const server = await startSyncServer(
  {
    port,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    redisUrl: null,
    tls: null,
    maxMessageBytes: DEFAULT_MAX_MESSAGE_MB * 1024 * 1024,
    connectionsPerMinutePerAddress: DEFAULT_CONNECTIONS_PER_MINUTE,
  },
  // Standard output carries the ready line the parent waits for; the log goes to standard error.
  { log: (entry) => process.stderr.write(`${JSON.stringify(entry)}\n`) },
);
const ready: ServerReadyLine = { ready: true, url: server.url };
process.stdout.write(`${JSON.stringify(ready)}\n`);

process.once('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
