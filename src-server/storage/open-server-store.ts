import { dirname } from 'node:path';
import type { SyncServerConfig } from '../config';
import { PostgresServerStore } from './postgres-store';
import type { ServerStore } from './server-store';
import { sqliteDatabaseFile, SqliteServerStore } from './sqlite-store';
import { NewerSchemaError } from './store-rules';

/** Why the store could not be opened, in French, ready for whoever started the server; `cause` keeps the details. */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/** SQLite in the data folder by default; PostgreSQL when BOCAGE_DATABASE_URL is set. */
export async function openServerStore(config: Pick<SyncServerConfig, 'dataDir' | 'databaseUrl'>): Promise<ServerStore> {
  if (config.databaseUrl === null) {
    try {
      return SqliteServerStore.open(config.dataDir);
    } catch (error) {
      throw new StoreOpenError(sqliteFailureMessage(error, sqliteDatabaseFile(config.dataDir)), { cause: error });
    }
  }
  const database = describeDatabase(config.databaseUrl);
  if (database === null) {
    throw new StoreOpenError('BOCAGE_DATABASE_URL n’est pas une adresse PostgreSQL valide : elle doit ressembler à postgres://utilisateur:mot-de-passe@machine:5432/base.');
  }
  try {
    return await PostgresServerStore.open(config.databaseUrl);
  } catch (error) {
    throw new StoreOpenError(postgresFailureMessage(error, database), { cause: error });
  }
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function sqliteFailureMessage(error: unknown, databaseFile: string): string {
  if (error instanceof NewerSchemaError) return error.message;
  if (error instanceof Error && 'syscall' in error && error.syscall === 'mkdir') {
    return `Impossible de créer le dossier de données ${dirname(databaseFile)} : vérifiez BOCAGE_DATA_DIR et les droits d’écriture.`;
  }
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
      return `Impossible d’ouvrir la base de données ${databaseFile} : vérifiez BOCAGE_DATA_DIR et que le dossier est accessible en écriture.`;
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return `Le fichier ${databaseFile} n’est pas une base de données lisible : restaurez la dernière sauvegarde.`;
    case 'SQLITE_BUSY':
      return `La base de données ${databaseFile} est verrouillée par un autre programme : arrêtez-le, puis relancez le serveur.`;
    default:
      return `Impossible d’ouvrir la base de données ${databaseFile} : vérifiez qu’elle n’est pas endommagée et que le dossier est accessible en écriture.`;
  }
}

/** The address without its password: this message ends up on screens and in logs. */
function describeDatabase(databaseUrl: string): string | null {
  try {
    const url = new URL(databaseUrl);
    if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return null;
    const user = url.username === '' ? '' : `${decodeURIComponent(url.username)}@`;
    return `${user}${url.host}${url.pathname}`;
  } catch {
    return null;
  }
}

/** `database`: the address without its password. */
function postgresFailureMessage(error: unknown, database: string): string {
  if (error instanceof NewerSchemaError) return error.message;
  switch (errorCode(error)) {
    case '28P01':
    case '28000':
      return `La base PostgreSQL ${database} refuse l’identifiant ou le mot de passe : vérifiez BOCAGE_DATABASE_URL.`;
    case '3D000':
      return `La base PostgreSQL ${database} n’existe pas : créez-la (createdb) ou corrigez BOCAGE_DATABASE_URL.`;
    case '42501':
      return `Le compte de la base PostgreSQL ${database} n’a pas le droit de créer les tables de Bocage : donnez-lui ce droit ou corrigez BOCAGE_DATABASE_URL.`;
    default:
      return `Impossible de joindre la base PostgreSQL ${database} : vérifiez BOCAGE_DATABASE_URL et que le serveur de base de données est démarré.`;
  }
}
