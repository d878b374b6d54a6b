import { request } from 'node:http';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { workspaceDocumentName } from '../../src-shared/documents/document-names';
import { accessSummarySchema, MIN_CLIENT_PROTOCOL_VERSION, SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/sync-protocol';
import { PARTNER_TEST_TOKEN, SyncTestBench, TEST_TOKEN } from '../helpers/sync-server-harness';

let bench: SyncTestBench;

beforeEach(() => {
  bench = new SyncTestBench();
});

afterEach(async () => {
  await bench.cleanup();
});

/** One request on a fresh TCP connection (no keep-alive pool), as a new client would open. */
function freshRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('health endpoint', () => {
  it('a load balancer learns the server is up, with counts and memory but nothing about anyone', async () => {
    const server = await bench.startServer();
    const response = await freshRequest(`${server.httpUrl}/health`);
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'ok', store: 'sqlite', documents: 0, connections: 0 });
    expect(Object.keys(body).sort()).toEqual(['connections', 'documents', 'memory', 'status', 'store', 'uptimeSeconds']);
    expect(body.memory).toEqual({ rssBytes: expect.any(Number), heapUsedBytes: expect.any(Number) });
  });

  it('answers 503 when the store is unreachable, so the balancer sends clients elsewhere', async () => {
    const server = await bench.startServer();
    vi.spyOn(server.store, 'ping').mockRejectedValue(Object.assign(new Error('connection lost'), { code: 'ECONNRESET' }));
    const response = await freshRequest(`${server.httpUrl}/health`);
    expect(response.status).toBe(503);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'unavailable', failing: ['store'] });
    expect(bench.logs.find((entry) => entry.event === 'health-check-failed')).toMatchObject({ dependency: 'store', errorCode: 'ECONNRESET' });
  });
});

describe('what a user may synchronise (GET /api/access)', () => {
  it('a team member learns they share the workspace, a partner only the missions shared with them', async () => {
    const server = await bench.startServer();
    await bench.share(server, 'm-1', 'caf79', 'lecteur');
    const team = await freshRequest(`${server.httpUrl}/api/access`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    expect(team.status).toBe(200);
    expect(accessSummarySchema.parse(JSON.parse(team.body))).toMatchObject({
      protocol: SYNC_PROTOCOL_VERSION,
      minClientProtocol: MIN_CLIENT_PROTOCOL_VERSION,
      user: { name: 'alice', team: true },
      workspace: true,
      missions: [],
    });
    const partner = await freshRequest(`${server.httpUrl}/api/access`, { headers: { Authorization: `Bearer ${PARTNER_TEST_TOKEN}` } });
    expect(accessSummarySchema.parse(JSON.parse(partner.body))).toMatchObject({ workspace: false, missions: [{ missionId: 'm-1', role: 'lecteur' }] });
  });

  it('no token, a wrong one or a revoked one get 401 with a French explanation and nothing else', async () => {
    const server = await bench.startServer();
    const partner = await server.store.findUserByName('caf79');
    await server.store.revokeUser(partner?.id ?? '', Date.now());
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer bocage_faux' },
      { Authorization: `Bearer ${PARTNER_TEST_TOKEN}` },
      { Authorization: `Basic ${TEST_TOKEN}` },
    ];
    for (const headers of attempts) {
      const response = await freshRequest(`${server.httpUrl}/api/access`, { headers });
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toEqual({
        message: 'Jeton d’accès absent, inconnu ou révoqué : demandez un jeton à l’administrateur du serveur.',
      });
    }
  });

  it('the web app on another origin may call the API: preflight answered, CORS headers on every answer', async () => {
    const server = await bench.startServer();
    const preflight = await freshRequest(`${server.httpUrl}/api/access`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    const refused = await freshRequest(`${server.httpUrl}/api/access`, { headers: { Origin: 'http://localhost:4173' } });
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    const unknown = await freshRequest(`${server.httpUrl}/autre`);
    expect(unknown.status).toBe(404);
  });
});

describe('limits', () => {
  it('an address opening connections too fast is refused with 429, HTTP and WebSocket alike, and logged without its address', async () => {
    const server = await bench.startServer(0, { connectionsPerMinutePerAddress: 3 });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await freshRequest(`${server.httpUrl}/health`)).status);
    const refused = await freshRequest(`${server.httpUrl}/health`);
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(JSON.parse(refused.body)).toEqual({ message: 'Trop de connexions depuis cette adresse : réessayez dans une minute.' });

    const upgradeStatus = await new Promise<number>((resolve) => {
      const socket = new WebSocket(server.url);
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(upgradeStatus).toBe(429);
    const limited = bench.logs.filter((entry) => entry.event === 'rate-limited');
    expect(limited).toHaveLength(2);
    expect(limited[0]?.address).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(bench.logs)).not.toContain('127.0.0.1');
  });

  it('a WebSocket message above the size limit closes that connection without touching the document', async () => {
    const server = await bench.startServer(0, { maxMessageBytes: 64 * 1024 });
    const closeCode = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${server.url}?protocol=${SYNC_PROTOCOL_VERSION}`);
      socket.on('open', () => socket.send(new Uint8Array(65 * 1024)));
      socket.on('close', (code) => resolve(code));
      socket.on('error', () => undefined);
    });
    expect(closeCode).toBe(1009);
    expect(await server.store.documentExists(workspaceDocumentName())).toBe(false);
  });

  it('a client that announces no protocol version, as the first Bocage did, is told to update', async () => {
    const server = await bench.startServer();
    const socket = new HocuspocusProviderWebsocket({ url: server.url, WebSocketPolyfill: WebSocket, maxAttempts: 1 });
    const provider = new HocuspocusProvider({ name: workspaceDocumentName(), document: new Y.Doc(), token: TEST_TOKEN, websocketProvider: socket });
    const reason = new Promise<string>((resolve) => provider.on('authenticationFailed', ({ reason: refusal }: { reason: string }) => resolve(refusal)));
    provider.attach();
    try {
      expect(await reason).toBe('client-outdated');
    } finally {
      provider.destroy();
      socket.destroy();
    }
  });
});
