export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every sample in run order, so a reader can spot a drift or an outlier. */
  runs: number[];
}

/** Benchmarks report tenths of a millisecond: finer digits are noise on a shared machine. */
export function roundMs(value: number): number {
  return Math.round(value * 10) / 10;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('Aucune mesure : la médiane est indéfinie.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: roundMs(median(values)),
    min: roundMs(Math.min(...values)),
    max: roundMs(Math.max(...values)),
    runs: values.map(roundMs),
  };
}

/** Ours over the baseline's median, to two decimals; null when either is missing. */
export function ratio(ours: Summary | null, baseline: Summary | null): number | null {
  return ours && baseline && baseline.median > 0 ? Math.round((ours.median / baseline.median) * 100) / 100 : null;
}

/** Null when a run had nothing to measure (no paint reported, for one): a partial median would mislead. */
export function summarizeAll(values: readonly (number | null)[]): Summary | null {
  return values.every((value): value is number => value !== null) ? summarize(values) : null;
}
