import ExcelJS from 'exceljs';
import type { RawTable } from './csv-table';
import { ImportError } from './import-error';

export interface SheetTable extends RawTable {
  sheetName: string;
  sheetNames: string[];
}

/** "00000" and the like: a format that shows a code with its leading zeros although the cell holds a number. */
const ZERO_PADDED_FORMAT = /^0+$/;

function numberText(value: number, numFmt: string | undefined): string {
  if (numFmt && ZERO_PADDED_FORMAT.test(numFmt) && Number.isInteger(value) && value >= 0) return String(value).padStart(numFmt.length, '0');
  return String(value);
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((run) => run.text).join('');
}

/** The text a cell shows, as a text export of the sheet would write it. */
function cellText(value: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return richText(value);
  if ('hyperlink' in value) {
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result ?? null, numFmt);
  return '';
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes;
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

function chooseSheet(workbook: ExcelJS.Workbook, fileName: string, sheetName: string | undefined): ExcelJS.Worksheet {
  const sheets = workbook.worksheets;
  if (sheetName !== undefined) {
    const wanted = sheetName.trim().toLowerCase();
    const found = sheets.find((sheet) => sheet.name === sheetName) ?? sheets.find((sheet) => sheet.name.trim().toLowerCase() === wanted);
    if (found) return found;
    throw new ImportError(
      'sheet-not-found',
      `La feuille « ${sheetName} » n’existe pas dans « ${fileName} ». Feuilles du classeur : ${sheets.map((sheet) => `« ${sheet.name} »`).join(', ')}.`,
    );
  }
  // The data usually sits on the biggest visible sheet, beside short "Documentation" or "Variables" sheets.
  const visible = sheets.filter((sheet) => sheet.state === 'visible');
  const biggest = [...(visible.length > 0 ? visible : sheets)].sort((a, b) => b.actualRowCount - a.actualRowCount)[0];
  if (!biggest) throw new ImportError('empty-sheet', `Le classeur « ${fileName} » ne contient aucune feuille.`);
  return biggest;
}

/** Reads one sheet of an .xlsx workbook as rows of cell texts, with exceljs. */
export async function readXlsxTable(
  bytes: Uint8Array,
  fileName: string,
  sheetName: string | undefined,
  onProgress: (fraction: number) => void,
): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(arrayBufferOf(bytes));
  } catch {
    throw new ImportError(
      'unreadable-workbook',
      `« ${fileName} » ne peut pas être lu comme un classeur Excel : il est sans doute abîmé. Ouvrez-le dans votre tableur et enregistrez-le de nouveau au format .xlsx.`,
    );
  }
  onProgress(0.6);
  const sheet = chooseSheet(workbook, fileName, sheetName);
  if (sheet.actualRowCount === 0) {
    throw new ImportError('empty-sheet', `La feuille « ${sheet.name} » de « ${fileName} » est vide.`);
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const cells: string[] = [];
    sheet.getRow(rowNumber).eachCell((cell, columnNumber) => {
      while (cells.length < columnNumber - 1) cells.push('');
      cells.push(cellText(cell.value, cell.numFmt).trim());
    });
    rows.push(cells);
    lines.push(rowNumber);
  }
  return {
    rows,
    lines,
    malformedRows: [],
    fixedWidth: false,
    sheetName: sheet.name,
    sheetNames: workbook.worksheets.map((worksheet) => worksheet.name),
  };
}
