/**
 * The view model of the quantitative diagnostic: one row per indicator with figures, the mission's
 * figure computed from its communes, then each commune and each comparison territory. Shared by the
 * screen and the Word/Excel exports so that a figure reads the same everywhere.
 */
import {
  aggregateForCommunes,
  indicatorYears,
  resolveTerritoryValue,
  type AggregateResult,
  type IndicatorLookup,
} from './aggregation';
import type { DiagnosticTerritory } from './comparison-territories';
import { findIndicator } from './indicator-catalogue';
import { formatIndicatorValue, INDICATOR_THEMES, type IndicatorDefinition, type IndicatorThemeId } from './indicator-definition';
import type { ValueOrigin } from './indicator-value';
import type { IndicatorValueIndex } from './indicator-value-index';
import type { TerritoryKey } from './territory-ref';

export type CellStatus = 'ok' | 'secret' | 'missing' | 'partial' | 'not-aggregable';

export interface IndicatorCell {
  status: CellStatus;
  value: number | null;
  /** French text with its unit; never "0" for an unknown figure. */
  formatted: string;
  source: string;
  origin: ValueOrigin | 'computed' | null;
}

export interface MissionCell extends IndicatorCell {
  aggregate: AggregateResult;
  /** Set when the figure is the one published for an EPCI that covers exactly the mission's communes. */
  publishedBy: TerritoryKey | null;
  /** Plain-French caveat to show beside the figure ("partiel : …"), or "". */
  note: string;
}

export interface TerritoryCell {
  key: TerritoryKey;
  name: string;
  cell: IndicatorCell;
}

export interface IndicatorRow {
  definition: IndicatorDefinition;
  /** Years with figures, ascending. */
  years: number[];
  year: number;
  mission: MissionCell;
  communes: TerritoryCell[];
  comparisons: TerritoryCell[];
}

export interface IndicatorThemeGroup {
  theme: IndicatorThemeId;
  label: string;
  rows: IndicatorRow[];
}

export const SECRET_TEXT = 'secret stat.';
export const MISSING_TEXT = 'n.d.';
export const NOT_AGGREGABLE_TEXT = 'non agrégeable';

interface TableContext {
  index: IndicatorValueIndex;
  lookup: IndicatorLookup;
  communes: readonly DiagnosticTerritory[];
  communeCodes: readonly string[];
  comparisons: readonly DiagnosticTerritory[];
  names: ReadonlyMap<string, string>;
  published: DiagnosticTerritory | undefined;
}

function createContext(
  definitions: readonly IndicatorDefinition[],
  index: IndicatorValueIndex,
  territories: readonly DiagnosticTerritory[],
): TableContext {
  const byCode = new Map(definitions.map((definition) => [definition.code, definition]));
  const communes = territories.filter((territory) => territory.role === 'commune');
  return {
    index,
    lookup: (code) => byCode.get(code) ?? findIndicator(code),
    communes,
    communeCodes: communes.map((commune) => commune.ref.code),
    comparisons: territories.filter((territory) => territory.role === 'comparison'),
    names: new Map(communes.map((commune) => [commune.ref.code, commune.name])),
    published: territories.find((territory) => territory.sameAsMission),
  };
}

function territoryCell(definition: IndicatorDefinition, year: number, key: TerritoryKey, context: TableContext): IndicatorCell {
  const resolved = resolveTerritoryValue(definition, year, key, context.index);
  return {
    status: resolved.status,
    value: resolved.value,
    formatted: formatStatus(resolved.status, resolved.value, definition),
    source: resolved.source,
    origin: resolved.origin,
  };
}

function formatStatus(status: CellStatus, value: number | null, definition: IndicatorDefinition): string {
  if (value !== null && (status === 'ok' || status === 'partial')) return formatIndicatorValue(value, definition);
  switch (status) {
    case 'secret':
      return SECRET_TEXT;
    case 'not-aggregable':
      return NOT_AGGREGABLE_TEXT;
    default:
      return MISSING_TEXT;
  }
}

function listNames(codes: readonly string[], names: ReadonlyMap<string, string>): string {
  return codes.map((code) => names.get(code) ?? code).join(', ');
}

function partialNote(aggregate: AggregateResult, total: number, names: ReadonlyMap<string, string>): string {
  const parts = [`calculé sur ${aggregate.communesCounted} commune${aggregate.communesCounted > 1 ? 's' : ''} sur ${total}`];
  if (aggregate.communesSecret.length > 0) parts.push(`secret statistique : ${listNames(aggregate.communesSecret, names)}`);
  if (aggregate.communesMissing.length > 0) parts.push(`non disponible : ${listNames(aggregate.communesMissing, names)}`);
  return `Partiel (${parts.join(' ; ')}).`;
}

function weightNote(definition: IndicatorDefinition, year: number, aggregate: AggregateResult, context: TableContext): string {
  if (definition.aggregation.kind !== 'ratio' || aggregate.weightYear === null || aggregate.weightYear === year) return '';
  const weight = context.lookup(definition.aggregation.denominator);
  return `Pondéré par : ${weight?.label.toLocaleLowerCase('fr-FR') ?? definition.aggregation.denominator} ${aggregate.weightYear}.`;
}

function missionCell(definition: IndicatorDefinition, year: number, context: TableContext): MissionCell {
  const aggregate = aggregateForCommunes(definition, year, context.communeCodes, context.index, context.lookup);
  if (aggregate.status !== 'complete' && context.published) {
    const published = resolveTerritoryValue(definition, year, context.published.key, context.index);
    if (published.status === 'ok') {
      return {
        status: 'ok',
        value: published.value,
        formatted: formatStatus('ok', published.value, definition),
        source: published.source,
        origin: published.origin,
        aggregate,
        publishedBy: context.published.key,
        note: `Valeur publiée pour ${context.published.name}, dont les communes sont celles de la mission.`,
      };
    }
  }
  const status: CellStatus =
    aggregate.status === 'complete'
      ? 'ok'
      : aggregate.status === 'partial'
        ? 'partial'
        : aggregate.status === 'not-aggregable'
          ? 'not-aggregable'
          : aggregate.communesSecret.length > 0 && aggregate.communesMissing.length === 0
            ? 'secret'
            : 'missing';
  const notes = [weightNote(definition, year, aggregate, context)];
  if (status === 'partial') notes.unshift(partialNote(aggregate, context.communeCodes.length, context.names));
  if (status === 'not-aggregable') notes.unshift('Indicateur non additionnable (médiane, décile…) : lire les valeurs par commune.');
  return {
    status,
    value: aggregate.value,
    formatted: formatStatus(status, aggregate.value, definition),
    source: aggregate.sources.join(' ; '),
    origin: aggregate.value === null ? null : aggregate.usesManualValues ? 'manual' : 'import',
    aggregate,
    publishedBy: null,
    note: notes.filter((note) => note !== '').join(' '),
  };
}

/** Years for which at least one of the listed territories has a figure (secret included). */
function yearsWithFigures(definition: IndicatorDefinition, territories: readonly DiagnosticTerritory[], context: TableContext): number[] {
  return indicatorYears(definition, context.index).filter((year) =>
    territories.some((territory) => {
      if (context.index.get(definition.code, year, territory.key)) return true;
      return resolveTerritoryValue(definition, year, territory.key, context.index).status !== 'missing';
    }),
  );
}

/** The requested year when it has figures, otherwise the nearest one (the earlier on a tie). */
function chooseYear(years: readonly number[], requested: number | undefined): number {
  if (requested === undefined) return years[years.length - 1] as number;
  return years.reduce((best, year) => (Math.abs(year - requested) < Math.abs(best - requested) ? year : best));
}

function buildRow(
  definition: IndicatorDefinition,
  years: number[],
  requestedYear: number | undefined,
  context: TableContext,
): IndicatorRow {
  const year = chooseYear(years, requestedYear);
  const cells = (territories: readonly DiagnosticTerritory[]): TerritoryCell[] =>
    territories.map((territory) => ({ key: territory.key, name: territory.name, cell: territoryCell(definition, year, territory.key, context) }));
  return {
    definition,
    years,
    year,
    mission: missionCell(definition, year, context),
    communes: cells(context.communes),
    comparisons: cells(context.comparisons),
  };
}

export interface IndicatorTableInput {
  definitions: readonly IndicatorDefinition[];
  index: IndicatorValueIndex;
  territories: readonly DiagnosticTerritory[];
  /** Year to show; each indicator falls back to its nearest year with figures. Latest by default. */
  year?: number;
}

/** Rows for every indicator with at least one figure, grouped by theme in the catalogue's order. */
export function buildIndicatorTable(input: IndicatorTableInput): IndicatorThemeGroup[] {
  const context = createContext(input.definitions, input.index, input.territories);
  const rowsByTheme = new Map<IndicatorThemeId, IndicatorRow[]>();
  for (const definition of input.definitions) {
    const years = yearsWithFigures(definition, input.territories, context);
    if (years.length === 0) continue;
    const rows = rowsByTheme.get(definition.theme) ?? [];
    rows.push(buildRow(definition, years, input.year, context));
    rowsByTheme.set(definition.theme, rows);
  }
  return INDICATOR_THEMES.flatMap(({ id, label }) => {
    const rows = rowsByTheme.get(id);
    return rows ? [{ theme: id, label, rows }] : [];
  });
}

export interface SeriesPoint {
  year: number;
  cell: IndicatorCell;
}

export interface TerritorySeries {
  key: TerritoryKey;
  name: string;
  role: DiagnosticTerritory['role'];
  points: SeriesPoint[];
}

export interface IndicatorSeries {
  definition: IndicatorDefinition;
  years: number[];
  /** The mission's figure for each year, computed from its communes as in the table. */
  mission: { year: number; cell: MissionCell }[];
  /** Each commune and comparison territory, in the order given. */
  territories: TerritorySeries[];
}

/** An indicator's figures year by year, for evolution charts and tables. */
export function indicatorSeries(
  definition: IndicatorDefinition,
  index: IndicatorValueIndex,
  territories: readonly DiagnosticTerritory[],
  definitions: readonly IndicatorDefinition[] = [],
): IndicatorSeries {
  const context = createContext(definitions, index, territories);
  const years = yearsWithFigures(definition, territories, context);
  return {
    definition,
    years,
    mission: years.map((year) => ({ year, cell: missionCell(definition, year, context) })),
    territories: territories.map((territory) => ({
      key: territory.key,
      name: territory.name,
      role: territory.role,
      points: years.map((year) => ({ year, cell: territoryCell(definition, year, territory.key, context) })),
    })),
  };
}
