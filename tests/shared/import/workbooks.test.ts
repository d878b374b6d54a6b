import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planIndicatorImport, suggestMapping } from '@shared/import/indicator-import';
import { column, expectImportError, inspect, workbookBytes } from './import-test-helpers';

/** An INSEE-style workbook: four title lines, long labels, then codes, then data; a documentation sheet beside it. */
function inseeWorkbook(workbook: ExcelJS.Workbook): void {
  const documentation = workbook.addWorksheet('Documentation');
  documentation.addRow(['Revenus et pauvreté des ménages']);
  documentation.addRow(['Voir insee.fr']);
  const data = workbook.addWorksheet('COM');
  data.addRow(['Revenus et pauvreté des ménages en 2021']);
  data.addRow(['Communes - Données au 01/01/2023']);
  data.addRow(['Mise en ligne le 29/02/2024       Géographie au 01/01/2023']);
  data.addRow(['@Insee       Source(s) : Insee-DGFiP-Cnaf-Cnav-CCMSA, Fichier localisé social et fiscal']);
  data.addRow(['Code géographique', 'Libellé géographique', 'Médiane du niveau de vie (€)', 'Taux de pauvreté (%)']);
  data.addRow(['CODGEO', 'LIBGEO', 'MED21', 'TP6021']);
  data.addRow(['01001', 'L\'Abergement-Clémenciat', 25820, 's']);
  data.addRow(['01004', 'Ambérieu-en-Bugey', 21660, 17.5]);
  data.addRow(['2A004', 'Ajaccio', 22480, 16]);
  data.addRow([]);
  data.addRow(['Source : Insee, Filosofi 2021']);
}

describe('an INSEE workbook with title lines and two header rows', () => {
  it('finds the biggest sheet, lists the title lines, and takes codes from the second header row', async () => {
    const inspection = await inspect(await workbookBytes(inseeWorkbook), 'filosofi.xlsx');
    expect(inspection).toMatchObject({
      format: 'xlsx',
      encoding: null,
      separator: null,
      sheet: { name: 'COM', names: ['Documentation', 'COM'] },
      headerRowIndex: 4,
      headerLine: 5,
      codeRowLine: 6,
      decimalMark: 'point',
    });
    expect(inspection.titleLines.map((title) => title.line)).toEqual([1, 2, 3, 4]);
    expect(inspection.columns.map((entry) => [entry.label, entry.code])).toEqual([
      ['Code géographique', 'CODGEO'],
      ['Libellé géographique', 'LIBGEO'],
      ['Médiane du niveau de vie (€)', 'MED21'],
      ['Taux de pauvreté (%)', 'TP6021'],
    ]);
  });

  it('codes stored as text keep their zeros and the indicator is guessed from the code row', async () => {
    const inspection = await inspect(await workbookBytes(inseeWorkbook), 'filosofi.xlsx');
    expect(inspection.rows.map((row) => row[0])).toEqual(['01001', '01004', '2A004']);
    expect(column(inspection, 'CODGEO')).toMatchObject({ type: 'geo-code', geoLevel: 'commune', repairedCodes: 0 });
    expect(column(inspection, 'MED21').guess).toEqual({ indicator: 'MED_DISP', year: 2021 });
    expect(column(inspection, 'TP6021').counts).toMatchObject({ numeric: 2, secret: 1 });
  });

  it('the source line under the table is left out as a note, not read as a commune', async () => {
    const inspection = await inspect(await workbookBytes(inseeWorkbook), 'filosofi.xlsx');
    expect(inspection.rows).toHaveLength(3);
    expect(inspection.skippedRows).toEqual([
      { line: 10, reason: 'blank', message: 'ligne vide' },
      { line: 11, reason: 'footnote', message: 'note ou source sous le tableau : « Source : Insee, Filosofi 2021 »' },
    ]);
  });

  it('another sheet can be chosen by name, and an unknown name lists the sheets', async () => {
    const bytes = await workbookBytes(inseeWorkbook);
    const error = await expectImportError(() => inspect(bytes, 'filosofi.xlsx', { sheetName: 'Données' }), 'sheet-not-found');
    expect(error.message).toContain('« Documentation », « COM »');
    const documentation = await expectImportError(() => inspect(bytes, 'filosofi.xlsx', { sheetName: 'documentation' }), 'no-header');
    expect(documentation.message).toContain('ligne d’en-tête');
  });
});

describe('a workbook where Excel turned commune codes into numbers', () => {
  function lostZeros(workbook: ExcelJS.Workbook): void {
    const sheet = workbook.addWorksheet('Feuil1');
    sheet.addRow(['CODGEO', 'P21_POP']);
    sheet.addRow([1001, 860]);
    sheet.addRow([1004, 16339]);
    sheet.addRow([49007, 155850]);
    const formatted = sheet.addRow([1002, 270]);
    // Shown as 01002 by its number format: the zero is not lost for whoever reads the sheet.
    formatted.getCell(1).numFmt = '00000';
  }

  it('the lost leading zero is put back and counted, so the communes of Ain are found', async () => {
    const inspection = await inspect(await workbookBytes(lostZeros), 'populations.xlsx');
    expect(inspection.rows.map((row) => row[0])).toEqual(['1001', '1004', '49007', '01002']);
    expect(column(inspection, 'CODGEO')).toMatchObject({ type: 'geo-code', geoLevel: 'commune', repairedCodes: 2 });
    const mapping = suggestMapping(inspection);
    expect(mapping.geo).toEqual({ kind: 'code', column: 0, level: 'commune' });
    const plan = planIndicatorImport(
      inspection,
      { geo: { kind: 'code', column: 0, level: 'commune' }, columns: [{ column: 1, indicator: 'POP', year: 2021 }] },
      { keep: new Set(['commune:01001', 'commune:01002', 'commune:49007']), source: 'INSEE', importId: 'import-1', now: 1 },
    );
    expect(plan.values.map((value) => [value.territory, value.value])).toEqual([
      ['commune:01001', 860],
      ['commune:49007', 155850],
      ['commune:01002', 270],
    ]);
    expect(plan.report.repairedCodes).toBe(1);
    expect(plan.report.rowsOutsideTerritory).toBe(1);
  });
});

describe('workbooks that are not tables', () => {
  it('a sheet with no header row is refused with a French explanation', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Feuil1');
      sheet.addRow([new Date(Date.UTC(2021, 0, 1)), 15]);
      sheet.addRow([new Date(Date.UTC(2021, 0, 2)), 16]);
    });
    await expectImportError(() => inspect(bytes, 'dates.xlsx'), 'no-header');
  });

  it('an empty sheet is refused', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Vide');
    });
    const error = await expectImportError(() => inspect(bytes, 'vide.xlsx'), 'empty-sheet');
    expect(error.message).toContain('« Vide »');
  });
});
