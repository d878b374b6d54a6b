/**
 * The two writers the `xlsx-stream` benchmark compares, fed the same rows: Bocage's streaming
 * writer (src-shared/export/xlsx-stream) and exceljs's own streaming writer, which exists only in
 * exceljs's Node build. Each writes one sheet to a file, with the same header, number formats,
 * frozen header row and filter. Each mode loads only its own writer's modules (`loadWriter`), so a
 * process measuring one writer does not carry the other's code.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import * as prng from 'lib0/prng';
import type { Cell } from '../../src-shared/export/xlsx-stream/streaming-xlsx-writer';

export type XlsxStreamMode = 'bocage' | 'exceljs';

export const XLSX_STREAM_MODES: readonly XlsxStreamMode[] = ['bocage', 'exceljs'];

const SEED = 100;
const HEADERS = ['Code commune', 'Commune', 'Indicateur', 'Année', 'Valeur', 'Part', 'Mise à jour', 'Source'] as const;
const WIDTHS = [12, 28, 44, 8, 14, 10, 12, 44] as const;
const WHOLE_NUMBER = '#,##0';
const PERCENT = '#,##0.0"\u00a0%"';
const DATE = 'dd/mm/yyyy';
const COMMUNES = ['Bavay', 'Le Quesnoy', 'Landrecies', 'Forest-en-Cambrésis', 'L’Orée de Mormal', 'Taisnières-sur-Hon', 'Gommegnies', 'Poix-du-Nord'];
const INDICATORS = [
  'Population municipale',
  'Familles monoparentales',
  'Allocataires CAF à bas revenus',
  'Places d’accueil du jeune enfant',
  'Demandeurs d’emploi (catégories A, B, C)',
  'Logements sociaux',
];
const SOURCES = ['INSEE, recensement de la population 2021', 'Cnaf, données allocataires par commune (CAF) 2023', 'France Travail, STMT 2024'];

/** One row of the sheet: text codes and names, a year, a count, a share (or a secret figure), a date, a source. */
export interface BenchRow {
  code: string;
  commune: string;
  indicator: string;
  year: number;
  value: number;
  /** Null when under statistical secret: written as the text « secret stat. ». */
  share: number | null;
  updatedAt: Date;
  source: string;
}

/** The same rows on every run and for both writers (seeded). */
export function* benchRows(count: number): Generator<BenchRow> {
  const random = prng.create(SEED);
  for (let index = 0; index < count; index += 1) {
    const commune = index % 2000;
    yield {
      code: String(1001 + commune).padStart(5, '0'),
      commune: `${COMMUNES[commune % COMMUNES.length] ?? ''} ${Math.floor(commune / COMMUNES.length) + 1}`,
      indicator: INDICATORS[index % INDICATORS.length] ?? '',
      year: 2017 + (index % 7),
      value: Math.round(50_000 * random.next()),
      share: random.next() < 0.08 ? null : Math.round(1000 * random.next()) / 10,
      updatedAt: new Date(Date.UTC(2024, 0, 1 + (index % 366))),
      source: SOURCES[index % SOURCES.length] ?? '',
    };
  }
}

const SECRET_TEXT = 'secret stat.';

/** Called every so many rows and at the end, so a synchronous writer is sampled too. */
export type MemorySampler = () => void;
const SAMPLE_EVERY_ROWS = 1000;

export type WriteSheet = (path: string, rows: number, sample: MemorySampler) => Promise<void>;

async function loadBocageWriter(): Promise<WriteSheet> {
  const { createStreamingWorkbook } = await import('../../src-shared/export/xlsx-stream/streaming-xlsx-writer');
  return async (path, rows, sample) => {
    const file = openSync(path, 'w');
    try {
      const workbook = createStreamingWorkbook({ onData: (chunk) => writeSync(file, chunk), title: 'Benchmark', creator: 'Bocage' });
      const sheet = workbook.addSheet('Valeurs', {
        columns: WIDTHS.map((width, index) => ({ width, numFmt: index === 4 ? WHOLE_NUMBER : index === 5 ? PERCENT : undefined })),
        frozenRows: 1,
        autoFilter: { headerRow: 1 },
      });
      sheet.addRow(HEADERS, { style: { bold: true, color: 'FFFFFF', fill: '2F5D3A', wrap: true }, height: 30 });
      let written = 0;
      for (const row of benchRows(rows)) {
        const share: Cell = row.share === null ? { value: SECRET_TEXT, italic: true, color: '808080' } : row.share;
        sheet.addRow([row.code, row.commune, row.indicator, row.year, row.value, share, row.updatedAt, row.source]);
        written += 1;
        if (written % SAMPLE_EVERY_ROWS === 0) sample();
      }
      await workbook.finish();
      sample();
    } finally {
      closeSync(file);
    }
  };
}

async function loadExceljsWriter(): Promise<WriteSheet> {
  const { default: excel } = await import('exceljs');
  return async (path, rows, sample) => {
    const workbook = new excel.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    workbook.creator = 'Bocage';
    const sheet = workbook.addWorksheet('Valeurs', { views: [{ state: 'frozen', ySplit: 1 }] });
    const font: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
    sheet.columns = WIDTHS.map((width, index) => ({
      width,
      style: { font, ...(index === 4 ? { numFmt: WHOLE_NUMBER } : index === 5 ? { numFmt: PERCENT } : index === 6 ? { numFmt: DATE } : {}) },
    }));
    sheet.autoFilter = `A1:H${rows + 1}`;
    const header = sheet.addRow([...HEADERS]);
    header.height = 30;
    header.eachCell((cell) => {
      cell.font = { ...font, bold: true, color: { argb: 'FFFFFFFF' } };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5D3A' } };
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    header.commit();
    let written = 0;
    for (const row of benchRows(rows)) {
      const added = sheet.addRow([row.code, row.commune, row.indicator, row.year, row.value, row.share ?? SECRET_TEXT, row.updatedAt, row.source]);
      if (row.share === null) added.getCell(6).font = { ...font, italic: true, color: { argb: 'FF808080' } };
      added.commit();
      written += 1;
      if (written % SAMPLE_EVERY_ROWS === 0) sample();
    }
    sheet.commit();
    await workbook.commit();
    sample();
  };
}

/** The mode's writer, its modules loaded: what a measure times starts after this. */
export function loadWriter(mode: XlsxStreamMode): Promise<WriteSheet> {
  return mode === 'bocage' ? loadBocageWriter() : loadExceljsWriter();
}

/** Reads a written file back with exceljs's streaming reader: its data rows and its last row's cells. */
export async function readBack(path: string): Promise<{ dataRows: number; lastRow: unknown[] }> {
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let rowsRead = 0;
  let lastRow: unknown[] = [];
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      rowsRead += 1;
      const values = row.values;
      lastRow = Array.isArray(values) ? values.slice(1) : [];
    }
  }
  return { dataRows: rowsRead - 1, lastRow };
}
