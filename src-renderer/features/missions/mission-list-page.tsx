import { useLiveQuery } from 'dexie-react-hooks';
import { useState, useSyncExternalStore } from 'react';
import { missionDocumentName } from '@shared/documents/document-names';
import type { MissionCatalogEntry } from '@shared/model/mission-catalog-entry';
import { Link } from 'wouter';
import { formatDateTime, formatInteger } from '@shared/format/french-format';
import { statusLabel } from '@shared/model/mission-vocabulary';
import { normalizeForSearch } from '@shared/text/normalize-search';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';
import type { DocumentSyncState } from '../../sync/document-sync-state';
import { MissionSyncState } from '../sync-status/mission-sync-state';
import { WorkspaceArchivePanel } from '../mission-archive/workspace-archive-panel';
import { DemoMissionPanel } from '../demo-mission/demo-mission-panel';

function MissionCard({ mission, syncState }: { mission: MissionCatalogEntry; syncState: DocumentSyncState | undefined }) {
  // The catalog knows of a newer schema; only the server's answer knows that this user is a reader.
  const readOnlyReason = syncState?.readOnlyReason ?? (mission.readOnly ? 'newer-schema' : null);
  return (
    <li className="mission-card">
      <h2 className="mission-card__title">
        <Link href={ROUTES.mission(mission.id)}>{mission.title}</Link>
      </h2>
      <p className="mission-card__meta">
        <span>{mission.territoryLabel || 'Territoire non renseigné'}</span>
        {mission.communeCount > 0 && (
          <span>
            {' · '}
            {mission.communeCount} commune{mission.communeCount > 1 ? 's' : ''}, {formatInteger(mission.population)} hab.
          </span>
        )}
      </p>
      <p className="mission-card__meta">
        <span className={`badge badge--${mission.status}`}>{statusLabel(mission.status)}</span>{' '}
        <span>Modifiée le {formatDateTime(mission.updatedAt)}</span>
        {readOnlyReason !== null && (
          <span> · lecture seule ({readOnlyReason === 'reader' ? 'vous êtes lecteur' : 'version plus récente'})</span>
        )}
      </p>
      {syncState && (
        <p className="mission-card__meta">
          <MissionSyncState state={syncState} />
        </p>
      )}
    </li>
  );
}

/** Home screen: the workspace's missions, most recently changed first, each with its sync state. */
export function MissionListPage() {
  usePageTitle('Missions');
  const session = useSession();
  const [query, setQuery] = useState('');
  const missions = useLiveQuery(() => session.db.catalog.orderBy('updatedAt').reverse().toArray(), [session]);
  const syncStates = useSyncExternalStore(session.subscribeToSync, session.getDocumentSyncStates);
  const folded = normalizeForSearch(query);
  const shown = missions?.filter((mission) => folded === '' || mission.searchText.includes(folded));

  return (
    <>
      <div className="page-heading">
        <h1>Missions</h1>
        <Link href={ROUTES.newMission} className="button button--primary">
          Nouvelle mission
        </Link>
      </div>
      <div className="field field--search">
        <label htmlFor="mission-search">Rechercher une mission</label>
        <input
          id="mission-search"
          type="search"
          value={query}
          placeholder="Titre, territoire, commanditaire…"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {shown === undefined ? (
        <p>Chargement des missions…</p>
      ) : (
        <>
          <p className="result-count" aria-live="polite">
            {missions?.length === 0
              ? 'Aucune mission pour le moment : créez la première avec « Nouvelle mission ».'
              : shown.length === 0
                ? `Aucune mission ne correspond à « ${query} ».`
                : `${shown.length} mission${shown.length > 1 ? 's' : ''}`}
          </p>
          <ul className="mission-list" aria-label="Liste des missions">
            {shown.map((mission) => (
              <MissionCard key={mission.id} mission={mission} syncState={syncStates.get(missionDocumentName(mission.id))} />
            ))}
          </ul>
        </>
      )}
      <DemoMissionPanel />
      <WorkspaceArchivePanel />
    </>
  );
}
