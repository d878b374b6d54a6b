import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  createObservation,
  validateObservation,
  type ObservationErrors,
  type ObservationInput,
} from '@shared/qualitative/observation-operations';
import { DEFAULT_OBSERVATION_SOURCE_KIND, OBSERVATION_SOURCE_KINDS, QUALITATIVE_THEMES, type ObservationSourceKind } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { refusalMessage } from '../diagnostic-links/operation-error';

const EMPTY: ObservationInput = { text: '', theme: null, sourceKind: DEFAULT_OBSERVATION_SOURCE_KIND, date: null, author: '' };

/** Writes down a new observation with its source; it joins the list below when added. */
export function NewObservationForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (id: string) => void }) {
  const id = useId();
  const [values, setValues] = useState<ObservationInput>(EMPTY);
  const [errors, setErrors] = useState<ObservationErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);

  function change<K extends keyof ObservationInput>(field: K, value: ObservationInput[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateObservation(values);
    setErrors(found);
    if (found.text) return textRef.current?.focus();
    if (found.date) return dateRef.current?.focus();
    if (Object.keys(found).length > 0) return;
    try {
      const created = createObservation(doc, values, LOCAL_ORIGIN);
      setValues(EMPTY);
      setFailure(null);
      onCreated(created);
      textRef.current?.focus();
    } catch (error) {
      setFailure(refusalMessage(error));
    }
  }

  const errorId = (name: keyof ObservationInput) => (errors[name] ? `${id}-${name}-error` : undefined);

  return (
    <form className="form qualitative-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Nouveau constat</h3>
      <div className="field">
        <label htmlFor={`${id}-text`}>Constat</label>
        <textarea
          ref={textRef}
          id={`${id}-text`}
          rows={3}
          required
          aria-required="true"
          disabled={readOnly}
          value={values.text}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={errorId('text')}
          onChange={(event) => change('text', event.target.value)}
        />
        {errors.text && (
          <p id={`${id}-text-error`} className="field-error">
            {errors.text}
          </p>
        )}
      </div>
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
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            ref={dateRef}
            id={`${id}-date`}
            type="date"
            disabled={readOnly}
            value={values.date ?? ''}
            aria-invalid={errors.date ? true : undefined}
            aria-describedby={errorId('date')}
            onChange={(event) => change('date', event.target.value || null)}
          />
          {errors.date && (
            <p id={`${id}-date-error`} className="field-error">
              {errors.date}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-theme`}>Thématique</label>
          <select id={`${id}-theme`} disabled={readOnly} value={values.theme ?? ''} onChange={(event) => change('theme', event.target.value || null)}>
            <option value="">Sans thématique</option>
            {QUALITATIVE_THEMES.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-author`}>Auteur ou interlocuteur (facultatif)</label>
        <input
          id={`${id}-author`}
          type="text"
          disabled={readOnly}
          value={values.author}
          aria-invalid={errors.author ? true : undefined}
          aria-describedby={errorId('author')}
          onChange={(event) => change('author', event.target.value)}
        />
        {errors.author && (
          <p id={`${id}-author-error`} className="field-error">
            {errors.author}
          </p>
        )}
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={readOnly}>
        Ajouter un constat
      </button>
    </form>
  );
}
