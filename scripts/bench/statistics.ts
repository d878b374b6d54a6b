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
