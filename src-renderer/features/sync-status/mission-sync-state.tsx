import type { DocumentSyncState } from '../../sync/document-sync-state';
import { documentSyncLabel } from './document-sync-label';

/** One mission's sync on the home screen: a symbol and words, so colour is never the only sign. */
export function MissionSyncState({ state }: { state: DocumentSyncState }) {
  const { icon, text, detail } = documentSyncLabel(state);
  return (
    <span className={`mission-sync mission-sync--${state.status}`}>
      <span aria-hidden="true">{icon}</span> <span className="mission-sync__text">{text}</span>
      {detail !== '' && <span className="mission-sync__detail"> · {detail}</span>}
    </span>
  );
}
