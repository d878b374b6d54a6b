import { describe, expect, test } from 'vitest';
import { parseSyncServerAddress, validateAccessToken } from '@shared/validation/sync-server-address';

describe('sync server address', () => {
  test.each([
    ['http://localhost:1234', 'ws://localhost:1234'],
    ['https://x.fr', 'wss://x.fr'],
    ['wss://sync.departement.fr/bocage/', 'wss://sync.departement.fr/bocage'],
    ['  wss://sync.departement.fr:8443  ', 'wss://sync.departement.fr:8443'],
    ['ws://127.0.0.1:1234', 'ws://127.0.0.1:1234'],
    ['ws://[::1]:1234', 'ws://[::1]:1234'],
    ['HTTPS://Sync.Exemple.FR', 'wss://sync.exemple.fr'],
  ])('%j is accepted as %j', (typed, url) => {
    expect(parseSyncServerAddress(typed)).toEqual({ ok: true, url });
  });

  test('something that is not an address is refused with a French example of a good one', () => {
    expect(parseSyncServerAddress('pas une url')).toEqual({
      ok: false,
      message: 'Cette adresse n’est pas une URL valide (exemple : wss://sync.exemple.fr).',
    });
  });

  test('an empty address asks for one', () => {
    expect(parseSyncServerAddress('   ')).toEqual({ ok: false, message: 'Indiquez l’adresse du serveur de synchronisation.' });
  });

  test.each(['ws://remote.example', 'http://sync.departement.fr', 'ws://192.168.1.20:1234'])(
    'an unencrypted address for another machine (%s) is refused: the data would cross the network in clear',
    (typed) => {
      expect(parseSyncServerAddress(typed)).toEqual({
        ok: false,
        message: 'Pour un serveur distant, utilisez une adresse chiffrée wss://.',
      });
    },
  );

  test.each(['ftp://sync.exemple.fr', 'file:///tmp/sync', 'mailto:admin@exemple.fr', 'localhost:1234'])(
    'an address of another kind (%s) is refused and says which one to use',
    (typed) => {
      expect(parseSyncServerAddress(typed)).toEqual({
        ok: false,
        message: 'L’adresse doit commencer par wss:// (ou ws:// pour un serveur sur cet ordinateur).',
      });
    },
  );
});

describe('access token', () => {
  test('a token from the administrator is accepted, even pasted with spaces around it', () => {
    expect(validateAccessToken('  3f9a-Bocage.tok_en  ')).toBeNull();
    expect(validateAccessToken('t'.repeat(512))).toBeNull();
  });

  test('a missing token asks for the one the administrator gave', () => {
    expect(validateAccessToken(' ')).toBe('Indiquez le jeton d’accès fourni par l’administrateur du serveur.');
  });

  test.each(['deux mots', 'avec\ttabulation', 't'.repeat(513)])('a malformed token is refused in French', (token) => {
    expect(validateAccessToken(token)).toBe('Ce jeton d’accès n’a pas un format valide.');
  });
});
