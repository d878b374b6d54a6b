import { Link } from 'wouter';
import type * as Y from 'yjs';
import { moveActionSheet } from '@shared/qualitative/action-sheet-operations';
import type { QualitativeSnapshot } from '@shared/qualitative/qualitative-model';
import { pick } from '@shared/qualitative/qualitative-navigation';
import { actionSheetLabel, duplicateActionSheetNumbers } from '@shared/qualitative/qualitative-snapshot';
import { actionSheetStatusLabel } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { recordHref } from '../diagnostic-links/qualitative-routes';

/** The fiches actions in order, with their status, their enjeux and any number two fiches share. */
export function ActionSheetList({ doc, missionId, snapshot, readOnly }: { doc: Y.Doc; missionId: string; snapshot: QualitativeSnapshot; readOnly: boolean }) {
  const sheets = snapshot.actionSheets;
  const duplicates = duplicateActionSheetNumbers(sheets);
  return (
    <section aria-labelledby="action-sheet-list-title">
      <h3 id="action-sheet-list-title">Fiches actions ({sheets.length})</h3>
      {duplicates.size > 0 && (
        <p className="notice notice--warning" role="alert">
          Plusieurs fiches portent le même numéro ({[...duplicates].sort((a, b) => a - b).map((number) => `n° ${number}`).join(', ')}), sans doute créées
          en même temps sur deux postes. Ouvrez l’une d’elles pour changer son numéro.
        </p>
      )}
      {sheets.length === 0 ? (
        <p>Aucune fiche action pour le moment.</p>
      ) : (
        <ol className="record-list" aria-label="Fiches actions">
          {sheets.map((sheet, index) => {
            const enjeux = pick(snapshot.enjeux, sheet.enjeuIds);
            const orientation = snapshot.orientations.find((candidate) => candidate.id === sheet.orientationId);
            return (
              <li key={sheet.id} className="record-card record-card--ranked">
                <div className="record-card__body">
                  <Link className="record-card__title" href={recordHref(missionId, 'actionSheets', sheet.id)}>
                    {actionSheetLabel(sheet)}
                  </Link>
                  {sheet.number !== null && duplicates.has(sheet.number) && <strong className="badge badge--warning"> Numéro en double</strong>}
                  <p className="record-card__meta">
                    {actionSheetStatusLabel(sheet.status)}
                    {orientation ? ` · ${orientation.title}` : ''}
                    {` · ${enjeux.length === 0 ? 'aucun enjeu lié' : `enjeux : ${enjeux.map((enjeu) => enjeu.title).join(' ; ')}`}`}
                  </p>
                </div>
                <MoveButtons
                  name={actionSheetLabel(sheet)}
                  position={index + 1}
                  count={sheets.length}
                  readOnly={readOnly}
                  onMove={(direction) => moveActionSheet(doc, sheet.id, direction, LOCAL_ORIGIN)}
                />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
