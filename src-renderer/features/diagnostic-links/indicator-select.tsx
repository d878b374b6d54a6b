import { INDICATOR_THEMES, type IndicatorDefinition } from '@shared/diagnostic/indicator-definition';

interface IndicatorSelectProps {
  id: string;
  value: string | null;
  definitions: readonly IndicatorDefinition[];
  disabled: boolean;
  onChange: (code: string | null) => void;
  /** Offered first, for "no indicator". */
  noneLabel: string;
  describedBy?: string;
}

/** One indicator among the catalogue's (grouped by theme) and the mission's own. */
export function IndicatorSelect({ id, value, definitions, disabled, onChange, noneLabel, describedBy }: IndicatorSelectProps) {
  const custom = definitions.filter((definition) => definition.custom);
  const unknown = value !== null && !definitions.some((definition) => definition.code === value);
  return (
    <select id={id} disabled={disabled} value={value ?? ''} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value || null)}>
      <option value="">{noneLabel}</option>
      {unknown && <option value={value}>{`${value} (indicateur introuvable)`}</option>}
      {INDICATOR_THEMES.map((theme) => {
        const inTheme = definitions.filter((definition) => !definition.custom && definition.theme === theme.id);
        return inTheme.length === 0 ? null : (
          <optgroup key={theme.id} label={theme.label}>
            {inTheme.map((definition) => (
              <option key={definition.code} value={definition.code}>
                {definition.label}
              </option>
            ))}
          </optgroup>
        );
      })}
      {custom.length > 0 && (
        <optgroup label="Indicateurs de la mission">
          {custom.map((definition) => (
            <option key={definition.code} value={definition.code}>
              {definition.label}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
