import { parseSyncServerConfig } from './config';
import { startSyncServer, SyncServerStartError } from './sync-server';

async function main(): Promise<void> {
  const parsed = parseSyncServerConfig(process.env, process.cwd());
  if (!parsed.ok) {
    for (const error of parsed.errors) console.error(`Configuration invalide : ${error}`);
    process.exitCode = 1;
    return;
  }

  const server = await startSyncServer(parsed.config);
  console.log(`Serveur de synchronisation Bocage à l’écoute sur ${server.url} (données : ${server.databaseFile})`);

  let stopRequested = false;
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    // A second signal means the user no longer wants to wait for the last writes.
    if (stopRequested) {
      console.error(`Arrêt forcé (${signal}) : les dernières modifications peuvent ne pas être enregistrées.`);
      process.exit(1);
    }
    stopRequested = true;
    console.log('Arrêt du serveur : enregistrement des documents en cours…');
    server.stop().then(
      () => {
        console.log('Serveur arrêté, tout est enregistré.');
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

main().catch((error: unknown) => {
  console.error(error instanceof SyncServerStartError ? error.message : error);
  process.exitCode = 1;
});
