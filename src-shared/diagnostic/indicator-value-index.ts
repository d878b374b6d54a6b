/** Fast lookups over a mission's indicator values, rebuilt only when the values change. */
import type * as Y from 'yjs';
import { diagnosticValuesMap } from '../documents/diagnostic-structure';
import type { IndicatorValue, StoredIndicatorValue, ValueOrigin, ValueStatus } from './indicator-value';
import { parseTerritoryKey, type TerritoryKey } from './territory-ref';

export interface IndicatorValueIndex {
  get(indicator: string, year: number, territory: TerritoryKey): IndicatorValue | undefined;
  /** Years with at least one value of the indicator, ascending. */
  years(indicator: string): readonly number[];
  /** Indicator codes with at least one value. */
  indicators(): readonly string[];
  /** Every value, in no particular order. */
  values(): Iterable<IndicatorValue>;
  readonly size: number;
}

const STATUSES: readonly ValueStatus[] = ['ok', 'secret', 'missing'];
const ORIGINS: readonly ValueOrigin[] = ['import', 'manual'];

/** Reads a value written by any replica; a malformed one (half-synced, foreign) is null. */
export function parseStoredIndicatorValue(raw: unknown): StoredIndicatorValue | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const { status, value, source, origin, importId, updatedAt } = record;
  if (!STATUSES.includes(status as ValueStatus) || !ORIGINS.includes(origin as ValueOrigin)) return null;
  if (status === 'ok' ? typeof value !== 'number' || !Number.isFinite(value) : value !== null) return null;
  if (typeof source !== 'string' || typeof updatedAt !== 'number') return null;
  return {
    status: status as ValueStatus,
    value: value as number | null,
    source,
    origin: origin as ValueOrigin,
    ...(typeof importId === 'string' ? { importId } : {}),
    updatedAt,
  };
}

/** "POP|2021|commune:01001" → its three parts; null when the key is not one of ours. */
export function parseValueKey(key: string): { indicator: string; year: number; territory: TerritoryKey } | null {
  const parts = key.split('|');
  if (parts.length !== 3) return null;
  const [indicator = '', yearText = '', territoryText = ''] = parts;
  const year = Number(yearText);
  const territory = parseTerritoryKey(territoryText);
  if (indicator === '' || !Number.isInteger(year) || !territory) return null;
  return { indicator, year, territory: `${territory.level}:${territory.code}` };
}

export function createIndicatorValueIndex(values: Iterable<IndicatorValue>): IndicatorValueIndex {
  // indicator → year → territory → value: the table reads one (indicator, year) slice at a time.
  const byIndicator = new Map<string, Map<number, Map<TerritoryKey, IndicatorValue>>>();
  const sortedYears = new Map<string, readonly number[]>();
  let size = 0;
  for (const value of values) {
    let byYear = byIndicator.get(value.indicator);
    if (!byYear) {
      byYear = new Map();
      byIndicator.set(value.indicator, byYear);
    }
    let byTerritory = byYear.get(value.year);
    if (!byTerritory) {
      byTerritory = new Map();
      byYear.set(value.year, byTerritory);
    }
    if (!byTerritory.has(value.territory)) size += 1;
    byTerritory.set(value.territory, value);
  }
  for (const [indicator, byYear] of byIndicator) sortedYears.set(indicator, [...byYear.keys()].sort((a, b) => a - b));
  const indicators = [...byIndicator.keys()].sort();
  return {
    get: (indicator, year, territory) => byIndicator.get(indicator)?.get(year)?.get(territory),
    years: (indicator) => sortedYears.get(indicator) ?? [],
    indicators: () => indicators,
    *values() {
      for (const byYear of byIndicator.values()) for (const byTerritory of byYear.values()) yield* byTerritory.values();
    },
    size,
  };
}

function readAllValues(map: Y.Map<unknown>): IndicatorValue[] {
  const values: IndicatorValue[] = [];
  for (const [key, raw] of map.entries()) {
    const parts = parseValueKey(key);
    const stored = parts ? parseStoredIndicatorValue(raw) : null;
    if (parts && stored) values.push({ ...stored, ...parts });
  }
  return values;
}

const cachedIndexes = new WeakMap<Y.Map<unknown>, IndicatorValueIndex>();
const observedMaps = new WeakSet<Y.Map<unknown>>();

/**
 * The mission's values, indexed. Built once per change of the values: every view of the diagnostic
 * reads it many times between two edits.
 */
export function readIndicatorValues(doc: Y.Doc): IndicatorValueIndex {
  const map = diagnosticValuesMap(doc);
  // Inside a transaction the observer has not run yet: the cache may predate writes just made.
  if (doc._transaction !== null) return createIndicatorValueIndex(readAllValues(map));
  const cached = cachedIndexes.get(map);
  if (cached) return cached;
  if (!observedMaps.has(map)) {
    observedMaps.add(map);
    map.observe(() => cachedIndexes.delete(map));
  }
  const index = createIndicatorValueIndex(readAllValues(map));
  cachedIndexes.set(map, index);
  return index;
}
