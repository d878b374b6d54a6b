import { formatDateTime } from '@shared/format/french-format';
import type { DocumentSyncState } from '../../sync/document-sync-state';

export interface DocumentSyncLabel {
  /** A symbol beside the text, never alone: hidden from screen readers. */
  icon: string;
  text: string;
  /** Said after the text: since when, why. Empty when there is nothing to add. */
  detail: string;
}

export function pendingChangesText(count: number): string {
  return count === 1 ? '1 modification non envoyée' : `${count} modifications non envoyées`;
}

function pendingPhotosText(count: number): string {
  return count === 1 ? '1 photo non envoyée' : `${count} photos non envoyées`;
}

/** « 3 modifications non envoyées », « 2 photos non envoyées », or both joined. */
function pendingText(state: DocumentSyncState): string {
  const parts: string[] = [];
  if (state.pendingChanges > 0) parts.push(pendingChangesText(state.pendingChanges));
  if (state.pendingAttachments > 0) parts.push(pendingPhotosText(state.pendingAttachments));
  return parts.join(' et ');
}

/** A message of the sync machinery as a sentence of its own. */
export function asSentence(message: string): string {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function sinceText(state: DocumentSyncState): string {
  return state.lastSyncedAt === null ? 'Jamais synchronisée' : `dernière synchronisation le ${formatDateTime(state.lastSyncedAt)}`;
}

function offlineDetail(state: DocumentSyncState): string {
  return state.lastSyncedAt === null ? 'Jamais synchronisée' : `Hors ligne — ${sinceText(state)}`;
}

/** What the home screen says of one mission's sync. */
export function documentSyncLabel(state: DocumentSyncState): DocumentSyncLabel {
  switch (state.status) {
    case 'up-to-date':
      return { icon: '✓', text: 'À jour', detail: state.lastSyncedAt === null ? '' : `Synchronisée le ${formatDateTime(state.lastSyncedAt)}` };
    case 'pending':
      return { icon: '↑', text: pendingText(state), detail: state.connected ? 'Envoi en cours' : offlineDetail(state) };
    case 'syncing':
      return { icon: '↻', text: 'Synchronisation…', detail: state.lastSyncedAt === null ? 'Jamais synchronisée' : '' };
    case 'offline':
      return state.lastSyncedAt === null
        ? { icon: '○', text: 'Jamais synchronisée', detail: '' }
        : { icon: '○', text: `Hors ligne — ${sinceText(state)}`, detail: '' };
    case 'refused':
      return { icon: '⚠', text: 'Accès refusé', detail: asSentence(state.message ?? '') };
    case 'read-only':
      // The reason is said beside the mission's other facts; here only how current this copy is.
      return state.connected ? { icon: '✓', text: 'À jour', detail: '' } : documentSyncLabel({ ...state, status: 'offline' });
  }
}
