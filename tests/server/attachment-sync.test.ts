import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { attachPhoto } from '../../src-shared/meetings/meeting-photo-operations';
import { attachmentCollectionPath, attachmentPath, httpBaseFromSyncUrl, type MissionRole } from '../../src-shared/sync/sync-protocol';
import { contentHash } from '../../src-shared/sync/content-hash';
import { storeAttachment } from '../../src-renderer/storage/attachment-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { AttachmentSync, type MissionAttachmentState } from '../../src-renderer/sync/attachment-sync';
import type { RunningSyncServer } from '../../src-server/sync-server';
import { LOCAL_EDIT } from '../shared/domain-fixtures';
import { LATER, addMeeting, missionDoc } from '../shared/meetings/meeting-fixtures';
import { OTHER_TEST_TOKEN, PARTNER_TEST_TOKEN, SyncTestBench, TEST_TOKEN, waitForStatus, waitUntil } from '../helpers/sync-server-harness';

const MISSION = 'mission-bocage-bressuirais';
/** A photo-sized payload (a reduced phone photo weighs a few hundred kilobytes), not a handful of bytes. */
const PAPERBOARD = Uint8Array.from({ length: 300_000 }, (_, index) => (index * 7919) % 256);
PAPERBOARD.set([0xff, 0xd8, 0xff, 0xe0]);

/** The mission's attachment state; every test follows the mission, so null is a failure. */
function stateOf(sync: AttachmentSync): MissionAttachmentState {
  const state = sync.getMissionState(MISSION);
  if (state === null) throw new Error(`${MISSION} is not followed`);
  return state;
}

/** One laptop: its own browser storage, its own copy of the mission, its own connections. */
interface Machine {
  db: LocalDatabase;
  mission: Y.Doc;
  attachments: AttachmentSync;
}

let bench: SyncTestBench;
let server: RunningSyncServer;
const machines: Machine[] = [];

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  bench = new SyncTestBench();
  server = await bench.startServer();
});

afterEach(async () => {
  for (const machine of machines.splice(0)) {
    machine.attachments.stop();
    machine.db.close();
  }
  await bench.cleanup();
});

/** Connects a machine's copy of the mission and its attachments, as the workspace session does. */
async function machine(name: string, token: string, role: MissionRole, mission: Y.Doc = new Y.Doc()): Promise<Machine> {
  const db = new LocalDatabase(`bocage-${name}`);
  const client = bench.client(server.url, token);
  client.attach(missionDocumentName(MISSION), mission);
  await waitForStatus(client, 'up-to-date');
  const attachments = new AttachmentSync({ httpBase: httpBaseFromSyncUrl(server.url), token, db, debounceMs: 50, retry: { minDelayMs: 50, maxDelayMs: 500 } });
  attachments.syncMission(MISSION, mission, role);
  attachments.start();
  const created = { db, mission, attachments };
  machines.push(created);
  return created;
}

/** Marie photographs the paper board at the end of the workshop, on her laptop. */
async function photographPaperboard(on: Machine): Promise<string> {
  const meeting = addMeeting(on.mission);
  const hash = await storeAttachment(on.db, PAPERBOARD.slice(), 'image/jpeg');
  attachPhoto(on.mission, LOCAL_EDIT, meeting, { hash, fileName: 'paperboard.jpg', mediaType: 'image/jpeg', byteLength: PAPERBOARD.byteLength, width: 2560, height: 1920 }, LATER);
  return hash;
}

/** Deep equality on hundreds of kilobytes is slow in the test runner; a byte comparison is not. */
function sameBytes(actual: Uint8Array | undefined, expected: Uint8Array): boolean {
  return actual !== undefined && Buffer.from(actual).equals(Buffer.from(expected));
}

function request(path: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${httpBaseFromSyncUrl(server.url)}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });
}

async function eventually(description: string, condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('photos of paper boards between two laptops through the office server', () => {
  test('a photo added on one laptop appears, byte for byte, on a colleague’s laptop that only reads the mission', async () => {
    await bench.share(server, MISSION, 'alice', 'editeur');
    await bench.share(server, MISSION, 'bruno', 'lecteur');
    const laptopA = await machine('a', TEST_TOKEN, 'editeur', missionDoc());
    const laptopB = await machine('b', OTHER_TEST_TOKEN, 'lecteur');

    const hash = await photographPaperboard(laptopA);

    await eventually('the photo is on laptop B', async () => (await laptopB.db.attachments.get(hash)) !== undefined);
    const received = await laptopB.db.attachments.get(hash);
    expect(received?.mediaType).toBe('image/jpeg');
    expect(sameBytes(received?.bytes, PAPERBOARD)).toBe(true);
        expect(sameBytes((await server.store.getAttachment(MISSION, hash))?.bytes, PAPERBOARD)).toBe(true);
    await waitUntil('laptop A has nothing left to send', () => laptopA.attachments.pendingUploads() === 0);
    await waitUntil('laptop B has nothing left to receive', () => stateOf(laptopB.attachments).pendingDownloads === 0);
    // Neither the token nor the photo's bytes end up in the server's logs.
    expect(JSON.stringify(bench.logs)).not.toContain(TEST_TOKEN);
  });

  test('a reader fetches the photo but cannot add one, and the server’s copy stays as it was', async () => {
    await bench.share(server, MISSION, 'alice', 'editeur');
    await bench.share(server, MISSION, 'bruno', 'lecteur');
    const laptopA = await machine('a', TEST_TOKEN, 'editeur', missionDoc());
    const hash = await photographPaperboard(laptopA);
    await eventually('the photo is on the server', async () => (await server.store.getAttachment(MISSION, hash)) !== null);

    const fetched = await request(attachmentPath(MISSION, hash), OTHER_TEST_TOKEN);
    expect(fetched.status).toBe(200);
    expect(sameBytes(new Uint8Array(await fetched.arrayBuffer()), PAPERBOARD)).toBe(true);

    const ownPhoto = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 1, 2, 3, 5, 8]);
    const ownHash = await contentHash(ownPhoto);
    const sending = await request(attachmentPath(MISSION, ownHash), OTHER_TEST_TOKEN, { method: 'PUT', body: ownPhoto, headers: { 'Content-Type': 'image/jpeg' } });

    expect(sending.status).toBe(403);
    expect(await server.store.listAttachmentHashes(MISSION)).toEqual([hash]);
  });

  test('a partner the mission is not shared with gets neither the list nor the photo, and their laptop says so in French', async () => {
    await bench.share(server, MISSION, 'alice', 'editeur');
    const laptopA = await machine('a', TEST_TOKEN, 'editeur', missionDoc());
    const hash = await photographPaperboard(laptopA);
    await eventually('the photo is on the server', async () => (await server.store.getAttachment(MISSION, hash)) !== null);

    expect((await request(attachmentCollectionPath(MISSION), PARTNER_TEST_TOKEN)).status).toBe(403);
    expect((await request(attachmentPath(MISSION, hash), PARTNER_TEST_TOKEN)).status).toBe(403);

    // A partner's laptop that still holds the mission (from an export, say) learns nothing either.
    const partnerDb = new LocalDatabase('bocage-partner');
    const partner = new AttachmentSync({ httpBase: httpBaseFromSyncUrl(server.url), token: PARTNER_TEST_TOKEN, db: partnerDb });
    machines.push({ db: partnerDb, mission: laptopA.mission, attachments: partner });
    partner.syncMission(MISSION, laptopA.mission, 'lecteur');
    partner.start();
    await waitUntil('the refusal reaches the partner', () => stateOf(partner).status === 'error');

    expect(stateOf(partner).errorMessage).toBe('le serveur refuse l’accès aux photos de cette mission');
    expect(await partnerDb.attachments.count()).toBe(0);
  });
});
