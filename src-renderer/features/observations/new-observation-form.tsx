import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { createObservation, validateObservation, type ObservationInput } from '@shared/qualitative/observation-operations';
import { DEFAULT_OBSERVATION_SOURCE_KIND, OBSERVATION_SOURCE_KINDS, type ObservationSourceKind } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { NewRecordForm, ThemeSelect, useNewRecordForm } from '../diagnostic-links/new-record-form';
import { TextField } from '../diagnostic-links/text-field';

const EMPTY: ObservationInput = { text: '', theme: null, sourceKind: DEFAULT_OBSERVATION_SOURCE_KIND, date: null, author: '' };

/** Writes down a new observation with its source; it joins the list below when added. */
export function NewObservationForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (id: string) => void }) {
  const id = useId();
  const textRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { values, errors, failure, change, submit } = useNewRecordForm({
    empty: EMPTY,
    validate: validateObservation,
    create: (input) => createObservation(doc, input, LOCAL_ORIGIN),
    onCreated,
    firstField: textRef,
    // The author's message sits right under its field, next to the submit button: no jump needed.
    focusRefused: (found) => (found.text ? textRef : found.date ? dateRef : null)?.current?.focus(),
  });

  return (
    <NewRecordForm title="Nouveau constat" submitLabel="Ajouter un constat" readOnly={readOnly} failure={failure} onSubmit={submit}>
      <TextField
        id={`${id}-text`}
        label="Constat"
        rows={3}
        required
        fieldRef={textRef}
        disabled={readOnly}
        value={values.text}
        error={errors.text}
        onChange={(text) => change('text', text)}
      />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-source`}>Type de source</label>
          <select
            id={`${id}-source`}
            disabled={readOnly}
            value={values.sourceKind}
            onChange={(event) => change('sourceKind', event.target.value as ObservationSourceKind)}
          >
            {OBSERVATION_SOURCE_KINDS.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id={`${id}-date`}
          label="Date"
          type="date"
          fieldRef={dateRef}
          disabled={readOnly}
          value={values.date ?? ''}
          error={errors.date}
          onChange={(date) => change('date', date || null)}
        />
        <ThemeSelect id={`${id}-theme`} disabled={readOnly} value={values.theme} onChange={(theme) => change('theme', theme)} />
      </div>
      <TextField
        id={`${id}-author`}
        label="Auteur ou interlocuteur (facultatif)"
        disabled={readOnly}
        value={values.author}
        error={errors.author}
        onChange={(author) => change('author', author)}
      />
    </NewRecordForm>
  );
}
