import { useSyncExternalStore } from 'react';
import { formatDateTime } from '@shared/format/french-format';
import { useSession } from '../../app/session-context';
import type { SessionSyncState } from '../../app/workspace-session';

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
      <span className="sync-status__label">{syncStatusText(state)}</span>{' '}
      <span className="sync-status__detail">{lastSyncText(state)}</span>
    </div>
  );
}
