import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerStore } from '../../../src-server/storage/open-server-store';
import { LATEST_POSTGRES_SCHEMA_VERSION, migratePostgres, POSTGRES_MIGRATIONS, postgresSchemaVersion } from '../../../src-server/storage/postgres-migrations';
import { PostgresServerStore } from '../../../src-server/storage/postgres-store';
import { startPostgresServer, type PostgresTestServer } from '../../helpers/postgres-server';
import { freeLoopbackPort } from '../../helpers/server-process';

let postgres: PostgresTestServer;
let databaseCount = 0;

beforeAll(async () => {
  postgres = await startPostgresServer();
});

afterAll(async () => {
  await postgres.stop();
});

async function newDatabase(): Promise<string> {
  databaseCount += 1;
  return postgres.createDatabase(`store_${databaseCount}`);
}

async function withPool<Result>(url: string, work: (pool: pg.Pool) => Promise<Result>): Promise<Result> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

async function tables(pool: pg.Pool): Promise<string[]> {
  const result = await pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name",
  );
  return result.rows.map((row) => row.table_name);
}

describe('PostgreSQL schema migrations', () => {
  it('each step adds its tables and is recorded, so a restarted instance does not apply it twice', async () => {
    const url = await newDatabase();
    await withPool(url, async (pool) => {
      expect(await postgresSchemaVersion(pool)).toBe(0);
      await migratePostgres(pool, 1);
      expect(await tables(pool)).toEqual(['document_updates', 'documents']);
      await migratePostgres(pool, 2);
      expect(await tables(pool)).toEqual(['document_updates', 'documents', 'mission_grants', 'users']);
      await migratePostgres(pool, 3);
      expect(await tables(pool)).toEqual(['attachments', 'document_updates', 'documents', 'mission_attachments', 'mission_grants', 'users']);
      await migratePostgres(pool);
      const recorded = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
    });
  });

  it('2: a role the application does not know cannot be stored', async () => {
    const url = await newDatabase();
    await withPool(url, async (pool) => {
      await migratePostgres(pool, 2);
      await pool.query("INSERT INTO users (id, name, team, token_hash, created_at) VALUES ('u1', 'marie', true, '\\x00', 0)");
      await expect(pool.query("INSERT INTO mission_grants (user_id, mission_id, role, granted_at) VALUES ('u1', 'm1', 'administrateur', 0)")).rejects.toThrow(
        /check constraint/,
      );
    });
  });

  it('3: a mission cannot reference attachment bytes the server does not hold', async () => {
    const url = await newDatabase();
    await withPool(url, async (pool) => {
      await migratePostgres(pool, 3);
      await expect(pool.query("INSERT INTO mission_attachments (mission_id, hash) VALUES ('m1', 'absent')")).rejects.toThrow(/foreign key/);
    });
  });

  it('instances starting together on an empty database all open it', async () => {
    const url = await newDatabase();
    const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresServerStore.open(url)));
    await Promise.all(stores.map((store) => store.close()));
    await withPool(url, async (pool) => expect(await postgresSchemaVersion(pool)).toBe(LATEST_POSTGRES_SCHEMA_VERSION));
  });

  it('a database written by a newer server is refused instead of being damaged', async () => {
    const url = await newDatabase();
    await withPool(url, async (pool) => {
      await migratePostgres(pool);
      await pool.query("INSERT INTO schema_migrations (version, description) VALUES ($1, 'future')", [LATEST_POSTGRES_SCHEMA_VERSION + 1]);
    });
    await expect(openServerStore({ dataDir: '/inutilise', databaseUrl: url })).rejects.toThrow(/version plus récente du serveur Bocage/);
  });
});

describe('PostgreSQL connection failures', () => {
  it('an unreachable server is reported in French, naming the setting and never the password', async () => {
    const port = await freeLoopbackPort();
    const failure = openServerStore({ dataDir: '/inutilise', databaseUrl: `postgres://bocage:motdepasse-secret@127.0.0.1:${port}/bocage` });
    await expect(failure).rejects.toThrow(`Impossible de joindre la base PostgreSQL bocage@127.0.0.1:${port}/bocage : vérifiez BOCAGE_DATABASE_URL`);
    await expect(failure).rejects.not.toThrow(/motdepasse-secret/);
  });

  it('a database that does not exist is reported as such', async () => {
    await expect(openServerStore({ dataDir: '/inutilise', databaseUrl: `postgres://postgres@127.0.0.1:${postgres.port}/absente` })).rejects.toThrow(
      /n’existe pas : créez-la/,
    );
  });

  it('an address that is not a PostgreSQL address is reported with an example', async () => {
    await expect(openServerStore({ dataDir: '/inutilise', databaseUrl: 'mysql://machine/base' })).rejects.toThrow(/postgres:\/\/utilisateur/);
  });
});
