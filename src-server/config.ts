import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { validateAccessToken } from '../src-shared/validation/sync-server-address';

export interface SyncServerConfig {
  /** 0 asks the system for a free port; the running server reports the real one. */
  port: number;
  host: string;
  /** Absolute path of the folder that holds the database file. */
  dataDir: string;
  tokens: string[];
}

export type SyncServerConfigResult = { ok: true; config: SyncServerConfig } | { ok: false; errors: string[] };

export const DEFAULT_PORT = 1234;
/** Only this machine by default: exposing the server to the office network is a deliberate choice. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR_NAME = '.bocage-data';

type Environment = Readonly<Record<string, string | undefined>>;

/** An empty or blank variable counts as unset, as shells and .env files often leave them so. */
function readVariable(env: Environment, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

const HOSTNAME_PATTERN = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function parsePort(raw: string | null): { port: number } | { error: string } {
  if (raw === null) return { port: DEFAULT_PORT };
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535) {
    return { error: `BOCAGE_PORT doit être un numéro de port entre 0 et 65535 (valeur reçue : « ${raw} »).` };
  }
  return { port };
}

function parseHost(raw: string | null): { host: string } | { error: string } {
  if (raw === null) return { host: DEFAULT_HOST };
  if (isIP(raw) !== 0 || HOSTNAME_PATTERN.test(raw)) return { host: raw };
  return {
    error: `BOCAGE_HOST doit être une adresse IP ou un nom de machine, par exemple 127.0.0.1 (cet ordinateur seulement) ou 0.0.0.0 (tout le réseau) ; valeur reçue : « ${raw} ».`,
  };
}

function parseTokens(raw: string | null): { tokens: string[] } | { error: string } {
  const tokens = (raw ?? '')
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  if (tokens.length === 0) {
    return {
      error:
        'BOCAGE_TOKENS est vide : le serveur refuse de démarrer sans jeton d’accès. ' +
        'Indiquez un ou plusieurs jetons séparés par des virgules, par exemple : BOCAGE_TOKENS=jeton-equipe-1,jeton-equipe-2 npm run server',
    };
  }
  // The position, never the value: a token is a secret and this message ends up in logs.
  const invalidPosition = tokens.findIndex((token) => validateAccessToken(token) !== null);
  if (invalidPosition !== -1) {
    return {
      error: `BOCAGE_TOKENS : le jeton n° ${invalidPosition + 1} n’a pas un format valide (512 caractères au plus, sans espace).`,
    };
  }
  return { tokens: [...new Set(tokens)] };
}

/**
 * Reads the server settings from environment variables. Pure: no file is touched, so the
 * data folder is only created when the server starts. Every bad value is reported at once.
 */
export function parseSyncServerConfig(env: Environment, currentDirectory: string): SyncServerConfigResult {
  const port = parsePort(readVariable(env, 'BOCAGE_PORT'));
  const host = parseHost(readVariable(env, 'BOCAGE_HOST'));
  const tokens = parseTokens(readVariable(env, 'BOCAGE_TOKENS'));
  const dataDir = resolve(currentDirectory, readVariable(env, 'BOCAGE_DATA_DIR') ?? DEFAULT_DATA_DIR_NAME);

  if ('port' in port && 'host' in host && 'tokens' in tokens) {
    return { ok: true, config: { port: port.port, host: host.host, dataDir, tokens: tokens.tokens } };
  }
  const errors = [port, host, tokens].flatMap((result) => ('error' in result ? [result.error] : []));
  return { ok: false, errors };
}
