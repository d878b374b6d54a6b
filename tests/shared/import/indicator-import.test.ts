import { describe, expect, it } from 'vitest';
import type { TerritoryKey } from '@shared/diagnostic/territory-ref';
import { planIndicatorImport, suggestMapping, type ImportScope, type IndicatorMapping } from '@shared/import/indicator-import';
import { crlf, expectImportError, fixtureText, inspect, latin1, utf8 } from './import-test-helpers';

function scope(keep: string[]): ImportScope {
  return { keep: new Set(keep as TerritoryKey[]), source: 'INSEE, Filosofi 2021', importId: 'import-1', now: 1_700_000_000_000 };
}

const filosofi = () => inspect(utf8(fixtureText('filosofi-communes.csv')), 'filosofi-communes.csv');

const FILOSOFI_MAPPING: IndicatorMapping = {
  geo: { kind: 'code', column: 0, level: 'commune' },
  columns: [
    { column: 2, indicator: 'MED_DISP', year: 2021 },
    { column: 3, indicator: 'TX_PAUVRETE', year: 2021 },
  ],
};

describe('planning an import of the mission’s communes', () => {
  it('keeps only the mission’s territories and writes figures, secret and missing values, never a zero for a marker', async () => {
    const plan = planIndicatorImport(await filosofi(), FILOSOFI_MAPPING, scope(['commune:01001', 'commune:2A004', 'commune:49002', 'commune:49328']));
    const byKey = Object.fromEntries(plan.values.map((value) => [`${value.indicator}|${value.territory}`, [value.status, value.value]]));
    expect(byKey).toEqual({
      'MED_DISP|commune:01001': ['ok', 25820],
      'TX_PAUVRETE|commune:01001': ['secret', null],
      'MED_DISP|commune:2A004': ['ok', 22480],
      'TX_PAUVRETE|commune:2A004': ['ok', 16],
      'MED_DISP|commune:49002': ['missing', null],
      'TX_PAUVRETE|commune:49002': ['missing', null],
    });
    expect(plan.values[0]).toEqual({
      indicator: 'MED_DISP',
      year: 2021,
      territory: 'commune:01001',
      status: 'ok',
      value: 25820,
      source: 'INSEE, Filosofi 2021',
      origin: 'import',
      importId: 'import-1',
      updatedAt: 1_700_000_000_000,
    });
    expect(plan.report).toMatchObject({
      rowsRead: 7,
      rowsKept: 3,
      rowsOutsideTerritory: 4,
      rowsSkipped: 0,
      valuesWritten: 6,
      okCount: 3,
      secretCount: 1,
      missingCount: 2,
      territoriesNotFound: ['commune:49328'],
      series: [
        { indicator: 'MED_DISP', year: 2021, ok: 2, secret: 0, missing: 1 },
        { indicator: 'TX_PAUVRETE', year: 2021, ok: 1, secret: 1, missing: 1 },
      ],
    });
  });

  it('text in a column of figures is reported with its line and written as nothing, not as zero', async () => {
    const text = 'CODGEO;MED21\n49007;21080\n49099;voir note\n49328;19850\n';
    const plan = planIndicatorImport(
      await inspect(utf8(text), 'notes.csv'),
      { geo: { kind: 'code', column: 0, level: 'commune' }, columns: [{ column: 1, indicator: 'MED_DISP', year: 2021 }] },
      scope(['commune:49007', 'commune:49099', 'commune:49328']),
    );
    expect(plan.values.map((value) => value.territory)).toEqual(['commune:49007', 'commune:49328']);
    expect(plan.report.invalidCells).toEqual([{ column: 1, label: 'MED21', count: 1, examples: [{ line: 3, text: 'voir note' }] }]);
    expect(plan.report.rowsKept).toBe(3);
  });

  it('a territory given twice keeps its first row and reports the second with both line numbers', async () => {
    const text = 'CODGEO;MED21\n49007;21080\n49007;99999\n';
    const plan = planIndicatorImport(
      await inspect(utf8(text), 'doublon.csv'),
      { geo: { kind: 'code', column: 0, level: 'commune' }, columns: [{ column: 1, indicator: 'MED_DISP', year: 2021 }] },
      scope(['commune:49007']),
    );
    expect(plan.values.map((value) => value.value)).toEqual([21080]);
    expect(plan.report.skipped).toEqual([
      {
        reason: 'duplicate-territory',
        label: 'Lignes répétant un territoire déjà lu',
        count: 1,
        examples: [{ line: 3, message: 'commune:49007 déjà lu ligne 2 : la première ligne est gardée' }],
      },
    ]);
  });

  it('rows left out while reading are in the report, grouped by reason with their line numbers', async () => {
    const text = 'CODGEO;MED21\n49007;21080\n49099\n\n49328;19850\n';
    const plan = planIndicatorImport(
      await inspect(utf8(text), 'trous.csv'),
      { geo: { kind: 'code', column: 0, level: 'commune' }, columns: [{ column: 1, indicator: 'MED_DISP', year: 2021 }] },
      scope(['commune:49007', 'commune:49328']),
    );
    expect(plan.report.rowsRead).toBe(4);
    expect(plan.report.rowsSkipped).toBe(2);
    expect(plan.report.skipped.map((group) => [group.reason, group.count, group.examples.map((example) => example.line)])).toEqual([
      ['ragged', 1, [3]],
      ['blank', 1, [4]],
    ]);
  });
});

describe('the mission’s EPCI, département, région and France among the communes', () => {
  const keep = ['commune:49007', 'commune:49099', 'epci:244900015', 'departement:49', 'region:52', 'france:FR'];

  it('a level column (NIVGEO) tells each row’s level, so the comparison territories are imported too', async () => {
    const inspection = await inspect(utf8(fixtureText('territory-levels.csv')), 'niveaux.csv');
    expect(inspection.geo.levelColumn).toBe(0);
    expect(inspection.columns[1]).toMatchObject({ type: 'geo-code', geoLevel: 'mixed' });
    const suggestion = suggestMapping(inspection);
    expect(suggestion.geo).toEqual({ kind: 'code', column: 1, level: 'auto' });
    expect(suggestion.levelColumn).toBe(0);
    const plan = planIndicatorImport(
      inspection,
      { geo: { kind: 'code', column: 1, level: 'auto' }, levelColumn: 0, columns: [{ column: 3, indicator: 'POP', year: 2021 }] },
      scope(keep),
    );
    expect(plan.values.map((value) => [value.territory, value.value])).toEqual([
      ['commune:49007', 155850],
      ['commune:49099', 54204],
      ['epci:244900015', 304328],
      ['departement:49', 823115],
      ['region:52', 3873096],
      ['france:FR', 67407241],
    ]);
    expect(plan.report.rowsOutsideTerritory).toBe(1);
  });

  it('INSEE prefixed codes (COM-, EPCI-, DEP-, REG-, FE) say their level without a level column', async () => {
    const inspection = await inspect(utf8(fixtureText('prefixed-codes.csv')), 'prefixes.csv');
    const suggestion = suggestMapping(inspection);
    expect(suggestion.geo).toEqual({ kind: 'code', column: 0, level: 'auto' });
    const plan = planIndicatorImport(inspection, { geo: { kind: 'code', column: 0, level: 'auto' }, columns: [{ column: 2, indicator: 'POP', year: 2021 }] }, scope(keep));
    expect(plan.values.map((value) => value.territory)).toEqual(['commune:49007', 'epci:244900015', 'departement:49', 'region:52', 'france:FR']);
  });

  it('a bare two-digit code is the département or the région the mission has, and refused when it has both', async () => {
    const text = 'CODGEO;P21_POP\n49007;155850\n49;823115\n52;3873096\nFRANCE;67407241\n';
    const inspection = await inspect(utf8(text), 'codes-nus.csv');
    const mapping: IndicatorMapping = { geo: { kind: 'code', column: 0, level: 'auto' }, columns: [{ column: 1, indicator: 'POP', year: 2021 }] };
    const plan = planIndicatorImport(inspection, mapping, scope(keep));
    expect(plan.values.map((value) => value.territory)).toEqual(['commune:49007', 'departement:49', 'region:52', 'france:FR']);

    const ambiguous = planIndicatorImport(inspection, mapping, scope([...keep, 'departement:52']));
    expect(ambiguous.values.map((value) => value.territory)).not.toContain('region:52');
    expect(ambiguous.report.skipped[0]).toMatchObject({ reason: 'ambiguous-geo-code', count: 1, examples: [{ line: 4 }] });
  });
});

describe('a commune code split into département and commune columns', () => {
  it('"49" + "002" is commune 49002, "971" + "101" is 97101, and Corsica keeps its letter', async () => {
    const inspection = await inspect(latin1(crlf(fixtureText('rne-maires.txt'))), 'rne-maires.txt');
    const suggestion = suggestMapping(inspection);
    expect(suggestion.geo).toEqual({ kind: 'split', departementColumn: 0, communeColumn: 2 });
    const plan = planIndicatorImport(
      inspection,
      { geo: { kind: 'split', departementColumn: 0, communeColumn: 2 }, columns: [{ column: 7, indicator: 'NB_CONSEILLERS', year: 2020 }] },
      scope(['commune:49002', 'commune:97101', 'commune:2A004', 'commune:80001']),
    );
    expect(plan.values.map((value) => [value.territory, value.value])).toEqual([
      ['commune:49002', 19],
      ['commune:80001', 35],
      ['commune:2A004', 49],
      ['commune:97101', 39],
    ]);
  });

  it('the full code column is preferred when a file has both, as populations légales files do', async () => {
    const text = 'REG;DEP;CODCOM;COM;Commune;PMUN\n84;01;001;01001;L\'Abergement-Clémenciat;860\n01;971;101;97101;Les Abymes;51055\n';
    const inspection = await inspect(utf8(text), 'poplegales.csv');
    expect(inspection.geo.splitCodes).toEqual([{ departementColumn: 1, communeColumn: 2 }]);
    const suggestion = suggestMapping(inspection);
    expect(suggestion.geo).toEqual({ kind: 'code', column: 3, level: 'commune' });
    expect(suggestion.columns).toEqual([{ column: 5, indicator: 'POP', year: null }]);
  });
});

describe('the suggested mapping', () => {
  it('pre-fills every column of figures, recognised or not, and the geographic column', async () => {
    const suggestion = suggestMapping(await filosofi());
    expect(suggestion).toEqual({
      geo: { kind: 'code', column: 0, level: 'commune' },
      columns: [
        { column: 1, indicator: 'MEN_FISC', year: 2021 },
        { column: 2, indicator: 'MED_DISP', year: 2021 },
        { column: 3, indicator: 'TX_PAUVRETE', year: 2021 },
        { column: 4, indicator: 'D1_DISP', year: 2021 },
      ],
    });
  });

  it('two columns naming the same indicator and year: only the first is pre-filled', async () => {
    const suggestion = suggestMapping(await inspect(utf8('CODGEO;MED21;MED21\n49007;21080;21090\n'), 'double.csv'));
    expect(suggestion.columns).toEqual([
      { column: 1, indicator: 'MED_DISP', year: 2021 },
      { column: 2, indicator: null, year: null },
    ]);
  });
});

describe('a mapping that cannot be applied is refused in French before anything is planned', () => {
  it('without a geographic column', async () => {
    const inspection = await filosofi();
    const mapping = { columns: FILOSOFI_MAPPING.columns } as unknown as IndicatorMapping;
    await expectImportError(() => planIndicatorImport(inspection, mapping, scope(['commune:01001'])), 'mapping-no-geo');
  });

  it('with a column the file does not have', async () => {
    const inspection = await filosofi();
    const error = await expectImportError(
      () => planIndicatorImport(inspection, { ...FILOSOFI_MAPPING, columns: [{ column: 12, indicator: 'MED_DISP', year: 2021 }] }, scope(['commune:01001'])),
      'mapping-missing-column',
    );
    expect(error.message).toContain('le fichier compte 5 colonnes');
  });

  it('with the same indicator and year for two columns', async () => {
    const inspection = await filosofi();
    const mapping: IndicatorMapping = {
      ...FILOSOFI_MAPPING,
      columns: [
        { column: 2, indicator: 'MED_DISP', year: 2021 },
        { column: 4, indicator: 'MED_DISP', year: 2021 },
      ],
    };
    const error = await expectImportError(() => planIndicatorImport(inspection, mapping, scope(['commune:01001'])), 'mapping-duplicate-indicator');
    expect(error.message).toContain('« MED21 » et « D121 »');
  });

  it('without any indicator column, or with a column whose year is unknown', async () => {
    const inspection = await filosofi();
    await expectImportError(() => planIndicatorImport(inspection, { ...FILOSOFI_MAPPING, columns: [] }, scope([])), 'mapping-no-columns');
    const error = await expectImportError(
      () => planIndicatorImport(inspection, { ...FILOSOFI_MAPPING, columns: [{ column: 2, indicator: 'MED_DISP', year: Number.NaN }] }, scope([])),
      'mapping-invalid-indicator',
    );
    expect(error.message).toContain('l’année');
  });

  it('with the geographic column also imported as an indicator', async () => {
    const inspection = await filosofi();
    await expectImportError(
      () => planIndicatorImport(inspection, { ...FILOSOFI_MAPPING, columns: [{ column: 0, indicator: 'POP', year: 2021 }] }, scope([])),
      'mapping-invalid-indicator',
    );
  });
});

describe('the markers in a planned import', () => {
  it('secret and missing values stay apart, and an explicit zero stays a zero', async () => {
    const inspection = await inspect(utf8(fixtureText('missing-markers.csv')), 'marqueurs.csv');
    const keep = inspection.rows.map((row) => `commune:${row[0]}`);
    const plan = planIndicatorImport(inspection, { geo: { kind: 'code', column: 0, level: 'commune' }, columns: [{ column: 2, indicator: 'ALLOC', year: 2022 }] }, scope(keep));
    const statuses = Object.fromEntries(plan.values.map((value) => [value.territory.slice(-2), value.status === 'ok' ? value.value : value.status]));
    expect(statuses).toEqual({
      '01': 'secret',
      '02': 'secret',
      '03': 'secret',
      '04': 'secret',
      '05': 'missing',
      '06': 'missing',
      '07': 'missing',
      '08': 'missing',
      '09': 'missing',
      '10': 'missing',
      '11': 'missing',
      '12': 'missing',
      '13': 'missing',
      '14': 'missing',
      '15': 0,
      '16': 1234.5,
      '17': 12345,
    });
    expect(plan.values.filter((value) => value.status !== 'ok').every((value) => value.value === null)).toBe(true);
  });
});
