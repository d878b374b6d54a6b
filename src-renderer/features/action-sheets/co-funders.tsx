import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { addCoFunder, removeCoFunder, updateCoFunder, validateCoFunder } from '@shared/qualitative/action-sheet-operations';
import type { CoFunder } from '@shared/qualitative/qualitative-model';
import { parseAmount, validateAmount, validateCoFunderName } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { formatEuros, SavedAmountField, SavedTextField } from '../diagnostic-links/saved-fields';

function NewCoFunderForm({ doc, sheetId }: { doc: Y.Doc; sheetId: string }) {
  const id = useId();
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const input = { name, amount: parseAmount(amount) };
    const refusal = Object.values(validateCoFunder(input)).join(' ') || attempt(() => addCoFunder(doc, sheetId, input, LOCAL_ORIGIN));
    setError(refusal || null);
    if (!refusal) {
      setName('');
      setAmount('');
    }
  }

  return (
    <form className="inline-add" onSubmit={add} noValidate aria-label="Ajout d’un cofinanceur">
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Nouveau cofinanceur</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(event) => setName(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-amount`}>Montant en euros (facultatif)</label>
          <input id={`${id}-amount`} type="text" inputMode="decimal" value={amount} onChange={(event) => setAmount(event.target.value)} />
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        Ajouter le cofinanceur
      </button>
    </form>
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
                      parse={parseAmount}
                      validate={(input) => validateAmount(parseAmount(input), 'montant')}
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
