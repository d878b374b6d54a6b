import { resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { AdminCommandError, runAdminCommand } from './cli/admin-commands';
import { parseCommandLine, USAGE, type CliCommand } from './cli/command-line';
import { parseSyncServerConfig, type SyncServerConfig } from './config';
import { openServerStore, StoreOpenError } from './storage/open-server-store';
import { backupSqliteStore } from './storage/sqlite-backup';
import { sqliteDatabaseFile } from './storage/sqlite-store';
import { startSyncServer, SyncServerStartError } from './sync-server';

function readConfig(): SyncServerConfig | null {
  const parsed = parseSyncServerConfig(process.env, process.cwd());
  if (parsed.ok) return parsed.config;
  for (const error of parsed.errors) console.error(`Configuration invalide : ${error}`);
  process.exitCode = 1;
  return null;
}

async function serve(config: SyncServerConfig): Promise<void> {
  const server = await startSyncServer(config);
  // Standard output carries the JSON-lines log only; the sentence for a person goes to the terminal.
  console.error(`Serveur de synchronisation Bocage à l’écoute sur ${server.url}`);

  let stopRequested = false;
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    // A second signal means the user no longer wants to wait for the last writes.
    if (stopRequested) {
      console.error(`Arrêt forcé (${signal}) : les dernières modifications peuvent ne pas être enregistrées.`);
      process.exit(1);
    }
    stopRequested = true;
    console.error('Arrêt du serveur : enregistrement des documents en cours…');
    server.stop().then(
      () => {
        console.error('Serveur arrêté, tout est enregistré.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error('Erreur pendant l’arrêt du serveur :', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
}

async function backup(config: SyncServerConfig, file: string): Promise<void> {
  if (config.databaseUrl !== null) {
    console.error(
      'Les données sont dans PostgreSQL : sauvegardez-les avec l’outil de PostgreSQL, par exemple « pg_dump --format=custom --file=bocage.dump "$BOCAGE_DATABASE_URL" ».',
    );
    process.exitCode = 1;
    return;
  }
  const target = resolve(process.cwd(), file);
  try {
    await backupSqliteStore(config.dataDir, target);
  } catch (error) {
    // Its messages are already written for the administrator; the cause is for a bug report.
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
    return;
  }
  console.log(`Sauvegarde écrite dans ${target}. Pour la restaurer : arrêtez le serveur, copiez ce fichier en ${sqliteDatabaseFile(config.dataDir)} (en supprimant les fichiers -wal et -shm à côté), relancez le serveur.`);
}

async function administer(command: Exclude<CliCommand, { kind: 'serve' } | { kind: 'help' } | { kind: 'backup' }>, config: SyncServerConfig): Promise<void> {
  const store = await openServerStore(config);
  try {
    await runAdminCommand(command, store, {
      out: (line) => console.log(line),
      readStdin: () => text(process.stdin),
      now: Date.now,
    });
  } finally {
    await store.close();
  }
}

async function main(): Promise<void> {
  const parsed = parseCommandLine(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(parsed.error);
    process.exitCode = 1;
    return;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    console.log(USAGE);
    return;
  }
  const config = readConfig();
  if (config === null) return;
  switch (command.kind) {
    case 'serve':
      return serve(config);
    case 'backup':
      return backup(config, command.file);
    default:
      return administer(command, config);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof SyncServerStartError || error instanceof AdminCommandError || error instanceof StoreOpenError ? error.message : error);
  process.exitCode = 1;
});
