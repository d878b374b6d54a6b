import type { TerritoryKey } from './territory-ref';

/**
 * Whether a figure is known. Statistical secret and "not available" stay distinct (the user must be
 * able to say "secret" in a report) and neither is ever read as zero.
 */
export type ValueStatus = 'ok' | 'secret' | 'missing';

/** How a value reached the mission: from a file, or typed (or corrected) by the user. */
export type ValueOrigin = 'import' | 'manual';

/** One figure as stored in the mission document, under `valueKey(indicator, year, territory)`. */
export interface StoredIndicatorValue {
  status: ValueStatus;
  /** Null unless status is "ok". */
  value: number | null;
  /** Where the figure comes from, as the user reads it in captions: "INSEE, Filosofi 2021". */
  source: string;
  origin: ValueOrigin;
  /** Import id when origin is "import". */
  importId?: string;
  updatedAt: number;
}

export interface IndicatorValue extends StoredIndicatorValue {
  indicator: string;
  year: number;
  territory: TerritoryKey;
}

export function valueKey(indicator: string, year: number, territory: TerritoryKey): string {
  return `${indicator}|${year}|${territory}`;
}
