import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import {
  addEvaluationIndicator,
  removeEvaluationIndicator,
  updateEvaluationIndicator,
  validateEvaluationIndicator,
  type EvaluationIndicatorInput,
} from '@shared/qualitative/action-sheet-operations';
import type { EvaluationIndicator } from '@shared/qualitative/qualitative-model';
import { validateEvaluationLabel, validateOptionalDate, validateShortText } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { IndicatorSelect } from '../diagnostic-links/indicator-select';
import { InlineAddForm, useInlineAdd } from '../diagnostic-links/inline-add-form';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedTextField } from '../diagnostic-links/saved-fields';
import { TextField } from '../diagnostic-links/text-field';

const EMPTY: EvaluationIndicatorInput = { label: '', indicatorCode: null, baseline: '', target: '', targetDate: null };

const LINKED_INDICATOR_HINT = 'Facultatif : choisissez-le quand la mesure est un indicateur du diagnostic.';

function NewEvaluationForm({ doc, sheetId, definitions }: { doc: Y.Doc; sheetId: string; definitions: readonly IndicatorDefinition[] }) {
  const id = useId();
  const { values, error, change, submit } = useInlineAdd({
    empty: EMPTY,
    validate: (input) => Object.values(validateEvaluationIndicator(input)).join(' ') || null,
    add: (input) => addEvaluationIndicator(doc, sheetId, input, LOCAL_ORIGIN),
  });

  return (
    <InlineAddForm label="Ajout d’un indicateur d’évaluation" submitLabel="Ajouter l’indicateur d’évaluation" alert={error} onSubmit={submit}>
      <TextField id={`${id}-label`} label="Nouvel indicateur d’évaluation" value={values.label} onChange={(label) => change('label', label)} />
      <div className="field">
        <label htmlFor={`${id}-code`}>Indicateur du diagnostic mesuré</label>
        <p id={`${id}-code-hint`} className="hint">
          {LINKED_INDICATOR_HINT}
        </p>
        <IndicatorSelect
          id={`${id}-code`}
          value={values.indicatorCode}
          definitions={definitions}
          disabled={false}
          noneLabel="Aucun (mesure propre à l’action)"
          describedBy={`${id}-code-hint`}
          onChange={(code) => change('indicatorCode', code)}
        />
      </div>
      <div className="field-row">
        <TextField id={`${id}-baseline`} label="Valeur de départ" value={values.baseline} onChange={(baseline) => change('baseline', baseline)} />
        <TextField id={`${id}-target`} label="Cible" value={values.target} onChange={(target) => change('target', target)} />
        <TextField id={`${id}-date`} label="Échéance" type="date" value={values.targetDate ?? ''} onChange={(date) => change('targetDate', date || null)} />
      </div>
    </InlineAddForm>
  );
}

function LinkedIndicatorField({ value, definitions, readOnly, onSave }: { value: string | null; definitions: readonly IndicatorDefinition[]; readOnly: boolean; onSave: (code: string | null) => void }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>Indicateur du diagnostic mesuré</label>
      <IndicatorSelect
        id={id}
        value={value}
        definitions={definitions}
        disabled={readOnly}
        noneLabel="Aucun (mesure propre à l’action)"
        describedBy={error ? `${id}-error` : undefined}
        onChange={(code) => setError(attempt(() => onSave(code)))}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface EvaluationIndicatorsProps {
  doc: Y.Doc;
  sheetId: string;
  indicators: readonly EvaluationIndicator[];
  definitions: readonly IndicatorDefinition[];
  readOnly: boolean;
}

/** How the action's results will be measured: a label, a baseline, a target and a date for each. */
export function EvaluationIndicators({ doc, sheetId, indicators, definitions, readOnly }: EvaluationIndicatorsProps) {
  const save = (evaluationId: string, patch: Partial<EvaluationIndicatorInput>) => updateEvaluationIndicator(doc, sheetId, evaluationId, patch, LOCAL_ORIGIN);
  return (
    <section aria-labelledby="evaluation-title">
      <h3 id="evaluation-title">Indicateurs d’évaluation</h3>
      {indicators.length === 0 ? (
        <p className="hint">Aucun indicateur d’évaluation pour le moment.</p>
      ) : (
        <ol className="entry-list">
          {indicators.map((indicator, index) => (
            <li key={indicator.id}>
              <fieldset className="entry">
                <legend>Indicateur d’évaluation {index + 1}</legend>
                <SavedTextField label="Libellé" value={indicator.label} required readOnly={readOnly} validate={validateEvaluationLabel} onSave={(label) => save(indicator.id, { label })} />
                <LinkedIndicatorField value={indicator.indicatorCode} definitions={definitions} readOnly={readOnly} onSave={(indicatorCode) => save(indicator.id, { indicatorCode })} />
                <div className="field-row">
                  <SavedTextField label="Valeur de départ" value={indicator.baseline} readOnly={readOnly} validate={validateShortText} onSave={(baseline) => save(indicator.id, { baseline })} />
                  <SavedTextField label="Cible" value={indicator.target} readOnly={readOnly} validate={validateShortText} onSave={(target) => save(indicator.id, { target })} />
                  <SavedTextField
                    label="Échéance"
                    type="date"
                    value={indicator.targetDate ?? ''}
                    readOnly={readOnly}
                    validate={(date) => validateOptionalDate(date || null)}
                    onSave={(date) => save(indicator.id, { targetDate: date || null })}
                  />
                </div>
                {!readOnly && (
                  <button type="button" className="button" onClick={() => removeEvaluationIndicator(doc, sheetId, indicator.id, LOCAL_ORIGIN)}>
                    Supprimer l’indicateur d’évaluation {index + 1}
                  </button>
                )}
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <NewEvaluationForm doc={doc} sheetId={sheetId} definitions={definitions} />}
    </section>
  );
}
