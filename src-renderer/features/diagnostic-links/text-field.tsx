import type { ReactNode, Ref } from 'react';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  disabled?: boolean;
  readOnly?: boolean;
  onChange: (value: string) => void;
  /** The validator's message, tied to the field for screen readers. */
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  type?: 'text' | 'date';
  /** A textarea of that many rows; a one-line input otherwise. */
  rows?: number;
  inputMode?: 'numeric' | 'decimal';
  fieldRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/**
 * A labelled text, date or multi-line field with its hint and its error message, both tied to it
 * for screen readers. It only shows and reports: the caller decides when the value is saved.
 */
export function TextField({ id, label, value, disabled, readOnly, onChange, error, hint, required, type = 'text', rows, inputMode, fieldRef }: TextFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    ref: fieldRef,
    id,
    required,
    'aria-required': required ? ('true' as const) : undefined,
    disabled,
    readOnly,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {rows === undefined ? <input {...common} type={type} inputMode={inputMode} /> : <textarea {...common} rows={rows} />}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
