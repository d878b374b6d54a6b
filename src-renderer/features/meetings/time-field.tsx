interface TimeFieldProps {
  id: string;
  label: string;
  /** 'HH:MM', or '' when not set. */
  value: string;
  disabled?: boolean;
  readOnly?: boolean;
  error?: string | null;
  onChange: (value: string) => void;
}

/** A time of day, typed or picked; the browser gives it back as HH:MM. */
export function TimeField({ id, label, value, disabled, readOnly, error, onChange }: TimeFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="time"
        disabled={disabled}
        readOnly={readOnly}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
