import { parseDocumentName } from '../../src-shared/documents/document-names';
import { REFUSAL_REASON } from '../../src-shared/sync/refusal-reasons';
import {
  MIN_CLIENT_PROTOCOL_VERSION,
  SYNC_PROTOCOL_VERSION,
  type AccessSummary,
  type MissionRole,
} from '../../src-shared/sync/sync-protocol';
import type { MissionGrant, StoredUser } from '../storage/server-store';

export type RefusalReason = (typeof REFUSAL_REASON)[keyof typeof REFUSAL_REASON];

/** What the store says about one mission, gathered before the decision so the decision stays pure. */
export interface MissionFacts {
  /** This user's role on the mission, null when none. */
  role: MissionRole | null;
  /** The server holds the document or someone has a role on it: nobody may claim it any more. */
  known: boolean;
}

export type DocumentAccessDecision =
  | {
      allowed: true;
      /** A `lecteur`: the server refuses every update from this connection. */
      readOnly: boolean;
      /** A team member opening a mission nobody has yet: the server records them as its `editeur`. */
      claimsMission: boolean;
    }
  | { allowed: false; reason: RefusalReason };

const refuse = (reason: RefusalReason): DocumentAccessDecision => ({ allowed: false, reason });
const EDITOR: DocumentAccessDecision = { allowed: true, readOnly: false, claimsMission: false };

/**
 * Whether `user` may open `documentName`. Team members share the workspace listing and the contacts
 * directory; a mission is opened only with a role on it, except that the first team member to open a
 * mission the server does not know becomes its editor (that is how a mission created offline
 * reaches the server). A revoked user is refused exactly like an unknown token, so a refusal never
 * tells an outsider which tokens once existed.
 *
 * `missionFacts` is read only for mission documents; null there refuses, so a lookup forgotten by
 * the caller can never open a mission.
 */
export function decideDocumentAccess(
  user: StoredUser | null,
  documentName: string,
  missionFacts: MissionFacts | null,
): DocumentAccessDecision {
  if (user === null || user.revokedAt !== null) return refuse(REFUSAL_REASON.invalidToken);
  const parsed = parseDocumentName(documentName);
  if (parsed === null) return refuse(REFUSAL_REASON.invalidDocumentName);
  if (parsed.kind !== 'mission') return user.team ? EDITOR : refuse(REFUSAL_REASON.forbidden);
  if (missionFacts === null) return refuse(REFUSAL_REASON.forbidden);
  if (missionFacts.role !== null) return { allowed: true, readOnly: missionFacts.role === 'lecteur', claimsMission: false };
  if (user.team && !missionFacts.known) return { allowed: true, readOnly: false, claimsMission: true };
  return refuse(REFUSAL_REASON.forbidden);
}

/** The answer of `GET /api/access`: what the client may attach, and with which role. */
export function summarizeAccess(user: StoredUser, grants: readonly MissionGrant[]): AccessSummary {
  return {
    protocol: SYNC_PROTOCOL_VERSION,
    minClientProtocol: MIN_CLIENT_PROTOCOL_VERSION,
    user: { id: user.id, name: user.name, team: user.team },
    workspace: user.team,
    missions: grants
      .filter((grant) => grant.userId === user.id)
      .map((grant) => ({ missionId: grant.missionId, role: grant.role }))
      .sort((a, b) => a.missionId.localeCompare(b.missionId)),
  };
}

/**
 * The client's protocol version from the `protocol` URL parameter. A client that sends none is the
 * walking skeleton's, which knew nothing of roles: it is as outdated as an explicit old version.
 */
export function isClientProtocolAccepted(protocolParameter: string | null): boolean {
  if (protocolParameter === null || !/^\d{1,6}$/.test(protocolParameter)) return false;
  return Number(protocolParameter) >= MIN_CLIENT_PROTOCOL_VERSION;
}
