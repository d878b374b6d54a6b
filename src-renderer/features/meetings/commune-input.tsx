import { useId } from 'react';
import type { TerritoryCommune } from '@shared/model/mission';
import { normalizeForSearch } from '@shared/text/normalize-search';

export interface CommuneValue {
  communeCode: string | null;
  communeName: string;
}

/** The INSEE code of a commune of the mission's territory written that way, or null for any other place. */
export function communeValue(name: string, communes: readonly TerritoryCommune[]): CommuneValue {
  const key = normalizeForSearch(name);
  const commune = key === '' ? undefined : communes.find((candidate) => normalizeForSearch(candidate.name) === key);
  return { communeCode: commune?.code ?? null, communeName: name };
}

interface CommuneInputProps {
  id: string;
  label: string;
  value: string;
  /** The mission's communes, proposed as the user types; any other name is accepted as written. */
  communes: readonly TerritoryCommune[];
  disabled?: boolean;
  error?: string | null;
  onChange: (value: CommuneValue) => void;
}

/** A commune typed freely, with the communes of the mission's territory proposed. */
export function CommuneInput({ id, label, value, communes, disabled, error, onChange }: CommuneInputProps) {
  const listId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        list={listId}
        autoComplete="off"
        disabled={disabled}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(communeValue(event.target.value, communes))}
      />
      <datalist id={listId}>
        {communes.map((commune) => (
          <option key={commune.code} value={commune.name} />
        ))}
      </datalist>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
