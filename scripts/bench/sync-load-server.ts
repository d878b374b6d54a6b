/**
 * One sync server for the load benchmark, in a process of its own so its memory and CPU are its
 * own: `node --import tsx sync-load-server.ts <bocage|bare> <dataDir> <missions> <clientsPerMission>`.
 * It tells the parent its port and the clients' tokens over IPC, answers 'sample' with its resource
 * usage, and stops on 'stop'.
 */
import { Server } from '@hocuspocus/server';
import { createUserToken } from '../../src-server/access/user-tokens';
import { startSyncServer } from '../../src-server/sync-server';
import { benchMissionId, type ServerKind, type ServerMessage, type ServerResources } from './sync-load-protocol';

function resources(): ServerResources {
  const usage = process.resourceUsage();
  return {
    rssBytes: process.memoryUsage.rss(),
    // maxRSS is in kibibytes: the kernel's own high-water mark, between two samples included.
    maxRssBytes: usage.maxRSS * 1024,
    cpuMicros: usage.userCPUTime + usage.systemCPUTime,
  };
}

function send(message: ServerMessage): void {
  process.send?.(message);
}

/**
 * Bocage's server as `npm run server` runs it (SQLite store, authentication, access rules, JSON
 * log), with one team account per client, each an éditeur of its mission. The connection limit per
 * address is raised: every client comes from 127.0.0.1 here.
 */
async function startBocage(dataDir: string, missions: number, clientsPerMission: number) {
  const server = await startSyncServer(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: null,
      redisUrl: null,
      tls: null,
      maxMessageBytes: 32 * 1024 * 1024,
      connectionsPerMinutePerAddress: 100_000,
    },
    // The log is written as in production (one JSON line per event); the parent discards it.
    { log: (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`) },
  );
  const tokens: string[][] = [];
  for (let mission = 0; mission < missions; mission += 1) {
    const missionId = benchMissionId(mission);
    const missionTokens: string[] = [];
    for (let client = 0; client < clientsPerMission; client += 1) {
      const { token, tokenHash } = createUserToken();
      const user = await server.store.addUser({ name: `poste-${mission + 1}-${client + 1}`, team: true, tokenHash });
      await server.store.grantMission({ userId: user.id, missionId, role: 'editeur', grantedAt: Date.now() });
      missionTokens.push(token);
    }
    tokens.push(missionTokens);
  }
  return { port: server.port, tokens, stop: () => server.stop() };
}

/** The baseline: Hocuspocus as its README starts it, without authentication or persistence. */
async function startBare(missions: number, clientsPerMission: number) {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
  await server.listen();
  const tokens = Array.from({ length: missions }, () => Array.from({ length: clientsPerMission }, () => 'sans-authentification'));
  return { port: server.address.port, tokens, stop: () => server.destroy() };
}

async function main(): Promise<void> {
  const [kind, dataDir, missions, clientsPerMission] = process.argv.slice(2) as [ServerKind, string, string, string];
  const running =
    kind === 'bocage'
      ? await startBocage(dataDir, Number(missions), Number(clientsPerMission))
      : await startBare(Number(missions), Number(clientsPerMission));
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  process.on('message', (message: unknown) => {
    if (message === 'sample') send({ kind: 'sample', resources: resources() });
    if (message === 'stop') void stop();
  });
  // The parent died without saying stop: nobody will ever read this server again.
  process.on('disconnect', () => void stop());
  send({ kind: 'ready', port: running.port, tokens: running.tokens, resources: resources() });
}

main().catch((error: unknown) => {
  process.stderr.write(`Le serveur du benchmark n’a pas démarré : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
