/**
 * What each column of a located table holds: its type, how many cells are figures, secret,
 * missing or invalid, the indicator its header names, and which columns carry the geography.
 */
import { guessIndicatorCode } from '../diagnostic/indicator-catalogue';
import { normalizeForSearch } from '../text/normalize-search';
import { DecimalMarkCounter, markerMeaning, parseNumber, type DecimalMark, type MarkerMeaning } from './cell-values';
import { codeShape, geoHeaderHint, levelFromWord, type CodeShape, type GeoColumnLevel, type GeoHeaderHint } from './geo-codes';
import type { ColumnInspection, ColumnType, GeoDetection, MissingMarkerCount } from './table-inspection';
import type { TableStructure } from './table-structure';

export interface ColumnAnalysis {
  columns: ColumnInspection[];
  decimalMark: DecimalMark | null;
  /** The mark numbers are read with: the detected one, else the file's convention. */
  parsingMark: DecimalMark;
  missingMarkers: MissingMarkerCount[];
  geo: GeoDetection;
}

const DECIMAL_SAMPLE_ROWS = 5_000;
const UNHINTED_GEO_SAMPLE_ROWS = 2_000;
const PROGRESS_EVERY_ROWS = 10_000;
const YEAR = /^(?:19|20)\d{2}$/;
const YEAR_HEADER = /^(?:annee|an|year|millesime|annee de reference|periode)$/;
/** Region codes since 2016, to tell a column of region codes from one of département codes. */
const REGION_CODES = new Set(['01', '02', '03', '04', '06', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94']);

type ShapeCounts = Record<CodeShape, number> & { distinctive: number; regionCodes: number };

function emptyShapeCounts(): ShapeCounts {
  return {
    commune: 0,
    'commune-lost-zero': 0,
    epci: 0,
    departement: 0,
    'two-digits': 0,
    'one-digit': 0,
    'three-digits': 0,
    france: 0,
    prefixed: 0,
    other: 0,
    distinctive: 0,
    regionCodes: 0,
  };
}

function countShapes(rows: readonly string[][], column: number, limit: number): ShapeCounts {
  const counts = emptyShapeCounts();
  const end = Math.min(rows.length, limit);
  for (let index = 0; index < end; index += 1) {
    const cell = rows[index]?.[column] ?? '';
    if (cell === '' || markerMeaning(cell) !== null) continue;
    const shape = codeShape(cell);
    counts[shape] += 1;
    if (shape === 'prefixed' || (shape === 'commune' && (cell.startsWith('0') || /^2[AB]/i.test(cell)))) counts.distinctive += 1;
    if (REGION_CODES.has(cell)) counts.regionCodes += 1;
  }
  return counts;
}

/** The level of a column of codes, or null when its values are not codes. The header's hint settles what shapes alone cannot. */
function geoLevelOf(counts: ShapeCounts, hintLevel: GeoHeaderHint['level']): GeoColumnLevel | null {
  const communes = counts.commune + counts['commune-lost-zero'];
  const short = counts.departement + counts['two-digits'] + counts['one-digit'] + counts['three-digits'];
  const filled = communes + short + counts.epci + counts.france + counts.prefixed + counts.other;
  if (filled === 0 || counts.other > filled * 0.2) return null;
  const families = [communes, short, counts.epci, counts.france].filter((count) => count > 0).length;
  if (counts.prefixed > 0 || families > 1) return 'mixed';
  if (communes > 0) return 'commune';
  if (counts.epci > 0) return 'epci';
  if (counts.france > 0) return 'france';
  if (hintLevel === 'commune') return 'commune-suffix';
  if (hintLevel === 'departement' || hintLevel === 'region') return hintLevel;
  if (hintLevel !== null || counts['three-digits'] > counts.departement) return null;
  return counts.regionCodes === short ? 'region' : 'departement';
}

function repairedCount(counts: ShapeCounts, level: GeoColumnLevel): number {
  switch (level) {
    case 'commune':
      return counts['commune-lost-zero'];
    case 'departement':
    case 'region':
      return counts['one-digit'];
    case 'mixed':
      return counts['commune-lost-zero'] + counts['one-digit'];
    case 'commune-suffix':
      return counts['one-digit'] + counts['two-digits'];
    default:
      return 0;
  }
}

function shareOf(rows: readonly string[][], column: number, predicate: (cell: string) => boolean): number {
  let filled = 0;
  let matching = 0;
  for (const row of rows) {
    const cell = row[column] ?? '';
    if (cell === '' || markerMeaning(cell) !== null) continue;
    filled += 1;
    if (predicate(cell)) matching += 1;
  }
  return filled === 0 ? 0 : matching / filled;
}

function startsLikeNumber(cell: string): boolean {
  const code = cell.charCodeAt(0);
  return (code >= 48 && code <= 57) || code === 45 || code === 43 || code === 44 || code === 46 || code === 0x2212;
}

interface CellCounts {
  numeric: number[];
  secret: number[];
  missing: number[];
  text: number[];
  markers: Map<string, MissingMarkerCount>;
}

function countCells(rows: readonly string[][], width: number, mark: DecimalMark, onProgress: (fraction: number) => void): CellCounts {
  const numeric = new Array<number>(width).fill(0);
  const secret = new Array<number>(width).fill(0);
  const missing = new Array<number>(width).fill(0);
  const text = new Array<number>(width).fill(0);
  const markers = new Map<string, MissingMarkerCount>();
  const countMarker = (cell: string, meaning: MarkerMeaning): void => {
    const known = markers.get(cell);
    if (known) known.count += 1;
    else markers.set(cell, { marker: cell, meaning, count: 1 });
  };
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    for (let column = 0; column < width; column += 1) {
      const cell = row[column] ?? '';
      if (cell === '') {
        missing[column] = (missing[column] ?? 0) + 1;
        countMarker(cell, 'missing');
        continue;
      }
      if (startsLikeNumber(cell) && parseNumber(cell, mark) !== null) {
        numeric[column] = (numeric[column] ?? 0) + 1;
        continue;
      }
      const meaning = markerMeaning(cell);
      if (meaning === 'secret') secret[column] = (secret[column] ?? 0) + 1;
      else if (meaning === 'missing') missing[column] = (missing[column] ?? 0) + 1;
      else text[column] = (text[column] ?? 0) + 1;
      if (meaning) countMarker(cell, meaning);
    }
    if (index % PROGRESS_EVERY_ROWS === 0) onProgress(index / rows.length);
  }
  return { numeric, secret, missing, text, markers };
}

function detectDecimalMark(rows: readonly string[][]): DecimalMark | null {
  const counter = new DecimalMarkCounter();
  const end = Math.min(rows.length, DECIMAL_SAMPLE_ROWS);
  for (let index = 0; index < end; index += 1) for (const cell of rows[index] ?? []) counter.add(cell);
  return counter.result();
}

interface TypedColumn {
  type: ColumnType;
  geoLevel: GeoColumnLevel | null;
  repairedCodes: number;
}

function typeColumn(
  rows: readonly string[][],
  column: number,
  hint: GeoHeaderHint | null,
  headerName: string,
  numeric: number,
  secret: number,
  text: number,
): TypedColumn {
  const plain = (type: ColumnType): TypedColumn => ({ type, geoLevel: null, repairedCodes: 0 });
  const filled = numeric + text + secret;
  if (hint?.role === 'level' && shareOf(rows, column, (cell) => levelFromWord(cell) !== null) >= 0.8) return plain('geo-level');
  if (hint && hint.role !== 'level') {
    if (hint.role !== 'name') {
      const counts = countShapes(rows, column, rows.length);
      const level = geoLevelOf(counts, hint.level);
      if (level !== null) return { type: 'geo-code', geoLevel: level, repairedCodes: repairedCount(counts, level) };
    }
    if (hint.role !== 'code' && filled > 0 && text >= filled * 0.5) return plain('geo-name');
  }
  if (!hint) {
    const sample = countShapes(rows, column, UNHINTED_GEO_SAMPLE_ROWS);
    const sampleLevel = geoLevelOf(sample, null);
    if (sample.distinctive > 0 && (sampleLevel === 'commune' || sampleLevel === 'mixed')) {
      const counts = countShapes(rows, column, rows.length);
      const level = geoLevelOf(counts, null);
      if (level !== null) return { type: 'geo-code', geoLevel: level, repairedCodes: repairedCount(counts, level) };
    }
  }
  if (YEAR_HEADER.test(normalizeForSearch(headerName)) && numeric > 0 && shareOf(rows, column, (cell) => YEAR.test(cell)) >= 0.9) {
    return plain('year');
  }
  if (numeric > 0 && numeric >= text) return plain('number');
  if (filled === 0) return plain('empty');
  if (numeric === 0 && text === 0) return plain('number');
  return plain('text');
}

/** Reads every column of the table once: counts, type, guessed indicator, geography. */
export function analyseColumns(structure: TableStructure, defaultMark: DecimalMark, onProgress: (fraction: number) => void): ColumnAnalysis {
  const rows = structure.dataRows;
  const width = structure.labels.length;
  const decimalMark = detectDecimalMark(rows);
  const parsingMark = decimalMark ?? defaultMark;
  const cells = countCells(rows, width, parsingMark, onProgress);

  const columns: ColumnInspection[] = [];
  for (let index = 0; index < width; index += 1) {
    const code = structure.codes?.[index] || null;
    const label = structure.labels[index] || code || `Colonne ${index + 1}`;
    const hint = (code === null ? null : geoHeaderHint(code)) ?? geoHeaderHint(label);
    const numeric = cells.numeric[index] ?? 0;
    const secret = cells.secret[index] ?? 0;
    const text = cells.text[index] ?? 0;
    const typed = typeColumn(rows, index, hint, code ?? label, numeric, secret, text);
    const guessed = typed.type === 'number' || typed.type === 'empty' ? ((code === null ? null : guessIndicatorCode(code)) ?? guessIndicatorCode(label)) : null;
    columns.push({
      index,
      label,
      code,
      type: typed.type,
      counts: {
        numeric,
        secret,
        missing: cells.missing[index] ?? 0,
        text,
        invalid: typed.type === 'number' || typed.type === 'year' ? text : 0,
      },
      guess: guessed ? { indicator: guessed.indicator, year: guessed.year } : null,
      geoLevel: typed.geoLevel,
      repairedCodes: typed.repairedCodes,
    });
  }

  const codeColumns = columns
    .filter((column) => column.type === 'geo-code' && column.geoLevel !== null)
    .map((column) => ({ column: column.index, level: column.geoLevel as GeoColumnLevel, repairedCodes: column.repairedCodes }));
  const departementColumns = codeColumns.filter((column) => column.level === 'departement').map((column) => column.column);
  const splitCodes = codeColumns
    .filter((column) => column.level === 'commune-suffix')
    .flatMap((suffix) => {
      // The département column is normally just left of the commune part: take the nearest one on the left.
      const left = departementColumns.filter((column) => column < suffix.column);
      const departementColumn = left.length > 0 ? left[left.length - 1] : departementColumns[0];
      return departementColumn === undefined ? [] : [{ departementColumn, communeColumn: suffix.column }];
    });

  return {
    columns,
    decimalMark,
    parsingMark,
    missingMarkers: [...cells.markers.values()].sort((a, b) => b.count - a.count),
    geo: {
      codeColumns,
      splitCodes,
      levelColumn: columns.find((column) => column.type === 'geo-level')?.index ?? null,
      nameColumns: columns.filter((column) => column.type === 'geo-name').map((column) => column.index),
    },
  };
}
