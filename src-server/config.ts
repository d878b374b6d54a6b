import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

export interface SyncServerConfig {
  /** 0 asks the system for a free port; the running server reports the real one. */
  port: number;
  host: string;
  /** Absolute path of the folder that holds the SQLite database (and nothing else when PostgreSQL is used). */
  dataDir: string;
  /** BOCAGE_DATABASE_URL (postgres://…): PostgreSQL instead of the SQLite file; required for several instances. */
  databaseUrl: string | null;
  /** BOCAGE_REDIS_URL (redis://…): several instances behind a load balancer share their live updates through it. */
  redisUrl: string | null;
  /** BOCAGE_TLS_CERT + BOCAGE_TLS_KEY (PEM files): the server speaks wss:// itself. */
  tls: { certFile: string; keyFile: string } | null;
  /** BOCAGE_MAX_MESSAGE_MB: the largest WebSocket message accepted. */
  maxMessageBytes: number;
  /** BOCAGE_CONNECTIONS_PER_MINUTE: new connections (WebSocket and HTTP) one address may open per minute. */
  connectionsPerMinutePerAddress: number;
}

export type SyncServerConfigResult = { ok: true; config: SyncServerConfig } | { ok: false; errors: string[] };

export const DEFAULT_PORT = 1234;
/** Only this machine by default: exposing the server to the office network is a deliberate choice. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR_NAME = '.bocage-data';
/** A whole mission with its history fits far below this; a bigger frame is abuse, not work. */
export const DEFAULT_MAX_MESSAGE_MB = 32;
const MAX_MESSAGE_MB_CEILING = 1024;
/**
 * A client opens one WebSocket and a few HTTP connections when it starts; a dozen colleagues behind
 * the office's single address stay well under this, a script retrying in a loop does not.
 */
export const DEFAULT_CONNECTIONS_PER_MINUTE = 120;
const CONNECTIONS_PER_MINUTE_CEILING = 100_000;

type Environment = Readonly<Record<string, string | undefined>>;

type Parsed<T> = { value: T } | { error: string };

/** An empty or blank variable counts as unset, as shells and .env files often leave them so. */
function readVariable(env: Environment, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

const HOSTNAME_PATTERN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function parsePort(raw: string | null): Parsed<number> {
  if (raw === null) return { value: DEFAULT_PORT };
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    return { error: `BOCAGE_PORT doit être un numéro de port entre 0 et 65535 (valeur reçue : « ${raw} »).` };
  }
  return { value: port };
}

function parseHost(raw: string | null): Parsed<string> {
  if (raw === null) return { value: DEFAULT_HOST };
  if (isIP(raw) !== 0 || HOSTNAME_PATTERN.test(raw)) return { value: raw };
  return {
    error: `BOCAGE_HOST doit être une adresse IP ou un nom de machine, par exemple 127.0.0.1 (cet ordinateur seulement) ou 0.0.0.0 (tout le réseau) ; valeur reçue : « ${raw} ».`,
  };
}

/**
 * The address is never quoted back: it usually carries the database or Redis password, and these
 * messages end up in service logs.
 */
function parseServiceUrl(raw: string | null, variable: string, protocols: readonly string[], example: string): Parsed<string | null> {
  if (raw === null) return { value: null };
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    url = null;
  }
  if (url === null || !protocols.includes(url.protocol) || url.hostname === '') {
    return { error: `${variable} n’est pas une adresse valide : elle doit ressembler à ${example}.` };
  }
  return { value: raw };
}

function parseWholeNumber(raw: string | null, variable: string, fallback: number, ceiling: number, meaning: string): Parsed<number> {
  if (raw === null) return { value: fallback };
  const value = /^\d{1,7}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value < 1 || value > ceiling) {
    return { error: `${variable} doit être un nombre entier entre 1 et ${ceiling} (${meaning}) ; valeur reçue : « ${raw} ».` };
  }
  return { value };
}

export type ReadableFileCheck = (path: string) => boolean;

const isReadableFile: ReadableFileCheck = (path) => {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

function parseTls(
  certRaw: string | null,
  keyRaw: string | null,
  currentDirectory: string,
  canRead: ReadableFileCheck,
): Parsed<SyncServerConfig['tls']> {
  if (certRaw === null && keyRaw === null) return { value: null };
  if (certRaw === null || keyRaw === null) {
    return {
      error:
        'BOCAGE_TLS_CERT et BOCAGE_TLS_KEY vont ensemble : indiquez le certificat ET sa clé privée (fichiers PEM), ou aucun des deux pour un serveur sans chiffrement derrière un proxy.',
    };
  }
  const certFile = resolve(currentDirectory, certRaw);
  const keyFile = resolve(currentDirectory, keyRaw);
  const unreadable = [
    { variable: 'BOCAGE_TLS_CERT', file: certFile },
    { variable: 'BOCAGE_TLS_KEY', file: keyFile },
  ].filter(({ file }) => !canRead(file));
  if (unreadable.length > 0) {
    return {
      error: unreadable
        .map(({ variable, file }) => `${variable} : le fichier ${file} est introuvable ou illisible pour le serveur.`)
        .join(' '),
    };
  }
  return { value: { certFile, keyFile } };
}

/**
 * Reads the server settings from environment variables. Touches no file except to check that the
 * TLS files can be read, so the data folder is only created when the server starts. Every bad value
 * is reported at once.
 */
export function parseSyncServerConfig(
  env: Environment,
  currentDirectory: string,
  canRead: ReadableFileCheck = isReadableFile,
): SyncServerConfigResult {
  const port = parsePort(readVariable(env, 'BOCAGE_PORT'));
  const host = parseHost(readVariable(env, 'BOCAGE_HOST'));
  const dataDir = resolve(currentDirectory, readVariable(env, 'BOCAGE_DATA_DIR') ?? DEFAULT_DATA_DIR_NAME);
  const databaseUrl = parseServiceUrl(
    readVariable(env, 'BOCAGE_DATABASE_URL'),
    'BOCAGE_DATABASE_URL',
    ['postgres:', 'postgresql:'],
    'postgres://bocage:mot-de-passe@serveur-base:5432/bocage',
  );
  const redisUrl = parseServiceUrl(readVariable(env, 'BOCAGE_REDIS_URL'), 'BOCAGE_REDIS_URL', ['redis:', 'rediss:'], 'redis://serveur-redis:6379');
  const tls = parseTls(readVariable(env, 'BOCAGE_TLS_CERT'), readVariable(env, 'BOCAGE_TLS_KEY'), currentDirectory, canRead);
  const maxMessageMb = parseWholeNumber(
    readVariable(env, 'BOCAGE_MAX_MESSAGE_MB'),
    'BOCAGE_MAX_MESSAGE_MB',
    DEFAULT_MAX_MESSAGE_MB,
    MAX_MESSAGE_MB_CEILING,
    'taille maximale d’un message, en mégaoctets',
  );
  const connectionsPerMinute = parseWholeNumber(
    readVariable(env, 'BOCAGE_CONNECTIONS_PER_MINUTE'),
    'BOCAGE_CONNECTIONS_PER_MINUTE',
    DEFAULT_CONNECTIONS_PER_MINUTE,
    CONNECTIONS_PER_MINUTE_CEILING,
    'connexions nouvelles par minute et par adresse',
  );
  const errors = [port, host, databaseUrl, redisUrl, tls, maxMessageMb, connectionsPerMinute].flatMap((result) =>
    'error' in result ? [result.error] : [],
  );
  if ('value' in redisUrl && redisUrl.value !== null && 'value' in databaseUrl && databaseUrl.value === null) {
    errors.push(
      'BOCAGE_REDIS_URL demande PostgreSQL : plusieurs instances ne peuvent pas partager le fichier SQLite d’un seul serveur. Indiquez aussi BOCAGE_DATABASE_URL, ou retirez BOCAGE_REDIS_URL pour une seule instance.',
    );
  }
  if (readVariable(env, 'BOCAGE_TOKENS') !== null) {
    errors.push(
      'BOCAGE_TOKENS n’est plus utilisé : chaque personne a maintenant son propre jeton. Retirez BOCAGE_TOKENS, puis créez les comptes avec « npm run server -- users add <nom> --equipe » et donnez à chacun le jeton affiché.',
    );
  }
  if (
    errors.length > 0 ||
    !('value' in port && 'value' in host && 'value' in databaseUrl && 'value' in redisUrl && 'value' in tls && 'value' in maxMessageMb && 'value' in connectionsPerMinute)
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    config: {
      port: port.value,
      host: host.value,
      dataDir,
      databaseUrl: databaseUrl.value,
      redisUrl: redisUrl.value,
      tls: tls.value,
      maxMessageBytes: maxMessageMb.value * 1024 * 1024,
      connectionsPerMinutePerAddress: connectionsPerMinute.value,
    },
  };
}
