import { describe, expect, it } from 'vitest';
import { MIN_SERVER_PROTOCOL_VERSION, SYNC_PROTOCOL_VERSION, type AccessSummary } from '@shared/sync/sync-protocol';
import { checkAccess } from '../../src-renderer/sync/access-check';
import { CLIENT_OUTDATED_MESSAGE, SERVER_OUTDATED_MESSAGE, TOKEN_REFUSED_MESSAGE } from '../../src-renderer/sync/sync-messages';

const SUMMARY: AccessSummary = {
  protocol: SYNC_PROTOCOL_VERSION,
  minClientProtocol: SYNC_PROTOCOL_VERSION,
  user: { id: 'u-1', name: 'alice', team: true },
  workspace: true,
  missions: [{ missionId: 'm-1', role: 'lecteur' }],
};

function answering(status: number, body: unknown): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fake = (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  };
  return { fetch: fake as typeof fetch, requests };
}

describe('asking the server what this user may synchronise', () => {
  it('asks the access route of the WebSocket’s server with the token, and reads the roles', async () => {
    const server = answering(200, SUMMARY);
    expect(await checkAccess('wss://sync.exemple.fr/bocage', 'bocage_abc', server.fetch)).toEqual({ kind: 'granted', summary: SUMMARY });
    expect(server.requests[0]?.url).toBe('https://sync.exemple.fr/api/access');
    expect(server.requests[0]?.headers.get('Authorization')).toBe('Bearer bocage_abc');
  });

  it('a refused token is said plainly and not retried', async () => {
    expect(await checkAccess('ws://127.0.0.1:1234', 'faux', answering(401, {}).fetch)).toEqual({ kind: 'refused', message: TOKEN_REFUSED_MESSAGE });
  });

  it('a server too old for this Bocage is not written to', async () => {
    const oldServer = answering(200, { ...SUMMARY, protocol: MIN_SERVER_PROTOCOL_VERSION - 1 });
    expect(await checkAccess('ws://127.0.0.1:1234', 'jeton', oldServer.fetch)).toEqual({ kind: 'refused', message: SERVER_OUTDATED_MESSAGE });
    // The walking skeleton's server has no access route at all.
    expect(await checkAccess('ws://127.0.0.1:1234', 'jeton', answering(404, {}).fetch)).toEqual({ kind: 'refused', message: SERVER_OUTDATED_MESSAGE });
  });

  it('a Bocage older than the server accepts is asked to update', async () => {
    const newerServer = answering(200, { ...SUMMARY, minClientProtocol: SYNC_PROTOCOL_VERSION + 1 });
    expect(await checkAccess('ws://127.0.0.1:1234', 'jeton', newerServer.fetch)).toEqual({ kind: 'refused', message: CLIENT_OUTDATED_MESSAGE });
  });

  it('no network is offline, not an error; a garbled answer is tried again later', async () => {
    const noNetwork = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    expect(await checkAccess('ws://127.0.0.1:9', 'jeton', noNetwork)).toEqual({ kind: 'unreachable' });
    expect((await checkAccess('ws://127.0.0.1:1234', 'jeton', answering(200, { protocol: 'deux' }).fetch)).kind).toBe('retry');
    expect((await checkAccess('ws://127.0.0.1:1234', 'jeton', answering(503, {}).fetch)).kind).toBe('retry');
  });
});
