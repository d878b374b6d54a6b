import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMissionXlsx } from '@shared/export/mission-xlsx';
import { convertToPdf, convertWithLibreOffice, pdfToText } from '../helpers/libreoffice';
import { CTG_FIELD_ROWS, CTG_KNOWN_POPULATION_TOTAL, ctgMissionSnapshot, emptyMissionSnapshot } from '../helpers/mission-fixtures';

const OPTIONS = { generatedAt: new Date('2024-05-14T16:05:00Z'), geographyVintage: 'COG 2026' };
const LIBREOFFICE_TIMEOUT_MS = 60_000;

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as a home-made Buffer that clashes with Node's; at run time it takes
  // any ArrayBuffer, as a browser would pass.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`La feuille « ${name} » manque.`);
  return found;
}

/** The row of a commune in the Communes sheet, found by its INSEE code in column A. */
function communeRow(communes: ExcelJS.Worksheet, code: string): ExcelJS.Row {
  for (let rowNumber = 2; rowNumber <= communes.rowCount; rowNumber += 1) {
    const row = communes.getRow(rowNumber);
    if (row.getCell(1).value === code) return row;
  }
  throw new Error(`Aucune ligne pour la commune ${code}.`);
}

describe('mission summary as an Excel workbook', () => {
  let ctgBytes: Uint8Array;
  let ctg: ExcelJS.Workbook;

  beforeAll(async () => {
    ctgBytes = await buildMissionXlsx(ctgMissionSnapshot(), OPTIONS);
    ctg = await readWorkbook(ctgBytes);
  });

  it('is a plain Uint8Array with a Mission sheet and a Communes sheet, signed by Bocage', () => {
    expect(ctgBytes.constructor).toBe(Uint8Array);
    expect(ctg.worksheets.map((worksheet) => worksheet.name)).toEqual(['Mission', 'Communes']);
    expect(ctg.creator).toBe('Bocage');
    expect(ctg.title).toBe('Diagnostic CTG Pays de Mormal');
  });

  it('gives every field of the mission card on its own row, in French', () => {
    const mission = sheet(ctg, 'Mission');
    const rows = [2, 3, 4, 5, 6, 7, 8].map((rowNumber) => [mission.getCell(rowNumber, 1).value, mission.getCell(rowNumber, 2).value]);
    expect(rows).toEqual(CTG_FIELD_ROWS);
    expect(mission.getCell(8, 2).alignment?.wrapText).toBe(true);
    expect(mission.getCell(10, 1).value).toMatch(/^Géographie officielle : COG 2026\. Document exporté le 14\/05\/2024/);
  });

  it('has a bold, filled, frozen header row with a filter on the communes, so long lists stay readable and sortable', () => {
    const communes = sheet(ctg, 'Communes');
    expect(communes.getRow(1).values).toEqual([undefined, 'Code INSEE', 'Commune', 'Département', 'Codes postaux', 'Population']);
    for (let column = 1; column <= 5; column += 1) {
      const headerCell = communes.getCell(1, column);
      expect(headerCell.font?.bold).toBe(true);
      expect(headerCell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    }
    expect(communes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet(ctg, 'Mission').views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // The filter covers the communes but not the total, so sorting never moves the total row.
    expect(communes.autoFilter).toBe('A1:E11');
    expect(communes.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });

  it('keeps INSEE codes as text, so 01001 keeps its leading zero and 2A004 is not mangled', () => {
    const communes = sheet(ctg, 'Communes');
    for (const code of ['01001', '2A004', '59053']) {
      const codeCell = communeRow(communes, code).getCell(1);
      expect(codeCell.type).toBe(ExcelJS.ValueType.String);
      expect(codeCell.value).toBe(code);
    }
    expect(communeRow(communes, '01001').getCell(4).value).toBe('01400');
    expect(communeRow(communes, '2A004').getCell(4).value).toBe('20000, 20090, 20167');
  });

  it('stores populations as numbers in French format and leaves an unknown population empty rather than 0', () => {
    const communes = sheet(ctg, 'Communes');
    const ajaccio = communeRow(communes, '2A004').getCell(5);
    expect(ajaccio.value).toBe(76320);
    expect(ajaccio.numFmt).toBe('# ##0');
    const clipperton = communeRow(communes, '98901').getCell(5);
    expect(clipperton.type).toBe(ExcelJS.ValueType.Null);
    expect(clipperton.value).toBeNull();
  });

  it('totals the population with a live SUM formula that already carries its result', () => {
    const communes = sheet(ctg, 'Communes');
    const totalRow = communes.getRow(12);
    expect(totalRow.getCell(2).value).toBe('Total');
    expect(totalRow.getCell(5).value).toEqual({ formula: 'SUM(E2:E11)', result: CTG_KNOWN_POPULATION_TOTAL });
    expect(totalRow.getCell(5).font?.bold).toBe(true);
    expect(communes.getCell(14, 1).value).toBe('Population non disponible pour 1 commune : le total ne la compte pas.');
  });

  it('exports a mission with no commune and no dates, saying there is no commune', async () => {
    const empty = await readWorkbook(await buildMissionXlsx(emptyMissionSnapshot(), OPTIONS));
    const mission = sheet(empty, 'Mission');
    expect(mission.getCell(6, 1).value).toBe('Dates');
    expect(mission.getCell(6, 2).value).toBe('Non renseigné');
    const communes = sheet(empty, 'Communes');
    expect(communes.getCell(2, 2).value).toBe('Aucune commune dans le territoire de cette mission.');
    expect(communes.rowCount).toBe(2);
    expect(communes.autoFilter).toBe('A1:E1');
  });

  describe('opened in LibreOffice', () => {
    let workDir: string;
    let xlsxPath: string;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'bocage-xlsx-'));
      xlsxPath = join(workDir, 'mission.xlsx');
      await writeFile(xlsxPath, ctgBytes);
    });

    afterAll(async () => {
      await rm(workDir, { recursive: true, force: true });
    });

    it(
      'reads back both sheets with the codes as written, the empty population and the total',
      async () => {
        const csvFiles = await convertWithLibreOffice(xlsxPath, 'csv', workDir);
        expect(csvFiles.map((path) => basename(path))).toEqual(['mission-Communes.csv', 'mission-Mission.csv']);
        const [communesCsv, missionCsv] = await Promise.all(csvFiles.map((path) => readFile(path, 'utf8')));
        expect(missionCsv).toContain('Titre,Diagnostic CTG Pays de Mormal');
        expect(communesCsv).toContain('2A004,Ajaccio,2A,"20000, 20090, 20167",76320');
        expect(communesCsv).toContain("01001,L'Abergement-Clémenciat,01,01400,860");
        expect(communesCsv).toContain('98901,Île de Clipperton,989,98799,\n');
        expect(communesCsv).toContain(',Total,,,97935');
      },
      LIBREOFFICE_TIMEOUT_MS,
    );

    it(
      'prints with the title, the commune names and the French-formatted total',
      async () => {
        const text = (await pdfToText(await convertToPdf(xlsxPath, workDir))).replace(/[\u202f\u00a0]/g, ' ');
        expect(text).toContain('Diagnostic CTG Pays de Mormal');
        expect(text).toContain('Taisnières-sur-Hon');
        expect(text).toContain('Ajaccio');
        expect(text).toMatch(/Total\s+97 935/);
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
