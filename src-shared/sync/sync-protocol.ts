import { z } from 'zod';

/**
 * What the sync client and the office server agree on beyond the Yjs messages themselves. Both
 * sides check the other's version: a client the server no longer understands is refused before it
 * writes anything, and a client finding an older server stops instead of writing through it.
 */
export const SYNC_PROTOCOL_VERSION = 2;

/** The oldest client protocol this server accepts; raised only when an old client could do harm. */
export const MIN_CLIENT_PROTOCOL_VERSION = 2;

/** The oldest server protocol this client talks to. */
export const MIN_SERVER_PROTOCOL_VERSION = 2;

/** Query parameters the client adds to the WebSocket address (Hocuspocus passes them to every hook). */
export const SYNC_PARAMETER = {
  protocol: 'protocol',
  /** The document schema version this client writes (CURRENT_SCHEMA_VERSION). */
  schema: 'schema',
} as const;

/** A user's role on one mission. The names are stored and sent: never rename one. */
export const MISSION_ROLES = ['editeur', 'lecteur'] as const;
export type MissionRole = (typeof MISSION_ROLES)[number];

export const MISSION_ROLE_LABEL: Record<MissionRole, string> = {
  editeur: 'Éditeur',
  lecteur: 'Lecteur',
};

/** HTTP routes served beside the WebSocket, on the same port. */
export const SYNC_HTTP_PATH = {
  health: '/health',
  access: '/api/access',
} as const;

/** Where one mission's attachments live; `hash` is the lowercase hex SHA-256 of the bytes. */
export function attachmentCollectionPath(missionId: string): string {
  return `/api/missions/${encodeURIComponent(missionId)}/attachments`;
}

export function attachmentPath(missionId: string, hash: string): string {
  return `${attachmentCollectionPath(missionId)}/${hash}`;
}

/** The largest attachment (a phone photo of a paper board, already downscaled by the client) accepted. */
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

/** `GET /api/access` with `Authorization: Bearer <token>`: what this user may synchronise. */
export const accessSummarySchema = z.object({
  protocol: z.number().int().nonnegative(),
  minClientProtocol: z.number().int().nonnegative(),
  user: z.object({ id: z.string(), name: z.string(), team: z.boolean() }),
  /** Team members share the workspace listing and the contacts directory; partners see only their missions. */
  workspace: z.boolean(),
  missions: z.array(z.object({ missionId: z.string(), role: z.enum(MISSION_ROLES) })),
});
export type AccessSummary = z.infer<typeof accessSummarySchema>;

/** `GET attachmentCollectionPath(id)`: the hashes the server holds for that mission. */
export const attachmentListSchema = z.object({ hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)) });
export type AttachmentList = z.infer<typeof attachmentListSchema>;

/** The HTTP address of the server whose WebSocket address is `syncUrl` (ws→http, wss→https). */
export function httpBaseFromSyncUrl(syncUrl: string): string {
  const url = new URL(syncUrl);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '';
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}
