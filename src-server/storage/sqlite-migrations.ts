import type BetterSqlite3 from 'better-sqlite3';
import { NewerSchemaError } from './store-rules';

/**
 * The SQLite schema, as numbered steps applied in order and recorded in PRAGMA user_version.
 * Append only: a step that has reached an office database is never edited, a new one is added.
 */
export interface SqliteMigration {
  version: number;
  description: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'documents: the table the Hocuspocus SQLite extension wrote, kept as is so an existing office database opens',
    sql: `CREATE TABLE IF NOT EXISTS "documents" (
      "name" varchar(255) NOT NULL,
      "data" blob NOT NULL,
      UNIQUE(name)
    )`,
  },
  {
    version: 2,
    description: 'document_updates: every acknowledged update until a stored state covers it',
    // AUTOINCREMENT: a sequence number is never reused, even once the log has been emptied.
    sql: `CREATE TABLE document_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL,
      data BLOB NOT NULL
    );
    CREATE INDEX document_updates_by_name ON document_updates (name, seq);`,
  },
  {
    version: 3,
    description: 'users (hashed tokens) and mission_grants',
    sql: `CREATE TABLE users (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      team INTEGER NOT NULL CHECK (team IN (0, 1)),
      token_hash BLOB NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER
    );
    CREATE TABLE mission_grants (
      user_id TEXT NOT NULL REFERENCES users (id),
      mission_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('editeur', 'lecteur')),
      granted_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, mission_id)
    );
    CREATE INDEX mission_grants_by_mission ON mission_grants (mission_id);`,
  },
  {
    version: 4,
    description: 'attachments (content-addressed) and mission_attachments',
    sql: `CREATE TABLE attachments (
      hash TEXT PRIMARY KEY,
      media_type TEXT NOT NULL,
      bytes BLOB NOT NULL
    );
    CREATE TABLE mission_attachments (
      mission_id TEXT NOT NULL,
      hash TEXT NOT NULL REFERENCES attachments (hash),
      PRIMARY KEY (mission_id, hash)
    );`,
  },
];

export const LATEST_SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;

export function sqliteSchemaVersion(db: BetterSqlite3.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Brings the database to `targetVersion` (the latest by default); each step commits with its version. */
export function migrateSqlite(db: BetterSqlite3.Database, targetVersion = LATEST_SQLITE_SCHEMA_VERSION): void {
  const current = sqliteSchemaVersion(db);
  if (current > LATEST_SQLITE_SCHEMA_VERSION) {
    throw new NewerSchemaError(`La base de données ${db.name}`, current, LATEST_SQLITE_SCHEMA_VERSION);
  }
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version <= current || migration.version > targetVersion) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}
