import { useId } from 'react';
import type * as Y from 'yjs';
import { addActionStep, moveActionStep, removeActionStep, updateActionStep, validateActionStep, type ActionStepInput } from '@shared/qualitative/action-sheet-operations';
import type { ActionStep } from '@shared/qualitative/qualitative-model';
import { validateStepLabel } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { InlineAddForm, useInlineAdd } from '../diagnostic-links/inline-add-form';
import { SavedTextField } from '../diagnostic-links/saved-fields';
import { TextField } from '../diagnostic-links/text-field';

const EMPTY: ActionStepInput = { label: '', startDate: null, endDate: null };

function NewStepForm({ doc, sheetId }: { doc: Y.Doc; sheetId: string }) {
  const id = useId();
  const { values, error, change, submit } = useInlineAdd({
    empty: EMPTY,
    validate: (input) => Object.values(validateActionStep(input)).join(' ') || null,
    add: (input) => addActionStep(doc, sheetId, input, LOCAL_ORIGIN),
  });

  return (
    <InlineAddForm label="Ajout d’une étape" submitLabel="Ajouter l’étape" alert={error} onSubmit={submit}>
      <div className="field-row">
        <TextField id={`${id}-label`} label="Nouvelle étape" value={values.label} onChange={(label) => change('label', label)} />
        <TextField id={`${id}-start`} label="Début (facultatif)" type="date" value={values.startDate ?? ''} onChange={(date) => change('startDate', date || null)} />
        <TextField id={`${id}-end`} label="Fin (facultative)" type="date" value={values.endDate ?? ''} onChange={(date) => change('endDate', date || null)} />
      </div>
    </InlineAddForm>
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
