import { useId, useRef, useState, type FormEvent } from 'react';
import { CONTACT_CATEGORIES, contactDisplayName, type ContactCategory } from '@shared/directory/contact-model';
import { validateContactInput } from '@shared/directory/contact-validation';
import type { TerritoryCommune } from '@shared/model/mission';
import type { ParticipantContactInput } from '@shared/meetings/participant-contact';
import { refusalMessage } from '../diagnostic-links/operation-error';
import { TextField } from '../diagnostic-links/text-field';
import { SelectField } from '../directory/select-field';
import { CommuneInput } from './commune-input';

interface Values {
  lastName: string;
  firstName: string;
  organisationName: string;
  category: ContactCategory;
  communeCode: string | null;
  communeName: string;
}

interface ParticipantContactFormProps {
  title: string;
  /** The level of the form's heading in the page's outline. */
  headingLevel: 2 | 3 | 4;
  submitLabel: string;
  hint: string;
  defaultCategory: ContactCategory;
  communes: readonly TerritoryCommune[];
  disabled: boolean;
  /** Creates the contact; throws the operation's refusal. */
  onCreate: (input: ParticipantContactInput) => void;
}

/** The name of the person just typed, for the message that confirms their creation. */
export function typedName(input: ParticipantContactInput): string {
  return contactDisplayName({ civility: null, firstName: input.firstName ?? '', lastName: input.lastName ?? '' });
}

/**
 * A person typed in a few seconds: name, first name, organisation, category, commune. Enter adds
 * them; the form empties itself and is ready for the next person.
 */
export function ParticipantContactForm({ title, headingLevel, submitLabel, hint, defaultCategory, communes, disabled, onCreate }: ParticipantContactFormProps) {
  const id = useId();
  const empty: Values = { lastName: '', firstName: '', organisationName: '', category: defaultCategory, communeCode: null, communeName: '' };
  const [values, setValues] = useState<Values>(empty);
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const lastNameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const Heading = `h${headingLevel}` as const;

  function change(patch: Partial<Values>) {
    setValues((previous) => ({ ...previous, ...patch }));
    if (nameError && (patch.lastName !== undefined || patch.firstName !== undefined)) setNameError(null);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = validateContactInput(values, true);
    if (errors.name) {
      setNameError(errors.name);
      lastNameRef.current?.focus();
      return;
    }
    try {
      onCreate(values);
      setValues(empty);
      setFailure(null);
      lastNameRef.current?.focus();
    } catch (error) {
      setFailure(refusalMessage(error));
    }
  }

  return (
    <form autoComplete="off" className="form participant-contact-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <Heading id={`${id}-title`}>{title}</Heading>
      <p className="hint">{hint}</p>
      <div className="field-row">
        <TextField
          id={`${id}-last-name`}
          label="Nom"
          fieldRef={lastNameRef}
          disabled={disabled}
          value={values.lastName}
          error={nameError}
          onChange={(lastName) => change({ lastName })}
        />
        <TextField id={`${id}-first-name`} label="Prénom" disabled={disabled} value={values.firstName} onChange={(firstName) => change({ firstName })} />
      </div>
      <div className="field-row">
        <TextField
          id={`${id}-organisation`}
          label="Organisation (facultatif)"
          disabled={disabled}
          value={values.organisationName}
          onChange={(organisationName) => change({ organisationName })}
        />
        <SelectField id={`${id}-category`} label="Catégorie" options={CONTACT_CATEGORIES} disabled={disabled} value={values.category} onChange={(category) => change({ category })} />
        <CommuneInput id={`${id}-commune`} label="Commune" communes={communes} disabled={disabled} value={values.communeName} onChange={change} />
      </div>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={disabled}>
        {submitLabel}
      </button>
    </form>
  );
}
