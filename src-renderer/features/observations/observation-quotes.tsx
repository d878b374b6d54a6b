import { useId } from 'react';
import type * as Y from 'yjs';
import type { Quote } from '@shared/qualitative/qualitative-model';
import { addObservationQuote, removeObservationQuote, updateObservationQuote } from '@shared/qualitative/observation-operations';
import { validateQuote } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { InlineAddForm, useInlineAdd } from '../diagnostic-links/inline-add-form';
import { SavedTextField } from '../diagnostic-links/saved-fields';
import { TextField } from '../diagnostic-links/text-field';

interface ObservationQuotesProps {
  doc: Y.Doc;
  observationId: string;
  quotes: readonly Quote[];
  readOnly: boolean;
}

/** The verbatim quotes backing an observation, each its own entry. */
export function ObservationQuotes({ doc, observationId, quotes, readOnly }: ObservationQuotesProps) {
  const id = useId();
  const { values, error, change, submit } = useInlineAdd({
    empty: { text: '' },
    validate: ({ text }) => validateQuote(text),
    add: ({ text }) => addObservationQuote(doc, observationId, text, LOCAL_ORIGIN),
  });

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
        <InlineAddForm submitLabel="Ajouter la citation" onSubmit={submit}>
          <TextField id={`${id}-new`} label="Nouvelle citation" rows={2} value={values.text} error={error} onChange={(text) => change('text', text)} />
        </InlineAddForm>
      )}
    </section>
  );
}
