import { describe, expect, it } from 'vitest';
import { parseSyncServerConfig, type ReadableFileCheck, type SyncServerConfigResult } from '../../src-server/config';

const CWD = '/srv/bocage';
const everyFileReadable: ReadableFileCheck = () => true;
const parse = (env: Record<string, string | undefined>, canRead: ReadableFileCheck = everyFileReadable): SyncServerConfigResult => parseSyncServerConfig(env, CWD, canRead);

function errorsOf(result: SyncServerConfigResult): string[] {
  return result.ok ? [] : result.errors;
}

const DEFAULTS = {
  port: 1234,
  host: '127.0.0.1',
  dataDir: '/srv/bocage/.bocage-data',
  databaseUrl: null,
  redisUrl: null,
  tls: null,
  maxMessageBytes: 32 * 1024 * 1024,
  connectionsPerMinutePerAddress: 120,
};

describe('sync server settings from the environment', () => {
  it('an administrator who sets nothing gets a server on this machine, port 1234, SQLite next to the command', () => {
    expect(parse({})).toEqual({ ok: true, config: DEFAULTS });
  });

  it('every setting can be changed, and blank variables fall back to the defaults', () => {
    expect(
      parse({
        BOCAGE_PORT: '8080',
        BOCAGE_HOST: '0.0.0.0',
        BOCAGE_DATA_DIR: 'donnees/sync',
        BOCAGE_DATABASE_URL: 'postgres://bocage:secret@db.local:5432/bocage',
        BOCAGE_REDIS_URL: 'redis://redis.local:6379/2',
        BOCAGE_TLS_CERT: 'tls/cert.pem',
        BOCAGE_TLS_KEY: '/etc/bocage/key.pem',
        BOCAGE_MAX_MESSAGE_MB: '8',
        BOCAGE_CONNECTIONS_PER_MINUTE: '600',
      }),
    ).toEqual({
      ok: true,
      config: {
        port: 8080,
        host: '0.0.0.0',
        dataDir: '/srv/bocage/donnees/sync',
        databaseUrl: 'postgres://bocage:secret@db.local:5432/bocage',
        redisUrl: 'redis://redis.local:6379/2',
        tls: { certFile: '/srv/bocage/tls/cert.pem', keyFile: '/etc/bocage/key.pem' },
        maxMessageBytes: 8 * 1024 * 1024,
        connectionsPerMinutePerAddress: 600,
      },
    });
    expect(parse({ BOCAGE_HOST: '::1', BOCAGE_PORT: '0' })).toMatchObject({ ok: true, config: { host: '::1', port: 0 } });
    expect(parse({ BOCAGE_PORT: '  ', BOCAGE_HOST: '', BOCAGE_DATA_DIR: '', BOCAGE_DATABASE_URL: ' ', BOCAGE_TLS_CERT: '', BOCAGE_MAX_MESSAGE_MB: '' })).toEqual({
      ok: true,
      config: DEFAULTS,
    });
  });

  it('a port that is not a number, or out of range, is refused with the value received', () => {
    for (const port of ['abc', '12a', '-1', '65536', '80.5', '1e3']) {
      expect(errorsOf(parse({ BOCAGE_PORT: port }))).toEqual([`BOCAGE_PORT doit être un numéro de port entre 0 et 65535 (valeur reçue : « ${port} »).`]);
    }
  });

  it('a host that is neither an address nor a machine name is refused', () => {
    for (const host of ['http://127.0.0.1', 'mon serveur', '127.0.0.1:1234']) {
      const errors = errorsOf(parse({ BOCAGE_HOST: host }));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^BOCAGE_HOST doit être une adresse IP ou un nom de machine/);
    }
  });

  it('a database or Redis address of the wrong kind is refused without printing its password', () => {
    for (const url of ['mysql://root:secret@db/bocage', 'pas une adresse secret', 'postgres://']) {
      const errors = errorsOf(parse({ BOCAGE_DATABASE_URL: url }));
      expect(errors).toEqual(['BOCAGE_DATABASE_URL n’est pas une adresse valide : elle doit ressembler à postgres://bocage:mot-de-passe@serveur-base:5432/bocage.']);
      expect(errors.join()).not.toContain('secret');
    }
    const errors = errorsOf(parse({ BOCAGE_DATABASE_URL: 'postgresql://db/bocage', BOCAGE_REDIS_URL: 'http://:secret@redis' }));
    expect(errors).toEqual(['BOCAGE_REDIS_URL n’est pas une adresse valide : elle doit ressembler à redis://serveur-redis:6379.']);
  });

  it('Redis without PostgreSQL is refused: several instances cannot share one SQLite file', () => {
    const errors = errorsOf(parse({ BOCAGE_REDIS_URL: 'redis://127.0.0.1:6379' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^BOCAGE_REDIS_URL demande PostgreSQL/);
  });

  it('a TLS certificate without its key, or the reverse, is refused', () => {
    for (const env of [{ BOCAGE_TLS_CERT: 'cert.pem' }, { BOCAGE_TLS_KEY: 'key.pem' }]) {
      const errors = errorsOf(parse(env));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^BOCAGE_TLS_CERT et BOCAGE_TLS_KEY vont ensemble/);
    }
  });

  it('TLS files the server cannot read are named, each with its variable', () => {
    const errors = errorsOf(parse({ BOCAGE_TLS_CERT: 'cert.pem', BOCAGE_TLS_KEY: 'key.pem' }, (path) => path.endsWith('cert.pem')));
    expect(errors).toEqual(['BOCAGE_TLS_KEY : le fichier /srv/bocage/key.pem est introuvable ou illisible pour le serveur.']);
    const real = parseSyncServerConfig({ BOCAGE_TLS_CERT: '/nulle-part/cert.pem', BOCAGE_TLS_KEY: '/nulle-part/key.pem' }, CWD);
    expect(errorsOf(real)[0]).toContain('BOCAGE_TLS_CERT : le fichier /nulle-part/cert.pem est introuvable');
  });

  it('message size and connection rate must be positive whole numbers within bounds', () => {
    for (const value of ['0', '-3', '1.5', 'beaucoup', '1025']) {
      expect(errorsOf(parse({ BOCAGE_MAX_MESSAGE_MB: value }))).toEqual([
        `BOCAGE_MAX_MESSAGE_MB doit être un nombre entier entre 1 et 1024 (taille maximale d’un message, en mégaoctets) ; valeur reçue : « ${value} ».`,
      ]);
    }
    for (const value of ['0', '10 par minute', '100001']) {
      expect(errorsOf(parse({ BOCAGE_CONNECTIONS_PER_MINUTE: value }))[0]).toMatch(/^BOCAGE_CONNECTIONS_PER_MINUTE doit être un nombre entier entre 1 et 100000/);
    }
  });

  it('a server still configured with shared tokens refuses to start and explains how to create accounts', () => {
    const errors = errorsOf(parse({ BOCAGE_TOKENS: 'jeton-a,jeton-b' }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('BOCAGE_TOKENS n’est plus utilisé');
    expect(errors[0]).toContain('npm run server -- users add <nom> --equipe');
    expect(errors[0]).not.toContain('jeton-a');
  });

  it('several bad settings are all reported at once', () => {
    const errors = errorsOf(parse({ BOCAGE_PORT: 'http', BOCAGE_HOST: 'a b', BOCAGE_MAX_MESSAGE_MB: 'x', BOCAGE_TLS_KEY: 'k.pem' }));
    expect(errors.map((error) => error.split(' ')[0])).toEqual(['BOCAGE_PORT', 'BOCAGE_HOST', 'BOCAGE_TLS_CERT', 'BOCAGE_MAX_MESSAGE_MB']);
  });
});
