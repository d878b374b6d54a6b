import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStreamingWorkbook,
  streamWorkbookToBytes,
  type StreamingWorkbook,
} from '@shared/export/xlsx-stream/streaming-xlsx-writer';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, readWorkbook } from '../gdpr/test-support';

const PERCENT = '#,##0.0"\u00a0%"';
const EUROS = '#,##0"\u00a0€"';
const HEADER = { bold: true, color: 'FFFFFF', fill: '2F5D3A', wrap: true } as const;
const TRICKY_TEXT = 'Crèche « Les P’tits Loups » & halte-garderie <0-3 ans> "complet"\u0001\u0008\u000b\u001f\uFFFE ✓ 😀';
const TRICKY_TEXT_AS_READ = 'Crèche « Les P’tits Loups » & halte-garderie <0-3 ans> "complet" ✓ 😀';
const LONG_SHEET_NAME = 'Prestations sociales (CAF, MSA) et accès aux droits';

/** A small table of the kind every workbook of Bocage holds: a header, typed rows, a total. */
function writeBudgetSheet(workbook: StreamingWorkbook): void {
  const sheet = workbook.addSheet('Budget', {
    columns: [{ width: 30 }, { width: 14, numFmt: EUROS }, { width: 12, numFmt: PERCENT }, { width: 14 }, { width: 10 }],
    frozenRows: 1,
    frozenColumns: 1,
    autoFilter: { headerRow: 1 },
    landscape: true,
    printTitleRow: 1,
  });
  sheet.addRow(['Action', 'Budget', 'Part', 'Échéance', 'Engagée'], { style: HEADER, height: 30 });
  sheet.addRow(['Relais petite enfance', 42_000, 12.5, new Date(Date.UTC(2025, 5, 30)), true]);
  sheet.addRow([TRICKY_TEXT, 8_500.5, null, { value: new Date(Date.UTC(2025, 11, 31, 14, 30)), numFmt: 'dd/mm/yyyy hh:mm' }, false]);
  sheet.addRow([
    { value: 'Total', bold: true },
    { value: 50_500.5, formula: 'SUM(B2:B3)', bold: true },
    { value: 'secret stat.', italic: true, color: '808080' },
    { value: 'terminé', formula: 'IF(E2,"terminé","en cours")' },
    null,
  ]);
  sheet.end();
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`Pas de feuille « ${name} » (feuilles : ${workbook.worksheets.map((each) => each.name).join(', ')}).`);
  return sheet;
}

async function sampleWorkbook(): Promise<Uint8Array> {
  return streamWorkbookToBytes(
    (workbook) => {
      writeBudgetSheet(workbook);
      for (const name of [LONG_SHEET_NAME, LONG_SHEET_NAME, 'Logement: loyers [2024] / charges?*', 'budget', '']) {
        workbook.addSheet(name, { columns: [{ width: 20 }] }).addRow([name]);
      }
    },
    { title: 'Plan d’action & budget', creator: 'Claire Dupont', created: new Date(Date.UTC(2026, 2, 20, 10, 15)) },
  );
}

describe('the streaming Excel writer', () => {
  let bytes: Uint8Array;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    bytes = await sampleWorkbook();
    workbook = await readWorkbook(bytes);
  });

  it('keeps numbers, dates, booleans and texts with their number formats, so totals and shares read as figures', () => {
    const sheet = sheetNamed(workbook, 'Budget');
    expect(sheet.getCell('A2').value).toBe('Relais petite enfance');
    expect(sheet.getCell('B2').value).toBe(42_000);
    expect(sheet.getCell('B2').numFmt).toBe(EUROS);
    expect(sheet.getCell('C2').value).toBe(12.5);
    expect(sheet.getCell('C2').numFmt).toBe(PERCENT);
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(sheet.getCell('D2').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('D3').value).toEqual(new Date(Date.UTC(2025, 11, 31, 14, 30)));
    expect(sheet.getCell('D3').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getCell('E2').value).toBe(true);
    expect(sheet.getCell('E3').value).toBe(false);
    expect(sheet.getCell('C3').value).toBeNull();
    expect(sheet.getCell('C4').value).toBe('secret stat.');
    expect(sheet.getCell('C4').font).toMatchObject({ name: 'Arial', size: 10, italic: true, color: { argb: 'FF808080' } });
  });

  it('writes totals as formulas that carry their computed result, for viewers that do not recalculate', () => {
    const sheet = sheetNamed(workbook, 'Budget');
    expect(sheet.getCell('B4').value).toEqual({ formula: 'SUM(B2:B3)', result: 50_500.5 });
    expect(sheet.getCell('B4').numFmt).toBe(EUROS);
    expect(sheet.getCell('B4').font).toMatchObject({ bold: true });
    expect(sheet.getCell('D4').value).toEqual({ formula: 'IF(E2,"terminé","en cours")', result: 'terminé' });
  });

  it('keeps the header in view and filterable, prints on A4 with the header on every page', () => {
    const sheet = sheetNamed(workbook, 'Budget');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1, topLeftCell: 'B2' });
    expect(sheet.autoFilter).toBe('A1:E4');
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    expect(sheet.headerFooter.oddFooter).toBe('&C&8Page &P sur &N');
    expect(sheet.getColumn(1).width).toBe(30);
    const header = sheet.getCell('A1');
    expect(header.font).toMatchObject({ name: 'Arial', size: 10, bold: true, color: { argb: 'FFFFFFFF' } });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5D3A' } });
    expect(header.alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(1).height).toBe(30);
  });

  it('escapes & < > and quotes and drops the control characters XML forbids, instead of writing a corrupt file', () => {
    expect(sheetNamed(workbook, 'Budget').getCell('A3').value).toBe(TRICKY_TEXT_AS_READ);
  });

  it('gives every sheet a name Excel accepts: 31 characters at most, none of []:*?/\\, unique whatever the case', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Budget',
      'Prestations sociales (CAF, MSA)',
      'Prestations sociales (CAF, (2)',
      'Logement loyers 2024 charges',
      'budget (2)',
      'Feuille 6',
    ]);
  });

  it('names the workbook and its author in the file properties', () => {
    expect(workbook.title).toBe('Plan d’action & budget');
    expect(workbook.creator).toBe('Claire Dupont');
    expect(workbook.created).toEqual(new Date(Date.UTC(2026, 2, 20, 10, 15)));
  });

  it('hands a 20,000-row sheet over in many chunks while it is written, so the rows never pile up in memory', async () => {
    const chunkSizes: number[] = [];
    let receivedBeforeFinish = 0;
    const writer = createStreamingWorkbook({ onData: (chunk) => chunkSizes.push(chunk.length), title: 'Grand tableau' });
    const sheet = writer.addSheet('Valeurs', { columns: [{ width: 12 }, { width: 30 }, { width: 10, numFmt: PERCENT }, { width: 12 }] });
    sheet.addRow(['Code', 'Commune', 'Taux', 'Relevé'], { style: HEADER });
    for (let index = 1; index <= 20_000; index += 1) {
      const secret = index % 7 === 0;
      sheet.addRow([
        String(index).padStart(5, '0'),
        `Commune n° ${index}`,
        secret ? { value: 'secret stat.', italic: true, color: '808080' } : (index % 1000) / 10,
        new Date(Date.UTC(2024, 0, 1 + (index % 365))),
      ]);
      if (index === 10_000) receivedBeforeFinish = chunkSizes.length;
    }
    sheet.end();
    const chunksBeforeFinish = chunkSizes.length;
    await writer.finish();

    expect(receivedBeforeFinish).toBeGreaterThan(5);
    expect(chunksBeforeFinish).toBeGreaterThan(receivedBeforeFinish);
    const total = chunkSizes.reduce((sum, size) => sum + size, 0);
    // Most of the file was out before finish(): only the small parts written last remain.
    expect(chunkSizes.slice(0, chunksBeforeFinish).reduce((sum, size) => sum + size, 0) / total).toBeGreaterThan(0.9);
  });

  it('reads a 20,000-row sheet back whole, with one style entry per look rather than one per cell', async () => {
    const bytes = await streamWorkbookToBytes((writer) => {
      const sheet = writer.addSheet('Valeurs', { columns: [{ width: 12 }, { width: 10, numFmt: PERCENT }] });
      for (let index = 1; index <= 20_000; index += 1) {
        sheet.addRow([`Ligne ${index}`, index % 7 === 0 ? { value: 'n.d.', italic: true, color: '808080' } : index / 10]);
      }
    });
    const files = unzipSync(bytes);
    const styles = strFromU8(files['xl/styles.xml'] ?? new Uint8Array());
    expect(/<cellXfs count="(\d+)"/.exec(styles)?.[1]).toBe('3');
    const sheet = sheetNamed(await readWorkbook(bytes), 'Valeurs');
    expect(sheet.rowCount).toBe(20_000);
    expect(sheet.getCell('A20000').value).toBe('Ligne 20000');
    expect(sheet.getCell('B20000').value).toBe(2000);
    expect(sheet.getCell('B20000').numFmt).toBe(PERCENT);
    expect(sheet.getCell('B19999').value).toBe('n.d.');
  });

  it('refuses what would make a broken file: a row after its sheet ended, a figure that is not a number, an empty workbook', async () => {
    const writer = createStreamingWorkbook({ onData: () => undefined });
    const sheet = writer.addSheet('Feuille', { columns: [] });
    expect(() => sheet.addRow(['Taux', Number.NaN])).toThrow(/Nombre invalide/);
    expect(sheet.addRow(['Taux', 12.5])).toBe(1);
    sheet.end();
    expect(() => sheet.addRow(['trop tard'])).toThrow(/est terminée/);
    await expect(createStreamingWorkbook({ onData: () => undefined }).finish()).rejects.toThrow(/au moins une feuille/);
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    let workDir: string;
    let csvBySheet: Map<string, string>;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'bocage-stream-xlsx-'));
      const path = join(workDir, 'classeur.xlsx');
      await writeFile(path, bytes);
      const csvFiles = await convertWithLibreOffice(path, 'csv', workDir, LIBREOFFICE_TIMEOUT_MS);
      csvBySheet = new Map(await Promise.all(csvFiles.map(async (file) => [basename(file, '.csv').replace(/^classeur-/, ''), await readFile(file, 'utf8')] as const)));
    }, LIBREOFFICE_TIMEOUT_MS);

    afterAll(async () => {
      await rm(workDir, { recursive: true, force: true });
    });

    it('opens every sheet with its values, the formulas’ results and the escaped text intact', () => {
      expect([...csvBySheet.keys()].sort()).toEqual(workbook.worksheets.map((sheet) => sheet.name).sort());
      const budget = csvBySheet.get('Budget') ?? '';
      const lines = budget.trim().split('\n');
      expect(lines[0]).toBe('Action,Budget,Part,Échéance,Engagée');
      expect(lines[1]).toMatch(/^Relais petite enfance,42000,12\.5,[^,]+,TRUE$/);
      expect(lines[2]).toContain('"Crèche « Les P’tits Loups » & halte-garderie <0-3 ans> ""complet"" ✓ 😀",8500.5,,');
      expect(lines[3]).toMatch(/^Total,50500\.5,secret stat\.,terminé,$/);
    });
  });
});
