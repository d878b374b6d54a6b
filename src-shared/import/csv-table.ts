import Papa from 'papaparse';
import { ImportError } from './import-error';
import type { Separator } from './table-inspection';

/** The rows of a file as read, before the header is found: every line, blank ones included. */
export interface RawTable {
  rows: string[][];
  /** 1-based line where each row starts. */
  lines: number[];
  /** Indices of rows whose quotes are not closed. */
  malformedRows: number[];
  /** Whether a row shorter than the header is ragged (text files) or only has empty trailing cells (sheets). */
  fixedWidth: boolean;
}

export interface CsvTable extends RawTable {
  separator: Separator;
  lineEnding: 'crlf' | 'lf' | 'cr';
}

const SEPARATORS: readonly Separator[] = [';', '\t', ',', '|'];
const SAMPLE_CHARACTERS = 64 * 1024;
const SAMPLE_ROWS = 200;

interface SeparatorScore {
  separator: Separator;
  /** Share of the sample's non-blank lines that have the most common field count. */
  consistency: number;
  fields: number;
}

function scoreSeparator(sample: string, separator: Separator): SeparatorScore {
  const { data } = Papa.parse<string[]>(sample, { delimiter: separator, preview: SAMPLE_ROWS });
  const counts = data.filter((row) => !(row.length === 1 && (row[0] ?? '').trim() === '')).map((row) => row.length);
  const frequency = new Map<number, number>();
  for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
  let fields = 1;
  let best = 0;
  for (const [count, times] of frequency) {
    if (count > 1 && (times > best || (times === best && count > fields))) {
      fields = count;
      best = times;
    }
  }
  return { separator, consistency: counts.length === 0 ? 0 : best / counts.length, fields };
}

/**
 * The separator that splits the most lines into the same number of fields. Judged on every line
 * of a sample, so that a title line above the header ("Titre du rapport" in the RNE exports) or
 * a decimal comma in a semicolon file does not mislead it.
 */
export function detectSeparator(text: string): Separator | null {
  let sample = text.slice(0, SAMPLE_CHARACTERS);
  if (text.length > SAMPLE_CHARACTERS) {
    const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    if (lastBreak > 0) sample = sample.slice(0, lastBreak);
  }
  const scores = SEPARATORS.map((separator) => scoreSeparator(sample, separator)).filter((score) => score.consistency > 0);
  scores.sort((a, b) => b.consistency - a.consistency || b.fields - a.fields);
  return scores[0]?.separator ?? null;
}

function lineEndingOf(linebreak: string): CsvTable['lineEnding'] {
  if (linebreak === '\r\n') return 'crlf';
  return linebreak === '\r' ? 'cr' : 'lf';
}

function countBreaks(text: string, from: number, to: number, linebreak: string): number {
  let count = 0;
  for (let at = text.indexOf(linebreak, from); at !== -1 && at < to; at = text.indexOf(linebreak, at + linebreak.length)) count += 1;
  return count;
}

const PROGRESS_EVERY_ROWS = 5_000;

/** Splits a decoded text table into rows with papaparse, row by row so that progress and line numbers are known. */
export function parseCsvTable(text: string, fileName: string, onProgress: (fraction: number) => void): CsvTable {
  const separator = detectSeparator(text);
  if (separator === null) {
    throw new ImportError(
      'no-separator',
      `« ${fileName} » ne contient qu’une seule colonne : aucun séparateur n’a été reconnu (point-virgule, virgule, tabulation ou barre verticale). Vérifiez que c’est bien un tableau, ou enregistrez-le en CSV depuis votre tableur.`,
    );
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  const malformedRows: number[] = [];
  let line = 1;
  let position = 0;
  let linebreak = '\n';
  Papa.parse<string[]>(text, {
    delimiter: separator,
    step: (result) => {
      const cursor = result.meta.cursor;
      linebreak = result.meta.linebreak;
      const cells = result.data;
      // Papaparse reports an empty row for the end of a file that ends with a line break.
      if (cursor === position && cells.length === 1 && cells[0] === '') return;
      rows.push(cells.map((cell) => cell.trim()));
      lines.push(line);
      if (result.errors.length > 0) malformedRows.push(rows.length - 1);
      line += countBreaks(text, position, cursor, linebreak);
      position = cursor;
      if (rows.length % PROGRESS_EVERY_ROWS === 0) onProgress(cursor / text.length);
    },
  });
  return { rows, lines, malformedRows, fixedWidth: true, separator, lineEnding: lineEndingOf(linebreak) };
}
