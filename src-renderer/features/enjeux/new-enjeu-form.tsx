import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { createEnjeu, validateEnjeu, type EnjeuErrors, type EnjeuInput } from '@shared/qualitative/enjeu-operations';
import { QUALITATIVE_THEMES } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { refusalMessage } from '../diagnostic-links/operation-error';

const EMPTY: EnjeuInput = { title: '', description: '', theme: null };

/** Names a new enjeu; it joins the list with the lowest priority, and the title field is ready for the next. */
export function NewEnjeuForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (title: string) => void }) {
  const id = useId();
  const [values, setValues] = useState<EnjeuInput>(EMPTY);
  const [errors, setErrors] = useState<EnjeuErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  function change<K extends keyof EnjeuInput>(field: K, value: EnjeuInput[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateEnjeu(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      titleRef.current?.focus();
      return;
    }
    try {
      createEnjeu(doc, values, LOCAL_ORIGIN);
      onCreated(values.title.trim());
      setValues(EMPTY);
      setFailure(null);
      titleRef.current?.focus();
    } catch (error) {
      setFailure(refusalMessage(error));
    }
  }

  return (
    <form className="form qualitative-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Nouvel enjeu</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>Titre de l’enjeu</label>
          <input
            ref={titleRef}
            id={`${id}-name`}
            type="text"
            required
            aria-required="true"
            disabled={readOnly}
            value={values.title}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${id}-name-error` : undefined}
            onChange={(event) => change('title', event.target.value)}
          />
          {errors.title && (
            <p id={`${id}-name-error`} className="field-error">
              {errors.title}
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
        <label htmlFor={`${id}-description`}>Description (facultative)</label>
        <textarea id={`${id}-description`} rows={2} disabled={readOnly} value={values.description} onChange={(event) => change('description', event.target.value)} />
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={readOnly}>
        Ajouter un enjeu
      </button>
    </form>
  );
}
