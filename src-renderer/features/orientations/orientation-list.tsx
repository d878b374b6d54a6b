import { Link } from 'wouter';
import type * as Y from 'yjs';
import { moveOrientation } from '@shared/qualitative/orientation-operations';
import type { QualitativeSnapshot } from '@shared/qualitative/qualitative-model';
import { actionSheetsForOrientation, pick } from '@shared/qualitative/qualitative-navigation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { recordHref } from '../diagnostic-links/qualitative-routes';

/** The orientations in order, each with the enjeux it groups. */
export function OrientationList({ doc, missionId, snapshot, readOnly }: { doc: Y.Doc; missionId: string; snapshot: QualitativeSnapshot; readOnly: boolean }) {
  const orientations = snapshot.orientations;
  return (
    <section aria-labelledby="orientation-list-title">
      <h3 id="orientation-list-title">Orientations ({orientations.length})</h3>
      {orientations.length === 0 ? (
        <p>Aucune orientation pour le moment.</p>
      ) : (
        <ol className="record-list" aria-label="Orientations stratégiques">
          {orientations.map((orientation, index) => {
            const enjeux = pick(snapshot.enjeux, orientation.enjeuIds);
            const sheets = actionSheetsForOrientation(snapshot, orientation.id).length;
            return (
              <li key={orientation.id} className="record-card record-card--ranked">
                <div className="record-card__body">
                  <Link className="record-card__title" href={recordHref(missionId, 'orientations', orientation.id)}>
                    {orientation.title || 'Orientation sans titre'}
                  </Link>
                  <p className="record-card__meta">
                    {enjeux.length === 0 ? 'Aucun enjeu regroupé' : `Enjeux : ${enjeux.map((enjeu) => enjeu.title).join(' ; ')}`}
                    {` · ${sheets} fiche${sheets > 1 ? 's' : ''} action${sheets > 1 ? 's' : ''}`}
                  </p>
                </div>
                <MoveButtons
                  name={orientation.title}
                  position={index + 1}
                  count={orientations.length}
                  readOnly={readOnly}
                  onMove={(direction) => moveOrientation(doc, orientation.id, direction, LOCAL_ORIGIN)}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
