import { useId, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import type { FieldErrors } from '@shared/qualitative/qualitative-validation';
import { QUALITATIVE_THEMES } from '@shared/qualitative/qualitative-vocabulary';
import { refusalMessage } from './operation-error';

interface NewRecordFormOptions<Input, Created> {
  empty: Input;
  validate: (input: Input) => FieldErrors<Input>;
  /** The operation; its refusal (a colleague's concurrent change, a read-only mission) is shown under the form. */
  create: (input: Input) => Created;
  onCreated: (created: Created, input: Input) => void;
  /** Focused after each addition, ready for the next record, and by default on a refused input. */
  firstField: RefObject<HTMLElement | null>;
  /** Where the focus goes on a refused input, when it is not the first field. */
  focusRefused?: (errors: FieldErrors<Input>) => void;
}

/**
 * The state of a "new record" form: values typed so far, the validator's messages per field, and the
 * operation's refusal. The form empties itself once the record is added.
 */
export function useNewRecordForm<Input, Created>({ empty, validate, create, onCreated, firstField, focusRefused }: NewRecordFormOptions<Input, Created>) {
  const [values, setValues] = useState<Input>(empty);
  const [errors, setErrors] = useState<FieldErrors<Input>>({});
  const [failure, setFailure] = useState<string | null>(null);

  function change<K extends keyof Input>(field: K, value: Input[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      if (focusRefused) focusRefused(found);
      else firstField.current?.focus();
      return;
    }
    try {
      const created = create(values);
      onCreated(created, values);
      setValues(empty);
      setFailure(null);
      firstField.current?.focus();
    } catch (error) {
      setFailure(refusalMessage(error));
    }
  }

  return { values, errors, failure, change, submit };
}

interface NewRecordFormProps {
  title: string;
  submitLabel: string;
  readOnly: boolean;
  /** The operation's refusal, announced as an alert. */
  failure?: string | null;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/**
 * The frame of every "new record" form: a titled form and its submit button. Autocomplete is off
 * because these forms hold other people's data, which the browser must not keep in its form history.
 */
export function NewRecordForm({ title, submitLabel, readOnly, failure, onSubmit, children }: NewRecordFormProps) {
  const id = useId();
  return (
    <form autoComplete="off" className="form qualitative-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={readOnly}>
        {submitLabel}
      </button>
    </form>
  );
}

/** The theme of a new observation or enjeu; "Sans thématique" leaves it unset. */
export function ThemeSelect({ id, value, disabled, onChange }: { id: string; value: string | null; disabled: boolean; onChange: (theme: string | null) => void }) {
  return (
    <div className="field">
      <label htmlFor={id}>Thématique</label>
      <select id={id} disabled={disabled} value={value ?? ''} onChange={(event) => onChange(event.target.value || null)}>
        <option value="">Sans thématique</option>
        {QUALITATIVE_THEMES.map((theme) => (
          <option key={theme.id} value={theme.id}>
            {theme.label}
          </option>
        ))}
      </select>
    </div>
  );
}
