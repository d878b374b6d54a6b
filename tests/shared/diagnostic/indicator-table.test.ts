import { describe, expect, test } from 'vitest';
import type { DiagnosticTerritory } from '@shared/diagnostic/comparison-territories';
import { findIndicator, INDICATOR_CATALOGUE } from '@shared/diagnostic/indicator-catalogue';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import type { IndicatorValue } from '@shared/diagnostic/indicator-value';
import { buildIndicatorTable, indicatorSeries, type IndicatorRow, type IndicatorThemeGroup } from '@shared/diagnostic/indicator-table';
import { parseTerritoryKey, type TerritoryKey } from '@shared/diagnostic/territory-ref';
import { communeKey, figure, indexOf } from './value-fixtures';

function territory(key: TerritoryKey, name: string, sameAsMission = false): DiagnosticTerritory {
  const ref = parseTerritoryKey(key);
  if (!ref) throw new Error(key);
  return { key, ref, name, role: ref.level === 'commune' ? 'commune' : 'comparison', sameAsMission };
}

const AYEN = territory('commune:19015', 'Ayen');
const BRIVE = territory('commune:19031', 'Brive-la-Gaillarde');
const MALEMORT = territory('commune:19123', 'Malemort');
const AGGLO = territory('epci:241927201', 'CA du Bassin de Brive');
const CORREZE = territory('departement:19', 'Corrèze');
const FRANCE = territory('france:FR', 'France');
const TERRITORIES = [AYEN, BRIVE, MALEMORT, AGGLO, CORREZE, FRANCE];

function row(groups: readonly IndicatorThemeGroup[], code: string): IndicatorRow {
  const found = groups.flatMap((group) => group.rows).find((candidate) => candidate.definition.code === code);
  if (!found) throw new Error(`no row for ${code}`);
  return found;
}

function cellText(tableRow: IndicatorRow): Record<string, string> {
  return Object.fromEntries([...tableRow.communes, ...tableRow.comparisons].map(({ name, cell }) => [name, cell.formatted]));
}

const DIAGNOSTIC_VALUES: IndicatorValue[] = [
  figure('POP', 2015, AYEN.key, 690),
  figure('POP', 2015, BRIVE.key, 47_000),
  figure('POP', 2015, MALEMORT.key, 7_900),
  figure('POP', 2021, AYEN.key, 712),
  figure('POP', 2021, BRIVE.key, 46_961),
  figure('POP', 2021, MALEMORT.key, 8_100),
  figure('POP', 2021, CORREZE.key, 240_000),
  figure('TX_PAUVRETE', 2021, AYEN.key, 'secret', 'INSEE, Filosofi 2021'),
  figure('TX_PAUVRETE', 2021, BRIVE.key, 16, 'INSEE, Filosofi 2021'),
  figure('TX_PAUVRETE', 2021, MALEMORT.key, 10, 'INSEE, Filosofi 2021'),
  figure('TX_PAUVRETE', 2021, FRANCE.key, 14.5, 'INSEE, Filosofi 2021'),
  figure('PERS_MEN_FISC', 2021, AYEN.key, 700, 'INSEE, Filosofi 2021'),
  figure('PERS_MEN_FISC', 2021, BRIVE.key, 45_000, 'INSEE, Filosofi 2021'),
  figure('PERS_MEN_FISC', 2021, MALEMORT.key, 8_000, 'INSEE, Filosofi 2021'),
  figure('MED_DISP', 2021, AYEN.key, 21_340, 'INSEE, Filosofi 2021'),
  figure('MED_DISP', 2021, BRIVE.key, 22_010, 'INSEE, Filosofi 2021'),
  figure('MED_DISP', 2021, AGGLO.key, 22_400, 'INSEE, Filosofi 2021'),
  figure('LOG_VACANTS', 2021, CORREZE.key, 18_000),
  figure('LOGEMENTS', 2021, CORREZE.key, 160_000),
];

describe('the table of indicators', () => {
  test('shows only indicators with figures, grouped by theme in the catalogue’s order', () => {
    const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories: TERRITORIES });
    expect(groups.map((group) => [group.label, group.rows.map((tableRow) => tableRow.definition.code)])).toEqual([
      ['Démographie', ['POP']],
      ['Revenus et pauvreté', ['PERS_MEN_FISC', 'MED_DISP', 'TX_PAUVRETE']],
      ['Logement', ['LOGEMENTS', 'LOG_VACANTS', 'TX_VACANCE']],
    ]);
  });

  test('the latest year is shown by default, with the territory’s total and each territory’s figure in French', () => {
    const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories: TERRITORIES });
    const population = row(groups, 'POP');
    expect(population.years).toEqual([2015, 2021]);
    expect(population.year).toBe(2021);
    expect(population.mission).toMatchObject({ status: 'ok', value: 55_773, formatted: '55\u202f773\u00a0personnes', origin: 'import', note: '' });
    expect(cellText(population)).toEqual({
      Ayen: '712\u00a0personnes',
      'Brive-la-Gaillarde': '46\u202f961\u00a0personnes',
      Malemort: '8\u202f100\u00a0personnes',
      'CA du Bassin de Brive': 'n.d.',
      Corrèze: '240\u202f000\u00a0personnes',
      France: 'n.d.',
    });
  });

  test('an earlier year can be chosen for the whole table', () => {
    const groups = buildIndicatorTable({
      definitions: INDICATOR_CATALOGUE,
      index: indexOf(...DIAGNOSTIC_VALUES),
      territories: TERRITORIES,
      year: 2015,
    });
    expect(row(groups, 'POP')).toMatchObject({ year: 2015, mission: { value: 55_590 } });
    expect(row(groups, 'TX_PAUVRETE').year).toBe(2021);
  });

  test('a year without figures falls back to the nearest year that has them, the earlier one on a tie', () => {
    const build = (year: number) =>
      row(buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories: TERRITORIES, year }), 'POP').year;
    expect(build(2020)).toBe(2021);
    expect(build(2018)).toBe(2015);
    expect(build(2030)).toBe(2021);
  });

  test('a secret commune reads « secret stat. », and the territory’s rate is partial and names it', () => {
    const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories: TERRITORIES });
    const poverty = row(groups, 'TX_PAUVRETE');
    expect(poverty.mission.status).toBe('partial');
    expect(poverty.mission.value).toBeCloseTo((0.16 * 45_000 + 0.1 * 8_000) / 53_000 * 100, 10);
    expect(poverty.mission.formatted).toBe('15,1\u00a0%');
    expect(poverty.mission.note).toBe('Partiel (calculé sur 2 communes sur 3 ; secret statistique : Ayen).');
    expect(poverty.mission.source).toBe('INSEE, Filosofi 2021');
    expect(cellText(poverty)).toMatchObject({ Ayen: 'secret stat.', 'Brive-la-Gaillarde': '16,0\u00a0%', France: '14,5\u00a0%', Corrèze: 'n.d.' });
    expect(poverty.communes[0]?.cell).toMatchObject({ status: 'secret', value: null });
  });

  test('the median income is not combined for the territory; each commune shows its own, a missing one « n.d. »', () => {
    const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories: TERRITORIES });
    const median = row(groups, 'MED_DISP');
    expect(median.mission).toMatchObject({ status: 'not-aggregable', value: null, formatted: 'non agrégeable' });
    expect(median.mission.note).toMatch(/lire les valeurs par commune/);
    expect(cellText(median)).toMatchObject({ Ayen: '21\u202f340\u00a0€', 'Brive-la-Gaillarde': '22\u202f010\u00a0€', Malemort: 'n.d.' });
  });

  test('when the mission is exactly an EPCI, the EPCI’s published median stands for the mission', () => {
    const territories = [AYEN, BRIVE, MALEMORT, territory(AGGLO.key, AGGLO.name, true), CORREZE, FRANCE];
    const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories });
    expect(row(groups, 'MED_DISP').mission).toMatchObject({
      status: 'ok',
      value: 22_400,
      formatted: '22\u202f400\u00a0€',
      publishedBy: 'epci:241927201',
      note: 'Valeur publiée pour CA du Bassin de Brive, dont les communes sont celles de la mission.',
    });
    expect(row(groups, 'POP').mission).toMatchObject({ value: 55_773, publishedBy: null });
  });

  test('a rate the file did not give is computed from its counts for the territories that have them', () => {
    const groups = buildIndicatorTable({ definitions: INDICATOR_CATALOGUE, index: indexOf(...DIAGNOSTIC_VALUES), territories: TERRITORIES });
    const vacancy = row(groups, 'TX_VACANCE');
    expect(vacancy.comparisons.find((cell) => cell.key === CORREZE.key)?.cell).toEqual({
      status: 'ok',
      value: 11.25,
      formatted: '11,3\u00a0%',
      source: 'INSEE, RP 2021',
      origin: 'computed',
    });
    expect(vacancy.mission).toMatchObject({ status: 'missing', value: null, formatted: 'n.d.', origin: null });
  });

  test('the evolution of an indicator gives the territory’s total and each comparison year by year', () => {
    const series = indicatorSeries(findIndicator('POP') as IndicatorDefinition, indexOf(...DIAGNOSTIC_VALUES), TERRITORIES);
    expect(series.years).toEqual([2015, 2021]);
    expect(series.mission.map(({ year, cell }) => [year, cell.value])).toEqual([
      [2015, 55_590],
      [2021, 55_773],
    ]);
    expect(series.territories.find((item) => item.key === CORREZE.key)?.points.map(({ year, cell }) => [year, cell.formatted])).toEqual([
      [2015, 'n.d.'],
      [2021, '240\u202f000\u00a0personnes'],
    ]);
  });

  test('a 30-commune territory with 40 indicators over 5 years is tabulated in full', () => {
    const communes = Array.from({ length: 30 }, (_, position) =>
      territory(communeKey(`19${String(position + 1).padStart(3, '0')}`), `Commune ${position + 1}`),
    );
    const comparisons = [AGGLO, CORREZE, territory('region:75', 'Nouvelle-Aquitaine'), FRANCE];
    const definitions = INDICATOR_CATALOGUE.filter((definition) => !/^POP_[HF]_/.test(definition.code)).slice(0, 40);
    expect(definitions.map((definition) => definition.code)).toEqual(expect.arrayContaining(['POP', 'POP_0_14', 'PART_0_14', 'MED_DISP']));
    const years = [2017, 2018, 2019, 2020, 2021];
    const values: IndicatorValue[] = [];
    definitions.forEach((definition, indicatorPosition) => {
      for (const year of years) {
        communes.forEach((commune, communePosition) => {
          values.push(figure(definition.code, year, commune.key, 100 + communePosition + indicatorPosition + (year - 2017)));
        });
        for (const comparison of comparisons) values.push(figure(definition.code, year, comparison.key, 5_000 + indicatorPosition));
      }
    });
    const groups = buildIndicatorTable({ definitions, index: indexOf(...values), territories: [...communes, ...comparisons] });
    const rows = groups.flatMap((group) => group.rows);
    expect(rows).toHaveLength(40);
    for (const tableRow of rows) {
      expect(tableRow.years).toEqual(years);
      expect(tableRow.year).toBe(2021);
      expect(tableRow.communes).toHaveLength(30);
      expect(tableRow.comparisons).toHaveLength(4);
    }
    // POP (position 0) in 2021: Σ (100 + commune + 4) over 30 communes.
    const expectedPopulation = Array.from({ length: 30 }, (_, position) => 104 + position).reduce((a, b) => a + b, 0);
    expect(row(groups, 'POP').mission).toMatchObject({ status: 'ok', value: expectedPopulation });
    // PART_0_14 = Σ POP_0_14 / Σ POP × 100, from the counts, whatever the communes' own rates.
    const childrenPosition = definitions.findIndex((definition) => definition.code === 'POP_0_14');
    const expectedChildren = Array.from({ length: 30 }, (_, position) => 104 + position + childrenPosition).reduce((a, b) => a + b, 0);
    expect(row(groups, 'PART_0_14').mission.value).toBeCloseTo((expectedChildren / expectedPopulation) * 100, 10);
    expect(row(groups, 'MED_DISP').mission.status).toBe('not-aggregable');
  });
});
