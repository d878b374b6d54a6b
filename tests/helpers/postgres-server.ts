import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from './server-process';

const INSTALL_HINT = 'Installez PostgreSQL : apt-get install -y postgresql';
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest PostgreSQL installed from Debian's packages (/usr/lib/postgresql/<version>/bin). */
function findPostgresBinaries(): string {
  const versions = existsSync(POSTGRES_ROOT)
    ? readdirSync(POSTGRES_ROOT)
        .filter((entry) => existsSync(join(POSTGRES_ROOT, entry, 'bin', 'postgres')))
        .sort((left, right) => Number(right) - Number(left))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw new Error(`PostgreSQL est introuvable dans ${POSTGRES_ROOT}. ${INSTALL_HINT}`);
  return join(POSTGRES_ROOT, newest, 'bin');
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` account Debian creates. */
function asPostgresUser(command: string, args: readonly string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
}

function postgresAccountIds(): { uid: number; gid: number } {
  const id = (flag: string): number => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface PostgresTestServer {
  port: number;
  /** A new, empty database on this server, and its address (trust authentication on loopback). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A throwaway PostgreSQL server on a free loopback port, its cluster in a temporary folder.
 * Durability settings are off: these tests check the store's logic, not PostgreSQL's fsync.
 */
export async function startPostgresServer(timeoutMs = 30_000): Promise<PostgresTestServer> {
  const binaries = findPostgresBinaries();
  const root = mkdtempSync(join(tmpdir(), 'bocage-postgres-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  mkdirSync(socketDir);
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresAccountIds();
    chownSync(root, uid, gid);
    chownSync(socketDir, uid, gid);
  }

  const [initCommand, initArgs] = asPostgresUser(join(binaries, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`initdb a échoué (${init.error?.message ?? `code ${String(init.status)}`}) : ${init.stderr}. ${INSTALL_HINT}`);
  }

  const port = await freeLoopbackPort();
  const [command, args] = asPostgresUser(join(binaries, 'postgres'), [
    '-D', dataDir,
    '-k', socketDir,
    '-p', String(port),
    '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off',
    '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off',
  ]);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = once(child, 'exit');

  const server: PostgresTestServer = {
    port,
    async createDatabase(name) {
      await withClient(port, 'postgres', (client) => client.query(`CREATE DATABASE "${name}"`));
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await stopChild(child, exited, binaries, dataDir);
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await waitForConnections(port, child, timeoutMs, () => output);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function withClient<Result>(port: number, database: string, work: (client: pg.Client) => Promise<Result>): Promise<Result> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function waitForConnections(port: number, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL s’est arrêté au démarrage :\n${output()}`);
    try {
      await withClient(port, 'postgres', (client) => client.query('SELECT 1'));
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL n’accepte pas de connexion après ${timeoutMs} ms :\n${output()}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** pg_ctl's fast shutdown, since a signal sent to runuser does not reach the server behind it. */
async function stopChild(child: ChildProcess, exited: Promise<unknown>, binaries: string, dataDir: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const [command, args] = asPostgresUser(join(binaries, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w']);
  const stop = spawnSync(command, args, { encoding: 'utf8' });
  if (stop.status !== 0) child.kill('SIGKILL');
  await exited;
}
