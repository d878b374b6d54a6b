import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import { formatDateTime, formatInteger } from '@shared/format/french-format';
import { statusLabel } from '@shared/model/mission-vocabulary';
import { normalizeForSearch } from '@shared/text/normalize-search';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';

/** Home screen: the workspace's missions, most recently changed first. */
export function MissionListPage() {
  usePageTitle('Missions');
  const session = useSession();
  const [query, setQuery] = useState('');
  const missions = useLiveQuery(() => session.db.catalog.orderBy('updatedAt').reverse().toArray(), [session]);
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
              <li key={mission.id} className="mission-card">
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
                  {mission.readOnly && <span> · lecture seule (version plus récente)</span>}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
