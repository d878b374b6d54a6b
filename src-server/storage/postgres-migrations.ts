import type { Pool, PoolClient } from 'pg';
import { inTransaction } from './postgres-transaction';
import { NewerSchemaError } from './store-rules';

/**
 * The PostgreSQL schema, as numbered steps applied in order and recorded in schema_migrations.
 * Append only: a step that has reached an office database is never edited, a new one is added.
 */
export interface PostgresMigration {
  version: number;
  description: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'documents and document_updates: stored Yjs states and the log of acknowledged updates',
    // bigserial: every instance sharing the database draws sequence numbers from the same source.
    sql: `CREATE TABLE documents (
      name varchar(255) PRIMARY KEY,
      data bytea NOT NULL
    );
    CREATE TABLE document_updates (
      seq bigserial PRIMARY KEY,
      name varchar(255) NOT NULL,
      data bytea NOT NULL
    );
    CREATE INDEX document_updates_by_name ON document_updates (name, seq);`,
  },
  {
    version: 2,
    description: 'users (hashed tokens) and mission_grants',
    sql: `CREATE TABLE users (
      id text PRIMARY KEY,
      name text NOT NULL UNIQUE,
      team boolean NOT NULL,
      token_hash bytea NOT NULL UNIQUE,
      created_at bigint NOT NULL,
      revoked_at bigint
    );
    CREATE TABLE mission_grants (
      user_id text NOT NULL REFERENCES users (id),
      mission_id text NOT NULL,
      role text NOT NULL CHECK (role IN ('editeur', 'lecteur')),
      granted_at bigint NOT NULL,
      PRIMARY KEY (user_id, mission_id)
    );
    CREATE INDEX mission_grants_by_mission ON mission_grants (mission_id);`,
  },
  {
    version: 3,
    description: 'attachments (content-addressed) and mission_attachments',
    sql: `CREATE TABLE attachments (
      hash text PRIMARY KEY,
      media_type text NOT NULL,
      bytes bytea NOT NULL
    );
    CREATE TABLE mission_attachments (
      mission_id text NOT NULL,
      hash text NOT NULL REFERENCES attachments (hash),
      PRIMARY KEY (mission_id, hash)
    );`,
  },
];

export const LATEST_POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;

/** Arbitrary, fixed: the advisory lock that makes instances starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 0x626f6361;

export async function postgresSchemaVersion(client: Pool | PoolClient): Promise<number> {
  const table = await client.query<{ found: boolean }>(`SELECT to_regclass('schema_migrations') IS NOT NULL AS found`);
  if (table.rows[0]?.found !== true) return 0;
  const result = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return result.rows[0]?.version ?? 0;
}

/**
 * Brings the database to `targetVersion` (the latest by default), all steps in one transaction: a
 * failed step leaves the schema as it was.
 */
export async function migratePostgres(pool: Pool, targetVersion = LATEST_POSTGRES_SCHEMA_VERSION): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      description text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = await postgresSchemaVersion(client);
    if (current > LATEST_POSTGRES_SCHEMA_VERSION) {
      throw new NewerSchemaError('La base PostgreSQL', current, LATEST_POSTGRES_SCHEMA_VERSION);
    }
    for (const migration of POSTGRES_MIGRATIONS) {
      if (migration.version <= current || migration.version > targetVersion) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, description) VALUES ($1, $2)', [migration.version, migration.description]);
    }
  });
}
