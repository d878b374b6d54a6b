import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { Redis } from '@hocuspocus/extension-redis';
import { Hocuspocus, type Extension, type onAuthenticatePayload, type WebSocketLike } from '@hocuspocus/server';
import crossws from 'crossws/adapters/node';
import { parseDocumentName } from '../src-shared/documents/document-names';
import { REFUSAL_REASON } from '../src-shared/sync/refusal-reasons';
import { SYNC_PARAMETER } from '../src-shared/sync/sync-protocol';
import { decideDocumentAccess, isClientProtocolAccepted, type MissionFacts, type RefusalReason } from './access/access-policy';
import { findActiveUser } from './access/authenticate';
import type { SyncServerConfig } from './config';
import { createConnectionRateLimiter } from './http/connection-rate-limit';
import { sendError } from './http/http-responses';
import { routeHttpRequest } from './http/http-routes';
import { createAddressHasher, createServerLog, describeError, writeJsonLine, type LogSink, type ServerLog } from './logging/json-log';
import { redisExtensionOptions } from './scaling/redis-options';
import { openServerStore, StoreOpenError } from './storage/open-server-store';
import { StorePersistence } from './storage/persistence-extension';
import type { ServerStore } from './storage/server-store';

export interface RunningSyncServer {
  /** The port actually bound (the one the system chose when the configuration asked for 0). */
  port: number;
  host: string;
  /** ws:// or wss:// address the clients connect to. */
  url: string;
  /** http:// or https:// address of the health, access and attachment routes (same port). */
  httpUrl: string;
  store: ServerStore;
  /** Stores every pending change, closes every connection, Redis and the store. Safe to call twice. */
  stop(): Promise<void>;
}

export interface SyncServerOptions {
  /** Where the JSON-lines log goes; standard output by default. */
  log?: LogSink;
}

/** A start failure explained in French, ready to print to whoever launched the server. */
export class SyncServerStartError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'SyncServerStartError';
  }
}

/**
 * Thrown from onAuthenticate: Hocuspocus sends `reason` to the client, which turns it into French.
 * No message: Hocuspocus prints any hook error that has one, outside the JSON log that already
 * records the refusal.
 */
class ConnectionRefusal extends Error {
  constructor(readonly reason: RefusalReason) {
    super();
    this.name = 'ConnectionRefusal';
  }
}

/**
 * Clients send an awareness update about every fifteen seconds: a connection silent for this long
 * is dead (a laptop closed mid-sync, a dropped mobile link) and its document may be unloaded.
 */
const HEARTBEAT_TIMEOUT_MS = 45_000;
/** WebSocket ping sweep: frees half-open TCP connections that never send anything again. */
const PING_SWEEP_SECONDS = 30;
const RATE_LIMIT_MESSAGE = 'Trop de connexions depuis cette adresse : réessayez dans une minute.';

function addressFor(host: string, port: number, scheme: string): string {
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function listenFailureMessage(error: unknown, config: SyncServerConfig): string {
  switch (errorCode(error)) {
    case 'EADDRINUSE':
      return `Le port ${config.port} est déjà utilisé par un autre programme : choisissez-en un autre avec BOCAGE_PORT.`;
    case 'EADDRNOTAVAIL':
      return `L’adresse ${config.host} n’appartient pas à cet ordinateur : corrigez BOCAGE_HOST.`;
    case 'EACCES':
      return `Le système refuse l’écoute sur le port ${config.port} : choisissez un port au-dessus de 1023 avec BOCAGE_PORT.`;
    default:
      return `Le serveur n’a pas pu écouter sur ${config.host}:${config.port} (${error instanceof Error ? error.message : String(error)}).`;
  }
}

function createDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new SyncServerStartError(
      `Impossible de créer le dossier de données ${dataDir} : vérifiez BOCAGE_DATA_DIR et les droits d’écriture.`,
      { cause: error },
    );
  }
}

async function openStore(config: SyncServerConfig): Promise<ServerStore> {
  if (config.databaseUrl === null) createDataDir(config.dataDir);
  try {
    return await openServerStore(config);
  } catch (error) {
    if (error instanceof StoreOpenError) throw new SyncServerStartError(error.message, { cause: error });
    throw error;
  }
}

function readTlsFiles(tls: NonNullable<SyncServerConfig['tls']>): { cert: Buffer; key: Buffer } {
  try {
    return { cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) };
  } catch (error) {
    throw new SyncServerStartError(`Impossible de lire le certificat ou la clé TLS : vérifiez BOCAGE_TLS_CERT et BOCAGE_TLS_KEY.`, { cause: error });
  }
}

function createTransport(config: SyncServerConfig): HttpServer {
  if (config.tls === null) return createHttpServer();
  const { cert, key } = readTlsFiles(config.tls);
  try {
    return createHttpsServer({ cert, key });
  } catch (error) {
    throw new SyncServerStartError(
      'Le certificat ou la clé TLS n’est pas valide (fichiers PEM attendus, la clé doit correspondre au certificat).',
      { cause: error },
    );
  }
}

/** Facts about one mission, read from the store, for the access decision. */
async function missionFacts(store: ServerStore, userId: string, documentName: string): Promise<MissionFacts | null> {
  const parsed = parseDocumentName(documentName);
  if (parsed?.kind !== 'mission') return null;
  const grants = await store.listGrants({ missionId: parsed.id });
  const role = grants.find((grant) => grant.userId === userId)?.role ?? null;
  const known = grants.length > 0 || (await store.documentExists(documentName));
  return { role, known };
}

function createAuthentication(store: ServerStore, log: ServerLog): Required<Pick<Extension, 'onAuthenticate'>> {
  return {
    async onAuthenticate({ token, documentName, requestParameters, connectionConfig, socketId }: onAuthenticatePayload): Promise<void> {
      // Only a name the server accepts is logged: anything else is text chosen by the client.
      const document = parseDocumentName(documentName) === null ? null : documentName;
      const refuse = (reason: RefusalReason, userId: string | null): never => {
        log.warn('connection-refused', { reason, document, userId, socketId });
        throw new ConnectionRefusal(reason);
      };

      if (!isClientProtocolAccepted(requestParameters.get(SYNC_PARAMETER.protocol))) refuse(REFUSAL_REASON.clientOutdated, null);
      const user = await findActiveUser(store, token);
      if (user === null) return refuse(REFUSAL_REASON.invalidToken, null);
      const facts = await missionFacts(store, user.id, documentName);
      const decision = decideDocumentAccess(user, documentName, facts);
      if (!decision.allowed) return refuse(decision.reason, user.id);

      const parsed = parseDocumentName(documentName);
      if (decision.claimsMission && parsed !== null) {
        await store.grantMission({ userId: user.id, missionId: parsed.id, role: 'editeur', grantedAt: Date.now() });
        log.info('mission-claimed', { document, userId: user.id });
      }
      connectionConfig.readOnly = decision.readOnly;
      log.info('connection-accepted', { document, userId: user.id, readOnly: decision.readOnly, socketId });
    },
  };
}

function documentActivityLog(log: ServerLog): Extension {
  return {
    extensionName: 'bocage-activity-log',
    async afterLoadDocument({ documentName }) {
      log.info('document-loaded', { document: documentName });
    },
    async afterStoreDocument({ documentName }) {
      log.info('document-stored', { document: documentName });
    },
  };
}

function rejectUpgrade(socket: Duplex, status: number, statusText: string, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${statusText}\r\nConnection: close\r\nRetry-After: 60\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export async function startSyncServer(config: SyncServerConfig, options: SyncServerOptions = {}): Promise<RunningSyncServer> {
  const log = createServerLog(options.log ?? writeJsonLine);
  const transport = createTransport(config);
  const store = await openStore(config);

  const instanceId = randomUUID();
  const redis = config.redisUrl === null ? null : new Redis(redisExtensionOptions(config.redisUrl, `bocage-${instanceId}`));
  const hocuspocus = new Hocuspocus({
    name: 'bocage',
    quiet: true,
    timeout: HEARTBEAT_TIMEOUT_MS,
    // Every update is in the store's log before it is acknowledged; the whole-document store only
    // compacts that log, so it can wait for a pause in typing.
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions: [...(redis === null ? [] : [redis]), new StorePersistence(store), documentActivityLog(log), createAuthentication(store, log)],
  });

  const connections = new Map<string, ReturnType<Hocuspocus['handleConnection']>>();
  const websockets = crossws({
    serverOptions: { maxPayload: config.maxMessageBytes },
    idleTimeout: PING_SWEEP_SECONDS,
    hooks: {
      open(peer) {
        const connection = hocuspocus.handleConnection(peer.websocket as unknown as WebSocketLike, peer.request as Request);
        connections.set(peer.id, connection);
      },
      message(peer, message) {
        connections.get(peer.id)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        connections.get(peer.id)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
        connections.delete(peer.id);
      },
      error(peer, error) {
        log.error('websocket-error', { socketId: peer.id, ...describeError(error.cause ?? error) });
      },
    },
  });

  const limiter = createConnectionRateLimiter({ perMinute: config.connectionsPerMinutePerAddress });
  const hashAddress = createAddressHasher();
  // Decided once per TCP connection: the requests a browser sends over one kept-alive connection
  // count as one, like the WebSocket that follows them.
  const admission = new WeakMap<object, boolean>();
  const admit = (request: IncomingMessage): boolean => {
    const known = admission.get(request.socket);
    if (known !== undefined) return known;
    const address = request.socket.remoteAddress ?? 'unknown';
    const admitted = limiter.tryAcquire(address);
    admission.set(request.socket, admitted);
    if (!admitted) log.warn('rate-limited', { address: hashAddress(address) });
    return admitted;
  };

  const routes = {
    store,
    log,
    activity: () => ({ documents: hocuspocus.getDocumentsCount(), connections: hocuspocus.getConnectionsCount() }),
    dependencies: redis === null ? [] : [{ name: 'redis', ping: () => redis.pub.ping() }],
  };
  transport.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (!admit(request)) {
      sendError(response, 429, RATE_LIMIT_MESSAGE, { 'Retry-After': '60', Connection: 'close' });
      return;
    }
    routeHttpRequest(routes, request, response).catch((error: unknown) => {
      log.error('http-request-failed', describeError(error));
      if (!response.headersSent) sendError(response, 500, 'Erreur interne du serveur de synchronisation : réessayez plus tard.');
      else response.destroy();
    });
  });

  const upgradedSockets = new Set<Duplex>();
  transport.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgradedSockets.add(socket);
    socket.once('close', () => upgradedSockets.delete(socket));
    if (stopping !== null) {
      rejectUpgrade(socket, 503, 'Service Unavailable', 'Le serveur s’arrête : réessayez dans un instant.');
      return;
    }
    if (!admit(request)) {
      rejectUpgrade(socket, 429, 'Too Many Requests', RATE_LIMIT_MESSAGE);
      return;
    }
    websockets.handleUpgrade(request, socket, head).catch((error: unknown) => {
      log.error('websocket-upgrade-failed', describeError(error));
      socket.destroy();
    });
  });
  transport.on('clientError', (_error, socket: Duplex) => socket.destroy());

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info('server-stopping', { documents: hocuspocus.getDocumentsCount() });
      const closed = new Promise<void>((resolveClosed) => transport.close(() => resolveClosed()));
      await new Promise<void>((resolveUnloaded) => {
        hocuspocus.configuration.extensions.push({
          async afterUnloadDocument({ instance }) {
            if (instance.getDocumentsCount() === 0) resolveUnloaded();
          },
        });
        if (hocuspocus.getDocumentsCount() === 0) resolveUnloaded();
        // Closing a document's last connection stores it at once; documents without connections
        // left have their debounced store run now.
        hocuspocus.closeConnections();
        hocuspocus.flushPendingStores();
      });
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      websockets.closeAll(undefined, undefined, true);
      // Refused and idle clients hold no document, so nothing above closed them; they would keep
      // the process alive after a stop.
      for (const socket of upgradedSockets) socket.destroy();
      transport.closeAllConnections();
      await closed;
      await store.close();
      log.info('server-stopped');
    })();
    return stopping;
  };

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      transport.once('error', rejectListen);
      transport.listen({ port: config.port, host: config.host }, () => {
        transport.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    await store.close();
    throw new SyncServerStartError(listenFailureMessage(error, config), { cause: error });
  }
  transport.on('error', (error: unknown) => log.error('server-error', describeError(error)));

  const address = transport.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const secure = config.tls !== null;
  const running: RunningSyncServer = {
    port,
    host: config.host,
    url: addressFor(config.host, port, secure ? 'wss' : 'ws'),
    httpUrl: addressFor(config.host, port, secure ? 'https' : 'http'),
    store,
    stop,
  };
  log.info('server-started', {
    port,
    secure,
    store: store.kind,
    redis: redis !== null,
    maxMessageBytes: config.maxMessageBytes,
    connectionsPerMinutePerAddress: config.connectionsPerMinutePerAddress,
    instanceId,
  });
  return running;
}
