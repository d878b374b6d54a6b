import { createHash, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server, type onAuthenticatePayload } from '@hocuspocus/server';
import { parseDocumentName } from '../src-shared/documents/document-names';
import type { SyncServerConfig } from './config';
import { REFUSAL_REASON } from '../src-shared/sync/refusal-reasons';

export const DATABASE_FILE_NAME = 'bocage.sqlite';

/** A whole mission fits far below this; a bigger frame is abuse, not work. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export interface RunningSyncServer {
  /** The port actually bound (the one the system chose when the configuration asked for 0). */
  port: number;
  host: string;
  url: string;
  databaseFile: string;
  /** Stores every pending change, closes every connection and the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** A start failure explained in French, ready to print to whoever launched the server. */
export class SyncServerStartError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'SyncServerStartError';
  }
}

/** Thrown from onAuthenticate: Hocuspocus sends `reason` to the client and logs the message. */
class ConnectionRefusal extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectionRefusal';
  }
}

/**
 * The SQLite extension opens its database in a configuration hook that Hocuspocus does not await,
 * so a failure would surface as an unhandled rejection. Keeping it lets the start report it.
 */
class SqliteStore extends SQLite {
  openFailure: unknown = null;

  override async onConfigure(): Promise<void> {
    try {
      await super.onConfigure();
      // Each store replaces a document's row; without this, the replaced bytes stay in the file's
      // free pages, and a person erased under the GDPR could still be read in the database file.
      this.db?.pragma('secure_delete = ON');
    } catch (error) {
      this.openFailure = error;
    }
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Hashing first gives both sides the same length, which timingSafeEqual needs, and every accepted
 * token is compared so the time taken does not tell which one matched.
 */
function isAcceptedToken(token: string, acceptedDigests: readonly Buffer[]): boolean {
  const digest = sha256(token);
  let accepted = false;
  for (const candidate of acceptedDigests) accepted = timingSafeEqual(digest, candidate) || accepted;
  return accepted;
}

function socketUrl(host: string, port: number): string {
  return `ws://${host.includes(':') ? `[${host}]` : host}:${port}`;
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

export async function startSyncServer(config: SyncServerConfig): Promise<RunningSyncServer> {
  createDataDir(config.dataDir);
  const databaseFile = join(config.dataDir, DATABASE_FILE_NAME);
  const store = new SqliteStore({ database: databaseFile });
  const acceptedDigests = config.tokens.map(sha256);

  const server = new Server({
    name: 'bocage',
    port: config.port,
    address: config.host,
    quiet: true,
    // The caller owns the process: the CLI handles signals, tests start and stop several servers.
    stopOnSignals: false,
    websocketOptions: { maxPayload: MAX_MESSAGE_BYTES },
    // Each store writes the whole document: wait for a pause in typing, but never lose more than
    // ten seconds of a long session if the process dies. Stop and last disconnect store at once.
    debounce: 2_000,
    maxDebounce: 10_000,
    extensions: [store],
    async onAuthenticate({ token, documentName }: onAuthenticatePayload): Promise<void> {
      // Quoted as JSON: the name comes from the client and must not forge lines in the log.
      const loggedName = JSON.stringify(documentName);
      if (!isAcceptedToken(token, acceptedDigests)) {
        throw new ConnectionRefusal(REFUSAL_REASON.invalidToken, `Connexion refusée : jeton d’accès invalide (document ${loggedName}).`);
      }
      if (parseDocumentName(documentName) === null) {
        throw new ConnectionRefusal(REFUSAL_REASON.invalidDocumentName, `Connexion refusée : nom de document invalide ${loggedName}.`);
      }
    },
  });

  // Hocuspocus closes the sockets that hold documents; the others (refused or idle clients) would
  // keep the HTTP server, and so the process, alive after a stop.
  const upgradedSockets = new Set<Socket>();
  server.httpServer.on('upgrade', (_request, socket: Socket) => {
    upgradedSockets.add(socket);
    socket.once('close', () => upgradedSockets.delete(socket));
  });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const closed = server.httpServer.listening ? once(server.httpServer, 'close') : Promise.resolve();
      await server.destroy();
      for (const socket of upgradedSockets) socket.destroy();
      server.httpServer.closeAllConnections();
      await closed;
      store.db?.close();
    })();
    return stopping;
  };

  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.httpServer.once('error', rejectListen);
      server.listen().then(() => {
        server.httpServer.off('error', rejectListen);
        resolveListen();
      }, rejectListen);
    });
  } catch (error) {
    store.db?.close();
    throw new SyncServerStartError(listenFailureMessage(error, config), { cause: error });
  }

  if (store.openFailure !== null) {
    await stop();
    throw new SyncServerStartError(
      `Impossible d’ouvrir la base de données ${databaseFile} : vérifiez qu’elle n’est pas endommagée et que le dossier est accessible en écriture.`,
      { cause: store.openFailure },
    );
  }

  const port = server.address.port;
  return { port, host: config.host, url: socketUrl(config.host, port), databaseFile, stop };
}
