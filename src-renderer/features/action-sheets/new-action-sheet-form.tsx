import { useId, useRef, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { createActionSheet, nextActionSheetNumber } from '@shared/qualitative/action-sheet-operations';
import { validateTitle } from '@shared/qualitative/qualitative-validation';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { NewRecordForm } from '../diagnostic-links/new-record-form';
import { TextField } from '../diagnostic-links/text-field';
import { refusalMessage } from '../diagnostic-links/operation-error';

/** Starts a fiche action from its title; the fiche then opens to be filled in. */
export function NewActionSheetForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (id: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

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
    <NewRecordForm title="Nouvelle fiche action" submitLabel="Nouvelle fiche action" readOnly={readOnly} onSubmit={submit}>
      <TextField
        id={`${id}-name`}
        label="Titre de la fiche action"
        hint={`Elle recevra le n° ${nextActionSheetNumber(doc)}, modifiable ensuite.`}
        required
        fieldRef={titleRef}
        disabled={readOnly}
        value={title}
        error={error ?? undefined}
        onChange={(next) => {
          setTitle(next);
          setError(null);
        }}
      />
    </NewRecordForm>
  );
}
