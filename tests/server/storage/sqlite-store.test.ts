import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schema as hocuspocusSqliteSchema, upsertQuery as hocuspocusSqliteUpsert } from '@hocuspocus/extension-sqlite';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openServerStore } from '../../../src-server/storage/open-server-store';
import { LATEST_SQLITE_SCHEMA_VERSION, migrateSqlite, sqliteSchemaVersion } from '../../../src-server/storage/sqlite-migrations';
import { sqliteDatabaseFile, SqliteServerStore } from '../../../src-server/storage/sqlite-store';

const ERASED_NAME = 'Quelconquezoe';

const dataDirs: string[] = [];
const openStores: SqliteServerStore[] = [];

afterEach(async () => {
  for (const store of openStores.splice(0)) await store.close();
  for (const dataDir of dataDirs.splice(0)) rmSync(dataDir, { recursive: true, force: true });
});

function newDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'bocage-sqlite-store-'));
  dataDirs.push(dataDir);
  return dataDir;
}

function open(dataDir: string): SqliteServerStore {
  const store = SqliteServerStore.open(dataDir);
  openStores.push(store);
  return store;
}

/** A raw connection, to shape a database as an older server left it. */
function withRawDatabase<Result>(dataDir: string, work: (db: BetterSqlite3.Database) => Result): Result {
  const db = new BetterSqlite3(sqliteDatabaseFile(dataDir));
  try {
    return work(db);
  } finally {
    db.close();
  }
}

function textState(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notes').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function loadedText(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state !== null) Y.applyUpdate(doc, state);
  return doc.getText('notes').toString();
}

describe('SQLite schema migrations', () => {
  it('1: an office database written by the previous server (Hocuspocus SQLite extension) opens with its documents', async () => {
    const dataDir = newDataDir();
    withRawDatabase(dataDir, (db) => {
      db.exec(hocuspocusSqliteSchema);
      db.prepare(hocuspocusSqliteUpsert).run({ name: 'bocage.mission.ancienne', data: Buffer.from(textState('Mission de 2024')) });
    });
    const store = open(dataDir);
    expect(loadedText(await store.loadDocument('bocage.mission.ancienne'))).toBe('Mission de 2024');
    expect(sqliteSchemaVersion(store.db)).toBe(LATEST_SQLITE_SCHEMA_VERSION);
  });

  it('2: a database at version 1 gains the update log, and its stored documents take the new updates', async () => {
    const dataDir = newDataDir();
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'Diagnostic');
    withRawDatabase(dataDir, (db) => {
      migrateSqlite(db, 1);
      db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run('bocage.mission.a', Buffer.from(Y.encodeStateAsUpdate(doc)));
    });
    const before = Y.encodeStateVector(doc);
    doc.getText('notes').insert(10, ' partagé');
    const store = open(dataDir);
    await store.appendUpdate('bocage.mission.a', Y.encodeStateAsUpdate(doc, before));
    expect(loadedText(await store.loadDocument('bocage.mission.a'))).toBe('Diagnostic partagé');
  });

  it('3: accounts and grants: a role the application does not know cannot be stored', () => {
    const dataDir = newDataDir();
    withRawDatabase(dataDir, (db) => {
      migrateSqlite(db, 3);
      db.prepare("INSERT INTO users (id, name, team, token_hash, created_at) VALUES ('u1', 'marie', 1, x'00', 0)").run();
      db.prepare("INSERT INTO mission_grants (user_id, mission_id, role, granted_at) VALUES ('u1', 'm1', 'lecteur', 0)").run();
      expect(() => db.prepare("INSERT INTO mission_grants (user_id, mission_id, role, granted_at) VALUES ('u1', 'm2', 'administrateur', 0)").run()).toThrow(
        /CHECK/,
      );
      expect(sqliteSchemaVersion(db)).toBe(3);
    });
  });

  it('4: attachments: a mission cannot reference bytes the server does not hold', () => {
    const dataDir = newDataDir();
    const store = open(dataDir);
    expect(() => store.db.prepare("INSERT INTO mission_attachments (mission_id, hash) VALUES ('m1', 'absent')").run()).toThrow(/FOREIGN KEY/);
  });

  it('a database written by a newer server is refused instead of being damaged', async () => {
    const dataDir = newDataDir();
    withRawDatabase(dataDir, (db) => db.pragma(`user_version = ${LATEST_SQLITE_SCHEMA_VERSION + 1}`));
    await expect(openServerStore({ dataDir, databaseUrl: null })).rejects.toThrow(/version plus récente du serveur Bocage.*mettez le serveur à jour/);
  });
});

describe('the SQLite store on disk', () => {
  it('opens with the settings that make an acknowledged update survive a power cut', () => {
    const store = open(newDataDir());
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    // 2 is FULL: the log file is synced before each commit returns.
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('secure_delete', { simple: true })).toBe(1);
  });

  it('edits received just before the server closes the store are committed, not dropped', async () => {
    const dataDir = newDataDir();
    const store = SqliteServerStore.open(dataDir);
    const doc = new Y.Doc();
    doc.getText('notes').insert(0, 'Dernière phrase avant l’arrêt');
    const appended = store.appendUpdate('bocage.mission.arret', Y.encodeStateAsUpdate(doc));
    await store.close();
    expect(await appended).toBeGreaterThan(0);
    expect(loadedText(await open(dataDir).loadDocument('bocage.mission.arret'))).toBe('Dernière phrase avant l’arrêt');
  });

  it('a person erased from a mission can no longer be read in the database files once the mission is stored (GDPR)', async () => {
    const dataDir = newDataDir();
    const store = open(dataDir);
    const doc = new Y.Doc();
    const notes = doc.getText('notes');
    // Realistic size: the stored row spans many pages, which SQLite frees and reuses when replaced.
    notes.insert(0, 'Présente aux ateliers de quartier. '.repeat(400));
    notes.insert(0, `Suivi de Mme ${ERASED_NAME}. `.repeat(100));
    let sequence = await store.appendUpdate('bocage.mission.rgpd', Y.encodeStateAsUpdate(doc));
    await store.storeDocument('bocage.mission.rgpd', Y.encodeStateAsUpdate(doc), sequence);
    expect(readFileSync(sqliteDatabaseFile(dataDir)).includes(ERASED_NAME)).toBe(true);

    const before = Y.encodeStateVector(doc);
    notes.delete(0, `Suivi de Mme ${ERASED_NAME}. `.length * 100);
    sequence = await store.appendUpdate('bocage.mission.rgpd', Y.encodeStateAsUpdate(doc, before));
    await store.storeDocument('bocage.mission.rgpd', Y.encodeStateAsUpdate(doc), sequence);

    const files = [sqliteDatabaseFile(dataDir), `${sqliteDatabaseFile(dataDir)}-wal`].filter((file) => existsSync(file));
    expect(files.filter((file) => readFileSync(file).includes(ERASED_NAME))).toEqual([]);
    expect(loadedText(await store.loadDocument('bocage.mission.rgpd'))).toMatch(/^Présente aux ateliers/);
  });

  it('a damaged database file is reported in French, with what to do', async () => {
    const dataDir = newDataDir();
    writeFileSync(sqliteDatabaseFile(dataDir), 'ceci n’est pas une base SQLite, mais un fichier texte assez long pour en avoir l’air. '.repeat(50));
    await expect(openServerStore({ dataDir, databaseUrl: null })).rejects.toThrow(/n’est pas une base de données lisible : restaurez la dernière sauvegarde/);
  });

  it('a data folder that cannot be created is reported in French, naming the setting to fix', async () => {
    const parent = newDataDir();
    writeFileSync(join(parent, 'fichier'), '');
    await expect(openServerStore({ dataDir: join(parent, 'fichier', 'donnees'), databaseUrl: null })).rejects.toThrow(/BOCAGE_DATA_DIR/);
  });
});
