import { useId, useState, type ReactNode } from 'react';
import { parseAmount, validateAmount } from '@shared/qualitative/qualitative-validation';
import { attempt } from './operation-error';
import { TextField } from './text-field';

function FieldError({ id, message }: { id: string; message: string | null }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

interface SavedTextFieldProps {
  label: string;
  /** The value as saved in the document. */
  value: string;
  readOnly: boolean;
  /** Writes the value; throws the operation's refusal when it is not acceptable. */
  onSave: (value: string) => void;
  /** Checks run before writing, so an invalid value stays on screen as a draft with its message. */
  validate?: (value: string) => string | null;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'date';
  required?: boolean;
  hint?: ReactNode;
  inputMode?: 'numeric' | 'decimal';
}

/**
 * A field that saves as the user types, like the mission's own fields. A value that cannot be
 * saved (empty title, impossible date, number already taken) stays as a draft with the reason;
 * the saved value is untouched until the user types a valid one.
 */
export function SavedTextField({ label, value, readOnly, onSave, validate, multiline, rows = 4, type = 'text', required, hint, inputMode }: SavedTextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function change(next: string) {
    if (readOnly) return;
    const refusal = validate?.(next) ?? attempt(() => onSave(next));
    setDraft(refusal ? next : null);
    setError(refusal);
  }

  return (
    <TextField
      id={id}
      label={label}
      value={draft ?? value}
      readOnly={readOnly}
      required={required}
      type={type}
      rows={multiline ? rows : undefined}
      inputMode={inputMode}
      hint={hint}
      error={error}
      onChange={change}
    />
  );
}

interface SavedSelectProps<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly { id: T; label: string }[];
  readOnly: boolean;
  onSave: (value: T) => void;
  /** Offered first, for "none" (an empty value). */
  emptyLabel?: string;
}

export function SavedSelect<T extends string>({ label, value, options, readOnly, onSave, emptyLabel }: SavedSelectProps<T>) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        disabled={readOnly}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setError(attempt(() => onSave(event.target.value as T)))}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

const wholeAmountFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const centsAmountFormat = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "42 500" or "42 500,50", as French users write amounts. */
function formatAmountForInput(amount: number | null): string {
  if (amount === null) return '';
  return Number.isInteger(amount) ? wholeAmountFormat.format(amount) : centsAmountFormat.format(amount);
}

interface SavedAmountFieldProps {
  label: string;
  value: number | null;
  readOnly: boolean;
  /** How a refusal names the amount ("Le budget doit être un nombre."). */
  subject: 'budget' | 'montant';
  onSave: (amount: number | null) => void;
}

/**
 * An amount in euros. While the user types, the field shows exactly what they typed (a formatted
 * echo would move the caret); it shows the saved amount formatted when they leave it.
 */
export function SavedAmountField({ label, value, readOnly, subject, onSave }: SavedAmountFieldProps) {
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <div onFocus={() => setTyping(formatAmountForInput(value))} onBlur={() => setTyping(null)}>
      <SavedTextField
        label={label}
        value={typing ?? formatAmountForInput(value)}
        readOnly={readOnly}
        inputMode="decimal"
        hint="En euros, par exemple 12 500 ou 12 500,50."
        validate={(input) => validateAmount(parseAmount(input), subject)}
        onSave={(input) => {
          setTyping(input);
          onSave(parseAmount(input));
        }}
      />
    </div>
  );
}
