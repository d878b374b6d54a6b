import type { DocumentLink } from './sync-client';
import type { LedgerEntry } from './sync-ledger';

/** Why this machine shows a document without letting anyone change it. */
export type ReadOnlyReason = 'reader' | 'newer-schema';

export const READ_ONLY_NOTICE: Record<ReadOnlyReason, string> = {
  reader: 'Lecture seule : vous êtes lecteur de cette mission.',
  'newer-schema': 'Document créé par une version plus récente de Bocage : mettez l’application à jour pour le modifier.',
};

export type DocumentSyncStatus = 'offline' | 'syncing' | 'up-to-date' | 'pending' | 'refused' | 'read-only';

/** How one document stands with the server, as the home screen shows it. */
export interface DocumentSyncState {
  status: DocumentSyncStatus;
  /** Changes of this machine the server has not acknowledged. */
  pendingChanges: number;
  /** Photos this machine holds that the server is not known to have (always 0 for a reader). */
  pendingAttachments: number;
  lastSyncedAt: number | null;
  /** Whether the connection to the server is up for this document (a reader's mission is read-only either way). */
  connected: boolean;
  /** Why the server refused the document, or why it is read-only; plain French. */
  message: string | null;
  readOnlyReason: ReadOnlyReason | null;
}

export interface DocumentSyncInput {
  /** Null while the document is not attached (no connection yet, or not allowed by the server). */
  link: DocumentLink | null;
  ledger: LedgerEntry | null;
  refusal: string | null;
  readOnlyReason: ReadOnlyReason | null;
  /** Null for documents without attachments, or before the attachments were first compared. */
  attachments?: { pendingUploads: number } | null;
}

export function documentSyncState({ link, ledger, refusal, readOnlyReason, attachments = null }: DocumentSyncInput): DocumentSyncState {
  const pendingChanges = ledger?.pendingChanges ?? 0;
  const pendingAttachments = attachments?.pendingUploads ?? 0;
  const base = { pendingChanges, pendingAttachments, lastSyncedAt: ledger?.acknowledgedAt ?? null, connected: link === 'synced', readOnlyReason };
  if (refusal !== null) return { ...base, status: 'refused', message: refusal };
  if (readOnlyReason !== null) return { ...base, status: 'read-only', message: READ_ONLY_NOTICE[readOnlyReason] };
  const pending = pendingChanges + pendingAttachments;
  if (link === 'synced' && pending === 0) return { ...base, status: 'up-to-date', message: null };
  if (pending > 0) return { ...base, status: 'pending', message: null };
  return { ...base, status: link === 'syncing' ? 'syncing' : 'offline', message: null };
}

/** Unsent changes that leaving now would keep off the server: a refused or read-only document's never go. */
export function sendableChanges(states: Iterable<DocumentSyncState>): number {
  let total = 0;
  for (const state of states) if (state.status === 'pending') total += state.pendingChanges + state.pendingAttachments;
  return total;
}
