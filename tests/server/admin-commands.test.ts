import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findActiveUser } from '../../src-server/access/authenticate';
import { USER_TOKEN_PREFIX } from '../../src-server/access/user-tokens';
import { AdminCommandError, runAdminCommand, type AdminIo } from '../../src-server/cli/admin-commands';
import { parseCommandLine } from '../../src-server/cli/command-line';
import { openServerStore } from '../../src-server/storage/open-server-store';
import type { ServerStore } from '../../src-server/storage/server-store';

let dataDir: string;
let store: ServerStore;
let printed: string[];
let stdin: string;

const io: AdminIo = {
  out: (line) => printed.push(line),
  readStdin: async () => stdin,
  now: () => Date.parse('2025-03-01T09:00:00Z'),
};

/** Runs a command line as `npm run server -- <line>` would, against the test store. */
async function run(line: string): Promise<string[]> {
  const parsed = parseCommandLine(line.split(' '));
  if (!parsed.ok) throw new Error(parsed.error);
  const { command } = parsed;
  if (command.kind === 'serve' || command.kind === 'help' || command.kind === 'backup') throw new Error(`not a store command: ${line}`);
  printed = [];
  await runAdminCommand(command, store, io);
  return printed;
}

/** The token `users add` / `users new-token` printed: the line after the warning. */
function printedToken(lines: string[]): string {
  const token = lines.find((line) => line.startsWith(USER_TOKEN_PREFIX));
  if (token === undefined) throw new Error(`no token in ${JSON.stringify(lines)}`);
  return token;
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bocage-admin-'));
  store = await openServerStore({ dataDir, databaseUrl: null });
  printed = [];
  stdin = '';
});

afterEach(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('administering accounts and missions from the command line', () => {
  it('adding an account shows its token once; the token opens the account, and is not stored in clear', async () => {
    const lines = await run('users add marie.durand --equipe');
    expect(lines[0]).toBe('Compte « marie.durand » créé (membre de l’équipe).');
    const token = printedToken(lines);
    expect(await findActiveUser(store, token)).toMatchObject({ name: 'marie.durand', team: true });
    expect(await findActiveUser(store, `${token}x`)).toBeNull();
    expect(await run('users list')).toEqual([expect.stringMatching(/^marie\.durand\téquipe\tactif\tcréé le \d{4}-\d{2}-\d{2}$/)]);
  });

  it('a deployment script can choose the token through standard input; a weak one is refused', async () => {
    stdin = 'jeton-e2e\n';
    expect(await run('users add e2e --equipe --jeton-stdin')).toEqual([
      'Compte « e2e » créé (membre de l’équipe).',
      'Le jeton lu sur l’entrée standard est enregistré.',
    ]);
    expect(await findActiveUser(store, 'jeton-e2e')).toMatchObject({ name: 'e2e' });
    stdin = 'court';
    await expect(run('users add autre --jeton-stdin')).rejects.toThrow('Jeton lu sur l’entrée standard refusé : 8 caractères au moins.');
    stdin = 'avec espace';
    await expect(run('users add autre --jeton-stdin')).rejects.toThrow(AdminCommandError);
    expect(await store.findUserByName('autre')).toBeNull();
  });

  it('a name already taken is refused in French', async () => {
    await run('users add caf79');
    await expect(run('users add caf79 --equipe')).rejects.toThrow('Le compte « caf79 » existe déjà : choisissez un autre nom.');
  });

  it('a revoked account’s token stops working at once, and the list says since when', async () => {
    const token = printedToken(await run('users add ancien'));
    expect(await run('users revoke ancien')).toEqual(['Compte « ancien » révoqué : son jeton est refusé à toute nouvelle connexion.']);
    expect(await findActiveUser(store, token)).toBeNull();
    expect(await run('users list')).toEqual([expect.stringMatching(/^ancien\tpartenaire\trévoqué le 2025-03-01\tcréé le \d{4}-\d{2}-\d{2}$/)]);
    expect(await run('users revoke ancien')).toEqual(['Le compte « ancien » était déjà révoqué depuis le 2025-03-01.']);
    await expect(run('users new-token ancien')).rejects.toThrow(/est révoqué/);
  });

  it('a new token replaces the old one, which stops working', async () => {
    const oldToken = printedToken(await run('users add marie --equipe'));
    const newToken = printedToken(await run('users new-token marie'));
    expect(newToken).not.toBe(oldToken);
    expect(await findActiveUser(store, oldToken)).toBeNull();
    expect(await findActiveUser(store, newToken)).toMatchObject({ name: 'marie' });
  });

  it('missions are shared with a role, changed, listed and unshared', async () => {
    await run('users add caf79');
    await run('users add marie --equipe');
    expect(await run('missions share m-1 caf79 lecteur')).toEqual(['Mission m-1 partagée avec « caf79 » (lecteur).']);
    await run('missions share m-2 caf79 editeur');
    await run('missions share m-1 marie editeur');
    expect(await run('missions list')).toEqual(['m-1\tcaf79\tlecteur', 'm-1\tmarie\téditeur', 'm-2\tcaf79\téditeur']);
    await run('missions share m-1 caf79 editeur');
    expect(await run('missions list caf79')).toEqual(['m-1\tcaf79\téditeur', 'm-2\tcaf79\téditeur']);
    expect(await run('missions unshare m-1 caf79')).toEqual(['« caf79 » n’a plus accès à la mission m-1 (à sa prochaine connexion).']);
    expect(await run('missions unshare m-1 caf79')).toEqual(['« caf79 » n’avait pas accès à la mission m-1.']);
    expect(await run('missions list caf79')).toEqual(['m-2\tcaf79\téditeur']);
  });

  it('an unknown account is named in the error instead of failing silently', async () => {
    await expect(run('missions share m-1 personne lecteur')).rejects.toThrow('Aucun compte ne s’appelle « personne » : « npm run server -- users list » les liste.');
    await expect(run('users revoke personne')).rejects.toThrow(AdminCommandError);
    expect(await run('users list')).toEqual(['Aucun compte. Créez-en un avec « npm run server -- users add <nom> --equipe ».']);
    expect(await run('missions list')).toEqual(['Aucune mission partagée.']);
  });
});
