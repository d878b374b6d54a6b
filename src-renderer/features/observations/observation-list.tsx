import { Link } from 'wouter';
import type { QualitativeSnapshot } from '@shared/qualitative/qualitative-model';
import { actionSheetsGroundedByObservation, enjeuxGroundedByObservation } from '@shared/qualitative/qualitative-navigation';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { observationDetail, observationTitle } from './observation-labels';

function usage(snapshot: QualitativeSnapshot, id: string): string {
  const enjeux = enjeuxGroundedByObservation(snapshot, id).length;
  const sheets = actionSheetsGroundedByObservation(snapshot, id).length;
  if (enjeux === 0) return 'Ne fonde encore aucun enjeu';
  const grounds = `Fonde ${enjeux} enjeu${enjeux > 1 ? 'x' : ''}`;
  return sheets === 0 ? grounds : `${grounds} et ${sheets} fiche${sheets > 1 ? 's' : ''} action${sheets > 1 ? 's' : ''}`;
}

/** Every observation of the mission, each leading to its page. */
export function ObservationList({ missionId, snapshot }: { missionId: string; snapshot: QualitativeSnapshot }) {
  const observations = snapshot.observations;
  return (
    <section aria-labelledby="observation-list-title">
      <h3 id="observation-list-title">Constats enregistrés ({observations.length})</h3>
      {observations.length === 0 ? (
        <p>Aucun constat pour le moment.</p>
      ) : (
        <ul className="record-list" aria-label="Constats">
          {observations.map((observation) => (
            <li key={observation.id} className="record-card">
              <Link className="record-card__title" href={recordHref(missionId, 'observations', observation.id)}>
                {observationTitle(observation)}
              </Link>
              <p className="record-card__meta">{observationDetail(observation)}</p>
              <p className="record-card__meta">
                {usage(snapshot, observation.id)}
                {observation.quotes.length > 0 && ` · ${observation.quotes.length} citation${observation.quotes.length > 1 ? 's' : ''}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
