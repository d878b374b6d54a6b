import { validateAccessToken } from '../../src-shared/validation/sync-server-address';
import { MISSION_ROLE_LABEL } from '../../src-shared/sync/sync-protocol';
import { createUserToken, hashToken } from '../access/user-tokens';
import type { ServerStore, StoredUser } from '../storage/server-store';
import { UserNameTakenError } from '../storage/store-rules';
import type { CliCommand } from './command-line';

export interface AdminIo {
  out(line: string): void;
  /** The whole standard input, for tokens a deployment script chooses (`--jeton-stdin`). */
  readStdin(): Promise<string>;
  now(): number;
}

/** A failure the administrator can fix, already worded for them. */
export class AdminCommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminCommandError';
  }
}

/** Chosen tokens come from deployment scripts; below this they are guessable. */
const MIN_CHOSEN_TOKEN_LENGTH = 8;

type StoreCommand = Exclude<CliCommand, { kind: 'serve' } | { kind: 'help' } | { kind: 'backup' }>;

function formatDate(timestamp: number): string {
  return new Date(timestamp).toISOString().slice(0, 10);
}

async function requireUser(store: ServerStore, name: string): Promise<StoredUser> {
  const user = await store.findUserByName(name);
  if (user === null) throw new AdminCommandError(`Aucun compte ne s’appelle « ${name} » : « npm run server -- users list » les liste.`);
  return user;
}

async function newToken(io: AdminIo, fromStdin: boolean): Promise<{ token: string; tokenHash: Uint8Array; chosen: boolean }> {
  if (!fromStdin) return { ...createUserToken(), chosen: false };
  const token = (await io.readStdin()).trim();
  const formatError = validateAccessToken(token);
  if (formatError !== null) throw new AdminCommandError(`Jeton lu sur l’entrée standard refusé : ${formatError}`);
  if (token.length < MIN_CHOSEN_TOKEN_LENGTH) {
    throw new AdminCommandError(`Jeton lu sur l’entrée standard refusé : ${MIN_CHOSEN_TOKEN_LENGTH} caractères au moins.`);
  }
  return { token, tokenHash: hashToken(token), chosen: true };
}

function printToken(io: AdminIo, token: string): void {
  io.out('Jeton d’accès (affiché une seule fois : transmettez-le à la personne par un canal sûr, il n’est conservé que sous forme chiffrée) :');
  io.out(token);
}

function describeUser(user: StoredUser): string {
  const kind = user.team ? 'équipe' : 'partenaire';
  const state = user.revokedAt === null ? 'actif' : `révoqué le ${formatDate(user.revokedAt)}`;
  return `${user.name}\t${kind}\t${state}\tcréé le ${formatDate(user.createdAt)}`;
}

/** Runs one administration command against the store; every message is for the administrator. */
export async function runAdminCommand(command: StoreCommand, store: ServerStore, io: AdminIo): Promise<void> {
  switch (command.kind) {
    case 'users-add': {
      const { token, tokenHash, chosen } = await newToken(io, command.tokenFromStdin);
      try {
        await store.addUser({ name: command.name, team: command.team, tokenHash });
      } catch (error) {
        if (error instanceof UserNameTakenError) throw new AdminCommandError(error.message);
        throw error;
      }
      io.out(`Compte « ${command.name} » créé (${command.team ? 'membre de l’équipe' : 'partenaire : aucune mission tant qu’on ne lui en partage pas'}).`);
      if (chosen) io.out('Le jeton lu sur l’entrée standard est enregistré.');
      else printToken(io, token);
      return;
    }
    case 'users-list': {
      const users = await store.listUsers();
      if (users.length === 0) {
        io.out('Aucun compte. Créez-en un avec « npm run server -- users add <nom> --equipe ».');
        return;
      }
      for (const user of [...users].sort((a, b) => a.name.localeCompare(b.name))) io.out(describeUser(user));
      return;
    }
    case 'users-revoke': {
      const user = await requireUser(store, command.name);
      if (user.revokedAt !== null) {
        io.out(`Le compte « ${user.name} » était déjà révoqué depuis le ${formatDate(user.revokedAt)}.`);
        return;
      }
      await store.revokeUser(user.id, io.now());
      io.out(`Compte « ${user.name} » révoqué : son jeton est refusé à toute nouvelle connexion.`);
      return;
    }
    case 'users-new-token': {
      const user = await requireUser(store, command.name);
      if (user.revokedAt !== null) throw new AdminCommandError(`Le compte « ${user.name} » est révoqué : créez un nouveau compte plutôt que de lui donner un jeton.`);
      const { token, tokenHash, chosen } = await newToken(io, command.tokenFromStdin);
      await store.replaceToken(user.id, tokenHash);
      io.out(`Nouveau jeton pour « ${user.name} » : l’ancien ne fonctionne plus.`);
      if (chosen) io.out('Le jeton lu sur l’entrée standard est enregistré.');
      else printToken(io, token);
      return;
    }
    case 'missions-share': {
      const user = await requireUser(store, command.name);
      await store.grantMission({ userId: user.id, missionId: command.missionId, role: command.role, grantedAt: io.now() });
      io.out(`Mission ${command.missionId} partagée avec « ${user.name} » (${MISSION_ROLE_LABEL[command.role].toLowerCase()}).`);
      if (user.revokedAt !== null) io.out(`Attention : le compte « ${user.name} » est révoqué, ce partage ne lui sert à rien tant qu’il l’est.`);
      return;
    }
    case 'missions-unshare': {
      const user = await requireUser(store, command.name);
      const grants = await store.listGrants({ userId: user.id, missionId: command.missionId });
      if (grants.length === 0) {
        io.out(`« ${user.name} » n’avait pas accès à la mission ${command.missionId}.`);
        return;
      }
      await store.revokeMission(user.id, command.missionId);
      io.out(`« ${user.name} » n’a plus accès à la mission ${command.missionId} (à sa prochaine connexion).`);
      return;
    }
    case 'missions-list': {
      const users = await store.listUsers();
      const names = new Map(users.map((user) => [user.id, user.name]));
      const grants = command.name === null ? await store.listGrants({}) : await store.listGrants({ userId: (await requireUser(store, command.name)).id });
      if (grants.length === 0) {
        io.out(command.name === null ? 'Aucune mission partagée.' : `« ${command.name} » n’a accès à aucune mission.`);
        return;
      }
      const lines = grants
        .map((grant) => `${grant.missionId}\t${names.get(grant.userId) ?? grant.userId}\t${MISSION_ROLE_LABEL[grant.role].toLowerCase()}`)
        .sort((a, b) => a.localeCompare(b));
      for (const line of lines) io.out(line);
      return;
    }
  }
}
