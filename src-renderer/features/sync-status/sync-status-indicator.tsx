import { useSyncExternalStore } from 'react';
import { formatDateTime } from '@shared/format/french-format';
import { useSession } from '../../app/session-context';
import type { SessionSyncState } from '../../app/workspace-session';
import { pendingChangesText } from './document-sync-label';

const STATUS_ICON: Record<SessionSyncState['status'], string> = { offline: '○', syncing: '↻', 'up-to-date': '✓', error: '⚠' };

function syncStatusText(state: SessionSyncState): string {
  switch (state.status) {
    case 'offline':
      return 'Hors ligne';
    case 'syncing':
      return 'Synchronisation…';
    case 'up-to-date':
      return 'À jour';
    case 'error':
      return `Erreur : ${state.errorMessage ?? 'raison inconnue'}`;
  }
}

/** What has not reached the server, whatever the connection: the reason to stay online a little longer. */
function pendingText(state: SessionSyncState): string {
  return state.configured && state.pendingChanges > 0 ? ` · ${pendingChangesText(state.pendingChanges)}` : '';
}

function lastSyncText(state: SessionSyncState): string {
  if (!state.configured) return 'Synchronisation non configurée';
  return state.lastSyncedAt === null
    ? 'Jamais synchronisé'
    : `Dernière synchronisation : ${formatDateTime(state.lastSyncedAt)}`;
}

/** The one place that tells the user whether their work has reached the office server. */
export function SyncStatusIndicator() {
  const session = useSession();
  const state = useSyncExternalStore(session.subscribeToSync, session.getSyncState);
  return (
    <div className={`sync-status sync-status--${state.status}`} role="status" aria-label="État de la synchronisation">
      {state.configured && <span aria-hidden="true">{STATUS_ICON[state.status]} </span>}
      <span className="sync-status__label">
        {syncStatusText(state)}
        {pendingText(state)}
      </span>{' '}
      <span className="sync-status__detail">{lastSyncText(state)}</span>
    </div>
  );
}
