/** User-defined indicators of a mission, as stored in `DIAGNOSTIC_ROOT.customIndicators`. */
import * as Y from 'yjs';
import { DIAGNOSTIC_ROOT, diagnosticCollection } from '../documents/diagnostic-structure';
import {
  defaultDecimals,
  isIndicatorThemeId,
  isIndicatorUnit,
  type IndicatorAggregation,
  type IndicatorDefinition,
} from './indicator-definition';

/** Synced field names of a custom indicator record: never rename or reuse one. */
export const CUSTOM_INDICATOR_FIELD = {
  code: 'code',
  label: 'label',
  theme: 'theme',
  unit: 'unit',
  definition: 'definition',
  source: 'source',
  /** A plain object shaped like IndicatorAggregation. */
  aggregation: 'aggregation',
  decimals: 'decimals',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
} as const;

export function customIndicatorsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return diagnosticCollection(doc, DIAGNOSTIC_ROOT.customIndicators);
}

/** Reads an aggregation written by any replica; anything malformed is null. */
export function parseAggregation(value: unknown): IndicatorAggregation | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  switch (record.kind) {
    case 'sum':
      return { kind: 'sum' };
    case 'not-aggregable':
      return { kind: 'not-aggregable' };
    case 'ratio': {
      const { numerator, denominator, scale } = record;
      if (numerator !== null && typeof numerator !== 'string') return null;
      if (typeof denominator !== 'string' || typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) return null;
      return { kind: 'ratio', numerator, denominator, scale };
    }
    default:
      return null;
  }
}

function readCustomIndicator(code: string, record: Y.Map<unknown>): IndicatorDefinition | null {
  const label = record.get(CUSTOM_INDICATOR_FIELD.label);
  const theme = record.get(CUSTOM_INDICATOR_FIELD.theme);
  const unit = record.get(CUSTOM_INDICATOR_FIELD.unit);
  const aggregation = parseAggregation(record.get(CUSTOM_INDICATOR_FIELD.aggregation));
  if (typeof label !== 'string' || !isIndicatorThemeId(theme) || !isIndicatorUnit(unit) || !aggregation) return null;
  const definition = record.get(CUSTOM_INDICATOR_FIELD.definition);
  const source = record.get(CUSTOM_INDICATOR_FIELD.source);
  const decimals = record.get(CUSTOM_INDICATOR_FIELD.decimals);
  return {
    code,
    label,
    theme,
    unit,
    definition: typeof definition === 'string' ? definition : '',
    source: typeof source === 'string' ? source : '',
    aggregation,
    decimals: typeof decimals === 'number' && Number.isInteger(decimals) && decimals >= 0 ? decimals : defaultDecimals(unit),
    custom: true,
  };
}

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The mission's own indicators, sorted by label. Half-synced records are left out. */
export function readCustomIndicators(doc: Y.Doc): IndicatorDefinition[] {
  const definitions: IndicatorDefinition[] = [];
  for (const [code, record] of customIndicatorsMap(doc).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const definition = readCustomIndicator(code, record);
    if (definition) definitions.push(definition);
  }
  return definitions.sort((a, b) => frenchCollator.compare(a.label, b.label) || a.code.localeCompare(b.code));
}
