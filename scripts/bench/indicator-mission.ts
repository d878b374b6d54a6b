import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { comparisonTerritories, geographyPopulations, type DiagnosticTerritory } from '../../src-shared/diagnostic/comparison-territories';
import { INDICATOR_CATALOGUE } from '../../src-shared/diagnostic/indicator-catalogue';
import { INDICATOR_THEMES, type IndicatorDefinition } from '../../src-shared/diagnostic/indicator-definition';
import { applyIndicatorImport } from '../../src-shared/diagnostic/indicator-operations';
import { buildIndicatorTable } from '../../src-shared/diagnostic/indicator-table';
import type { IndicatorValue, ValueStatus } from '../../src-shared/diagnostic/indicator-value';
import { readIndicatorValues } from '../../src-shared/diagnostic/indicator-value-index';
import type { Geography } from '../../src-shared/geography/geography';
import type { BareIndicatorTables } from './bare-indicator-tables';
import type { BenchMissionTerritory } from './bench-mission-territory';

/** The indicator view: 40 indicators over 5 years, for every commune and comparison territory. */
export const BENCH_INDICATOR_COUNT = 40;
export const BENCH_YEARS: readonly number[] = [2017, 2018, 2019, 2020, 2021];
const SEED = 40;
/** Below this population a commune's rates and medians are under statistical secret, as in Filosofi. */
const SECRET_BELOW_POPULATION = 300;
const MISSING_SHARE = 0.02;

/** The table also shows a rate it can compute from two chosen counts: it is chosen with them, so rows = indicators. */
function withComputableRates(chosen: ReadonlySet<string>): Set<string> {
  const closed = new Set(chosen);
  for (const { code, aggregation } of INDICATOR_CATALOGUE) {
    if (aggregation.kind === 'ratio' && aggregation.numerator !== null && chosen.has(aggregation.numerator) && chosen.has(aggregation.denominator)) {
      closed.add(code);
    }
  }
  return closed;
}

/** 40 catalogue indicators taken theme by theme in turn, so that every theme has its table. */
export function chooseBenchIndicators(): IndicatorDefinition[] {
  const byTheme = INDICATOR_THEMES.map((theme) => INDICATOR_CATALOGUE.filter((definition) => definition.theme === theme.id));
  const longest = Math.max(...byTheme.map((definitions) => definitions.length));
  const turns = Array.from({ length: longest }, (_, turn) => byTheme.flatMap((definitions) => definitions.slice(turn, turn + 1)));
  let chosen = new Set<string>();
  for (const candidate of turns.flat()) {
    if (chosen.size === BENCH_INDICATOR_COUNT) break;
    const next = withComputableRates(new Set([...chosen, candidate.code]));
    if (next.size <= BENCH_INDICATOR_COUNT) chosen = next;
  }
  if (chosen.size !== BENCH_INDICATOR_COUNT) throw new Error(`Seuls ${chosen.size} indicateurs du catalogue ont pu être choisis.`);
  return INDICATOR_CATALOGUE.filter((definition) => chosen.has(definition.code));
}


function benchValues(definitions: readonly IndicatorDefinition[], territories: readonly DiagnosticTerritory[], geography: Geography, now: number): IndicatorValue[] {
  const random = prng.create(SEED);
  const populations = geographyPopulations(geography, territories);
  return definitions.flatMap((definition) => {
    const shareOfPopulation = 0.02 + 0.3 * random.next();
    return BENCH_YEARS.flatMap((year) =>
      territories.map((territory): IndicatorValue => {
        const population = populations.get(territory.key) ?? 0;
        const isCount = definition.aggregation.kind === 'sum';
        let status: ValueStatus = 'ok';
        if (territory.role === 'commune' && !isCount && population < SECRET_BELOW_POPULATION) status = 'secret';
        else if (territory.role === 'commune' && random.next() < MISSING_SHARE) status = 'missing';
        const noise = 0.9 + 0.2 * random.next();
        const value = isCount
          ? Math.round(population * shareOfPopulation * noise)
          : definition.unit === 'euros'
            ? Math.round(15_000 + 15_000 * random.next())
            : Math.round(1000 * random.next()) / 10;
        return {
          indicator: definition.code,
          year,
          territory: territory.key,
          status,
          value: status === 'ok' ? value : null,
          source: definition.source,
          origin: 'import',
          importId: 'bench',
          updatedAt: now,
        };
      }),
    );
  });
}

export interface IndicatorMission {
  /** A Yjs update holding the values and their import record, to merge into the mission's document. */
  update: Uint8Array;
  valueCount: number;
  territories: { communes: number; comparisons: number };
  /** Rows of Bocage's indicator tables, one per indicator. */
  rows: number;
  /** The same cells as Bocage shows them, for the bare page. */
  tables: BareIndicatorTables;
}

/** The mission's 40 × 5 × (30 communes + comparison territories) values, written by the app's own import operation. */
export function buildIndicatorMission(geography: Geography, mission: BenchMissionTerritory, missionTitle: string): IndicatorMission {
  const definitions = chooseBenchIndicators();
  const territories = comparisonTerritories(mission.territory, geography);
  const now = Date.now();
  const values = benchValues(definitions, territories, geography, now);
  const doc = new Y.Doc();
  applyIndicatorImport(
    doc,
    {
      importId: 'bench',
      fileName: 'indicateurs-benchmark.csv',
      source: 'INSEE',
      importedAt: now,
      values,
      summary: {
        rowsKept: territories.length,
        rowsSkipped: 0,
        indicators: definitions.flatMap(({ code }) => BENCH_YEARS.map((year) => ({ indicator: code, year }))),
      },
    },
    'benchmark',
  );

  const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: readIndicatorValues(doc), territories });
  const rows = groups.reduce((total, group) => total + group.rows.length, 0);
  if (rows !== BENCH_INDICATOR_COUNT) throw new Error(`Le tableau compterait ${rows} lignes au lieu de ${BENCH_INDICATOR_COUNT}.`);
  const communes = territories.filter((territory) => territory.role === 'commune');
  const comparisons = territories.filter((territory) => territory.role === 'comparison');
  return {
    update: Y.encodeStateAsUpdate(doc),
    valueCount: values.length,
    territories: { communes: communes.length, comparisons: comparisons.length },
    rows,
    tables: {
      missionTitle,
      comparisons: comparisons.map((territory) => territory.name),
      communes: communes.map((territory) => territory.name),
      themes: groups.map((group) => ({
        label: group.label,
        rows: group.rows.map((row) => ({
          label: row.definition.label,
          year: row.year,
          mission: row.mission.formatted,
          comparisons: row.comparisons.map(({ cell }) => cell.formatted),
          communes: row.communes.map(({ cell }) => cell.formatted),
        })),
      })),
    },
  };
}
