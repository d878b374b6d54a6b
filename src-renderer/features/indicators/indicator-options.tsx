import { INDICATOR_THEMES, type IndicatorDefinition } from '@shared/diagnostic/indicator-definition';

/** The `<option>`s of an indicator list, grouped by theme in the catalogue's order. */
export function IndicatorOptions({ definitions }: { definitions: readonly IndicatorDefinition[] }) {
  return INDICATOR_THEMES.map((theme) => (
    <optgroup key={theme.id} label={theme.label}>
      {definitions
        .filter((definition) => definition.theme === theme.id)
        .map((definition) => (
          <option key={definition.code} value={definition.code}>
            {definition.label}
          </option>
        ))}
    </optgroup>
  ));
}
