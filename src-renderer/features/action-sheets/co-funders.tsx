import { useId } from 'react';
import type * as Y from 'yjs';
import { addCoFunder, removeCoFunder, updateCoFunder, validateCoFunder } from '@shared/qualitative/action-sheet-operations';
import type { CoFunder } from '@shared/qualitative/qualitative-model';
import { parseAmount, validateCoFunderName } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { InlineAddForm, useInlineAdd } from '../diagnostic-links/inline-add-form';
import { formatEuros } from '@shared/format/french-format';
import { SavedAmountField, SavedTextField } from '../diagnostic-links/saved-fields';
import { TextField } from '../diagnostic-links/text-field';

/** The amount as typed, so "12 500,50" stays on screen while its number is checked. */
const EMPTY = { name: '', amount: '' };

function NewCoFunderForm({ doc, sheetId }: { doc: Y.Doc; sheetId: string }) {
  const id = useId();
  const toInput = (typed: typeof EMPTY) => ({ name: typed.name, amount: parseAmount(typed.amount) });
  const { values, error, change, submit } = useInlineAdd({
    empty: EMPTY,
    validate: (typed) => Object.values(validateCoFunder(toInput(typed))).join(' ') || null,
    add: (typed) => addCoFunder(doc, sheetId, toInput(typed), LOCAL_ORIGIN),
  });

  return (
    <InlineAddForm label="Ajout d’un cofinanceur" submitLabel="Ajouter le cofinanceur" alert={error} onSubmit={submit}>
      <div className="field-row">
        <TextField id={`${id}-name`} label="Nouveau cofinanceur" value={values.name} onChange={(name) => change('name', name)} />
        <TextField id={`${id}-amount`} label="Montant en euros (facultatif)" inputMode="decimal" value={values.amount} onChange={(amount) => change('amount', amount)} />
      </div>
    </InlineAddForm>
  );
}

/** Who co-funds the action, and for how much. */
export function CoFunders({ doc, sheetId, coFunders, readOnly }: { doc: Y.Doc; sheetId: string; coFunders: readonly CoFunder[]; readOnly: boolean }) {
  const total = coFunders.reduce((sum, coFunder) => sum + (coFunder.amount ?? 0), 0);
  return (
    <section aria-labelledby="co-funders-title">
      <h4 id="co-funders-title">Cofinanceurs</h4>
      {coFunders.length === 0 ? (
        <p className="hint">Aucun cofinanceur pour le moment.</p>
      ) : (
        <>
          <ul className="entry-list">
            {coFunders.map((coFunder, index) => (
              <li key={coFunder.id}>
                <fieldset className="entry">
                  <legend>Cofinanceur {index + 1}</legend>
                  <div className="field-row">
                    <SavedTextField
                      label="Nom"
                      value={coFunder.name}
                      required
                      readOnly={readOnly}
                      validate={validateCoFunderName}
                      onSave={(name) => updateCoFunder(doc, sheetId, coFunder.id, { name }, LOCAL_ORIGIN)}
                    />
                    <SavedAmountField
                      label="Montant"
                      value={coFunder.amount}
                      readOnly={readOnly}
                      subject="montant"
                      onSave={(amount) => updateCoFunder(doc, sheetId, coFunder.id, { amount }, LOCAL_ORIGIN)}
                    />
                  </div>
                  {!readOnly && (
                    <button type="button" className="button" onClick={() => removeCoFunder(doc, sheetId, coFunder.id, LOCAL_ORIGIN)}>
                      Retirer {coFunder.name || `le cofinanceur ${index + 1}`}
                    </button>
                  )}
                </fieldset>
              </li>
            ))}
          </ul>
          <p>
            Total des cofinancements connus : <strong>{formatEuros(total)}</strong>
          </p>
        </>
      )}
      {!readOnly && <NewCoFunderForm doc={doc} sheetId={sheetId} />}
    </section>
  );
}
