import { useId, useState } from 'react';
import { attempt } from './operation-error';

export interface ChecklistOption {
  id: string;
  label: string;
  /** A second line: the theme, the source, the date… */
  detail?: string;
}

interface RecordChecklistProps {
  legend: string;
  options: readonly ChecklistOption[];
  selected: readonly string[];
  readOnly: boolean;
  onToggle: (id: string, linked: boolean) => void;
  /** Said when there is nothing to link to yet. */
  empty: string;
}

/** Checkboxes linking a record to others (the observations grounding an enjeu, the enjeux of a fiche). */
export function RecordChecklist({ legend, options, selected, readOnly, onToggle, empty }: RecordChecklistProps) {
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <fieldset className="field link-checklist" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="link-checklist__options">
          {options.map((option) => (
            <li key={option.id}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={selected.includes(option.id)}
                  onChange={(event) => {
                    const linked = event.target.checked;
                    setError(attempt(() => onToggle(option.id, linked)));
                  }}
                />
                <span>
                  {option.label}
                  {option.detail && <span className="link-checklist__detail"> — {option.detail}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
