import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { AGE_PYRAMID_GROUPS } from '@shared/diagnostic/age-pyramid';
import {
  findIndicator,
  guessIndicatorCode,
  guessIndicatorFromVariable,
  INDICATOR_CATALOGUE,
} from '@shared/diagnostic/indicator-catalogue';
import {
  formatIndicatorNumber,
  formatIndicatorValue,
  INDICATOR_THEMES,
  INDICATOR_UNITS,
  type IndicatorDefinition,
} from '@shared/diagnostic/indicator-definition';

const REAL_DATA = fileURLToPath(new URL('../../../../shared/data/real/', import.meta.url));
const hasRealData = existsSync(REAL_DATA);

function header(file: string): string[] {
  const firstLine = readFileSync(`${REAL_DATA}${file}`, 'utf8').split(/\r?\n/, 1)[0] ?? '';
  return firstLine.replace(/^\uFEFF/, '').split(';');
}

describe('the indicator catalogue', () => {
  test('offers enough indicators for a CTG pre-diagnostic, each under its own code', () => {
    expect(INDICATOR_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    const codes = INDICATOR_CATALOGUE.map((definition) => definition.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  test('every indicator has a French label, a definition and a source to print in the report', () => {
    for (const definition of INDICATOR_CATALOGUE) {
      expect(definition.label.trim(), definition.code).not.toBe('');
      expect(definition.definition.trim().length, definition.code).toBeGreaterThan(10);
      expect(definition.source.trim(), definition.code).not.toBe('');
      expect(definition.custom, definition.code).toBe(false);
      expect(Object.keys(INDICATOR_UNITS), definition.code).toContain(definition.unit);
    }
  });

  test('every theme of the diagnostic has indicators', () => {
    const used = new Set(INDICATOR_CATALOGUE.map((definition) => definition.theme));
    expect([...used].sort()).toEqual(INDICATOR_THEMES.map((theme) => theme.id).sort());
  });

  test('every rate is computed from counts of the catalogue that add up, so it can be recomputed for a group of communes', () => {
    const ratios = INDICATOR_CATALOGUE.filter(
      (definition): definition is IndicatorDefinition & { aggregation: { kind: 'ratio' } } => definition.aggregation.kind === 'ratio',
    );
    expect(ratios.length).toBeGreaterThan(15);
    for (const { code, aggregation } of ratios) {
      const references = [aggregation.numerator, aggregation.denominator].filter((reference): reference is string => reference !== null);
      for (const reference of references) {
        expect(findIndicator(reference)?.aggregation.kind, `${code} → ${reference}`).toBe('sum');
      }
      expect(aggregation.scale, code).toBeGreaterThan(0);
    }
  });

  test('the rates the brief relies on are defined over the right counts', () => {
    expect(findIndicator('TX_PAUVRETE')?.aggregation).toEqual({ kind: 'ratio', numerator: null, denominator: 'PERS_MEN_FISC', scale: 100 });
    expect(findIndicator('APL_MG')?.aggregation).toEqual({ kind: 'ratio', numerator: null, denominator: 'POP', scale: 1 });
    expect(findIndicator('TX_COUVERTURE_AJE')?.aggregation).toEqual({
      kind: 'ratio',
      numerator: 'PLACES_AJE_TOTAL',
      denominator: 'POP_0_2',
      scale: 100,
    });
    expect(findIndicator('INDICE_VIEILLISSEMENT')?.aggregation).toEqual({
      kind: 'ratio',
      numerator: 'POP_65_PLUS',
      denominator: 'POP_0_19',
      scale: 100,
    });
    expect(findIndicator('MED_DISP')?.aggregation.kind).toBe('not-aggregable');
  });

  test('the age pyramid finds its men and women counts in the catalogue', () => {
    for (const group of AGE_PYRAMID_GROUPS) {
      expect(findIndicator(group.men)?.aggregation.kind, group.men).toBe('sum');
      expect(findIndicator(group.women)?.aggregation.kind, group.women).toBe('sum');
    }
  });

  test('a mission’s own indicator is found beside the catalogue’s', () => {
    const own: IndicatorDefinition = { ...(findIndicator('POP') as IndicatorDefinition), code: 'ADHERENTS_CS', custom: true };
    expect(findIndicator('ADHERENTS_CS')).toBeUndefined();
    expect(findIndicator('ADHERENTS_CS', [own])).toBe(own);
  });
});

describe('reading figures in French', () => {
  test.each([
    [12345, 'POP', '12\u202f345\u00a0personnes'],
    [1, 'POP', '1\u00a0personne'],
    [12.345, 'TX_PAUVRETE', '12,3\u00a0%'],
    [25820, 'MED_DISP', '25\u202f820\u00a0€'],
    [45.26, 'DENSITE', '45,3\u00a0hab./km²'],
    [3.4, 'APL_MG', '3,4\u00a0consultations/an/hab.'],
    [112.04, 'INDICE_VIEILLISSEMENT', '112,0'],
    [-0.04, 'POP_VAR_ANN', '0,0\u00a0% par an'],
  ])('%d for %s reads %j', (value, code, expected) => {
    expect(formatIndicatorValue(value, findIndicator(code) as IndicatorDefinition)).toBe(expected);
  });

  test('numbers follow the indicator’s precision', () => {
    expect(formatIndicatorNumber(1234.5678, 2)).toBe('1\u202f234,57');
    expect(formatIndicatorNumber(0.5, 0)).toBe('1');
  });
});

describe('recognising indicators in file headers', () => {
  test.each([
    ['MED21', 'MED_DISP', 2021],
    ['TP6021', 'TX_PAUVRETE', 2021],
    ['NBMENFISC21', 'MEN_FISC', 2021],
    ['NBPERSMENFISC21', 'PERS_MEN_FISC', 2021],
    ['med19', 'MED_DISP', 2019],
    ['P21_POP', 'POP', 2021],
    ['P15_POP', 'POP', 2015],
    ['D99_POP', 'POP', 1999],
    ['P21_POP0002', 'POP_0_2', 2021],
    ['P21_POP0014', 'POP_0_14', 2021],
    ['P21_POP0019', 'POP_0_19', 2021],
    ['P21_POP1529', 'POP_15_29', 2021],
    ['P21_POP65P', 'POP_65_PLUS', 2021],
    ['P21_POP75P', 'POP_75_PLUS', 2021],
    ['P21_POP80P', 'POP_80_PLUS', 2021],
    ['P21_POP80P_PSEUL', 'POP_80_PLUS_SEULES', 2021],
    ['C21_MEN', 'MENAGES', 2021],
    ['C21_MENPSEUL', 'MENAGES_1_PERS', 2021],
    ['C21_FAM', 'FAMILLES', 2021],
    ['C21_FAMMONO', 'FAM_MONOPARENTALES', 2021],
    ['C21_COUPAENF', 'COUPLES_AVEC_ENFANTS', 2021],
    ['P21_LOG', 'LOGEMENTS', 2021],
    ['P21_RP', 'RES_PRINCIPALES', 2021],
    ['P21_LOGVAC', 'LOG_VACANTS', 2021],
    ['P21_RP_LOCHLMV', 'LOG_SOCIAUX', 2021],
    ['P21_POP1564', 'POP_15_64', 2021],
    ['P21_ACT1564', 'ACTIFS_15_64', 2021],
    ['P21_CHOM1564', 'CHOMEURS_15_64', 2021],
    ['P21_ACTOCC15P', 'ACTIFS_OCCUPES', 2021],
    ['P21_ACTOCC15P_ILT2P', 'ACTIFS_OCCUPES_HORS_COMMUNE', 2021],
    ['P21_H0014', 'POP_H_0_14', 2021],
    ['P21_F75P', 'POP_F_75_PLUS', 2021],
    [' p21_pop ', 'POP', 2021],
    ['\uFEFFP21_POP', 'POP', 2021],
    ['PMUN21', 'POP', 2021],
    ['PMUN2021', 'POP', 2021],
    ['TX_PAUVRETE_2021', 'TX_PAUVRETE', 2021],
    ['POP_0_2_2021', 'POP_0_2', 2021],
    ['apl_mg 2023', 'APL_MG', 2023],
  ])('a column headed %j is read as %s of %d', (variable, indicator, year) => {
    expect(guessIndicatorFromVariable(variable)).toEqual({ indicator, year });
  });

  test.each([
    'MEDIANE_AGE',
    'MED',
    'MED2021X',
    'TP60AGE121',
    'PCAP',
    'PTOT',
    'CODGEO',
    'COM',
    'REG',
    'DEP',
    'P21_POP0305',
    'C21_POP',
    'P21_MENFICTIF',
    'POPULATION',
    'LIBGEO',
    '',
  ])('a column headed %j is not taken for an indicator', (variable) => {
    expect(guessIndicatorFromVariable(variable)).toBeNull();
  });

  test('a header without a year (populations légales) is recognised, and needs the year the user gives', () => {
    expect(guessIndicatorCode('PMUN')).toEqual({ indicator: 'POP', year: null });
    expect(guessIndicatorCode('SUPERF')).toEqual({ indicator: 'SUPERFICIE', year: null });
    expect(guessIndicatorFromVariable('PMUN')).toBeNull();
    expect(guessIndicatorFromVariable('PMUN', { yearWhenAbsent: 2021 })).toEqual({ indicator: 'POP', year: 2021 });
    expect(guessIndicatorFromVariable('P21_POP', { yearWhenAbsent: 2019 })).toEqual({ indicator: 'POP', year: 2021 });
  });

  test('a mission’s own indicator code is recognised in a header when the mission defines it', () => {
    const own: IndicatorDefinition = { ...(findIndicator('POP') as IndicatorDefinition), code: 'ADHERENTS_CS', custom: true };
    expect(guessIndicatorFromVariable('ADHERENTS_CS_2024')).toBeNull();
    expect(guessIndicatorFromVariable('ADHERENTS_CS_2024', { custom: [own] })).toEqual({ indicator: 'ADHERENTS_CS', year: 2024 });
  });

  describe.skipIf(!hasRealData)('on the real INSEE files (skipped: ../shared/data/real is absent)', () => {
    test('every Filosofi 2021 column the catalogue knows is recognised, and no other', () => {
      const recognised = Object.fromEntries(
        header('insee_filosofi_2021_com.csv').flatMap((column) => {
          const guess = guessIndicatorFromVariable(column);
          return guess ? [[column, `${guess.indicator} ${guess.year}`]] : [];
        }),
      );
      expect(recognised).toEqual({
        NBMENFISC21: 'MEN_FISC 2021',
        NBPERSMENFISC21: 'PERS_MEN_FISC 2021',
        MED21: 'MED_DISP 2021',
        PIMP21: 'PART_MEN_IMPOSES 2021',
        TP6021: 'TX_PAUVRETE 2021',
        D121: 'D1_DISP 2021',
        D921: 'D9_DISP 2021',
        RD21: 'RAPPORT_INTERDECILE 2021',
      });
    });

    test('in the populations légales file, only the population municipale (PMUN) is read as the population', () => {
      const recognised = header('insee_poplegales_communes.csv').flatMap((column) => {
        const guess = guessIndicatorCode(column);
        return guess ? [[column, guess]] : [];
      });
      expect(recognised).toEqual([['PMUN', { indicator: 'POP', year: null }]]);
    });
  });
});
