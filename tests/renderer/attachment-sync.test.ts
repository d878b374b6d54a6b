import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import type * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { attachPhoto, removePhoto } from '@shared/meetings/meeting-photo-operations';
import { attachmentCollectionPath, attachmentPath } from '@shared/sync/sync-protocol';
import { storeAttachment } from '../../src-renderer/storage/attachment-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { AttachmentSync, type AttachmentSyncOptions, type MissionAttachmentState } from '../../src-renderer/sync/attachment-sync';
import { LOCAL_EDIT } from '../shared/domain-fixtures';
import { LATER, addMeeting, missionDoc } from '../shared/meetings/meeting-fixtures';

const MISSION = 'mission-quartier-nord';
const HTTP_BASE = 'http://bureau.example:1234';
const TOKEN = 'bocage_jeton-de-test';
const PAPERBOARD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
const POST_IT_WALL = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 6, 7]);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The office server as the client sees it over HTTP, with the route's status codes; the real route
 * is exercised in tests/server. Here the network can fail, lie or go away on demand.
 */
class OfficeServer {
  readonly files = new Map<string, { bytes: Uint8Array<ArrayBuffer>; mediaType: string }>();
  readonly requests: string[] = [];
  reachable = true;
  /** False until an administrator shares the mission with this user. */
  shared = true;
  /** What GET answers for a hash instead of the stored bytes, to play a corrupted transfer. */
  readonly tampered = new Map<string, Uint8Array<ArrayBuffer>>();

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}`);
    if (!this.reachable) throw new TypeError('fetch failed');
    if (new Headers(init.headers).get('authorization') !== `Bearer ${TOKEN}`) return new Response(null, { status: 401 });
    if (!this.shared) return Response.json({ message: 'pas d’accès' }, { status: 403 });
    if (url.pathname === attachmentCollectionPath(MISSION)) return Response.json({ hashes: [...this.files.keys()].sort() });
    const hash = url.pathname.split('/').at(-1) ?? '';
    if (method === 'PUT') {
      const bytes = new Uint8Array(init.body as Uint8Array);
      if (sha256(bytes) !== hash) return Response.json({ message: 'empreinte' }, { status: 422 });
      this.files.set(hash, { bytes, mediaType: new Headers(init.headers).get('content-type') ?? '' });
      return new Response(null, { status: 204 });
    }
    const file = this.files.get(hash);
    if (!file) return Response.json({ message: 'absente' }, { status: 404 });
    return new Response(this.tampered.get(hash) ?? file.bytes, { headers: { 'Content-Type': file.mediaType } });
  };

  count(prefix: string): number {
    return this.requests.filter((request) => request.startsWith(prefix)).length;
  }
}

/** The mission's attachment state; every test follows the mission, so null is a failure. */
function stateOf(sync: AttachmentSync): MissionAttachmentState {
  const state = sync.getMissionState(MISSION);
  if (state === null) throw new Error(`${MISSION} is not followed`);
  return state;
}

let db: LocalDatabase;
let server: OfficeServer;
let syncs: AttachmentSync[];

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  db = new LocalDatabase();
  server = new OfficeServer();
  syncs = [];
});

afterEach(() => {
  for (const sync of syncs) sync.stop();
  vi.useRealTimers();
  db.close();
});

function attachmentSync(options: Partial<AttachmentSyncOptions> = {}): AttachmentSync {
  const sync = new AttachmentSync({ httpBase: HTTP_BASE, token: TOKEN, db, fetch: server.fetch, debounceMs: 20, random: () => 1, ...options });
  syncs.push(sync);
  return sync;
}

/** A mission with one meeting, and the photo stored on this machine and attached to it. */
async function missionWithPhoto(bytes: Uint8Array = PAPERBOARD): Promise<{ doc: Y.Doc; meeting: string; hash: string }> {
  const doc = missionDoc();
  const meeting = addMeeting(doc);
  const hash = await storeAttachment(db, bytes.slice(), 'image/jpeg');
  attachPhoto(doc, LOCAL_EDIT, meeting, { hash, fileName: 'paperboard.jpg', mediaType: 'image/jpeg', byteLength: bytes.byteLength, width: 800, height: 600 }, LATER);
  return { doc, meeting, hash };
}

async function eventually(description: string, condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('sending this machine’s photos', () => {
  test('an editor’s photo reaches the server under its hash, and nothing remains counted as unsent', async () => {
    const { doc, hash } = await missionWithPhoto();
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'editeur');
    // Until compared with the server, the mission is never shown as up to date.
    expect(stateOf(sync).status).toBe('syncing');
    expect(sync.getMissionState('mission-jamais-ouverte')).toBeNull();
    sync.start();

    await eventually('the photo is on the server', () => server.files.has(hash));
    await eventually('nothing is left to send', () => stateOf(sync).status === 'up-to-date');
    expect(server.files.get(hash)).toEqual({ bytes: PAPERBOARD, mediaType: 'image/jpeg' });
    expect(stateOf(sync)).toEqual({ status: 'up-to-date', pendingUploads: 0, pendingDownloads: 0, errorMessage: null });
    expect(sync.pendingUploads()).toBe(0);
  });

  test('a reader never sends anything, and has nothing counted as unsent', async () => {
    const { doc } = await missionWithPhoto();
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'lecteur');
    sync.start();

    await eventually('the server was asked once', () => server.count('GET') > 0);
    await eventually('the pass is over', () => stateOf(sync).status === 'up-to-date');
    expect(server.count('PUT')).toBe(0);
    expect(stateOf(sync).pendingUploads).toBe(0);
  });

  test('a photo attached later is sent once after a burst of edits, without a request per edit', async () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.requests).toEqual([]);

    const first = await storeAttachment(db, PAPERBOARD.slice(), 'image/jpeg');
    const second = await storeAttachment(db, POST_IT_WALL.slice(), 'image/png');
    attachPhoto(doc, LOCAL_EDIT, meeting, { hash: first, fileName: 'a.jpg', mediaType: 'image/jpeg', byteLength: 9, width: 10, height: 10 }, LATER);
    attachPhoto(doc, LOCAL_EDIT, meeting, { hash: second, fileName: 'b.png', mediaType: 'image/png', byteLength: 10, width: 10, height: 10 }, LATER);

    await eventually('both photos are on the server', () => server.files.size === 2);
    expect(server.count(`GET ${attachmentCollectionPath(MISSION)}`)).toBe(1);
    expect(server.count('PUT')).toBe(2);
    expect(server.files.get(second)?.mediaType).toBe('image/png');
  });

  test('a photo the server already holds is not sent again, even after a restart', async () => {
    const { doc, hash } = await missionWithPhoto();
    server.files.set(hash, { bytes: PAPERBOARD, mediaType: 'image/jpeg' });
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();
    await eventually('the server was asked', () => server.count('GET') === 1);
    await eventually('the pass is over', () => stateOf(sync).status === 'up-to-date');
    sync.stop();

    // Next morning, offline: the photo is remembered as sent, so it is not shown as pending.
    server.reachable = false;
    const nextMorning = attachmentSync();
    nextMorning.syncMission(MISSION, doc, 'editeur');
    nextMorning.start();
    await eventually('the offline pass is over', () => stateOf(nextMorning).status === 'offline');

    expect(server.count('PUT')).toBe(0);
    expect(stateOf(nextMorning).pendingUploads).toBe(0);
  });

  test('a removed photo stops counting as unsent', async () => {
    server.reachable = false;
    const { doc, meeting, hash } = await missionWithPhoto();
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();
    await eventually('the photo counts as unsent', () => stateOf(sync).pendingUploads === 1);

    removePhoto(doc, LOCAL_EDIT, meeting, hash, LATER);

    await eventually('nothing counts as unsent', () => sync.pendingUploads() === 0);
  });
});

describe('receiving a colleague’s photos', () => {
  test('a photo referenced by the mission and held by the server is stored here byte for byte', async () => {
    const { doc, hash } = await missionWithPhoto();
    await db.attachments.clear();
    server.files.set(hash, { bytes: PAPERBOARD, mediaType: 'image/jpeg' });
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'lecteur');
    sync.start();

    await eventually('the photo is stored here', async () => (await db.attachments.get(hash)) !== undefined);
    const record = await db.attachments.get(hash);
    expect(record?.bytes).toEqual(PAPERBOARD);
    expect(record?.mediaType).toBe('image/jpeg');
    await eventually('nothing is left to receive', () => stateOf(sync).pendingDownloads === 0);
  });

  test('bytes that do not match the photo’s hash are never stored, and the user is told in French', async () => {
    const { doc, hash } = await missionWithPhoto();
    await db.attachments.clear();
    server.files.set(hash, { bytes: PAPERBOARD, mediaType: 'image/jpeg' });
    server.tampered.set(hash, POST_IT_WALL);
    const sync = attachmentSync();
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();

    await eventually('the failure is reported', () => stateOf(sync).status === 'error');
    expect(stateOf(sync).errorMessage).toBe('une photo reçue du serveur ne correspond pas à son empreinte : elle n’a pas été enregistrée');
    expect(await db.attachments.count()).toBe(0);
  });

  test('a photo a colleague has not sent yet is fetched once it reaches the server, without asking in a tight loop', async () => {
    const { doc, hash } = await missionWithPhoto();
    await db.attachments.clear();
    const sync = attachmentSync({ retry: { minDelayMs: 20, maxDelayMs: 40 } });
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();
    await eventually('the photo is awaited', () => stateOf(sync).pendingDownloads === 1 && server.count('GET') >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.count('GET')).toBeLessThanOrEqual(10);

    server.files.set(hash, { bytes: PAPERBOARD, mediaType: 'image/jpeg' });

    await eventually('the photo is stored here', async () => (await db.attachments.get(hash)) !== undefined);
    await eventually('nothing is awaited', () => stateOf(sync).status === 'up-to-date');
  });
});

describe('offline and refused', () => {
  test('offline for a day: a few requests an hour, the unsent photo stays counted, then it leaves as soon as the network is back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    server.reachable = false;
    const { doc, hash } = await missionWithPhoto();
    const sync = attachmentSync();
    const seen: string[] = [];
    sync.subscribe(() => seen.push(stateOf(sync).status));
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();

    // Minute by minute, letting IndexedDB (which runs on real macrotasks) answer in between.
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      await vi.advanceTimersByTimeAsync(60_000);
      for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    }

    // Ten minutes apart at most once backed off: about 150 tries in a day, not millions.
    expect(server.requests.length).toBeGreaterThan(100);
    expect(server.requests.length).toBeLessThan(170);
    expect(stateOf(sync)).toEqual({ status: 'offline', pendingUploads: 1, pendingDownloads: 0, errorMessage: null });
    expect(seen).not.toContain('error');

    server.reachable = true;
    sync.retryNow();
    vi.useRealTimers();
    await eventually('the photo is on the server', () => server.files.has(hash));
    await eventually('nothing is left to send', () => sync.pendingUploads() === 0);
  });

  test('a refused token is reported in French and not retried by itself', async () => {
    const { doc } = await missionWithPhoto();
    const sync = attachmentSync({ token: 'jeton-revoque', retry: { minDelayMs: 5, maxDelayMs: 5 } });
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();

    await eventually('the refusal is reported', () => stateOf(sync).status === 'error');
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(server.requests).toEqual([`GET ${attachmentCollectionPath(MISSION)}`]);
    expect(stateOf(sync).errorMessage).toContain('refusé le jeton');
    expect(stateOf(sync).pendingUploads).toBe(1);
  });

  test('a mission not shared yet is reported in French, then syncs by itself once an administrator shares it', async () => {
    server.shared = false;
    const { doc, hash } = await missionWithPhoto();
    const sync = attachmentSync({ retry: { minDelayMs: 20, maxDelayMs: 40 } });
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();
    await eventually('the refusal is reported', () => stateOf(sync).status === 'error');
    expect(stateOf(sync).errorMessage).toBe('le serveur refuse l’accès aux photos de cette mission');

    server.shared = true;

    await eventually('the photo is on the server', () => server.files.has(hash));
    await eventually('nothing is left to send', () => stateOf(sync).status === 'up-to-date');
  });

  test('once stopped, nothing more is sent nor stored', async () => {
    server.reachable = false;
    const { doc, hash } = await missionWithPhoto();
    const sync = attachmentSync({ retry: { minDelayMs: 5, maxDelayMs: 5 } });
    sync.syncMission(MISSION, doc, 'editeur');
    sync.start();
    await eventually('a first try was made', () => server.requests.length > 0);

    sync.stop();
    const triesAtStop = server.requests.length;
    server.reachable = true;
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(server.requests.length).toBeLessThanOrEqual(triesAtStop + 1);
    expect(server.files.has(hash)).toBe(false);
    expect(server.requests).not.toContain(`PUT ${attachmentPath(MISSION, hash)}`);
  });
});
