import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { backupSqliteStore } from '../../../src-server/storage/sqlite-backup';
import { sqliteDatabaseFile, SqliteServerStore } from '../../../src-server/storage/sqlite-store';
import { connectProvider, startStoreBackedServer } from '../../helpers/store-backed-server';
import { waitUntil } from '../../helpers/sync-server-harness';

const MISSIONS = ['bocage.mission.nord', 'bocage.mission.sud'];

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'bocage-backup-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

async function startServer(dataDir: string): Promise<{ url: string; store: SqliteServerStore }> {
  const store = SqliteServerStore.open(dataDir);
  const running = await startStoreBackedServer(store);
  cleanups.push(async () => {
    await running.stop();
    await store.close();
  });
  return { url: running.url, store };
}

function connect(url: string, name: string): { doc: Y.Doc; provider: HocuspocusProvider } {
  const doc = new Y.Doc();
  const { provider, close } = connectProvider(url, name, doc, 'jeton');
  cleanups.push(close);
  return { doc, provider };
}

/** The restore procedure documented on backupSqliteStore: the backup file becomes the data folder's database. */
function restore(backupFile: string): string {
  const dataDir = join(temporaryFolder(), 'donnees-restaurees');
  mkdirSync(dataDir);
  copyFileSync(backupFile, sqliteDatabaseFile(dataDir));
  return dataDir;
}

describe('online backup of the SQLite store', () => {
  it('a backup taken while colleagues edit restores every acknowledged edit on another server', async () => {
    const liveDataDir = temporaryFolder();
    const live = await startServer(liveDataDir);
    const writers = MISSIONS.map((name) => ({ name, ...connect(live.url, name) }));
    for (const [index, writer] of writers.entries()) writer.doc.getText('notes').insert(0, `Compte rendu ${index + 1}`);
    await waitUntil('the server acknowledged both missions', () => writers.every(({ provider }) => provider.isSynced && provider.unsyncedChanges === 0));

    const backupFile = join(temporaryFolder(), 'bocage-sauvegarde.sqlite');
    // From the data folder, as the command line does from another process while the server runs.
    const backup = backupSqliteStore(liveDataDir, backupFile);
    // Edits keep being acknowledged while the backup runs.
    writers[0]?.doc.getText('notes').insert(0, 'Suite : ');
    await backup;
    expect(existsSync(`${backupFile}.partiel`)).toBe(false);

    const restored = await startServer(restore(backupFile));
    for (const [index, name] of MISSIONS.entries()) {
      const reader = connect(restored.url, name);
      await waitUntil(`the restored server serves ${name}`, () => reader.doc.getText('notes').toString().includes(`Compte rendu ${index + 1}`));
    }
  });

  it('the running server can back up its own open store', async () => {
    const live = await startServer(temporaryFolder());
    const writer = connect(live.url, MISSIONS[0] ?? '');
    writer.doc.getText('notes').insert(0, 'Atelier du 12 mars');
    await waitUntil('the server acknowledged the edit', () => writer.provider.isSynced && writer.provider.unsyncedChanges === 0);

    const backupFile = join(temporaryFolder(), 'sauvegarde.sqlite');
    await backupSqliteStore(live.store, backupFile);
    const restored = SqliteServerStore.open(restore(backupFile));
    cleanups.push(() => restored.close());
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await restored.loadDocument(MISSIONS[0] ?? '')) ?? new Uint8Array());
    expect(doc.getText('notes').toString()).toBe('Atelier du 12 mars');
  });

  it('backing up a data folder without a database says which setting to check', async () => {
    const emptyFolder = temporaryFolder();
    await expect(backupSqliteStore(emptyFolder, join(emptyFolder, 'sauvegarde.sqlite'))).rejects.toThrow(/Aucune base de données à sauvegarder.*BOCAGE_DATA_DIR/);
  });
});
