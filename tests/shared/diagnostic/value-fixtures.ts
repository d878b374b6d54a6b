import type { IndicatorValue, ValueOrigin } from '@shared/diagnostic/indicator-value';
import { createIndicatorValueIndex, type IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';
import type { TerritoryKey } from '@shared/diagnostic/territory-ref';

export const IMPORTED_AT = Date.UTC(2024, 5, 12, 10, 0);

/** One figure: a number, or the word a file writes for a secret or missing cell. */
export function figure(
  indicator: string,
  year: number,
  territory: TerritoryKey,
  value: number | 'secret' | 'missing',
  source = 'INSEE, RP 2021',
  origin: ValueOrigin = 'import',
): IndicatorValue {
  const known = typeof value === 'number';
  return {
    indicator,
    year,
    territory,
    status: known ? 'ok' : value,
    value: known ? value : null,
    source,
    origin,
    updatedAt: IMPORTED_AT,
  };
}

export function indexOf(...values: IndicatorValue[]): IndicatorValueIndex {
  return createIndicatorValueIndex(values);
}

export function communeKey(code: string): TerritoryKey {
  return `commune:${code}`;
}
