import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planIndicatorImport, suggestMapping } from '@shared/import/indicator-import';
import { column, expectImportError, HAS_REAL_DATA, inspect, REAL_DATA, rowWhere } from './import-test-helpers';

function realFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${REAL_DATA}${name}`));
}

const SKIP_MESSAGE = `public data files absent (${REAL_DATA}): real-file import tests skipped`;
if (!HAS_REAL_DATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_REAL_DATA)('real public files (skipped when ../shared/data/real is absent)', () => {
  it('Filosofi 2021: every commune, decimal commas, hundreds of thousands of secret cells, MED21 as the 2021 median', async () => {
    const inspection = await inspect(realFile('insee_filosofi_2021_com.csv'), 'insee_filosofi_2021_com.csv');
    expect(inspection).toMatchObject({ encoding: 'utf-8', separator: ';', decimalMark: 'comma', decimalMarkDetected: true, headerRowIndex: 0 });
    expect(inspection.rows).toHaveLength(34_909);
    expect(inspection.skippedRows).toEqual([]);
    const secret = inspection.missingMarkers.find((marker) => marker.marker === 's');
    expect(secret?.meaning).toBe('secret');
    expect(secret?.count).toBeGreaterThan(700_000);
    expect(column(inspection, 'MED21').guess).toEqual({ indicator: 'MED_DISP', year: 2021 });
    expect(column(inspection, 'TP6021').guess).toEqual({ indicator: 'TX_PAUVRETE', year: 2021 });
    expect(column(inspection, 'CODGEO')).toMatchObject({ type: 'geo-code', geoLevel: 'commune' });
    expect(rowWhere(inspection, 'CODGEO', '01001')[3]).toBe('25820');
    expect(rowWhere(inspection, 'CODGEO', '2A004')).toBeDefined();

    const suggestion = suggestMapping(inspection);
    const med = suggestion.columns.find((entry) => entry.indicator === 'MED_DISP');
    const plan = planIndicatorImport(
      inspection,
      { geo: { kind: 'code', column: 0, level: 'commune' }, columns: [{ column: med?.column ?? -1, indicator: 'MED_DISP', year: 2021 }] },
      { keep: new Set(['commune:01001', 'commune:49007']), source: 'INSEE, Filosofi 2021', importId: 'real', now: 0 },
    );
    expect(plan.values.map((value) => [value.territory, value.status, value.value])).toEqual([
      ['commune:01001', 'ok', 25820],
      ['commune:49007', 'ok', expect.any(Number)],
    ]);
  });

  it('populations légales: UTF-8 accents, département + commune columns beside the full code', async () => {
    const inspection = await inspect(realFile('insee_poplegales_communes.csv'), 'insee_poplegales_communes.csv');
    expect(inspection).toMatchObject({ encoding: 'utf-8', separator: ';' });
    expect(inspection.rows).toHaveLength(34_900);
    expect(inspection.geo.splitCodes).toEqual([{ departementColumn: column(inspection, 'DEP').index, communeColumn: column(inspection, 'CODCOM').index }]);
    expect(column(inspection, 'COM')).toMatchObject({ type: 'geo-code', geoLevel: 'commune' });
    expect(column(inspection, 'Commune').type).toBe('geo-name');
    expect(rowWhere(inspection, 'COM', '01001')[column(inspection, 'Commune').index]).toBe('L\'Abergement-Clémenciat');
    expect(rowWhere(inspection, 'COM', '97101')).toBeDefined();
    expect(column(inspection, 'PMUN').guess).toEqual({ indicator: 'POP', year: null });
    expect(suggestMapping(inspection).geo).toEqual({ kind: 'code', column: column(inspection, 'COM').index, level: 'commune' });
  });

  it('RNE mayors: Windows-1252, tabs, a title line, header on the second line, commune code in two columns', async () => {
    const inspection = await inspect(realFile('rne_maires_2020-12_dep49-80-86.latin1.txt'), 'rne_maires.txt');
    expect(inspection).toMatchObject({ encoding: 'windows-1252', separator: '\t', lineEnding: 'crlf', headerRowIndex: 1, headerLine: 2 });
    expect(inspection.titleLines).toEqual([{ line: 1, text: 'Titre du rapport' }]);
    expect(inspection.rows).toHaveLength(1_213);
    expect(inspection.geo.splitCodes).toEqual([{ departementColumn: 0, communeColumn: 2 }]);
    expect(column(inspection, 'Prénom de l\'élu').label).toBe('Prénom de l\'élu');
  });

  it('EPCI composition workbook: four title lines, labels then codes, codes kept as text', async () => {
    const inspection = await inspect(realFile('insee_epci_composition_2022.xlsx'), 'insee_epci_composition_2022.xlsx');
    expect(inspection.sheet).toEqual({ name: 'Composition_communale', names: ['EPCI', 'Composition_communale', 'Variables', 'Documentation'] });
    expect(inspection).toMatchObject({ headerRowIndex: 4, headerLine: 5, codeRowLine: 6 });
    expect(inspection.titleLines).toHaveLength(4);
    expect(inspection.columns.map((entry) => entry.code)).toEqual(['CODGEO', 'LIBGEO', 'EPCI', 'LIBEPCI', 'DEP', 'REG']);
    expect(column(inspection, 'CODGEO')).toMatchObject({ label: 'Code géographique', type: 'geo-code', geoLevel: 'commune' });
    expect(column(inspection, 'EPCI')).toMatchObject({ type: 'geo-code', geoLevel: 'epci' });
    expect(inspection.rows[0]).toEqual(['01001', 'L\'Abergement-Clémenciat', '200069193', 'CC de la Dombes', '01', '84']);

    const epciSheet = await inspect(realFile('insee_epci_composition_2022.xlsx'), 'insee_epci_composition_2022.xlsx', { sheetName: 'EPCI' });
    expect(epciSheet.columns.map((entry) => entry.code)).toEqual(['EPCI', 'LIBEPCI', 'NATURE_EPCI', 'NB_COM']);
    expect(suggestMapping(epciSheet).geo).toEqual({ kind: 'code', column: 0, level: 'epci' });
  });

  it('a Word document is refused as "not a table"', async () => {
    const error = await expectImportError(() => inspect(realFile('fixture_word2016_paras_tables.docx'), 'document.docx'), 'not-a-table');
    expect(error.message).toContain('document Word');
  });

  it('office-written workbooks (merged cells, LibreOffice dates) are read or refused with a reason, never crash', async () => {
    const merged = await inspect(realFile('fixture_excel2016_merged_range.xlsx'), 'merged.xlsx');
    expect(merged.sheet?.names).toEqual(['Sheet1', 'Sheet2']);
    expect(merged.rows.length).toBeGreaterThan(0);
    await expectImportError(() => inspect(realFile('fixture_libreoffice74_date.xlsx'), 'dates.xlsx'), 'no-header');
  });
});
