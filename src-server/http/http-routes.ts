import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_ATTACHMENT_BYTES, SYNC_HTTP_PATH } from '../../src-shared/sync/sync-protocol';
import { summarizeAccess } from '../access/access-policy';
import { findActiveUser } from '../access/authenticate';
import { readBearerToken } from '../access/user-tokens';
import { describeError, type ServerLog } from '../logging/json-log';
import type { ServerStore } from '../storage/server-store';
import { handleAttachmentRequest } from './attachment-routes';
import { CORS_HEADERS, sendError, sendJson } from './http-responses';

const API_PREFIX = '/api/';
const MISSIONS_PREFIX = '/api/missions/';

export interface HttpRoutesContext {
  store: ServerStore;
  log: ServerLog;
  /** Live figures for the health endpoint: counts only, nothing about who or what. */
  activity: () => { documents: number; connections: number };
  /** Other services the server cannot work without (Redis when several instances share it). */
  dependencies: ReadonlyArray<{ name: string; ping: () => Promise<unknown> }>;
}

async function answerHealth(context: HttpRoutesContext, response: ServerResponse): Promise<void> {
  const checks = [{ name: 'store', ping: () => context.store.ping() }, ...context.dependencies];
  const failures: string[] = [];
  for (const check of checks) {
    try {
      await check.ping();
    } catch (error) {
      failures.push(check.name);
      context.log.error('health-check-failed', { dependency: check.name, ...describeError(error) });
    }
  }
  const memory = process.memoryUsage();
  sendJson(response, failures.length === 0 ? 200 : 503, {
    status: failures.length === 0 ? 'ok' : 'unavailable',
    ...(failures.length === 0 ? {} : { failing: failures }),
    store: context.store.kind,
    ...context.activity(),
    uptimeSeconds: Math.round(process.uptime()),
    memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
  });
}

async function answerAccess(context: HttpRoutesContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const user = await findActiveUser(context.store, readBearerToken(request.headers.authorization));
  if (user === null) {
    sendError(response, 401, 'Jeton d’accès absent, inconnu ou révoqué : demandez un jeton à l’administrateur du serveur.', {
      'WWW-Authenticate': 'Bearer',
    });
    return;
  }
  const grants = await context.store.listGrants({ userId: user.id });
  sendJson(response, 200, summarizeAccess(user, grants));
}

/**
 * Every HTTP request that is not a WebSocket upgrade: health, what a user may sync, attachments.
 * Answers every request, including with 404, so nothing falls through to a default page.
 */
export async function routeHttpRequest(context: HttpRoutesContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://bocage.invalid').pathname;
  const method = request.method ?? 'GET';

  if (path.startsWith(API_PREFIX)) {
    for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value);
    if (method === 'OPTIONS') {
      response.writeHead(204);
      response.end();
      return;
    }
  }

  if (path === SYNC_HTTP_PATH.health && (method === 'GET' || method === 'HEAD')) {
    await answerHealth(context, response);
    return;
  }
  if (path === SYNC_HTTP_PATH.access) {
    if (method !== 'GET') {
      sendError(response, 405, 'Méthode non prise en charge : utilisez GET.', { Allow: 'GET, OPTIONS' });
      return;
    }
    await answerAccess(context, request, response);
    return;
  }
  if (path.startsWith(MISSIONS_PREFIX)) {
    const user = await findActiveUser(context.store, readBearerToken(request.headers.authorization));
    const handled = await handleAttachmentRequest({ request, response, user, store: context.store, maxBytes: MAX_ATTACHMENT_BYTES });
    if (handled) return;
  }
  sendError(response, 404, 'Adresse inconnue sur le serveur de synchronisation Bocage.');
}
