import { setOrientationEnjeuLink, updateOrientation } from '@shared/qualitative/orientation-operations';
import type { Orientation } from '@shared/qualitative/qualitative-model';
import { actionSheetsForOrientation, pick } from '@shared/qualitative/qualitative-navigation';
import { actionSheetLabel } from '@shared/qualitative/qualitative-snapshot';
import { validateLongText, validateTitle } from '@shared/qualitative/qualitative-validation';
import { actionSheetStatusLabel } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { LinkedRecords } from '../diagnostic-links/linked-records';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { RecordPage, type QualitativePageProps } from '../diagnostic-links/record-page';
import { SavedTextField } from '../diagnostic-links/saved-fields';
import { EnjeuChecklist } from '../enjeux/enjeu-checklist';

interface OrientationPageProps extends QualitativePageProps<Orientation> {
  orientation: Orientation;
}

/** One strategic orientation: its wording, the enjeux it groups, the fiches actions attached to it. */
export function OrientationPage({ doc, missionId, snapshot, orientation, readOnly, onTrash }: OrientationPageProps) {
  const id = orientation.id;
  const save = (patch: Parameters<typeof updateOrientation>[2]) => updateOrientation(doc, id, patch, LOCAL_ORIGIN);
  const sheets = actionSheetsForOrientation(snapshot, id);

  return (
    <RecordPage
      missionId={missionId}
      collection="orientations"
      recordId={id}
      title={`Orientation : ${orientation.title || 'sans titre'}`}
      readOnly={readOnly}
      onTrash={() => onTrash(orientation)}
    >
      <form className="form qualitative-form" onSubmit={(event) => event.preventDefault()} aria-label="Contenu de l’orientation">
        <SavedTextField label="Titre" value={orientation.title} required readOnly={readOnly} validate={validateTitle} onSave={(title) => save({ title })} />
        <SavedTextField label="Description" value={orientation.description} multiline readOnly={readOnly} validate={validateLongText} onSave={(description) => save({ description })} />
        <EnjeuChecklist
          legend="Enjeux regroupés dans cette orientation"
          enjeux={snapshot.enjeux}
          selected={orientation.enjeuIds}
          readOnly={readOnly}
          onToggle={(enjeuId, linked) => setOrientationEnjeuLink(doc, id, enjeuId, linked, LOCAL_ORIGIN)}
        />
      </form>
      <LinkedRecords
        title="Enjeux liés"
        empty="Aucun enjeu regroupé."
        links={pick(snapshot.enjeux, orientation.enjeuIds).map((enjeu) => ({ id: enjeu.id, label: enjeu.title, href: recordHref(missionId, 'enjeux', enjeu.id) }))}
      />
      <LinkedRecords
        title="Fiches actions rattachées"
        empty="Aucune fiche action n’est encore rattachée à cette orientation."
        links={sheets.map((sheet) => ({
          id: sheet.id,
          label: actionSheetLabel(sheet),
          href: recordHref(missionId, 'actionSheets', sheet.id),
          detail: actionSheetStatusLabel(sheet.status),
        }))}
      />
    </RecordPage>
  );
}
