import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addActionStep, moveActionStep, removeActionStep, updateActionStep, validateActionStep, type ActionStepInput } from '@shared/qualitative/action-sheet-operations';
import type { ActionStep } from '@shared/qualitative/qualitative-model';
import { validateStepLabel } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedTextField } from '../diagnostic-links/saved-fields';

const EMPTY: ActionStepInput = { label: '', startDate: null, endDate: null };

function NewStepForm({ doc, sheetId }: { doc: Y.Doc; sheetId: string }) {
  const id = useId();
  const [values, setValues] = useState<ActionStepInput>(EMPTY);
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const refusal = Object.values(validateActionStep(values)).join(' ') || attempt(() => addActionStep(doc, sheetId, values, LOCAL_ORIGIN));
    setError(refusal || null);
    if (!refusal) setValues(EMPTY);
  }

  return (
    <form className="inline-add" onSubmit={add} noValidate aria-label="Ajout d’une étape">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-label`}>Nouvelle étape</label>
          <input id={`${id}-label`} type="text" value={values.label} onChange={(event) => setValues({ ...values, label: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-start`}>Début (facultatif)</label>
          <input id={`${id}-start`} type="date" value={values.startDate ?? ''} onChange={(event) => setValues({ ...values, startDate: event.target.value || null })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>Fin (facultative)</label>
          <input id={`${id}-end`} type="date" value={values.endDate ?? ''} onChange={(event) => setValues({ ...values, endDate: event.target.value || null })} />
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        Ajouter l’étape
      </button>
    </form>
  );
}

/** The fiche's timetable: steps in order, each with optional dates. */
export function ActionSteps({ doc, sheetId, steps, readOnly }: { doc: Y.Doc; sheetId: string; steps: readonly ActionStep[]; readOnly: boolean }) {
  const save = (stepId: string, patch: Partial<ActionStepInput>) => updateActionStep(doc, sheetId, stepId, patch, LOCAL_ORIGIN);
  return (
    <section aria-labelledby="action-steps-title">
      <h3 id="action-steps-title">Étapes et calendrier</h3>
      {steps.length === 0 ? (
        <p className="hint">Aucune étape pour le moment.</p>
      ) : (
        <ol className="entry-list">
          {steps.map((step, index) => (
            <li key={step.id}>
              <fieldset className="entry">
                <legend>Étape {index + 1}</legend>
                <div className="field-row">
                  <SavedTextField label="Libellé" value={step.label} required readOnly={readOnly} validate={validateStepLabel} onSave={(label) => save(step.id, { label })} />
                  <SavedTextField label="Début" type="date" value={step.startDate ?? ''} readOnly={readOnly} onSave={(date) => save(step.id, { startDate: date || null })} />
                  <SavedTextField label="Fin" type="date" value={step.endDate ?? ''} readOnly={readOnly} onSave={(date) => save(step.id, { endDate: date || null })} />
                </div>
                <div className="actions">
                  <MoveButtons
                    name={step.label || `Étape ${index + 1}`}
                    position={index + 1}
                    count={steps.length}
                    readOnly={readOnly}
                    onMove={(direction) => moveActionStep(doc, sheetId, step.id, direction, LOCAL_ORIGIN)}
                  />
                  {!readOnly && (
                    <button type="button" className="button" onClick={() => removeActionStep(doc, sheetId, step.id, LOCAL_ORIGIN)}>
                      Supprimer l’étape {index + 1}
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      )}
      {!readOnly && <NewStepForm doc={doc} sheetId={sheetId} />}
    </section>
  );
}
