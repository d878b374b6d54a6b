import { useState, type FormEvent, type ReactNode } from 'react';
import { attempt } from './operation-error';

interface InlineAddOptions<Values> {
  empty: Values;
  /** The validator's messages joined in one sentence, or null when the values can be added. */
  validate: (values: Values) => string | null;
  /** The operation; its refusal is shown like a validator's message. */
  add: (values: Values) => void;
}

/** The state of a small form adding one entry to a list: it empties itself once the entry is added. */
export function useInlineAdd<Values>({ empty, validate, add }: InlineAddOptions<Values>) {
  const [values, setValues] = useState<Values>(empty);
  const [error, setError] = useState<string | null>(null);

  function change<K extends keyof Values>(field: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [field]: value }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const refusal = validate(values) || attempt(() => add(values));
    setError(refusal || null);
    if (!refusal) setValues(empty);
  }

  return { values, error, change, submit };
}

interface InlineAddFormProps {
  /** Names the form when no visible heading does ("Ajout d’une étape"). */
  label?: string;
  submitLabel: string;
  /** A refusal not shown under one field, announced as an alert. */
  alert?: string | null;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}

/** The small form under a list (steps, quotes, an AFOM quadrant…) that adds one entry at its end. */
export function InlineAddForm({ label, submitLabel, alert, onSubmit, children }: InlineAddFormProps) {
  return (
    <form autoComplete="off" className="inline-add" onSubmit={onSubmit} noValidate aria-label={label}>
      {children}
      {alert && (
        <p className="field-error" role="alert">
          {alert}
        </p>
      )}
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </form>
  );
}
