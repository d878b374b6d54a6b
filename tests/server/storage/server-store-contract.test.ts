import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresServerStore } from '../../../src-server/storage/postgres-store';
import type { ServerStore, StoredAttachment } from '../../../src-server/storage/server-store';
import { SqliteServerStore } from '../../../src-server/storage/sqlite-store';
import { UserNameTakenError } from '../../../src-server/storage/store-rules';
import { startPostgresServer, type PostgresTestServer } from '../../helpers/postgres-server';

/** One database for one test, and the ways to look at it that the interface does not offer. */
interface StoreBench {
  open(): Promise<ServerStore>;
  /** Rows in the update log for `name`: shows whether snapshots trim it. */
  countLoggedUpdates(name: string): Promise<number>;
  dispose(): Promise<void>;
}

interface Backend {
  name: string;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  bench(): Promise<StoreBench>;
}

const sqliteBackend: Backend = {
  name: 'SQLite',
  async setUp() {},
  async tearDown() {},
  async bench() {
    const dataDir = mkdtempSync(join(tmpdir(), 'bocage-store-contract-'));
    const opened: SqliteServerStore[] = [];
    return {
      async open() {
        const store = SqliteServerStore.open(dataDir);
        opened.push(store);
        return store;
      },
      async countLoggedUpdates(name) {
        const probe = SqliteServerStore.open(dataDir);
        const row = probe.db.prepare('SELECT count(*) AS count FROM document_updates WHERE name = ?').get(name) as { count: number };
        await probe.close();
        return row.count;
      },
      async dispose() {
        for (const store of opened) await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

let postgres: PostgresTestServer | null = null;
let databaseCount = 0;

const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async setUp() {
    postgres = await startPostgresServer();
  },
  async tearDown() {
    await postgres?.stop();
  },
  async bench() {
    if (postgres === null) throw new Error('PostgreSQL is not started');
    databaseCount += 1;
    const url = await postgres.createDatabase(`contract_${databaseCount}`);
    const opened: PostgresServerStore[] = [];
    return {
      async open() {
        const store = await PostgresServerStore.open(url);
        opened.push(store);
        return store;
      },
      async countLoggedUpdates(name) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const result = await client.query<{ count: string }>('SELECT count(*) AS count FROM document_updates WHERE name = $1', [name]);
        await client.end();
        return Number(result.rows[0]?.count);
      },
      async dispose() {
        for (const store of opened) await store.close();
      },
    };
  },
};

const DOCUMENT = 'bocage.mission.contract';

function textUpdate(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  let update: Uint8Array | null = null;
  const capture = (bytes: Uint8Array): void => {
    update = bytes;
  };
  doc.on('update', capture);
  change(doc.getText('notes'));
  doc.off('update', capture);
  if (update === null) throw new Error('The change produced no update');
  return update;
}

function load(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (state !== null) Y.applyUpdate(doc, state);
  return doc;
}

function entries(state: Uint8Array | null): Record<string, unknown> {
  return load(state).getMap('entries').toJSON();
}

/** An update that sets one key of the `entries` map, from a replica of its own. */
function entryUpdate(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('entries').set(key, value);
  return Y.encodeStateAsUpdate(doc);
}

function tokenHash(token: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(token).digest());
}

function attachment(text: string, mediaType = 'image/jpeg'): StoredAttachment {
  const bytes = new TextEncoder().encode(text);
  return { hash: createHash('sha256').update(bytes).digest('hex'), mediaType, bytes };
}

describe.each([sqliteBackend, postgresBackend])('the $name server store', (backend) => {
  let bench: StoreBench;
  let store: ServerStore;

  beforeAll(async () => {
    await backend.setUp();
  });

  afterAll(async () => {
    await backend.tearDown();
  });

  afterEach(async () => {
    await bench.dispose();
  });

  async function openBench(): Promise<void> {
    bench = await backend.bench();
    store = await bench.open();
  }

  describe('documents', () => {
    it('a document the server never received loads as nothing, so a mission is not invented', async () => {
      await openBench();
      expect(await store.loadDocument(DOCUMENT)).toBeNull();
      expect(await store.documentExists(DOCUMENT)).toBe(false);
    });

    it('an acknowledged update is kept before any snapshot, so a crash right after it loses nothing', async () => {
      await openBench();
      const doc = new Y.Doc();
      await store.appendUpdate(DOCUMENT, textUpdate(doc, (text) => text.insert(0, 'Diagnostic du Bocage')));
      expect(await store.documentExists(DOCUMENT)).toBe(true);
      await store.close();
      const reopened = await bench.open();
      expect(load(await reopened.loadDocument(DOCUMENT)).getText('notes').toString()).toBe('Diagnostic du Bocage');
    });

    it('updates logged after a snapshot load with it, and the snapshot trims only what it covers', async () => {
      await openBench();
      const doc = new Y.Doc();
      const first = await store.appendUpdate(DOCUMENT, textUpdate(doc, (text) => text.insert(0, 'Atelier')));
      await store.storeDocument(DOCUMENT, Y.encodeStateAsUpdate(doc), first);
      const second = await store.appendUpdate(DOCUMENT, textUpdate(doc, (text) => text.insert(7, ' parentalité')));
      expect(second).toBeGreaterThan(first);
      expect(await bench.countLoggedUpdates(DOCUMENT)).toBe(1);
      expect(load(await store.loadDocument(DOCUMENT)).getText('notes').toString()).toBe('Atelier parentalité');
    });

    it('a snapshot that missed a covered update still keeps it, so no instance can drop a colleague’s edit', async () => {
      await openBench();
      await store.appendUpdate(DOCUMENT, entryUpdate('from-other-instance', 1));
      const mine = await store.appendUpdate(DOCUMENT, entryUpdate('mine', 2));
      // This instance's state has only its own edit, yet claims to cover both log entries.
      await store.storeDocument(DOCUMENT, entryUpdate('mine', 2), mine);
      expect(await bench.countLoggedUpdates(DOCUMENT)).toBe(0);
      expect(entries(await store.loadDocument(DOCUMENT))).toEqual({ 'from-other-instance': 1, mine: 2 });
    });

    it('a later snapshot from another instance keeps what the first one stored', async () => {
      await openBench();
      const other = await bench.open();
      await store.storeDocument(DOCUMENT, entryUpdate('first-instance', 'a'), null);
      await other.storeDocument(DOCUMENT, entryUpdate('second-instance', 'b'), null);
      expect(entries(await store.loadDocument(DOCUMENT))).toEqual({ 'first-instance': 'a', 'second-instance': 'b' });
    });

    it('edits arriving at the same time through two instances, with snapshots in between, all survive', async () => {
      await openBench();
      const other = await bench.open();
      const write = async (instance: ServerStore, prefix: string): Promise<void> => {
        const replica = new Y.Doc();
        let last: number | null = null;
        for (let index = 0; index < 20; index += 1) {
          const update = entryUpdate(`${prefix}-${index}`, index);
          Y.applyUpdate(replica, update);
          last = await instance.appendUpdate(DOCUMENT, update);
          if (index % 5 === 4) await instance.storeDocument(DOCUMENT, Y.encodeStateAsUpdate(replica), last);
        }
      };
      await Promise.all([write(store, 'north'), write(other, 'south')]);
      const keys = Object.keys(entries(await store.loadDocument(DOCUMENT)));
      expect(keys).toHaveLength(40);
      expect(keys.filter((key) => key.startsWith('north'))).toHaveLength(20);
    });

    it('many colleagues’ edits arriving at once each get their own place in the log and all load back', async () => {
      await openBench();
      const sequences = await Promise.all(Array.from({ length: 50 }, (_, index) => store.appendUpdate(DOCUMENT, entryUpdate(`colleague-${index}`, index))));
      expect(new Set(sequences).size).toBe(50);
      expect(Object.keys(entries(await store.loadDocument(DOCUMENT)))).toHaveLength(50);
    });

    it('text erased before a snapshot is no longer in the stored state (GDPR)', async () => {
      await openBench();
      const doc = new Y.Doc();
      const insert = await store.appendUpdate(DOCUMENT, textUpdate(doc, (text) => text.insert(0, 'Mme Quelconquezoe, 12 rue des Lilas')));
      await store.storeDocument(DOCUMENT, Y.encodeStateAsUpdate(doc), insert);
      const erase = await store.appendUpdate(DOCUMENT, textUpdate(doc, (text) => text.delete(0, 17)));
      await store.storeDocument(DOCUMENT, Y.encodeStateAsUpdate(doc), erase);
      const stored = await store.loadDocument(DOCUMENT);
      expect(Buffer.from(stored ?? []).includes('Quelconquezoe')).toBe(false);
      expect(load(stored).getText('notes').toString()).toBe(', 12 rue des Lilas');
    });
  });

  describe('users', () => {
    it('an account is found by its token’s hash and by its name, never by the token itself', async () => {
      await openBench();
      const added = await store.addUser({ name: 'marie.durand', team: true, tokenHash: tokenHash('jeton-marie') });
      expect(added).toMatchObject({ name: 'marie.durand', team: true, revokedAt: null });
      expect(await store.findUserByTokenHash(tokenHash('jeton-marie'))).toEqual(added);
      expect(await store.findUserByName('marie.durand')).toEqual(added);
      expect(await store.findUserByTokenHash(tokenHash('jeton-inconnu'))).toBeNull();
      expect(await store.findUserByName('inconnu')).toBeNull();
    });

    it('a second account under a taken name is refused, so two people never share one', async () => {
      await openBench();
      await store.addUser({ name: 'paul.martin', team: false, tokenHash: tokenHash('a') });
      await expect(store.addUser({ name: 'paul.martin', team: true, tokenHash: tokenHash('b') })).rejects.toBeInstanceOf(UserNameTakenError);
      expect(await store.listUsers()).toHaveLength(1);
    });

    it('accounts are listed by name, revoked ones included with their revocation date', async () => {
      await openBench();
      const zoe = await store.addUser({ name: 'zoe.petit', team: false, tokenHash: tokenHash('z') });
      await store.addUser({ name: 'anne.roux', team: true, tokenHash: tokenHash('a') });
      await store.revokeUser(zoe.id, 1_700_000_000_000);
      await store.revokeUser(zoe.id, 1_800_000_000_000);
      const users = await store.listUsers();
      expect(users.map((user) => user.name)).toEqual(['anne.roux', 'zoe.petit']);
      expect(users[1]?.revokedAt).toBe(1_700_000_000_000);
      expect((await store.findUserByTokenHash(tokenHash('z')))?.revokedAt).toBe(1_700_000_000_000);
    });

    it('a replaced token stops working at once and the new one opens the same account', async () => {
      await openBench();
      const user = await store.addUser({ name: 'lucie.bernard', team: true, tokenHash: tokenHash('ancien') });
      await store.replaceToken(user.id, tokenHash('nouveau'));
      expect(await store.findUserByTokenHash(tokenHash('ancien'))).toBeNull();
      expect((await store.findUserByTokenHash(tokenHash('nouveau')))?.id).toBe(user.id);
    });
  });

  describe('mission grants', () => {
    it('a grant is listed by user and by mission, changes role in place, and disappears when revoked', async () => {
      await openBench();
      const marie = await store.addUser({ name: 'marie', team: true, tokenHash: tokenHash('m') });
      const paul = await store.addUser({ name: 'paul', team: false, tokenHash: tokenHash('p') });
      await store.grantMission({ userId: marie.id, missionId: 'mission-a', role: 'editeur', grantedAt: 1 });
      await store.grantMission({ userId: paul.id, missionId: 'mission-a', role: 'editeur', grantedAt: 2 });
      await store.grantMission({ userId: paul.id, missionId: 'mission-b', role: 'lecteur', grantedAt: 3 });
      await store.grantMission({ userId: paul.id, missionId: 'mission-a', role: 'lecteur', grantedAt: 4 });

      expect(await store.listGrants({ userId: paul.id })).toEqual([
        { userId: paul.id, missionId: 'mission-a', role: 'lecteur', grantedAt: 4 },
        { userId: paul.id, missionId: 'mission-b', role: 'lecteur', grantedAt: 3 },
      ]);
      expect((await store.listGrants({ missionId: 'mission-a' })).map((grant) => grant.userId).sort()).toEqual([marie.id, paul.id].sort());
      expect(await store.listGrants({ userId: paul.id, missionId: 'mission-b' })).toHaveLength(1);
      expect(await store.listGrants({})).toHaveLength(3);

      await store.revokeMission(paul.id, 'mission-a');
      expect((await store.listGrants({ missionId: 'mission-a' })).map((grant) => grant.userId)).toEqual([marie.id]);
    });
  });

  describe('attachments', () => {
    it('a photo is readable only through a mission that holds it, even when another mission has the same one', async () => {
      await openBench();
      const photo = attachment('photo du tableau de post-it');
      await store.putAttachment('mission-a', photo);
      await store.putAttachment('mission-b', photo);
      await store.putAttachment('mission-a', photo);
      expect(await store.getAttachment('mission-a', photo.hash)).toEqual(photo);
      expect(await store.getAttachment('mission-b', photo.hash)).toEqual(photo);
      expect(await store.getAttachment('mission-c', photo.hash)).toBeNull();
      expect(await store.listAttachmentHashes('mission-a')).toEqual([photo.hash]);
      expect(await store.listAttachmentHashes('mission-c')).toEqual([]);
    });

    it('bytes filed under another photo’s hash are refused, so no one can replace a colleague’s photo', async () => {
      await openBench();
      const genuine = attachment('signature de Mme Durand', 'image/png');
      await expect(store.putAttachment('mission-a', { ...attachment('autre chose'), hash: genuine.hash })).rejects.toThrow(/empreinte/);
      expect(await store.listAttachmentHashes('mission-a')).toEqual([]);
      await store.putAttachment('mission-a', genuine);
      expect((await store.getAttachment('mission-a', genuine.hash))?.mediaType).toBe('image/png');
    });

    it('hashes are listed in a stable order, so clients compare lists cheaply', async () => {
      await openBench();
      const photos = ['un', 'deux', 'trois'].map((text) => attachment(text));
      for (const photo of photos) await store.putAttachment('mission-a', photo);
      expect(await store.listAttachmentHashes('mission-a')).toEqual(photos.map((photo) => photo.hash).sort());
    });
  });

  it('the health check reaches the store, and fails once it is closed', async () => {
    await openBench();
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });
});
