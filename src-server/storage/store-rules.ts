import { createHash, randomUUID } from 'node:crypto';
import { MISSION_ROLES, type MissionRole } from '../../src-shared/sync/sync-protocol';
import type { StoredAttachment } from './server-store';

/** What both stores throw when an account name is already in use, so the command line can say so. */
export class UserNameTakenError extends Error {
  constructor(readonly userName: string) {
    super(`Le compte « ${userName} » existe déjà : choisissez un autre nom.`);
    this.name = 'UserNameTakenError';
  }
}

/** The database was written by a newer server: opening it could corrupt what that version wrote. */
export class NewerSchemaError extends Error {
  constructor(database: string, found: number, known: number) {
    super(`${database} a été écrite par une version plus récente du serveur Bocage (schéma ${found}, celui-ci connaît jusqu’au ${known}) : mettez le serveur à jour.`);
    this.name = 'NewerSchemaError';
  }
}

/** A user id names the person in the logs: random, so it tells nothing about them. */
export function newUserId(): string {
  return randomUUID();
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Attachments are shared between missions by hash: bytes filed under another photo's hash would
 * replace that photo for everyone, so the store checks the hash itself instead of trusting it.
 */
export function checkAttachmentHash(attachment: StoredAttachment): void {
  if (sha256Hex(attachment.bytes) !== attachment.hash) {
    throw new Error('La pièce jointe ne correspond pas à son empreinte SHA-256 : elle n’est pas enregistrée.');
  }
}

export function parseMissionRole(value: unknown): MissionRole {
  const role = MISSION_ROLES.find((candidate) => candidate === value);
  if (role === undefined) throw new Error(`Rôle inconnu dans la base de données : ${JSON.stringify(value)}.`);
  return role;
}
