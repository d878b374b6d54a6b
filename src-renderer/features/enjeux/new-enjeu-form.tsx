import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { createEnjeu, validateEnjeu, type EnjeuInput } from '@shared/qualitative/enjeu-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { NewRecordForm, ThemeSelect, useNewRecordForm } from '../diagnostic-links/new-record-form';
import { TextField } from '../diagnostic-links/text-field';

const EMPTY: EnjeuInput = { title: '', description: '', theme: null };

/** Names a new enjeu; it joins the list with the lowest priority, and the title field is ready for the next. */
export function NewEnjeuForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (title: string) => void }) {
  const id = useId();
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { values, errors, failure, change, submit } = useNewRecordForm({
    empty: EMPTY,
    validate: validateEnjeu,
    create: (input) => createEnjeu(doc, input, LOCAL_ORIGIN),
    onCreated: (_, input) => onCreated(input.title.trim()),
    firstField: titleRef,
  });

  return (
    <NewRecordForm title="Nouvel enjeu" submitLabel="Ajouter un enjeu" readOnly={readOnly} failure={failure} onSubmit={submit}>
      <div className="field-row">
        <TextField
          id={`${id}-name`}
          label="Titre de l’enjeu"
          required
          fieldRef={titleRef}
          disabled={readOnly}
          value={values.title}
          error={errors.title}
          onChange={(title) => change('title', title)}
        />
        <ThemeSelect id={`${id}-theme`} disabled={readOnly} value={values.theme} onChange={(theme) => change('theme', theme)} />
      </div>
      <TextField
        id={`${id}-description`}
        label="Description (facultative)"
        rows={2}
        disabled={readOnly}
        value={values.description}
        onChange={(description) => change('description', description)}
      />
    </NewRecordForm>
  );
}
