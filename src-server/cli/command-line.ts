import { parseDocumentName, missionDocumentName } from '../../src-shared/documents/document-names';
import { MISSION_ROLES, type MissionRole } from '../../src-shared/sync/sync-protocol';

export type CliCommand =
  | { kind: 'serve' }
  | { kind: 'help' }
  | { kind: 'users-add'; name: string; team: boolean; tokenFromStdin: boolean }
  | { kind: 'users-list' }
  | { kind: 'users-revoke'; name: string }
  | { kind: 'users-new-token'; name: string; tokenFromStdin: boolean }
  | { kind: 'missions-share'; missionId: string; name: string; role: MissionRole }
  | { kind: 'missions-unshare'; missionId: string; name: string }
  | { kind: 'missions-list'; name: string | null }
  | { kind: 'backup'; file: string };

export type ParsedCommandLine = { ok: true; command: CliCommand } | { ok: false; error: string };

export const USAGE = `Utilisation : npm run server -- [commande]

Sans commande : démarre le serveur de synchronisation.

Comptes :
  users add <nom> [--equipe] [--jeton-stdin]   crée un compte et affiche son jeton (une seule fois)
                                               --equipe : membre de l’équipe (annuaire, liste des missions, création de missions)
                                               sans --equipe : partenaire, qui ne voit que les missions partagées avec lui
                                               --jeton-stdin : lit le jeton sur l’entrée standard au lieu d’en tirer un (scripts de déploiement)
  users list                                   liste les comptes
  users revoke <nom>                           révoque un compte : son jeton ne fonctionne plus
  users new-token <nom> [--jeton-stdin]        remplace le jeton d’un compte (l’ancien cesse de fonctionner)

Missions :
  missions share <mission> <nom> editeur|lecteur   donne un rôle sur une mission
  missions unshare <mission> <nom>                 retire l’accès à une mission
  missions list [<nom>]                            liste les accès, pour tous ou pour un compte

Sauvegarde :
  backup <fichier>                             copie la base SQLite pendant que le serveur tourne

Les commandes utilisent la même configuration que le serveur (BOCAGE_DATA_DIR, BOCAGE_DATABASE_URL…).`;

/** Letters of any alphabet, digits and the punctuation of logins and e-mail addresses. */
const USER_NAME_PATTERN = /^[\p{L}\p{N}._@-]{1,64}$/u;

const ROLE_ALIASES: Record<string, MissionRole> = { editeur: 'editeur', éditeur: 'editeur', lecteur: 'lecteur' };

const fail = (error: string): ParsedCommandLine => ({ ok: false, error });
const ok = (command: CliCommand): ParsedCommandLine => ({ ok: true, command });

function checkUserName(name: string | undefined): string | null {
  if (name === undefined) return 'Indiquez le nom du compte.';
  if (!USER_NAME_PATTERN.test(name)) {
    return `Nom de compte invalide « ${name} » : 64 caractères au plus, lettres, chiffres, point, tiret, tiret bas ou @, sans espace.`;
  }
  return null;
}

function checkMissionId(missionId: string | undefined): string | null {
  if (missionId === undefined) return 'Indiquez l’identifiant de la mission.';
  if (parseDocumentName(missionDocumentName(missionId)) === null) {
    return `Identifiant de mission invalide « ${missionId} » : lettres sans accent, chiffres et tirets, 64 caractères au plus.`;
  }
  return null;
}

/** Splits `--flag` options from positional words; an unknown option is an error, not a name. */
function splitOptions(words: readonly string[], allowed: readonly string[]): { positional: string[]; flags: Set<string> } | { error: string } {
  const positional: string[] = [];
  const flags = new Set<string>();
  for (const word of words) {
    if (!word.startsWith('--')) positional.push(word);
    else if (allowed.includes(word)) flags.add(word);
    else return { error: `Option inconnue : ${word}.` };
  }
  return { positional, flags };
}

function commandLabel(group: string, action: string | undefined): string {
  return action === undefined ? group : `${group} ${action}`;
}

function expectCount(positional: readonly string[], count: number, usage: string): string | null {
  return positional.length === count ? null : `Utilisation : npm run server -- ${usage}`;
}

function parseUsers(words: readonly string[]): ParsedCommandLine {
  const [action, ...rest] = words;
  const parsed = splitOptions(rest, ['--equipe', '--jeton-stdin']);
  if ('error' in parsed) return fail(parsed.error);
  const { positional, flags } = parsed;
  const name = positional[0];
  switch (action) {
    case 'add': {
      const error = expectCount(positional, 1, 'users add <nom> [--equipe] [--jeton-stdin]') ?? checkUserName(name);
      if (error !== null || name === undefined) return fail(error ?? '');
      return ok({ kind: 'users-add', name, team: flags.has('--equipe'), tokenFromStdin: flags.has('--jeton-stdin') });
    }
    case 'list':
      if (positional.length > 0 || flags.size > 0) return fail('Utilisation : npm run server -- users list');
      return ok({ kind: 'users-list' });
    case 'revoke':
    case 'new-token': {
      const allowedFlags = action === 'new-token' ? ['--jeton-stdin'] : [];
      const misplaced = [...flags].find((flag) => !allowedFlags.includes(flag));
      if (misplaced !== undefined) return fail(`L’option ${misplaced} ne s’applique pas à « users ${action} ».`);
      const error = expectCount(positional, 1, `users ${action} <nom>`) ?? checkUserName(name);
      if (error !== null || name === undefined) return fail(error ?? '');
      return action === 'revoke'
        ? ok({ kind: 'users-revoke', name })
        : ok({ kind: 'users-new-token', name, tokenFromStdin: flags.has('--jeton-stdin') });
    }
    default:
      return fail(`Commande inconnue : ${commandLabel('users', action)}. Commandes possibles : users add, users list, users revoke, users new-token.`);
  }
}

function parseMissions(words: readonly string[]): ParsedCommandLine {
  const [action, ...rest] = words;
  const parsed = splitOptions(rest, []);
  if ('error' in parsed) return fail(parsed.error);
  const { positional } = parsed;
  const [missionId, name, roleWord] = positional;
  switch (action) {
    case 'share': {
      const error = expectCount(positional, 3, 'missions share <mission> <nom> editeur|lecteur') ?? checkMissionId(missionId) ?? checkUserName(name);
      if (error !== null || missionId === undefined || name === undefined) return fail(error ?? '');
      const role = ROLE_ALIASES[(roleWord ?? '').toLowerCase()];
      if (role === undefined) return fail(`Rôle inconnu « ${roleWord ?? ''} » : choisissez ${MISSION_ROLES.join(' ou ')}.`);
      return ok({ kind: 'missions-share', missionId, name, role });
    }
    case 'unshare': {
      const error = expectCount(positional, 2, 'missions unshare <mission> <nom>') ?? checkMissionId(missionId) ?? checkUserName(name);
      if (error !== null || missionId === undefined || name === undefined) return fail(error ?? '');
      return ok({ kind: 'missions-unshare', missionId, name });
    }
    case 'list': {
      if (positional.length > 1) return fail('Utilisation : npm run server -- missions list [<nom>]');
      const listedName = positional[0];
      if (listedName === undefined) return ok({ kind: 'missions-list', name: null });
      const error = checkUserName(listedName);
      return error === null ? ok({ kind: 'missions-list', name: listedName }) : fail(error);
    }
    default:
      return fail(`Commande inconnue : ${commandLabel('missions', action)}. Commandes possibles : missions share, missions unshare, missions list.`);
  }
}

/** Pure: the words after `npm run server --` into a command, or a French explanation of the mistake. */
export function parseCommandLine(words: readonly string[]): ParsedCommandLine {
  const [group, ...rest] = words;
  switch (group) {
    case undefined:
      return ok({ kind: 'serve' });
    case 'help':
    case 'aide':
    case '--help':
    case '-h':
      return ok({ kind: 'help' });
    case 'users':
      return parseUsers(rest);
    case 'missions':
      return parseMissions(rest);
    case 'backup': {
      const [file, ...extra] = rest;
      if (file === undefined || file.startsWith('--') || extra.length > 0) return fail('Utilisation : npm run server -- backup <fichier>');
      return ok({ kind: 'backup', file });
    }
    default:
      return fail(`Commande inconnue : ${group}. Tapez « npm run server -- aide » pour la liste des commandes.`);
  }
}
