/**
 * The first step of a file import: read the bytes of a statistical table (text or .xlsx) and say
 * what is in it, without writing anything. Pure, so it runs in a worker, the main process or a
 * script alike.
 */
import { analyseColumns } from './column-analysis';
import { parseCsvTable, type RawTable } from './csv-table';
import { detectTableFormat, MAX_TABLE_FILE_BYTES } from './file-format';
import type { TableInspection } from './table-inspection';
import { locateTable } from './table-structure';
import { decodeTableText, type DecodedText } from './text-decoding';
import { readXlsxTable } from './xlsx-table';

export interface InspectOptions {
  fileName: string;
  /** The sheet to read in a workbook; by default the biggest visible one. */
  sheetName?: string;
  /** Called with a growing fraction between 0 and 1, for a progress bar. */
  onProgress?: (fraction: number) => void;
  /** Overrides `MAX_TABLE_FILE_BYTES`. */
  maxBytes?: number;
}

/** Calls `onProgress` with a growing fraction, at most once per percent, scaled into [from, to] for each phase. */
function progressReporter(onProgress: ((fraction: number) => void) | undefined) {
  let last = -1;
  const report = (fraction: number): void => {
    if (!onProgress) return;
    const rounded = Math.floor(Math.min(1, Math.max(0, fraction)) * 100) / 100;
    if (rounded <= last) return;
    last = rounded;
    onProgress(rounded);
  };
  const phase =
    (from: number, to: number) =>
    (fraction: number): void =>
      report(from + (to - from) * fraction);
  return { report, phase };
}

/**
 * Reads a table file and reports what it understood: format, encoding, separator, header,
 * columns, data rows, skipped rows with reasons. Throws `ImportError` (French message) for a file
 * that cannot be imported.
 */
export async function inspectTableFile(bytes: Uint8Array, options: InspectOptions): Promise<TableInspection> {
  const { fileName } = options;
  const progress = progressReporter(options.onProgress);
  progress.report(0);
  const format = detectTableFormat(bytes, fileName, options.maxBytes ?? MAX_TABLE_FILE_BYTES);

  let raw: RawTable;
  let decoded: DecodedText | null = null;
  let separator: TableInspection['separator'] = null;
  let lineEnding: TableInspection['lineEnding'] = null;
  let sheet: TableInspection['sheet'] = null;
  if (format === 'xlsx') {
    const table = await readXlsxTable(bytes, fileName, options.sheetName, progress.phase(0, 0.75));
    raw = table;
    sheet = { name: table.sheetName, names: table.sheetNames };
  } else {
    decoded = decodeTableText(bytes, fileName);
    progress.report(0.05);
    const table = parseCsvTable(decoded.text, fileName, progress.phase(0.05, 0.75));
    raw = table;
    separator = table.separator;
    lineEnding = table.lineEnding;
  }
  progress.report(0.75);

  const structure = locateTable(raw, fileName);
  progress.report(0.8);
  // A workbook's numbers are written with a point ("0.125"); a comma-separated file cannot use decimal commas unquoted.
  const conventionalMark = format === 'xlsx' || separator === ',' ? 'point' : 'comma';
  const analysis = analyseColumns(structure, conventionalMark, progress.phase(0.8, 1));
  progress.report(1);

  return {
    fileName,
    byteLength: bytes.length,
    format,
    encoding: decoded?.encoding ?? null,
    byteOrderMark: decoded?.byteOrderMark ?? false,
    separator,
    lineEnding,
    decimalMark: analysis.parsingMark,
    decimalMarkDetected: analysis.decimalMark !== null,
    sheet,
    titleLines: structure.titleLines,
    headerRowIndex: structure.headerRowIndex,
    headerLine: raw.lines[structure.headerRowIndex] ?? structure.headerRowIndex + 1,
    codeRowLine: structure.codeRowIndex === null ? null : (raw.lines[structure.codeRowIndex] ?? structure.codeRowIndex + 1),
    columns: analysis.columns,
    rows: structure.dataRows,
    rowLines: structure.dataLines,
    skippedRows: structure.skippedRows,
    missingMarkers: analysis.missingMarkers,
    geo: analysis.geo,
    warnings: decoded?.warnings ?? [],
  };
}
