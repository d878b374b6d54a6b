import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachmentCollectionPath, attachmentListSchema, attachmentPath, type MissionRole } from '@shared/sync/sync-protocol';
import { createUserToken, hashToken, readBearerToken } from '../../src-server/access/user-tokens';
import { handleAttachmentRequest } from '../../src-server/http/attachment-routes';
import { SqliteServerStore } from '../../src-server/storage/sqlite-store';

/** Small, so "too large" needs kilobytes rather than the real 25 MB. */
const MAX_TEST_BYTES = 4096;
const MISSION = 'mission-quartier-nord';
const OTHER_MISSION = 'mission-centre-bourg';
const PAPERBOARD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 600 }, (_, index) => index % 251)]);
const POST_IT_WALL = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
/** Only ever stored for the other mission. */
const OTHER_MISSION_PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 42, 42, 42]);

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

let dataDir: string;
let store: SqliteServerStore;
let server: Server;
let baseUrl: string;
const tokens: Record<'editor' | 'reader' | 'teamWithoutGrant' | 'partnerElsewhere' | 'revoked', string> = {
  editor: '',
  reader: '',
  teamWithoutGrant: '',
  partnerElsewhere: '',
  revoked: '',
};

async function addUser(name: string, team: boolean, grants: ReadonlyArray<[string, MissionRole]>): Promise<string> {
  const { token, tokenHash } = createUserToken();
  const user = await store.addUser({ name, team, tokenHash });
  for (const [missionId, role] of grants) await store.grantMission({ userId: user.id, missionId, role, grantedAt: 1 });
  return token;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bocage-attachment-routes-'));
  store = SqliteServerStore.open(dataDir);
  tokens.editor = await addUser('claire.editrice', true, [[MISSION, 'editeur'], [OTHER_MISSION, 'editeur']]);
  tokens.reader = await addUser('paul.lecteur', false, [[MISSION, 'lecteur']]);
  tokens.teamWithoutGrant = await addUser('nadia.equipe', true, []);
  tokens.partnerElsewhere = await addUser('caf.partenaire', false, [[OTHER_MISSION, 'editeur']]);
  tokens.revoked = await addUser('ancien.agent', true, [[MISSION, 'editeur']]);
  const revoked = await store.findUserByName('ancien.agent');
  await store.revokeUser(revoked?.id ?? '', 2);
  await store.putAttachment(MISSION, { hash: sha256(POST_IT_WALL), mediaType: 'image/png', bytes: POST_IT_WALL });
  await store.putAttachment(OTHER_MISSION, { hash: sha256(OTHER_MISSION_PHOTO), mediaType: 'image/jpeg', bytes: OTHER_MISSION_PHOTO });

  // Revoked users are passed through as found, so the route's own check is what refuses them.
  server = createServer((request, response) => {
    void (async () => {
      const token = readBearerToken(request.headers.authorization);
      const user = token === null ? null : await store.findUserByTokenHash(hashToken(token));
      const handled = await handleAttachmentRequest({ request, response, user, store, maxBytes: MAX_TEST_BYTES });
      if (!handled) {
        response.writeHead(418);
        response.end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function call(path: string, options: { token?: string | null; method?: string; body?: Uint8Array<ArrayBuffer>; contentType?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.contentType) headers['Content-Type'] = options.contentType;
  return fetch(`${baseUrl}${path}`, { method: options.method ?? 'GET', headers, ...(options.body ? { body: options.body } : {}) });
}

async function frenchRefusal(response: Response): Promise<string> {
  const body = (await response.json()) as { message?: unknown };
  expect(typeof body.message).toBe('string');
  return body.message as string;
}

describe('sending and fetching a mission’s attachments', () => {
  test('a photo an editor sends is stored under its hash and comes back byte for byte, with its type, to whoever may read the mission', async () => {
    const hash = sha256(PAPERBOARD);

    const sent = await call(attachmentPath(MISSION, hash), { token: tokens.editor, method: 'PUT', body: PAPERBOARD, contentType: 'image/jpeg' });
    expect(sent.status).toBe(204);
    expect((await store.getAttachment(MISSION, hash))?.bytes).toEqual(PAPERBOARD);

    const listed = await call(attachmentCollectionPath(MISSION), { token: tokens.reader });
    expect(listed.status).toBe(200);
    expect(attachmentListSchema.parse(await listed.json()).hashes).toEqual([hash, sha256(POST_IT_WALL)].sort());

    const fetched = await call(attachmentPath(MISSION, hash), { token: tokens.reader });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('content-type')).toBe('image/jpeg');
    expect(fetched.headers.get('etag')).toBe(`"${hash}"`);
    expect(fetched.headers.get('cache-control')).toContain('immutable');
    expect(new Uint8Array(await fetched.arrayBuffer())).toEqual(PAPERBOARD);
  });

  test('sending a photo the server already has changes nothing and succeeds, so a retry after a lost answer is harmless', async () => {
    const hash = sha256(POST_IT_WALL);

    const again = await call(attachmentPath(MISSION, hash), { token: tokens.editor, method: 'PUT', body: POST_IT_WALL, contentType: 'image/png' });

    expect(again.status).toBe(204);
    expect(await store.listAttachmentHashes(MISSION)).toContain(hash);
  });

  test('a client that already holds a photo is told so without receiving it again', async () => {
    const hash = sha256(POST_IT_WALL);

    const revalidated = await call(attachmentPath(MISSION, hash), { token: tokens.reader, headers: { 'If-None-Match': `"${hash}"` } });

    expect(revalidated.status).toBe(304);
    expect((await revalidated.arrayBuffer()).byteLength).toBe(0);
  });

  test('a photo stored for another mission cannot be fetched through a mission the user may read', async () => {
    const response = await call(attachmentPath(MISSION, sha256(OTHER_MISSION_PHOTO)), { token: tokens.reader });

    expect(response.status).toBe(404);
    expect(await frenchRefusal(response)).toBe('Cette pièce jointe n’est pas sur le serveur.');
  });
});

describe('who may read and send attachments: the documents’ own rules', () => {
  const existing = sha256(POST_IT_WALL);
  const NEW_PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 6]);
  const cases: Array<{ who: keyof typeof tokens | 'nobody' | 'unknown'; status: number }> = [
    { who: 'nobody', status: 401 },
    { who: 'unknown', status: 401 },
    { who: 'revoked', status: 401 },
    { who: 'teamWithoutGrant', status: 403 },
    { who: 'partnerElsewhere', status: 403 },
  ];

  function tokenOf(who: (typeof cases)[number]['who']): string | null {
    if (who === 'nobody') return null;
    if (who === 'unknown') return createUserToken().token;
    return tokens[who];
  }

  test.each(cases)('$who gets $status for the list, a photo and a sending, and nothing is stored', async ({ who, status }) => {
    const token = tokenOf(who);
    const before = await store.listAttachmentHashes(MISSION);

    const list = await call(attachmentCollectionPath(MISSION), { token });
    const one = await call(attachmentPath(MISSION, existing), { token });
    const sending = await call(attachmentPath(MISSION, sha256(NEW_PHOTO)), { token, method: 'PUT', body: NEW_PHOTO, contentType: 'image/jpeg' });

    for (const response of [list, one, sending]) {
      expect(response.status).toBe(status);
      expect(await frenchRefusal(response)).toMatch(/^[A-ZÉ].*[.:] ?.*$/);
    }
    expect(await store.listAttachmentHashes(MISSION)).toEqual(before);
    expect(await store.getAttachment(MISSION, sha256(NEW_PHOTO))).toBeNull();
  });

  test('a reader fetches the mission’s photos but cannot add one', async () => {
    expect((await call(attachmentPath(MISSION, existing), { token: tokens.reader })).status).toBe(200);

    const sending = await call(attachmentPath(MISSION, sha256(NEW_PHOTO)), { token: tokens.reader, method: 'PUT', body: NEW_PHOTO, contentType: 'image/jpeg' });

    expect(sending.status).toBe(403);
    expect(await frenchRefusal(sending)).toContain('lecture seule');
    expect(await store.getAttachment(MISSION, sha256(NEW_PHOTO))).toBeNull();
  });
});

describe('what an editor cannot send', () => {
  test('bytes that do not match the hash in the address are refused: no photo can be replaced under another’s name', async () => {
    const claimed = sha256(POST_IT_WALL);
    const forged = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 6, 6, 6]);

    const response = await call(attachmentPath(OTHER_MISSION, claimed), { token: tokens.editor, method: 'PUT', body: forged, contentType: 'image/png' });

    expect(response.status).toBe(422);
    expect(await frenchRefusal(response)).toContain('empreinte');
    expect(await store.getAttachment(OTHER_MISSION, claimed)).toBeNull();
    expect((await store.getAttachment(MISSION, claimed))?.bytes).toEqual(POST_IT_WALL);
  });

  test('a file announced larger than the limit is refused before it is read', async () => {
    const big = new Uint8Array(MAX_TEST_BYTES + 1).fill(1);

    const response = await call(attachmentPath(MISSION, sha256(big)), { token: tokens.editor, method: 'PUT', body: big, contentType: 'image/jpeg' });

    expect(response.status).toBe(413);
    expect(await frenchRefusal(response)).toContain('taille maximale');
    expect(await store.getAttachment(MISSION, sha256(big))).toBeNull();
  });

  test('a file sent without announcing its size is cut off as soon as it passes the limit', async () => {
    const chunk = new Uint8Array(1024).fill(2);
    const { status, body, chunksWritten } = await new Promise<{ status: number; body: string; chunksWritten: number }>((resolve, reject) => {
      let chunksWritten = 0;
      let answered = false;
      const outgoing = httpRequest(`${baseUrl}${attachmentPath(MISSION, 'd'.repeat(64))}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${tokens.editor}`, 'Content-Type': 'image/jpeg', 'Transfer-Encoding': 'chunked' },
      });
      outgoing.on('response', (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (part: string) => (text += part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text, chunksWritten }));
      });
      // Writing after the server closed the connection fails; only the answer matters then.
      outgoing.on('error', (error) => (answered ? undefined : reject(error)));
      const writeMore = (): void => {
        if (answered || chunksWritten >= 1000) return;
        chunksWritten += 1;
        outgoing.write(chunk, () => setTimeout(writeMore, 1));
      };
      writeMore();
    });

    expect(status).toBe(413);
    expect(JSON.parse(body)).toEqual({ message: expect.stringContaining('taille maximale') });
    // The server answered long before the 1 MB the client was ready to send.
    expect(chunksWritten).toBeLessThan(100);
    expect(await store.listAttachmentHashes(MISSION)).not.toContain('d'.repeat(64));
  });

  test.each(['text/html', 'image/svg+xml', 'application/octet-stream', ''])('a file of type "%s" is refused, so the server never serves anything a browser would run', async (contentType) => {
    const bytes = new TextEncoder().encode('<svg onload="alert(1)"/>');

    const response = await call(attachmentPath(MISSION, sha256(bytes)), { token: tokens.editor, method: 'PUT', body: bytes, contentType });

    expect(response.status).toBe(415);
    expect(await frenchRefusal(response)).toContain('JPEG, PNG, WebP');
    expect(await store.getAttachment(MISSION, sha256(bytes))).toBeNull();
  });
});

describe('addresses', () => {
  test('an address beside the attachments is left to the rest of the server', async () => {
    expect((await call(`/api/missions/${MISSION}/participants`, { token: tokens.editor })).status).toBe(418);
    expect((await call('/api/missions/', { token: tokens.editor })).status).toBe(418);
  });

  test.each([
    ['a hash that is not a SHA-256', attachmentPath(MISSION, 'not-a-hash')],
    ['an uppercase hash', attachmentPath(MISSION, 'A'.repeat(64))],
    ['a mission id that names no mission', attachmentCollectionPath('../bocage.workspace.default')],
  ])('%s is answered "not found" in French', async (_label, path) => {
    const response = await call(path, { token: tokens.editor });

    expect(response.status).toBe(404);
    expect(await frenchRefusal(response)).toBe('Adresse de pièce jointe invalide.');
  });

  test('deleting an attachment is not possible', async () => {
    const response = await call(attachmentPath(MISSION, sha256(POST_IT_WALL)), { token: tokens.editor, method: 'DELETE' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, PUT');
    expect(await store.listAttachmentHashes(MISSION)).toContain(sha256(POST_IT_WALL));
  });
});
