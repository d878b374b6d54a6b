import type { MissionRole } from '../../src-shared/sync/sync-protocol';

/**
 * Everything the office server keeps, behind one interface with two implementations: SQLite (one
 * file, the default) and PostgreSQL (several server instances behind a load balancer). The server
 * never interprets the Yjs documents it stores.
 */

export interface StoredUser {
  /** Random, stable; what the logs name instead of the person. */
  id: string;
  /** The account's label as the administrator typed it (e.g. « marie.durand »); unique. */
  name: string;
  /** Team members share the workspace listing and the contacts directory, and may create missions. */
  team: boolean;
  createdAt: number;
  revokedAt: number | null;
}

export interface MissionGrant {
  userId: string;
  missionId: string;
  role: MissionRole;
  grantedAt: number;
}

export interface StoredAttachment {
  /** Lowercase hex SHA-256 of `bytes`: the same photo is stored once whatever mission holds it. */
  hash: string;
  mediaType: string;
  bytes: Uint8Array;
}

export interface ServerStore {
  readonly kind: 'sqlite' | 'postgres';

  /** The document's stored state with every update logged since, merged; null when never stored. */
  loadDocument(name: string): Promise<Uint8Array | null>;
  /**
   * Makes one incoming update durable before the server acknowledges it, so a crash right after the
   * acknowledgement loses nothing. Returns the update's sequence number in this document's log.
   */
  appendUpdate(name: string, update: Uint8Array): Promise<number>;
  /**
   * Replaces the stored state with `state`, which includes every logged update up to and including
   * `coversThrough` (a sequence number from appendUpdate): those are dropped, later ones kept.
   * Implementations merge the previously stored state and the dropped updates into `state`, so a
   * caller whose state missed a covered update, or a concurrent store from another instance, loses nothing.
   */
  storeDocument(name: string, state: Uint8Array, coversThrough: number | null): Promise<void>;
  documentExists(name: string): Promise<boolean>;

  /** `tokenHash`: SHA-256 of the token; the token itself is never stored. Throws when the name is taken. */
  addUser(user: { name: string; team: boolean; tokenHash: Uint8Array }): Promise<StoredUser>;
  /** Revoked users are returned too (revokedAt set): the caller refuses them. */
  findUserByTokenHash(tokenHash: Uint8Array): Promise<StoredUser | null>;
  findUserByName(name: string): Promise<StoredUser | null>;
  listUsers(): Promise<StoredUser[]>;
  revokeUser(userId: string, at: number): Promise<void>;
  /** A new token for the same account (the old one stops working at once). */
  replaceToken(userId: string, tokenHash: Uint8Array): Promise<void>;

  /** Creates or changes the user's role on the mission. */
  grantMission(grant: MissionGrant): Promise<void>;
  revokeMission(userId: string, missionId: string): Promise<void>;
  listGrants(filter: { userId?: string; missionId?: string }): Promise<MissionGrant[]>;

  /** Stores the bytes once under their hash and records that `missionId` references them. */
  putAttachment(missionId: string, attachment: StoredAttachment): Promise<void>;
  /** Null when the mission never referenced this hash, even if another mission did. */
  getAttachment(missionId: string, hash: string): Promise<StoredAttachment | null>;
  listAttachmentHashes(missionId: string): Promise<string[]>;

  /** Cheap round trip for the health endpoint. Throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
