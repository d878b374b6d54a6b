/**
 * Where the table is in the rows of a file: title lines above it, the header (and a second header
 * row of codes), the data rows, and the rows to leave out with a reason the user can read.
 */
import { formatInteger } from '../format/french-format';
import { markerMeaning, parseNumber } from './cell-values';
import type { RawTable } from './csv-table';
import { codeShape, isFranceName } from './geo-codes';
import { ImportError } from './import-error';
import type { SkippedRow } from './table-inspection';

export interface TableStructure {
  titleLines: { line: number; text: string }[];
  headerRowIndex: number;
  codeRowIndex: number | null;
  labels: string[];
  codes: string[] | null;
  dataRows: string[][];
  dataLines: number[];
  skippedRows: SkippedRow[];
}

/** Titles and notes above the header rarely take more rows than this. */
const HEADER_SEARCH_ROWS = 300;

function nonEmptyCount(row: readonly string[]): number {
  let count = 0;
  for (const cell of row) if (cell !== '') count += 1;
  return count;
}

function lastNonEmptyIndex(row: readonly string[]): number {
  for (let index = row.length - 1; index >= 0; index -= 1) if (row[index] !== '') return index;
  return -1;
}

/** The number of filled cells most rows have: title lines hold one, the table many. */
function typicalWidth(rows: readonly string[][]): number {
  const frequency = new Map<number, number>();
  for (const row of rows) {
    const count = nonEmptyCount(row);
    if (count >= 2) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  }
  let width = 0;
  let best = 0;
  for (const [count, times] of frequency) {
    if (times > best || (times === best && count > width)) {
      width = count;
      best = times;
    }
  }
  return width;
}

const YEAR = /^(?:19|20)\d{2}$/;

/** A cell that names a column: words, or a year ("2021" heads a column of 2021 figures), never a figure or a marker. */
function isLabelCell(cell: string): boolean {
  if (YEAR.test(cell)) return true;
  if (markerMeaning(cell) !== null) return false;
  if (parseNumber(cell, 'comma') !== null) return false;
  return codeShape(cell) === 'other' || /[a-z]/.test(cell);
}

function isHeaderLike(row: readonly string[]): boolean {
  const filled = row.filter((cell) => cell !== '');
  return filled.filter(isLabelCell).length >= filled.length * 0.75;
}

const VARIABLE_CODE = /^[A-Za-z_][A-Za-z0-9_.]{0,39}$/;

/** A row of variable codes ("CODGEO", "LIBGEO", "EPCI") under a row of long labels, as INSEE workbooks have. */
function isCodeRowUnder(labels: readonly string[], candidate: readonly string[] | undefined, next: readonly string[] | undefined): boolean {
  if (!candidate) return false;
  const filled = candidate.filter((cell) => cell !== '');
  const labelCount = nonEmptyCount(labels);
  if (filled.length < Math.max(1, labelCount * 0.6) || !filled.every((cell) => VARIABLE_CODE.test(cell))) return false;
  if (labels.every((cell) => cell === '' || VARIABLE_CODE.test(cell))) return false;
  const nextFilled = (next ?? []).filter((cell) => cell !== '');
  return nextFilled.length === 0 || !nextFilled.every((cell) => VARIABLE_CODE.test(cell));
}

function locateHeader(rows: readonly string[][], fileName: string): { headerRowIndex: number; codeRowIndex: number | null } {
  const head = rows.slice(0, HEADER_SEARCH_ROWS);
  const width = typicalWidth(head);
  const threshold = Math.max(2, Math.ceil(width * 0.6));
  const headerRowIndex = head.findIndex((row) => nonEmptyCount(row) >= threshold && isHeaderLike(row));
  if (headerRowIndex < 0) {
    throw new ImportError(
      'no-header',
      `La ligne des noms de colonnes n’a pas été trouvée dans « ${fileName} » : ajoutez au-dessus des données une ligne d’en-tête (par exemple CODGEO;MED21).`,
    );
  }
  const labels = rows[headerRowIndex] ?? [];
  const codeRowIndex = isCodeRowUnder(labels, rows[headerRowIndex + 1], rows[headerRowIndex + 2]) ? headerRowIndex + 1 : null;
  return { headerRowIndex, codeRowIndex };
}

/** A sentence alone on its row: a title between blocks, or "Source : Insee, Filosofi 2021" under the table. */
function isSentenceRow(row: readonly string[], filledCells = nonEmptyCount(row)): boolean {
  if (filledCells !== 1) return false;
  const text = row.find((cell) => cell !== '') ?? '';
  return /\p{L}/u.test(text) && /[\s:]/.test(text) && !isFranceName(text);
}

function sameCells(row: readonly string[], reference: readonly string[], width: number): boolean {
  for (let index = 0; index < width; index += 1) if ((row[index] ?? '') !== (reference[index] ?? '')) return false;
  return true;
}

function quoted(text: string): string {
  return text.length > 60 ? `« ${text.slice(0, 57)}… »` : `« ${text} »`;
}

/**
 * Splits the rows into title lines, header and data. Rows that cannot be data are left out and
 * listed; when most rows are ragged the file is refused, because then the separator or the header
 * was misread and importing the few rows that fit would silently lose the others.
 */
export function locateTable(raw: RawTable, fileName: string): TableStructure {
  const { rows, lines } = raw;
  const { headerRowIndex, codeRowIndex } = locateHeader(rows, fileName);
  const headerRow = rows[headerRowIndex] ?? [];
  const codeRow = codeRowIndex === null ? null : (rows[codeRowIndex] ?? []);
  const width = Math.max(lastNonEmptyIndex(headerRow), codeRow ? lastNonEmptyIndex(codeRow) : -1) + 1;
  const labels = Array.from({ length: width }, (_, index) => headerRow[index] ?? '');
  const codes = codeRow ? Array.from({ length: width }, (_, index) => codeRow[index] ?? '') : null;

  const titleLines = rows
    .slice(0, headerRowIndex)
    .map((row, index) => ({ line: lines[index] ?? index + 1, text: row.filter((cell) => cell !== '').join(' ') }))
    .filter((title) => title.text !== '');

  const firstDataIndex = (codeRowIndex ?? headerRowIndex) + 1;
  // Blank rows after the last filled one are the end of the file (or a sheet's formatted but empty rows): nothing is lost there.
  let lastFilledRow = rows.length - 1;
  while (lastFilledRow >= firstDataIndex && nonEmptyCount(rows[lastFilledRow] ?? []) === 0) lastFilledRow -= 1;
  let lastTableRow = lastFilledRow;
  while (lastTableRow >= firstDataIndex && (nonEmptyCount(rows[lastTableRow] ?? []) === 0 || isSentenceRow(rows[lastTableRow] ?? []))) lastTableRow -= 1;

  const malformed = new Set(raw.malformedRows);
  const dataRows: string[][] = [];
  const dataLines: number[] = [];
  const skippedRows: SkippedRow[] = [];
  let raggedCount = 0;
  let firstRagged: SkippedRow | null = null;
  for (let index = firstDataIndex; index <= lastFilledRow; index += 1) {
    const row = rows[index] ?? [];
    const line = lines[index] ?? index + 1;
    const skip = (reason: SkippedRow['reason'], message: string): void => {
      skippedRows.push({ line, reason, message });
    };
    const filledCells = nonEmptyCount(row);
    if (malformed.has(index)) {
      skip('malformed-quotes', 'guillemet ouvert mais jamais refermé : la suite de la ligne ne peut pas être découpée en colonnes');
    } else if (filledCells === 0) {
      skip('blank', 'ligne vide');
    } else if (width > 1 && isSentenceRow(row, filledCells)) {
      const text = quoted(row.find((cell) => cell !== '') ?? '');
      if (index > lastTableRow) skip('footnote', `note ou source sous le tableau : ${text}`);
      else skip('text-only', `ligne de texte seule (titre intermédiaire ou note) : ${text}`);
    } else if (sameCells(row, headerRow, width) || (codeRow !== null && sameCells(row, codeRow, width))) {
      skip('repeated-header', 'ligne d’en-tête répétée');
    } else {
      const filledWidth = lastNonEmptyIndex(row) + 1;
      const tooShort = raw.fixedWidth && row.length < width;
      if (tooShort || filledWidth > width) {
        const fields = raw.fixedWidth ? `${formatInteger(row.length)} champs au lieu de ${formatInteger(width)}` : `cellule remplie au-delà de la dernière colonne de l’en-tête (colonne ${formatInteger(filledWidth)})`;
        const ragged: SkippedRow = { line, reason: 'ragged', message: fields };
        skippedRows.push(ragged);
        raggedCount += 1;
        firstRagged ??= ragged;
      } else {
        dataRows.push(row.length === width ? row : Array.from({ length: width }, (_, column) => row[column] ?? ''));
        dataLines.push(line);
      }
    }
  }

  if (firstRagged && raggedCount > (dataRows.length + raggedCount) / 2) {
    throw new ImportError(
      'mostly-ragged',
      `La plupart des lignes de « ${fileName} » (${formatInteger(raggedCount)} sur ${formatInteger(dataRows.length + raggedCount)}) n’ont pas le même nombre de colonnes que la ligne d’en-tête (ligne ${formatInteger(firstRagged.line)} : ${firstRagged.message}). Le séparateur ou la ligne d’en-tête a sans doute été mal reconnu : vérifiez le fichier dans un tableur.`,
    );
  }
  if (dataRows.length === 0) {
    throw new ImportError('no-data-rows', `« ${fileName} » ne contient que la ligne d’en-tête : aucune ligne de données à importer.`);
  }
  return { titleLines, headerRowIndex, codeRowIndex, labels, codes, dataRows, dataLines, skippedRows };
}
