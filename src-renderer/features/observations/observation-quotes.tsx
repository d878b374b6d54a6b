import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Quote } from '@shared/qualitative/qualitative-model';
import { addObservationQuote, removeObservationQuote, updateObservationQuote } from '@shared/qualitative/observation-operations';
import { validateQuote } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedTextField } from '../diagnostic-links/saved-fields';

interface ObservationQuotesProps {
  doc: Y.Doc;
  observationId: string;
  quotes: readonly Quote[];
  readOnly: boolean;
}

/** The verbatim quotes backing an observation, each its own entry. */
export function ObservationQuotes({ doc, observationId, quotes, readOnly }: ObservationQuotesProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  function add(event: FormEvent) {
    event.preventDefault();
    const refusal = validateQuote(draft) ?? attempt(() => addObservationQuote(doc, observationId, draft, LOCAL_ORIGIN));
    setError(refusal);
    if (!refusal) setDraft('');
  }

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Citations</h3>
      {quotes.length === 0 ? (
        <p className="hint">Aucune citation : ajoutez les paroles exactes entendues, une par une.</p>
      ) : (
        <ol className="quote-list">
          {quotes.map((quote, index) => (
            <li key={quote.id}>
              <SavedTextField
                label={`Citation ${index + 1}`}
                value={quote.text}
                multiline
                rows={2}
                readOnly={readOnly}
                validate={validateQuote}
                onSave={(text) => updateObservationQuote(doc, observationId, quote.id, text, LOCAL_ORIGIN)}
              />
              {!readOnly && (
                <button type="button" className="button" onClick={() => removeObservationQuote(doc, observationId, quote.id, LOCAL_ORIGIN)}>
                  Supprimer la citation {index + 1}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {!readOnly && (
        <form className="inline-add" onSubmit={add} noValidate>
          <div className="field">
            <label htmlFor={`${id}-new`}>Nouvelle citation</label>
            <textarea
              id={`${id}-new`}
              rows={2}
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setDraft(event.target.value)}
            />
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button">
            Ajouter la citation
          </button>
        </form>
      )}
    </section>
  );
}
