import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src-server/cli/command-line';

const parse = (line: string) => parseCommandLine(line === '' ? [] : line.split(' '));

describe('server command line', () => {
  it('without a command it starts the server, as npm run server always did', () => {
    expect(parse('')).toEqual({ ok: true, command: { kind: 'serve' } });
  });

  it('help is reachable in French and English', () => {
    for (const word of ['aide', 'help', '--help', '-h']) expect(parse(word)).toEqual({ ok: true, command: { kind: 'help' } });
  });

  it('accounts are added as team members or partners, with a drawn or a scripted token', () => {
    expect(parse('users add marie.durand --equipe')).toEqual({ ok: true, command: { kind: 'users-add', name: 'marie.durand', team: true, tokenFromStdin: false } });
    expect(parse('users add caf79')).toEqual({ ok: true, command: { kind: 'users-add', name: 'caf79', team: false, tokenFromStdin: false } });
    expect(parse('users add --jeton-stdin e2e --equipe')).toEqual({ ok: true, command: { kind: 'users-add', name: 'e2e', team: true, tokenFromStdin: true } });
    expect(parse('users add élodie.lefèvre@cd79.fr')).toMatchObject({ ok: true, command: { name: 'élodie.lefèvre@cd79.fr' } });
  });

  it('accounts are listed, revoked and given a new token by name', () => {
    expect(parse('users list')).toEqual({ ok: true, command: { kind: 'users-list' } });
    expect(parse('users revoke caf79')).toEqual({ ok: true, command: { kind: 'users-revoke', name: 'caf79' } });
    expect(parse('users new-token caf79')).toEqual({ ok: true, command: { kind: 'users-new-token', name: 'caf79', tokenFromStdin: false } });
    expect(parse('users new-token caf79 --jeton-stdin')).toEqual({ ok: true, command: { kind: 'users-new-token', name: 'caf79', tokenFromStdin: true } });
  });

  it('missions are shared with a role, unshared and listed', () => {
    expect(parse('missions share m-1 caf79 lecteur')).toEqual({ ok: true, command: { kind: 'missions-share', missionId: 'm-1', name: 'caf79', role: 'lecteur' } });
    expect(parse('missions share m-1 caf79 Éditeur')).toEqual({ ok: true, command: { kind: 'missions-share', missionId: 'm-1', name: 'caf79', role: 'editeur' } });
    expect(parse('missions unshare m-1 caf79')).toEqual({ ok: true, command: { kind: 'missions-unshare', missionId: 'm-1', name: 'caf79' } });
    expect(parse('missions list')).toEqual({ ok: true, command: { kind: 'missions-list', name: null } });
    expect(parse('missions list caf79')).toEqual({ ok: true, command: { kind: 'missions-list', name: 'caf79' } });
  });

  it('a backup names its target file', () => {
    expect(parse('backup /sauvegardes/bocage.sqlite')).toEqual({ ok: true, command: { kind: 'backup', file: '/sauvegardes/bocage.sqlite' } });
    expect(parse('backup')).toEqual({ ok: false, error: 'Utilisation : npm run server -- backup <fichier>' });
  });

  it('mistakes are explained in French instead of doing something else', () => {
    expect(parse('utilisateurs add x')).toEqual({ ok: false, error: 'Commande inconnue : utilisateurs. Tapez « npm run server -- aide » pour la liste des commandes.' });
    expect(parse('users')).toEqual({
      ok: false,
      error: 'Commande inconnue : users. Commandes possibles : users add, users list, users revoke, users new-token.',
    });
    expect(parse('users delete x')).toMatchObject({ ok: false, error: expect.stringMatching(/^Commande inconnue : users delete\./) });
    expect(parse('users add')).toEqual({ ok: false, error: 'Utilisation : npm run server -- users add <nom> [--equipe] [--jeton-stdin]' });
    expect(parse('users add a b')).toMatchObject({ ok: false });
    expect(parse('users add marie --admin')).toEqual({ ok: false, error: 'Option inconnue : --admin.' });
    expect(parse('users revoke marie --equipe')).toEqual({ ok: false, error: 'L’option --equipe ne s’applique pas à « users revoke ».' });
    expect(parse('users add marie/durand')).toMatchObject({ ok: false, error: expect.stringMatching(/^Nom de compte invalide « marie\/durand »/) });
    expect(parse('missions share m-1 caf79 admin')).toEqual({ ok: false, error: 'Rôle inconnu « admin » : choisissez editeur ou lecteur.' });
    expect(parse('missions share m_1! caf79 lecteur')).toMatchObject({ ok: false, error: expect.stringMatching(/^Identifiant de mission invalide/) });
    expect(parse('missions share m-1 caf79')).toMatchObject({ ok: false, error: expect.stringMatching(/^Utilisation/) });
  });
});
