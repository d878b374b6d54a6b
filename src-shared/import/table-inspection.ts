/**
 * What the importer understood of a statistical table, before the user maps its columns.
 * Plain data only (no classes, no maps), so it crosses a worker boundary as is.
 */
import type { DecimalMark, MarkerMeaning } from './cell-values';
import type { TableFormat } from './file-format';
import type { GeoColumnLevel } from './geo-codes';
import type { TextEncodingName } from './text-decoding';

export type Separator = ';' | ',' | '\t' | '|';

export type ColumnType = 'geo-code' | 'geo-name' | 'geo-level' | 'year' | 'number' | 'text' | 'empty';

export interface ColumnCounts {
  /** Cells holding a number. */
  numeric: number;
  /** Cells marked as statistical secret ("s", "secret", "N/A - secret statistique", "c"). */
  secret: number;
  /** Empty cells and cells marked as not available ("nd", "NA", "-", "…"). */
  missing: number;
  /** Cells holding anything else. */
  text: number;
  /** Text cells in a column of numbers or years: they will not be imported. */
  invalid: number;
}

export interface ColumnInspection {
  /** 0-based position in each row of `TableInspection.rows`. */
  index: number;
  /** The header text; the long label when the file has a second header row of codes. */
  label: string;
  /** The variable code from the second header row ("CODGEO", "MED21"), or null. */
  code: string | null;
  type: ColumnType;
  counts: ColumnCounts;
  /** The indicator recognised from the code or label; `year` is null when the header does not give it. */
  guess: { indicator: string; year: number | null } | null;
  /** For a 'geo-code' column: what its codes designate. */
  geoLevel: GeoColumnLevel | null;
  /** For a 'geo-code' column: codes whose lost leading zeros will be put back ("1001" → "01001"). */
  repairedCodes: number;
}

export interface SkippedRow {
  /** 1-based line of the file (row number of the sheet for a workbook). */
  line: number;
  reason: SkipReason;
  /** Plain French, with the detail: "5 champs au lieu de 8". */
  message: string;
}

export type SkipReason =
  | 'blank'
  | 'repeated-header'
  | 'ragged'
  | 'malformed-quotes'
  | 'footnote'
  | 'text-only'
  | 'unrecognised-geo-code'
  | 'ambiguous-geo-code'
  | 'duplicate-territory';

export interface MissingMarkerCount {
  /** As written in the file ("s", "N/A - secret statistique"); "" for empty cells. */
  marker: string;
  meaning: MarkerMeaning;
  count: number;
}

export interface SplitGeoCode {
  departementColumn: number;
  communeColumn: number;
}

export interface GeoDetection {
  codeColumns: { column: number; level: GeoColumnLevel; repairedCodes: number }[];
  /** A commune code given as a département column and a commune column ("49" + "002"). */
  splitCodes: SplitGeoCode[];
  /** A column naming each row's level (COM, EPCI, DEP, REG, FRANCE), or null. */
  levelColumn: number | null;
  nameColumns: number[];
}

export interface TableInspection {
  fileName: string;
  byteLength: number;
  format: TableFormat;
  /** Null for a workbook. */
  encoding: TextEncodingName | null;
  byteOrderMark: boolean;
  separator: Separator | null;
  lineEnding: 'crlf' | 'lf' | 'cr' | null;
  /** The mark numbers are read with. */
  decimalMark: DecimalMark;
  /** False when no cell told (whole numbers only): the mark is then the file's convention (comma; point in a workbook or a comma-separated file). */
  decimalMarkDetected: boolean;
  /** The sheet read and every sheet of the workbook; null for a text file. */
  sheet: { name: string; names: string[] } | null;
  /** Non-empty lines above the header: titles, dates, sources. */
  titleLines: { line: number; text: string }[];
  /** 0-based index of the header among the file's rows (lines, or sheet rows). */
  headerRowIndex: number;
  headerLine: number;
  /** The second header row, of codes under long labels, or null. */
  codeRowLine: number | null;
  columns: ColumnInspection[];
  /** Data rows, each with one trimmed cell text per column. */
  rows: string[][];
  /** 1-based line of each data row. */
  rowLines: number[];
  skippedRows: SkippedRow[];
  missingMarkers: MissingMarkerCount[];
  geo: GeoDetection;
  /** Plain French notes that do not stop the import. */
  warnings: string[];
}
