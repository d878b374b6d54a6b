interface SelectFieldProps<T extends string> {
  id: string;
  label: string;
  value: T;
  options: readonly { id: Exclude<T, ''>; label: string }[];
  /** A first option with the empty value: "Toutes" for a filter, "Non précisée" for an optional field. */
  emptyLabel?: string;
  disabled?: boolean;
  onChange: (value: T) => void;
}

/** A labelled drop-down list of a vocabulary (category, civility, legal basis…). */
export function SelectField<T extends string>({ id, label, value, options, emptyLabel, disabled, onChange }: SelectFieldProps<T>) {
  // The options hold the vocabulary's ids, and the empty value only when emptyLabel offers it.
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value as T)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
