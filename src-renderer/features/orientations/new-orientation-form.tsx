import { useId, useRef } from 'react';
import type * as Y from 'yjs';
import { createOrientation, validateOrientation, type OrientationInput } from '@shared/qualitative/orientation-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { NewRecordForm, useNewRecordForm } from '../diagnostic-links/new-record-form';
import { TextField } from '../diagnostic-links/text-field';

const EMPTY: OrientationInput = { title: '', description: '' };

/** Names a new strategic orientation; the enjeux it groups are chosen on its page. */
export function NewOrientationForm({ doc, readOnly, onCreated }: { doc: Y.Doc; readOnly: boolean; onCreated: (title: string) => void }) {
  const id = useId();
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const { values, errors, failure, change, submit } = useNewRecordForm({
    empty: EMPTY,
    validate: validateOrientation,
    create: (input) => createOrientation(doc, input, LOCAL_ORIGIN),
    onCreated: (_, input) => onCreated(input.title.trim()),
    firstField: titleRef,
  });

  return (
    <NewRecordForm title="Nouvelle orientation" submitLabel="Ajouter une orientation" readOnly={readOnly} failure={failure} onSubmit={submit}>
      <TextField
        id={`${id}-name`}
        label="Titre de l’orientation"
        required
        fieldRef={titleRef}
        disabled={readOnly}
        value={values.title}
        error={errors.title}
        onChange={(title) => change('title', title)}
      />
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
