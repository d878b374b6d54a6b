/**
 * `npm run import:inspect -- <file> [--sheet NAME]`: prints as JSON what the importer understood
 * of a statistical table, with the importer's own functions (the wizard runs the same ones).
 * Exit code 2 when the file is refused, with the French message the user would read.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isImportError } from '../src-shared/import/import-error';
import { suggestMapping } from '../src-shared/import/indicator-import';
import { inspectTableFile } from '../src-shared/import/inspect-table-file';
import type { SkipReason, TableInspection } from '../src-shared/import/table-inspection';

const PREVIEW_ROWS = 3;
const SKIPPED_ROWS_SHOWN = 20;

interface Arguments {
  file: string;
  sheet?: string;
}

function parseArguments(argv: readonly string[]): Arguments | null {
  let file: string | undefined;
  let sheet: string | undefined;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === '--sheet') {
      sheet = argv[index + 1];
      index += 1;
    } else if (argument !== undefined && !argument.startsWith('--')) {
      file = argument;
    }
  }
  return file === undefined ? null : { file, sheet };
}

function summary(inspection: TableInspection) {
  const skippedByReason: Partial<Record<SkipReason, number>> = {};
  for (const row of inspection.skippedRows) skippedByReason[row.reason] = (skippedByReason[row.reason] ?? 0) + 1;
  return {
    fileName: inspection.fileName,
    byteLength: inspection.byteLength,
    format: inspection.format,
    encoding: inspection.encoding,
    byteOrderMark: inspection.byteOrderMark,
    separator: inspection.separator,
    lineEnding: inspection.lineEnding,
    decimalMark: inspection.decimalMark,
    decimalMarkDetected: inspection.decimalMarkDetected,
    sheet: inspection.sheet,
    titleLines: inspection.titleLines,
    headerRowIndex: inspection.headerRowIndex,
    headerLine: inspection.headerLine,
    codeRowLine: inspection.codeRowLine,
    columns: inspection.columns,
    rowCount: inspection.rows.length,
    firstRows: inspection.rows.slice(0, PREVIEW_ROWS).map((cells, index) => ({ line: inspection.rowLines[index], cells })),
    skippedRowCount: inspection.skippedRows.length,
    skippedByReason,
    skippedRows: inspection.skippedRows.slice(0, SKIPPED_ROWS_SHOWN),
    missingMarkers: inspection.missingMarkers,
    geo: inspection.geo,
    warnings: inspection.warnings,
    suggestedMapping: suggestMapping(inspection),
  };
}

const parsed = parseArguments(process.argv.slice(2));
if (!parsed) {
  console.error('Usage : npm run import:inspect -- <fichier> [--sheet NOM_DE_FEUILLE]');
  process.exit(1);
}
try {
  const bytes = new Uint8Array(await readFile(parsed.file));
  const inspection = await inspectTableFile(bytes, { fileName: basename(parsed.file), sheetName: parsed.sheet });
  console.log(JSON.stringify(summary(inspection), null, 2));
} catch (error) {
  if (!isImportError(error)) throw error;
  console.log(JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2));
  process.exit(2);
}
