/**
 * The layout every table sheet of Bocage's workbooks shares: a title, a note saying where the
 * figures come from, an optional warning, then a filtered table whose header stays frozen and
 * prints on every A4 page.
 */
import ExcelJS from 'exceljs';
import {
  a4PageSetup,
  addWrappedRow,
  BASE_FONT,
  estimatedWrappedRowHeight,
  excelHeaderFooterText,
  NARROW_MARGINS,
  NOTE_FONT,
  TITLE_FONT,
  writeHeaderRow,
} from '../xlsx-print';
import { isIsoDate } from '../../validation/mission-validation';

/** Title, note, warning (or a gap), then the column headers. */
export const TABLE_HEADER_ROW = 4;
export const TABLE_FIRST_DATA_ROW = TABLE_HEADER_ROW + 1;

export const WARNING_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true, color: { argb: 'FF9C0006' } };

export interface TableColumn<Row> {
  header: string;
  width: number;
  /** The column's number format, or one per row when the rows' figures differ (decimals written). */
  numFmt?: string | ((row: Row) => string | undefined);
  value: (row: Row) => ExcelJS.CellValue;
}

export interface TableSheetContent<Row> {
  name: string;
  title: string;
  /** Where the figures come from, when they were exported, who may read them. */
  note: string;
  /** Printed in bold red under the note, e.g. that the figures are fictitious. */
  warning?: string;
  /** Printed at the foot of every page, left; the page number goes right. */
  footer: string;
  /** Printed at the foot of every page, centre (e.g. "diffusion restreinte"). */
  footerCentre?: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  /** Written under the header when there is no row, so an empty table does not look broken. */
  empty: string;
}

export interface TableSheet {
  sheet: ExcelJS.Worksheet;
  /** The first and last rows of the table's body; last = first when the table is empty (its one line says so). */
  firstRow: number;
  lastRow: number;
}

export interface WorkbookDescription {
  title: string;
  subject: string;
  generatedAt: Date;
}

export function newWorkbook(description: WorkbookDescription): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bocage';
  workbook.lastModifiedBy = 'Bocage';
  workbook.title = description.title;
  workbook.subject = description.subject;
  workbook.created = description.generatedAt;
  workbook.modified = description.generatedAt;
  return workbook;
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A merged line across the table's width, its height fitted to its wrapped text. */
export function writeBanner(sheet: ExcelJS.Worksheet, rowNumber: number, text: string, font: Partial<ExcelJS.Font>, widths: readonly number[]): void {
  sheet.mergeCells(rowNumber, 1, rowNumber, widths.length);
  const cell = sheet.getCell(rowNumber, 1);
  cell.value = text;
  cell.font = font;
  cell.alignment = { vertical: 'top', wrapText: true };
  const totalWidth = widths.reduce((total, width) => total + width, 0);
  sheet.getRow(rowNumber).height = estimatedWrappedRowHeight(text, totalWidth, font.size ?? BASE_FONT.size ?? 10);
}

export function footerText(left: string, centre?: string): string {
  const middle = centre ? `&C&8${excelHeaderFooterText(centre)}` : '';
  return `&L&8${excelHeaderFooterText(left)}${middle}&R&8Page &P sur &N`;
}

export function addTableSheet<Row>(workbook: ExcelJS.Workbook, content: TableSheetContent<Row>): TableSheet {
  const sheet = workbook.addWorksheet(content.name);
  const { columns } = content;
  sheet.columns = columns.map((column) => ({
    width: column.width,
    style: { font: BASE_FONT, ...(typeof column.numFmt === 'string' ? { numFmt: column.numFmt } : {}) },
  }));
  const widths = columns.map((column) => column.width);
  const lastColumn = sheet.getColumn(columns.length).letter;

  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = content.title;
  title.font = TITLE_FONT;
  sheet.getRow(1).height = 22;
  writeBanner(sheet, 2, content.note, NOTE_FONT, widths);
  if (content.warning) writeBanner(sheet, 3, content.warning, WARNING_FONT, widths);

  writeHeaderRow(sheet.getRow(TABLE_HEADER_ROW), columns.map((column) => column.header));

  for (const row of content.rows) {
    const added = addWrappedRow(sheet, columns.map((column) => column.value(row)), widths);
    columns.forEach((column, index) => {
      if (typeof column.numFmt !== 'function') return;
      const numFmt = column.numFmt(row);
      if (numFmt) added.getCell(index + 1).numFmt = numFmt;
    });
  }
  if (content.rows.length === 0) sheet.addRow([content.empty]).getCell(1).font = NOTE_FONT;
  const lastRow = TABLE_HEADER_ROW + Math.max(1, content.rows.length);
  sheet.autoFilter = `A${TABLE_HEADER_ROW}:${lastColumn}${TABLE_HEADER_ROW + content.rows.length}`;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: TABLE_HEADER_ROW, topLeftCell: `A${TABLE_FIRST_DATA_ROW}`, activeCell: `A${TABLE_FIRST_DATA_ROW}` }];
  sheet.pageSetup = a4PageSetup('landscape', TABLE_HEADER_ROW, NARROW_MARGINS);
  sheet.headerFooter.oddFooter = footerText(content.footer, content.footerCentre);
  return { sheet, firstRow: TABLE_FIRST_DATA_ROW, lastRow };
}

export interface FiguresSheetContent {
  name: string;
  title: string;
  note: string;
  warning?: string;
  footer: string;
  footerCentre?: string;
  /** The label column's width, then the figure column's. */
  widths: readonly [number, number];
}

/** A sheet of small label–figure tables (summaries, statistics), printed A4 portrait. */
export function addFiguresSheet(workbook: ExcelJS.Workbook, content: FiguresSheetContent): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(content.name);
  sheet.columns = content.widths.map((width) => ({ width, style: { font: BASE_FONT } }));
  sheet.mergeCells(1, 1, 1, content.widths.length);
  const title = sheet.getCell(1, 1);
  title.value = content.title;
  title.font = TITLE_FONT;
  sheet.getRow(1).height = 22;
  writeBanner(sheet, 2, content.note, NOTE_FONT, content.widths);
  if (content.warning) writeBanner(sheet, 3, content.warning, WARNING_FONT, content.widths);
  sheet.pageSetup = { ...a4PageSetup('portrait', TABLE_HEADER_ROW, NARROW_MARGINS), printTitlesRow: undefined };
  // A portrait page has no room for two long texts side by side at its foot: the notice goes on top.
  sheet.headerFooter.oddFooter = footerText(content.footer);
  if (content.footerCentre) sheet.headerFooter.oddHeader = `&C&8${excelHeaderFooterText(content.footerCentre)}`;
  return sheet;
}

export interface FigureRow {
  label: string;
  value: ExcelJS.CellValue;
  numFmt: string;
  /** A total: bold, ruled above. */
  total?: boolean;
}

/** Bold, a rule above and a double rule below, as accountants mark a total. */
export function styleTotalRow(row: ExcelJS.Row, columnCount: number): void {
  for (let column = 1; column <= columnCount; column += 1) {
    const cell = row.getCell(column);
    cell.font = { ...BASE_FONT, bold: true };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  }
}

/** A header and labelled figures from `startRow`; returns the row after the gap that follows. */
export function writeFigureBlock(sheet: ExcelJS.Worksheet, startRow: number, headers: readonly [string, string], rows: readonly FigureRow[]): number {
  writeHeaderRow(sheet.getRow(startRow), headers);
  sheet.getRow(startRow).height = 18;
  rows.forEach((entry, index) => {
    const row = sheet.getRow(startRow + 1 + index);
    const label = row.getCell(1);
    label.value = entry.label;
    label.alignment = { vertical: 'top', wrapText: true };
    const value = row.getCell(2);
    value.value = entry.value;
    value.numFmt = entry.numFmt;
    value.alignment = { vertical: 'top' };
    if (entry.total) styleTotalRow(row, 2);
  });
  return startRow + rows.length + 2;
}

/**
 * A formula that also carries its value, so viewers that never recalculate (previews, phones,
 * LibreOffice's default for Excel files) still show the figure.
 */
export function formulaCell(formula: string, result: number | string): ExcelJS.CellFormulaValue {
  return { formula, result };
}

/** A range of one column between two rows, e.g. "I5:I12". */
export function columnRange(column: string, firstRow: number, lastRow: number): string {
  return `${column}${firstRow}:${column}${lastRow}`;
}

export function columnSum(column: string, firstRow: number, lastRow: number): string {
  return `SUM(${columnRange(column, firstRow, lastRow)})`;
}

/** "'Plan d’action'!E5:E12": a range of another sheet, quoted as Excel wants. */
export function sheetRange(sheetName: string, range: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${range}`;
}

/** An ISO date as an Excel date (a day number without time zone), or null. */
export function excelDate(isoDate: string | null): Date | null {
  return isoDate !== null && isIsoDate(isoDate) ? new Date(`${isoDate}T00:00:00Z`) : null;
}

export const DATE_FORMAT = 'dd/mm/yyyy';
export const WHOLE_NUMBER_FORMAT = '0';
export const COUNT_FORMAT = '#,##0';
