import { describe, expect, test } from 'vitest';
import { aggregateForCommunes, indicatorYears, resolveTerritoryValue } from '@shared/diagnostic/aggregation';
import { findIndicator } from '@shared/diagnostic/indicator-catalogue';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import type { IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';
import { communeKey, figure, indexOf } from './value-fixtures';

const AYEN = '19015';
const BRIVE = '19031';
const MALEMORT = '19123';

function definition(code: string): IndicatorDefinition {
  const found = findIndicator(code);
  if (!found) throw new Error(`${code} is missing from the catalogue`);
  return found;
}

function aggregate(code: string, year: number, communes: readonly string[], index: IndicatorValueIndex) {
  return aggregateForCommunes(definition(code), year, communes, index, (other) => findIndicator(other));
}

describe('adding up counts', () => {
  test('the population of the territory is the sum of its communes', () => {
    const index = indexOf(figure('POP', 2021, communeKey(AYEN), 712), figure('POP', 2021, communeKey(BRIVE), 46_961));
    expect(aggregate('POP', 2021, [AYEN, BRIVE], index)).toMatchObject({
      status: 'complete',
      value: 47_673,
      communesCounted: 2,
      communesSecret: [],
      communesMissing: [],
      sources: ['INSEE, RP 2021'],
      usesManualValues: false,
    });
  });

  test('a commune under statistical secret makes the total partial and is named, never counted as zero', () => {
    const index = indexOf(
      figure('MEN_FISC', 2021, communeKey(AYEN), 'secret'),
      figure('MEN_FISC', 2021, communeKey(BRIVE), 22_000),
      figure('MEN_FISC', 2021, communeKey(MALEMORT), 3_600),
    );
    expect(aggregate('MEN_FISC', 2021, [AYEN, BRIVE, MALEMORT], index)).toMatchObject({
      status: 'partial',
      value: 25_600,
      communesCounted: 2,
      communesSecret: [AYEN],
      communesMissing: [],
    });
  });

  test('a commune without a figure is listed apart from the secret ones', () => {
    const index = indexOf(figure('POP', 2021, communeKey(AYEN), 712), figure('POP', 2021, communeKey(BRIVE), 'missing'));
    expect(aggregate('POP', 2021, [AYEN, BRIVE, MALEMORT], index)).toMatchObject({
      status: 'partial',
      value: 712,
      communesSecret: [],
      communesMissing: [BRIVE, MALEMORT],
    });
  });

  test('a territory without communes has no figure at all, not zero', () => {
    const index = indexOf(figure('POP', 2021, communeKey(AYEN), 712));
    expect(aggregate('POP', 2021, [], index)).toMatchObject({ status: 'unavailable', value: null, communesCounted: 0 });
  });

  test('a figure typed by the user is flagged in the result', () => {
    const index = indexOf(figure('POP', 2021, communeKey(AYEN), 712, 'Mairie', 'manual'), figure('POP', 2021, communeKey(BRIVE), 46_961));
    expect(aggregate('POP', 2021, [AYEN, BRIVE], index)).toMatchObject({ usesManualValues: true, sources: ['Mairie', 'INSEE, RP 2021'] });
  });
});

describe('recomputing rates', () => {
  test('the vacancy rate is recomputed from vacant and total dwellings, not the mean of the communes’ rates', () => {
    // 10 % in a small commune, 30 % in a larger one: the mean (20 %) would be wrong.
    const index = indexOf(
      figure('LOG_VACANTS', 2021, communeKey(AYEN), 10),
      figure('LOGEMENTS', 2021, communeKey(AYEN), 100),
      figure('TX_VACANCE', 2021, communeKey(AYEN), 10),
      figure('LOG_VACANTS', 2021, communeKey(BRIVE), 90),
      figure('LOGEMENTS', 2021, communeKey(BRIVE), 300),
      figure('TX_VACANCE', 2021, communeKey(BRIVE), 30),
    );
    const result = aggregate('TX_VACANCE', 2021, [AYEN, BRIVE], index);
    expect(result.status).toBe('complete');
    expect(result.value).toBeCloseTo(25, 10);
    expect(result.value).not.toBeCloseTo((10 + 30) / 2, 1);
  });

  test('a poverty rate given alone is weighted by each commune’s population, from rate × denominator', () => {
    const index = indexOf(
      figure('TX_PAUVRETE', 2021, communeKey(AYEN), 10),
      figure('PERS_MEN_FISC', 2021, communeKey(AYEN), 1_000),
      figure('TX_PAUVRETE', 2021, communeKey(BRIVE), 30),
      figure('PERS_MEN_FISC', 2021, communeKey(BRIVE), 100),
    );
    const result = aggregate('TX_PAUVRETE', 2021, [AYEN, BRIVE], index);
    expect(result.status).toBe('complete');
    expect(result.value).toBeCloseTo((100 + 30) / 1_100 * 100, 10);
  });

  test('a commune whose denominator is secret is left out of the rate, which is then partial', () => {
    const index = indexOf(
      figure('TX_PAUVRETE', 2021, communeKey(AYEN), 10),
      figure('PERS_MEN_FISC', 2021, communeKey(AYEN), 1_000),
      figure('TX_PAUVRETE', 2021, communeKey(BRIVE), 30),
      figure('PERS_MEN_FISC', 2021, communeKey(BRIVE), 'secret'),
    );
    expect(aggregate('TX_PAUVRETE', 2021, [AYEN, BRIVE], index)).toMatchObject({
      status: 'partial',
      value: 10,
      communesCounted: 1,
      communesSecret: [BRIVE],
    });
  });

  test('a commune whose rate is secret is left out even when its denominator is known', () => {
    const index = indexOf(
      figure('TX_PAUVRETE', 2021, communeKey(AYEN), 'secret'),
      figure('PERS_MEN_FISC', 2021, communeKey(AYEN), 300),
      figure('TX_PAUVRETE', 2021, communeKey(BRIVE), 16),
      figure('PERS_MEN_FISC', 2021, communeKey(BRIVE), 45_000),
    );
    expect(aggregate('TX_PAUVRETE', 2021, [AYEN, BRIVE], index)).toMatchObject({ status: 'partial', value: 16, communesSecret: [AYEN] });
  });

  test('a commune that only has its rate still counts, its numerator rebuilt from the rate and denominator', () => {
    const index = indexOf(
      figure('FAM_MONOPARENTALES', 2021, communeKey(AYEN), 20),
      figure('FAMILLES', 2021, communeKey(AYEN), 200),
      figure('PART_FAM_MONO', 2021, communeKey(BRIVE), 25),
      figure('FAMILLES', 2021, communeKey(BRIVE), 800),
    );
    const result = aggregate('PART_FAM_MONO', 2021, [AYEN, BRIVE], index);
    expect(result.status).toBe('complete');
    expect(result.value).toBeCloseTo((20 + 200) / 1_000 * 100, 10);
  });

  test('the doctors’ accessibility (APL) is weighted by population, taken from the latest census before its year', () => {
    const index = indexOf(
      figure('APL_MG', 2023, communeKey(AYEN), 2),
      figure('APL_MG', 2023, communeKey(BRIVE), 4),
      figure('POP', 2015, communeKey(AYEN), 10),
      figure('POP', 2015, communeKey(BRIVE), 10),
      figure('POP', 2021, communeKey(AYEN), 1_000),
      figure('POP', 2021, communeKey(BRIVE), 3_000),
    );
    const result = aggregate('APL_MG', 2023, [AYEN, BRIVE], index);
    expect(result).toMatchObject({ status: 'complete', weightYear: 2021 });
    expect(result.value).toBeCloseTo((2 * 1_000 + 4 * 3_000) / 4_000, 10);
  });

  test('a rate whose denominators add up to zero has no figure rather than a division by zero', () => {
    const index = indexOf(
      figure('PLACES_AJE_TOTAL', 2022, communeKey(AYEN), 0),
      figure('POP_0_2', 2022, communeKey(AYEN), 0),
    );
    expect(aggregate('TX_COUVERTURE_AJE', 2022, [AYEN], index)).toMatchObject({ status: 'unavailable', value: null });
  });
});

describe('figures that cannot be combined', () => {
  test('the median income of several communes is never averaged: each commune is read on its own', () => {
    const index = indexOf(figure('MED_DISP', 2021, communeKey(AYEN), 21_000), figure('MED_DISP', 2021, communeKey(BRIVE), 23_000));
    expect(aggregate('MED_DISP', 2021, [AYEN, BRIVE], index)).toMatchObject({
      status: 'not-aggregable',
      value: null,
      communesCounted: 2,
    });
  });

  test('the median of a one-commune territory is that commune’s median', () => {
    const index = indexOf(figure('MED_DISP', 2021, communeKey(AYEN), 21_000));
    expect(aggregate('MED_DISP', 2021, [AYEN], index)).toMatchObject({ status: 'complete', value: 21_000 });
  });
});

describe('one territory’s figure', () => {
  test('a rate missing from the file is computed from its numerator and denominator, and says so', () => {
    const index = indexOf(
      figure('LOG_VACANTS', 2021, 'epci:241927201', 4_000, 'INSEE, RP 2021'),
      figure('LOGEMENTS', 2021, 'epci:241927201', 50_000, 'INSEE, RP 2021'),
    );
    const resolved = resolveTerritoryValue(definition('TX_VACANCE'), 2021, 'epci:241927201', index);
    expect(resolved).toEqual({ status: 'ok', value: 8, source: 'INSEE, RP 2021', origin: 'computed' });
    expect(indicatorYears(definition('TX_VACANCE'), index)).toEqual([2021]);
  });

  test('a published figure wins over the computation, and a secret one stays secret', () => {
    const index = indexOf(
      figure('TX_PAUVRETE', 2021, 'departement:19', 14.1, 'INSEE, Filosofi 2021'),
      figure('TX_PAUVRETE', 2021, communeKey(AYEN), 'secret', 'INSEE, Filosofi 2021'),
    );
    expect(resolveTerritoryValue(definition('TX_PAUVRETE'), 2021, 'departement:19', index)).toMatchObject({ status: 'ok', value: 14.1, origin: 'import' });
    expect(resolveTerritoryValue(definition('TX_PAUVRETE'), 2021, communeKey(AYEN), index)).toMatchObject({ status: 'secret', value: null });
    expect(resolveTerritoryValue(definition('TX_PAUVRETE'), 2021, communeKey(BRIVE), index)).toMatchObject({ status: 'missing', value: null });
  });
});
