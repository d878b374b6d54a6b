import { describe, expect, it } from 'vitest';
import { parseSyncServerConfig, type SyncServerConfigResult } from '../../src-server/config';

const CWD = '/srv/bocage';

function errorsOf(result: SyncServerConfigResult): string[] {
  return result.ok ? [] : result.errors;
}

describe('sync server settings from the environment', () => {
  it('an administrator who only sets the token gets a server on this machine, port 1234, data next to the command', () => {
    expect(parseSyncServerConfig({ BOCAGE_TOKENS: 'jeton-a' }, CWD)).toEqual({
      ok: true,
      config: { port: 1234, host: '127.0.0.1', dataDir: '/srv/bocage/.bocage-data', tokens: ['jeton-a'] },
    });
  });

  it('every setting can be changed, and blank variables fall back to the defaults', () => {
    expect(
      parseSyncServerConfig(
        { BOCAGE_PORT: '8080', BOCAGE_HOST: '0.0.0.0', BOCAGE_DATA_DIR: 'donnees/sync', BOCAGE_TOKENS: ' jeton-a , jeton-b,,jeton-a ' },
        CWD,
      ),
    ).toEqual({ ok: true, config: { port: 8080, host: '0.0.0.0', dataDir: '/srv/bocage/donnees/sync', tokens: ['jeton-a', 'jeton-b'] } });
    expect(parseSyncServerConfig({ BOCAGE_DATA_DIR: '/var/lib/bocage', BOCAGE_HOST: 'serveur-bocage.local', BOCAGE_TOKENS: 'x' }, CWD)).toMatchObject({
      ok: true,
      config: { host: 'serveur-bocage.local', dataDir: '/var/lib/bocage' },
    });
    expect(parseSyncServerConfig({ BOCAGE_HOST: '::1', BOCAGE_PORT: '0', BOCAGE_TOKENS: 'x' }, CWD)).toMatchObject({
      ok: true,
      config: { host: '::1', port: 0 },
    });
    expect(parseSyncServerConfig({ BOCAGE_PORT: '  ', BOCAGE_HOST: '', BOCAGE_DATA_DIR: '', BOCAGE_TOKENS: 'x' }, CWD)).toEqual({
      ok: true,
      config: { port: 1234, host: '127.0.0.1', dataDir: '/srv/bocage/.bocage-data', tokens: ['x'] },
    });
  });

  it('a server without any token refuses to start and says how to set one', () => {
    for (const tokens of [undefined, '', ' , ,']) {
      const errors = errorsOf(parseSyncServerConfig({ BOCAGE_TOKENS: tokens }, CWD));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('BOCAGE_TOKENS est vide');
      expect(errors[0]).toContain('BOCAGE_TOKENS=');
    }
  });

  it('a port that is not a number, or out of range, is refused with the value received', () => {
    for (const port of ['abc', '12a', '-1', '65536', '80.5', '1e3']) {
      expect(errorsOf(parseSyncServerConfig({ BOCAGE_PORT: port, BOCAGE_TOKENS: 'x' }, CWD))).toEqual([
        `BOCAGE_PORT doit être un numéro de port entre 0 et 65535 (valeur reçue : « ${port} »).`,
      ]);
    }
  });

  it('a host that is neither an address nor a machine name is refused', () => {
    for (const host of ['http://127.0.0.1', 'mon serveur', '127.0.0.1:1234']) {
      const errors = errorsOf(parseSyncServerConfig({ BOCAGE_HOST: host, BOCAGE_TOKENS: 'x' }, CWD));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^BOCAGE_HOST doit être une adresse IP ou un nom de machine/);
    }
  });

  it('a malformed token is refused without printing the secret', () => {
    const secret = 'jeton avec espace';
    const errors = errorsOf(parseSyncServerConfig({ BOCAGE_TOKENS: `bon-jeton,${secret}` }, CWD));
    expect(errors).toEqual(['BOCAGE_TOKENS : le jeton n° 2 n’a pas un format valide (512 caractères au plus, sans espace).']);
    expect(errors.join(' ')).not.toContain(secret);
  });

  it('several bad settings are all reported at once', () => {
    const errors = errorsOf(parseSyncServerConfig({ BOCAGE_PORT: 'http', BOCAGE_HOST: 'a b' }, CWD));
    expect(errors.map((error) => error.split(' ')[0])).toEqual(['BOCAGE_PORT', 'BOCAGE_HOST', 'BOCAGE_TOKENS']);
  });
});
