/**
 * From communes' figures to a territory's: counts add up, rates are recomputed from their numerators
 * and denominators (never averaged), medians are never combined. Secret and missing figures are
 * never read as zero: they make the result partial, and the communes concerned are named.
 */
import type { IndicatorDefinition } from './indicator-definition';
import type { IndicatorValue, ValueOrigin, ValueStatus } from './indicator-value';
import type { IndicatorValueIndex } from './indicator-value-index';
import type { TerritoryKey } from './territory-ref';

export type IndicatorLookup = (code: string) => IndicatorDefinition | undefined;

export type AggregateStatus = 'complete' | 'partial' | 'unavailable' | 'not-aggregable';

export interface AggregateResult {
  status: AggregateStatus;
  value: number | null;
  communesCounted: number;
  /** Codes of the communes left out because a figure they need is under statistical secret. */
  communesSecret: string[];
  /** Codes of the communes left out because a figure they need is not available. */
  communesMissing: string[];
  /** Distinct sources of the figures used, for the caption. */
  sources: string[];
  /** True when a figure used was typed or corrected by the user rather than imported. */
  usesManualValues: boolean;
  /**
   * Year of the weights when a rate given alone is weighted by another year's counts (an APL of
   * 2023 weighted by the 2021 population); null when not a ratio.
   */
  weightYear: number | null;
}

function communeKey(code: string): TerritoryKey {
  return `commune:${code}`;
}

/** Collects what the result says about where its figures come from. */
class Provenance {
  private readonly sourceSet = new Set<string>();
  manual = false;

  add(value: IndicatorValue): void {
    if (value.source !== '') this.sourceSet.add(value.source);
    if (value.origin === 'manual') this.manual = true;
  }

  get sources(): string[] {
    return [...this.sourceSet];
  }
}

function isKnown(value: IndicatorValue | undefined): value is IndicatorValue & { value: number } {
  return value?.status === 'ok' && value.value !== null;
}

/**
 * The year whose denominator weights a rate. A rate given alone (numerator null) may be published
 * for a year without the matching counts: the nearest earlier year of counts is then used, or the
 * nearest later one. A rate with its own numerator always uses the same year for both.
 */
export function weightYearFor(definition: IndicatorDefinition, year: number, index: IndicatorValueIndex): number {
  const { aggregation } = definition;
  if (aggregation.kind !== 'ratio' || aggregation.numerator !== null) return year;
  const years = index.years(aggregation.denominator);
  if (years.length === 0 || years.includes(year)) return year;
  const earlier = years.filter((candidate) => candidate < year);
  return earlier.length > 0 ? Math.max(...earlier) : Math.min(...years);
}

function finish(
  status: AggregateStatus,
  value: number | null,
  counted: number,
  secret: string[],
  missing: string[],
  provenance: Provenance,
  weightYear: number | null,
): AggregateResult {
  return {
    status,
    value,
    communesCounted: counted,
    communesSecret: secret,
    communesMissing: missing,
    sources: provenance.sources,
    usesManualValues: provenance.manual,
    weightYear,
  };
}

function statusOf(counted: number, total: number): AggregateStatus {
  if (counted === 0) return 'unavailable';
  return counted === total ? 'complete' : 'partial';
}

function classify(code: string, values: readonly (IndicatorValue | undefined)[], secret: string[], missing: string[]): void {
  if (values.some((value) => value?.status === 'secret')) secret.push(code);
  else missing.push(code);
}

/** Each commune's own figure for one indicator and year: the known ones, and why the others are not. */
function collectCommuneFigures(code: string, year: number, communeCodes: readonly string[], index: IndicatorValueIndex) {
  const provenance = new Provenance();
  const known: (IndicatorValue & { value: number })[] = [];
  const secret: string[] = [];
  const missing: string[] = [];
  for (const communeCode of communeCodes) {
    const value = index.get(code, year, communeKey(communeCode));
    if (isKnown(value)) {
      known.push(value);
      provenance.add(value);
    } else {
      classify(communeCode, [value], secret, missing);
    }
  }
  return { known, secret, missing, provenance };
}

function aggregateSum(
  definition: IndicatorDefinition,
  year: number,
  communeCodes: readonly string[],
  index: IndicatorValueIndex,
): AggregateResult {
  const { known, secret, missing, provenance } = collectCommuneFigures(definition.code, year, communeCodes, index);
  const status = statusOf(known.length, communeCodes.length);
  const total = known.reduce((sum, value) => sum + value.value, 0);
  return finish(status, status === 'unavailable' ? null : total, known.length, secret, missing, provenance, null);
}

function aggregateRatio(
  definition: IndicatorDefinition,
  aggregation: Extract<IndicatorDefinition['aggregation'], { kind: 'ratio' }>,
  year: number,
  communeCodes: readonly string[],
  index: IndicatorValueIndex,
): AggregateResult {
  const weightYear = weightYearFor(definition, year, index);
  const provenance = new Provenance();
  const secret: string[] = [];
  const missing: string[] = [];
  let numeratorTotal = 0;
  let denominatorTotal = 0;
  let counted = 0;
  for (const code of communeCodes) {
    const key = communeKey(code);
    const denominator = index.get(aggregation.denominator, weightYear, key);
    const numerator = aggregation.numerator === null ? undefined : index.get(aggregation.numerator, year, key);
    const rate = index.get(definition.code, year, key);
    let contribution: number | null = null;
    if (isKnown(denominator)) {
      if (isKnown(numerator)) {
        contribution = numerator.value;
        provenance.add(numerator);
      } else if (isKnown(rate)) {
        // A commune's own rate stands in for its missing numerator.
        contribution = (rate.value * denominator.value) / aggregation.scale;
        provenance.add(rate);
      }
    }
    if (contribution !== null && isKnown(denominator)) {
      numeratorTotal += contribution;
      denominatorTotal += denominator.value;
      counted += 1;
      provenance.add(denominator);
    } else {
      classify(code, [denominator, numerator, rate], secret, missing);
    }
  }
  const status = statusOf(counted, communeCodes.length);
  if (status === 'unavailable' || denominatorTotal === 0) {
    return finish('unavailable', null, counted, secret, missing, provenance, weightYear);
  }
  return finish(status, (numeratorTotal / denominatorTotal) * aggregation.scale, counted, secret, missing, provenance, weightYear);
}

function aggregateNotAggregable(
  definition: IndicatorDefinition,
  year: number,
  communeCodes: readonly string[],
  index: IndicatorValueIndex,
): AggregateResult {
  const { known, secret, missing, provenance } = collectCommuneFigures(definition.code, year, communeCodes, index);
  const single = known[0];
  // A territory of one commune is that commune: its median is the territory's median.
  if (communeCodes.length === 1 && single) {
    return finish('complete', single.value, 1, secret, missing, provenance, null);
  }
  return finish('not-aggregable', null, known.length, secret, missing, provenance, null);
}

/** The value of a group of communes for one indicator and one year. */
export function aggregateForCommunes(
  definition: IndicatorDefinition,
  year: number,
  communeCodes: readonly string[],
  index: IndicatorValueIndex,
  lookup: IndicatorLookup,
): AggregateResult {
  const { aggregation } = definition;
  switch (aggregation.kind) {
    case 'sum':
      return aggregateSum(definition, year, communeCodes, index);
    case 'ratio':
      // A ratio over an unknown denominator cannot be weighted: treat it like a median.
      if (!lookup(aggregation.denominator)) return aggregateNotAggregable(definition, year, communeCodes, index);
      return aggregateRatio(definition, aggregation, year, communeCodes, index);
    case 'not-aggregable':
      return aggregateNotAggregable(definition, year, communeCodes, index);
  }
}

/** One territory's figure: published for it, or computed from its own numerator and denominator. */
export interface ResolvedValue {
  status: ValueStatus;
  value: number | null;
  source: string;
  /** "computed" when the file gave the numerator and denominator but not the rate itself. */
  origin: ValueOrigin | 'computed' | null;
}

const NOT_AVAILABLE: ResolvedValue = { status: 'missing', value: null, source: '', origin: null };

export function resolveTerritoryValue(
  definition: IndicatorDefinition,
  year: number,
  territory: TerritoryKey,
  index: IndicatorValueIndex,
): ResolvedValue {
  const own = index.get(definition.code, year, territory);
  if (isKnown(own)) return { status: 'ok', value: own.value, source: own.source, origin: own.origin };
  const { aggregation } = definition;
  if (aggregation.kind === 'ratio' && aggregation.numerator !== null) {
    const numerator = index.get(aggregation.numerator, year, territory);
    const denominator = index.get(aggregation.denominator, year, territory);
    if (isKnown(numerator) && isKnown(denominator) && denominator.value !== 0) {
      const sources = [...new Set([numerator.source, denominator.source].filter((source) => source !== ''))];
      return {
        status: 'ok',
        value: (numerator.value / denominator.value) * aggregation.scale,
        source: sources.join(' ; '),
        origin: 'computed',
      };
    }
    if (!own) {
      const secret = [numerator, denominator].find((value) => value?.status === 'secret');
      if (secret) return { status: 'secret', value: null, source: secret.source, origin: secret.origin };
    }
  }
  return own ? { status: own.status, value: null, source: own.source, origin: own.origin } : NOT_AVAILABLE;
}

/**
 * Years for which the indicator can be shown: those with a figure of its own, plus, for a rate with
 * a numerator, those where both its numerator and denominator exist.
 */
export function indicatorYears(definition: IndicatorDefinition, index: IndicatorValueIndex): number[] {
  const years = new Set(index.years(definition.code));
  const { aggregation } = definition;
  if (aggregation.kind === 'ratio' && aggregation.numerator !== null) {
    const denominatorYears = new Set(index.years(aggregation.denominator));
    for (const year of index.years(aggregation.numerator)) if (denominatorYears.has(year)) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}
