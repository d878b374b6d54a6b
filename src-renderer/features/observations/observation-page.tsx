import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import type { Observation } from '@shared/qualitative/qualitative-model';
import {
  actionSheetsGroundedByObservation,
  afomItemsCitingObservation,
  enjeuxGroundedByObservation,
} from '@shared/qualitative/qualitative-navigation';
import { setObservationIndicatorLink, updateObservation } from '@shared/qualitative/observation-operations';
import { actionSheetLabel, excerpt } from '@shared/qualitative/qualitative-snapshot';
import { validateObservationText, validateOptionalDate, validateShortText } from '@shared/qualitative/qualitative-validation';
import { afomQuadrantLabel, OBSERVATION_SOURCE_KINDS, QUALITATIVE_THEMES, type ObservationSourceKind } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { WorkshopOrigins } from '../board-diagnostic/workshop-origins';
import { IndicatorChecklist } from '../diagnostic-links/indicator-checklist';
import { LinkedRecords } from '../diagnostic-links/linked-records';
import { recordHref } from '../diagnostic-links/qualitative-routes';
import { RecordPage, type QualitativePageProps } from '../diagnostic-links/record-page';
import { SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { observationTitle } from './observation-labels';
import { ObservationQuotes } from './observation-quotes';

interface ObservationPageProps extends QualitativePageProps<Observation> {
  observation: Observation;
  indicators: readonly IndicatorDefinition[];
}

/** One observation: its fields, its quotes, the indicators it cites, and what it grounds. */
export function ObservationPage({ doc, missionId, snapshot, observation, indicators, readOnly, onTrash }: ObservationPageProps) {
  const id = observation.id;
  const save = (patch: Parameters<typeof updateObservation>[2]) => updateObservation(doc, id, patch, LOCAL_ORIGIN);
  const enjeux = enjeuxGroundedByObservation(snapshot, id);
  const sheets = actionSheetsGroundedByObservation(snapshot, id);
  const afomItems = afomItemsCitingObservation(snapshot, id);

  return (
    <RecordPage
      missionId={missionId}
      collection="observations"
      recordId={id}
      title={`Constat : ${observationTitle(observation)}`}
      readOnly={readOnly}
      onTrash={() => onTrash(observation)}
    >
      <WorkshopOrigins doc={doc} missionId={missionId} sources={observation.boardSources} />
      <form className="form qualitative-form" onSubmit={(event) => event.preventDefault()} aria-label="Contenu du constat">
        <SavedTextField label="Texte du constat" value={observation.text} multiline required readOnly={readOnly} validate={validateObservationText} onSave={(text) => save({ text })} />
        <div className="field-row">
          <SavedSelect<ObservationSourceKind>
            label="Type de source"
            value={observation.sourceKind}
            options={OBSERVATION_SOURCE_KINDS}
            readOnly={readOnly}
            onSave={(sourceKind) => save({ sourceKind })}
          />
          <SavedTextField
            label="Date"
            type="date"
            value={observation.date ?? ''}
            readOnly={readOnly}
            validate={(date) => validateOptionalDate(date || null)}
            onSave={(date) => save({ date: date || null })}
          />
          <SavedSelect
            label="Thématique"
            value={observation.theme ?? ''}
            options={QUALITATIVE_THEMES}
            emptyLabel="Sans thématique"
            readOnly={readOnly}
            onSave={(theme) => save({ theme: theme || null })}
          />
        </div>
        <SavedTextField label="Auteur ou interlocuteur" value={observation.author} readOnly={readOnly} validate={validateShortText} onSave={(author) => save({ author })} />
        <IndicatorChecklist
          legend="Indicateurs cités par ce constat"
          definitions={indicators}
          selected={observation.indicatorCodes}
          readOnly={readOnly}
          onToggle={(code, linked) => setObservationIndicatorLink(doc, id, code, linked, LOCAL_ORIGIN)}
        />
      </form>
      <ObservationQuotes doc={doc} observationId={id} quotes={observation.quotes} readOnly={readOnly} />
      <LinkedRecords
        title="Enjeux fondés sur ce constat"
        empty="Aucun enjeu ne s’appuie encore sur ce constat : liez-le depuis la page d’un enjeu."
        links={enjeux.map((enjeu) => ({ id: enjeu.id, label: enjeu.title, href: recordHref(missionId, 'enjeux', enjeu.id), detail: `priorité ${enjeu.rank}` }))}
      />
      <LinkedRecords
        title="Fiches actions liées"
        empty="Aucune fiche action ne répond encore à un enjeu fondé sur ce constat."
        links={sheets.map((sheet) => ({ id: sheet.id, label: actionSheetLabel(sheet), href: recordHref(missionId, 'actionSheets', sheet.id) }))}
      />
      {afomItems.length > 0 && (
        <LinkedRecords
          title="Dans l’AFOM"
          empty=""
          links={afomItems.map((item) => ({ id: item.id, label: excerpt(item.text), href: recordHref(missionId, 'afom'), detail: afomQuadrantLabel(item.quadrant) }))}
        />
      )}
    </RecordPage>
  );
}
