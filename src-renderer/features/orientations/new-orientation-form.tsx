import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { createOrientation, validateOrientation, type OrientationErrors, type OrientationInput } from '@shared/qualitative/orientation-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { refusalMessage } from '../diagnostic-links/operation-error';

const EMPTY: OrientationInput = { title: '', description: '' };

/** Names a new strategic orientation; the enjeux it groups are chosen on its page. */
export function NewOrientationForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (title: string) => void }) {
  const id = useId();
  const [values, setValues] = useState<OrientationInput>(EMPTY);
  const [errors, setErrors] = useState<OrientationErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateOrientation(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      titleRef.current?.focus();
      return;
    }
    try {
      createOrientation(doc, values, LOCAL_ORIGIN);
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
      <h3 id={`${id}-title`}>Nouvelle orientation</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Titre de l’orientation</label>
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
          onChange={(event) => {
            setValues((previous) => ({ ...previous, title: event.target.value }));
            setErrors({});
          }}
        />
        {errors.title && (
          <p id={`${id}-name-error`} className="field-error">
            {errors.title}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (facultative)</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          disabled={readOnly}
          value={values.description}
          onChange={(event) => setValues((previous) => ({ ...previous, description: event.target.value }))}
        />
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={readOnly}>
        Ajouter une orientation
      </button>
    </form>
  );
}
