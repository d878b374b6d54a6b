import { existsSync, renameSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { sqliteDatabaseFile, type SqliteServerStore } from './sqlite-store';

/**
 * Pages copied per step of the backup: everything at once. In WAL mode the copy reads a snapshot
 * without blocking the server's writes, and a copy spread over many steps would restart from
 * the beginning each time the server writes in between.
 */
const PAGES_PER_STEP = 0x7fffffff;

/**
 * Copies the SQLite store to `targetFile` while the server keeps running (SQLite's online backup):
 * the copy is a consistent database holding everything committed when it was taken, including
 * the update log, so every acknowledged update is in it.
 *
 * `source` is the data folder (a separate process, e.g. the command line, backing up the running
 * server's file) or the server's own open store.
 *
 * Restore: stop the server, copy the backup file to `<data folder>/bocage.sqlite` (removing any
 * `bocage.sqlite-wal` and `bocage.sqlite-shm` left beside it), start the server.
 */
export async function backupSqliteStore(source: string | SqliteServerStore, targetFile: string): Promise<void> {
  // Written beside the target then renamed: an interrupted backup never passes for a complete one.
  const partialFile = `${targetFile}.partiel`;
  rmSync(partialFile, { force: true });
  const db = typeof source === 'string' ? openForBackup(sqliteDatabaseFile(source)) : source.db;
  try {
    await db.backup(partialFile, { progress: () => PAGES_PER_STEP });
    renameSync(partialFile, targetFile);
  } catch (error) {
    rmSync(partialFile, { force: true });
    throw new Error(`La sauvegarde vers ${targetFile} a échoué : vérifiez que le dossier existe et qu’il reste de la place.`, { cause: error });
  } finally {
    if (typeof source === 'string') db.close();
  }
}

function openForBackup(databaseFile: string): BetterSqlite3.Database {
  if (!existsSync(databaseFile)) {
    throw new Error(`Aucune base de données à sauvegarder : ${databaseFile} n’existe pas. Vérifiez BOCAGE_DATA_DIR.`);
  }
  return new BetterSqlite3(databaseFile, { fileMustExist: true });
}
