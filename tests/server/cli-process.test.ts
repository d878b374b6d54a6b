import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteDatabaseFile } from '../../src-server/storage/sqlite-store';
import { freeLoopbackPort } from '../helpers/server-process';
import { waitUntil } from '../helpers/sync-server-harness';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const TOKEN = 'jeton-deploiement-1';
const root = mkdtempSync(join(tmpdir(), 'bocage-cli-'));
const dataDir = join(root, 'donnees');

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `npm run server -- <args>` without npm in between, so signals reach the server itself. */
function startCli(args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(TSX, ['--tsconfig', 'tsconfig.server.json', 'src-server/cli.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', BOCAGE_DATA_DIR: dataDir, ...env },
  });
}

async function runCli(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = startCli(args, options.env);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(options.stdin ?? '');
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}

async function accessStatus(port: number, token: string): Promise<number> {
  return (await fetch(`http://127.0.0.1:${port}/api/access`, { headers: { Authorization: `Bearer ${token}` } })).status;
}

/** Starts the server through the command line and waits for its `server-started` log line. */
async function serve(directory: string): Promise<{ port: number; child: ChildProcessWithoutNullStreams; lines: () => string[] }> {
  const port = await freeLoopbackPort();
  const child = startCli([], { BOCAGE_PORT: String(port), BOCAGE_DATA_DIR: directory });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.resume();
  const lines = () => stdout.split('\n').filter((line) => line !== '');
  await waitUntil('the server logs that it started', () => stdout.includes('"event":"server-started"'), 20_000);
  return { port, child, lines };
}

describe('npm run server', () => {
  it('a scripted deployment creates an account, serves it, backs up online, and the backup restores', async () => {
    const added = await runCli(['users', 'add', 'poste.accueil', '--equipe', '--jeton-stdin'], { stdin: `${TOKEN}\n` });
    expect(added).toMatchObject({ code: 0, stdout: 'Compte « poste.accueil » créé (membre de l’équipe).\nLe jeton lu sur l’entrée standard est enregistré.\n' });

    const running = await serve(dataDir);
    expect(await accessStatus(running.port, TOKEN)).toBe(200);
    const backupFile = join(root, 'sauvegarde.sqlite');
    const backup = await runCli(['backup', backupFile]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Sauvegarde écrite dans ${backupFile}.`);

    running.child.kill('SIGTERM');
    expect(await new Promise((resolve) => running.child.on('close', resolve))).toBe(0);
    // Standard output is the log: every line one JSON object, the token nowhere.
    const events = running.lines().map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events[0]).toBe('server-started');
    expect(events.slice(-2)).toEqual(['server-stopping', 'server-stopped']);
    expect(running.lines().join('\n')).not.toContain(TOKEN);

    // Restore as the README says: the backup file becomes bocage.sqlite of a data folder.
    const restoredDir = join(root, 'restaure');
    mkdirSync(restoredDir);
    copyFileSync(backupFile, sqliteDatabaseFile(restoredDir));
    const restored = await serve(restoredDir);
    try {
      expect(await accessStatus(restored.port, TOKEN)).toBe(200);
      expect(await accessStatus(restored.port, 'jeton-invente-123')).toBe(401);
    } finally {
      restored.child.kill('SIGTERM');
      await new Promise((resolve) => restored.child.on('close', resolve));
    }
  }, 60_000);

  it('a server still configured with shared tokens does not start, and says how to migrate', async () => {
    const refused = await runCli([], { env: { BOCAGE_TOKENS: 'ancien-jeton' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Configuration invalide : BOCAGE_TOKENS n’est plus utilisé');
    expect(refused.stderr).not.toContain('ancien-jeton');
  }, 30_000);

  it('a backup of a PostgreSQL store points to pg_dump instead of copying nothing', async () => {
    const result = await runCli(['backup', join(root, 'rien.sqlite')], { env: { BOCAGE_DATABASE_URL: 'postgres://bocage@127.0.0.1:1/bocage' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pg_dump');
    expect(existsSync(join(root, 'rien.sqlite'))).toBe(false);
  }, 30_000);

  it('a mistyped command is explained and changes nothing', async () => {
    const result = await runCli(['users', 'ajouter', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Commande inconnue : users ajouter.');
  }, 30_000);
});
