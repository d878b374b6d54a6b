import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { moveEnjeu, setEnjeuIndicatorLink, setEnjeuObservationLink, updateEnjeu } from '@shared/qualitative/enjeu-operations';
import type { Enjeu } from '@shared/qualitative/qualitative-model';
import { actionSheetsForEnjeu, orientationsForEnjeu } from '@shared/qualitative/qualitative-navigation';
import { actionSheetLabel } from '@shared/qualitative/qualitative-snapshot';
import { validateLongText, validateTitle } from '@shared/qualitative/qualitative-validation';
import { actionSheetStatusLabel, QUALITATIVE_THEMES } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { WorkshopOrigins } from '../board-diagnostic/workshop-origins';
import { IndicatorChecklist } from '../diagnostic-links/indicator-checklist';
import { LinkedRecords } from '../diagnostic-links/linked-records';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { RecordChecklist } from '../diagnostic-links/record-checklist';
import { RecordPage, type QualitativePageProps } from '../diagnostic-links/record-page';
import { SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { observationDetail, observationTitle } from '../observations/observation-labels';

interface EnjeuPageProps extends QualitativePageProps<Enjeu> {
  enjeu: Enjeu;
  indicators: readonly IndicatorDefinition[];
}

/** One enjeu: its wording, its priority, what grounds it, and what answers it. */
export function EnjeuPage({ doc, missionId, snapshot, enjeu, indicators, readOnly, onTrash }: EnjeuPageProps) {
  const id = enjeu.id;
  const save = (patch: Parameters<typeof updateEnjeu>[2]) => updateEnjeu(doc, id, patch, LOCAL_ORIGIN);
  const sheets = actionSheetsForEnjeu(snapshot, id);
  const orientations = orientationsForEnjeu(snapshot, id);
  const count = snapshot.enjeux.length;

  return (
    <RecordPage
      missionId={missionId}
      collection="enjeux"
      recordId={id}
      title={`Enjeu : ${enjeu.title || 'sans titre'}`}
      readOnly={readOnly}
      onTrash={() => onTrash(enjeu)}
    >
      <WorkshopOrigins doc={doc} missionId={missionId} sources={enjeu.boardSources} />
      <form className="form qualitative-form" onSubmit={(event) => event.preventDefault()} aria-label="Contenu de l’enjeu">
        <SavedTextField label="Titre" value={enjeu.title} required readOnly={readOnly} validate={validateTitle} onSave={(title) => save({ title })} />
        <SavedTextField label="Description" value={enjeu.description} multiline readOnly={readOnly} validate={validateLongText} onSave={(description) => save({ description })} />
        <SavedSelect
          label="Thématique"
          value={enjeu.theme ?? ''}
          options={QUALITATIVE_THEMES}
          emptyLabel="Sans thématique"
          readOnly={readOnly}
          onSave={(theme) => save({ theme: theme || null })}
        />
        <div className="field">
          <p className="field__label">
            Priorité {enjeu.rank} sur {count}
          </p>
          <MoveButtons name={enjeu.title} position={enjeu.rank} count={count} readOnly={readOnly} onMove={(direction) => moveEnjeu(doc, id, direction, LOCAL_ORIGIN)} />
        </div>
        <RecordChecklist
          legend="Constats qui fondent cet enjeu"
          options={snapshot.observations.map((observation) => ({ id: observation.id, label: observationTitle(observation), detail: observationDetail(observation) }))}
          selected={enjeu.observationIds}
          readOnly={readOnly}
          empty="Aucun constat dans la mission pour le moment : ajoutez-en dans la partie Constats."
          onToggle={(observationId, linked) => setEnjeuObservationLink(doc, id, observationId, linked, LOCAL_ORIGIN)}
        />
        <IndicatorChecklist
          legend="Indicateurs qui fondent cet enjeu"
          definitions={indicators}
          selected={enjeu.indicatorCodes}
          readOnly={readOnly}
          onToggle={(code, linked) => setEnjeuIndicatorLink(doc, id, code, linked, LOCAL_ORIGIN)}
        />
      </form>
      <LinkedRecords
        title="Constats liés"
        empty="Aucun constat lié."
        links={snapshot.observations
          .filter((observation) => enjeu.observationIds.includes(observation.id))
          .map((observation) => ({ id: observation.id, label: observationTitle(observation), href: recordHref(missionId, 'observations', observation.id) }))}
      />
      <LinkedRecords
        title="Fiches actions liées"
        empty="Aucune fiche action ne répond encore à cet enjeu : liez-le depuis la page d’une fiche action."
        links={sheets.map((sheet) => ({
          id: sheet.id,
          label: actionSheetLabel(sheet),
          href: recordHref(missionId, 'actionSheets', sheet.id),
          detail: actionSheetStatusLabel(sheet.status),
        }))}
      />
      <LinkedRecords
        title="Orientations stratégiques"
        empty="Cet enjeu n’est encore regroupé dans aucune orientation."
        links={orientations.map((orientation) => ({ id: orientation.id, label: orientation.title, href: recordHref(missionId, 'orientations', orientation.id) }))}
      />
    </RecordPage>
  );
}
