import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import {
  setActionSheetEnjeuLink,
  setActionSheetOrientation,
  setActionSheetStatus,
  updateActionSheet,
  type ActionSheetFields,
} from '@shared/qualitative/action-sheet-operations';
import type { ActionSheet } from '@shared/qualitative/qualitative-model';
import { actionSheetLabel } from '@shared/qualitative/qualitative-snapshot';
import { validateLongText, validateShortText, validateTitle } from '@shared/qualitative/qualitative-validation';
import { ACTION_SHEET_STATUSES, type ActionSheetStatus } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { WorkshopOrigins } from '../board-diagnostic/workshop-origins';
import { RecordPage, type QualitativePageProps } from '../diagnostic-links/record-page';
import { SavedAmountField, SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { EnjeuChecklist } from '../enjeux/enjeu-checklist';
import { ActionSheetEvidenceSection } from './action-sheet-evidence';
import { ActionSheetNumberField } from './action-sheet-number-field';
import { ActionSteps } from './action-steps';
import { CoFunders } from './co-funders';
import { EvaluationIndicators } from './evaluation-indicators';

interface ActionSheetPageProps extends QualitativePageProps<ActionSheet> {
  sheet: ActionSheet;
  definitions: readonly IndicatorDefinition[];
}

type TextField = Exclude<keyof ActionSheetFields, 'budgetAmount' | 'title'>;

/** The long texts of a fiche, in the order of the usual CTG fiche action template. */
const TEXT_SECTIONS: readonly { field: TextField; label: string; short?: boolean }[] = [
  { field: 'generalObjective', label: 'Objectif général' },
  { field: 'operationalObjectives', label: 'Objectifs opérationnels' },
  { field: 'targetPublic', label: 'Public cible' },
  { field: 'lead', label: 'Pilote', short: true },
  { field: 'partners', label: 'Partenaires' },
];

/** A fiche action in full: identity, links, evidence, content, timetable, means and evaluation. */
export function ActionSheetPage({ doc, missionId, snapshot, sheet, definitions, readOnly, onTrash }: ActionSheetPageProps) {
  const id = sheet.id;
  const save = (patch: Partial<ActionSheetFields>) => updateActionSheet(doc, id, patch, LOCAL_ORIGIN);
  const sameNumber = snapshot.actionSheets.filter((other) => other.id !== id && other.number !== null && other.number === sheet.number);
  const text = (field: TextField, label: string, short = false) => (
    <SavedTextField
      key={field}
      label={label}
      value={sheet[field]}
      multiline={!short}
      rows={3}
      readOnly={readOnly}
      validate={short ? validateShortText : validateLongText}
      onSave={(value) => save({ [field]: value })}
    />
  );

  return (
    <RecordPage missionId={missionId} collection="actionSheets" recordId={id} title={actionSheetLabel(sheet)} readOnly={readOnly} onTrash={() => onTrash(sheet)}>
      <WorkshopOrigins doc={doc} missionId={missionId} sources={sheet.boardSources} />
      <form className="form qualitative-form" onSubmit={(event) => event.preventDefault()} aria-label="Identification et rattachement de la fiche">
        <div className="field-row">
          <ActionSheetNumberField doc={doc} missionId={missionId} sheet={sheet} sameNumber={sameNumber} readOnly={readOnly} />
          <SavedSelect<ActionSheetStatus>
            label="Statut"
            value={sheet.status}
            options={ACTION_SHEET_STATUSES}
            readOnly={readOnly}
            onSave={(status) => setActionSheetStatus(doc, id, status, LOCAL_ORIGIN)}
          />
        </div>
        <SavedTextField label="Titre" value={sheet.title} required readOnly={readOnly} validate={validateTitle} onSave={(title) => save({ title })} />
        <SavedSelect
          label="Orientation stratégique"
          value={sheet.orientationId ?? ''}
          options={snapshot.orientations.map((orientation) => ({ id: orientation.id, label: orientation.title || 'Orientation sans titre' }))}
          emptyLabel="Aucune orientation"
          readOnly={readOnly}
          onSave={(orientationId) => setActionSheetOrientation(doc, id, orientationId || null, LOCAL_ORIGIN)}
        />
        <EnjeuChecklist
          legend="Enjeux auxquels répond cette fiche"
          enjeux={snapshot.enjeux}
          selected={sheet.enjeuIds}
          readOnly={readOnly}
          onToggle={(enjeuId, linked) => setActionSheetEnjeuLink(doc, id, enjeuId, linked, LOCAL_ORIGIN)}
        />
      </form>
      <ActionSheetEvidenceSection missionId={missionId} snapshot={snapshot} sheetId={id} definitions={definitions} />
      <form className="form qualitative-form" onSubmit={(event) => event.preventDefault()} aria-labelledby="sheet-content-title">
        <h3 id="sheet-content-title">Contenu de l’action</h3>
        {TEXT_SECTIONS.map((section) => text(section.field, section.label, section.short))}
      </form>
      <ActionSteps doc={doc} sheetId={id} steps={sheet.steps} readOnly={readOnly} />
      <section aria-labelledby="sheet-means-title">
        <h3 id="sheet-means-title">Moyens</h3>
        {text('humanResources', 'Moyens humains')}
        <SavedAmountField
          label="Budget prévisionnel"
          value={sheet.budgetAmount}
          readOnly={readOnly}
          subject="budget"
          onSave={(budgetAmount) => save({ budgetAmount })}
        />
        {text('budgetDetails', 'Détail des moyens financiers')}
        <CoFunders doc={doc} sheetId={id} coFunders={sheet.coFunders} readOnly={readOnly} />
      </section>
      <section aria-labelledby="sheet-results-title">
        <h3 id="sheet-results-title">Résultats</h3>
        {text('expectedResults', 'Résultats attendus')}
      </section>
      <EvaluationIndicators doc={doc} sheetId={id} indicators={sheet.evaluationIndicators} definitions={definitions} readOnly={readOnly} />
    </RecordPage>
  );
}
