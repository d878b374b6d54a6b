import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { createActionSheet, nextActionSheetNumber } from '@shared/qualitative/action-sheet-operations';
import { validateTitle } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { refusalMessage } from '../diagnostic-links/operation-error';

/** Starts a fiche action from its title; the fiche then opens to be filled in. */
export function NewActionSheetForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (id: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const refusal = validateTitle(title);
    if (refusal) {
      setError(refusal);
      titleRef.current?.focus();
      return;
    }
    try {
      onCreated(createActionSheet(doc, { title }, LOCAL_ORIGIN));
    } catch (failure) {
      setError(refusalMessage(failure));
    }
  }

  return (
    <form className="form qualitative-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>Nouvelle fiche action</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>Titre de la fiche action</label>
        <p id={`${id}-hint`} className="hint">
          Elle recevra le n° {nextActionSheetNumber(doc)}, modifiable ensuite.
        </p>
        <input
          ref={titleRef}
          id={`${id}-name`}
          type="text"
          required
          aria-required="true"
          disabled={readOnly}
          value={title}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary" disabled={readOnly}>
        Nouvelle fiche action
      </button>
    </form>
  );
}
