/** Printing helpers the Excel builders share. */
import type ExcelJS from 'exceljs';

/** Excel's "Normal" margins, in inches. */
export const NORMAL_MARGINS: ExcelJS.Margins = { left: 0.6, right: 0.6, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/** Narrower margins, in inches, that leave wide lists of people more room. */
export const NARROW_MARGINS: ExcelJS.Margins = { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 };

/**
 * Printed on A4, shrunk to the page's width but on as many pages as it takes, with the header row
 * printed again at the top of every page.
 */
export function a4PageSetup(orientation: 'portrait' | 'landscape', headerRow: number, margins: ExcelJS.Margins): Partial<ExcelJS.PageSetup> {
  return { paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins, printTitlesRow: `${headerRow}:${headerRow}` };
}

/** Width of one column-width unit (the "0" of the default font), in pixels at 100 %. */
const PIXELS_PER_WIDTH_UNIT = 7;
/** Arial's average glyph, spaces included, in French prose: about half an em, plus a safety margin. */
const AVERAGE_GLYPH_EM = 0.55;
const LINE_HEIGHT_EM = 1.3;
const POINTS_TO_PIXELS = 96 / 72;

/**
 * The row height, in points, that shows all of a wrapped text in a merged cell. Excel and
 * LibreOffice fit a single cell's height to its text, never a merged cell's, so it is estimated
 * from the line width and the font size, erring on the tall side.
 */
export function estimatedWrappedRowHeight(text: string, lineWidthUnits: number, fontSizePt: number): number {
  const lineWidthPx = lineWidthUnits * PIXELS_PER_WIDTH_UNIT;
  const glyphPx = fontSizePt * POINTS_TO_PIXELS * AVERAGE_GLYPH_EM;
  const charactersPerLine = Math.max(1, Math.floor(lineWidthPx / glyphPx));
  const lines = text.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / charactersPerLine)), 0);
  return Math.ceil(lines * fontSizePt * LINE_HEIGHT_EM + 4);
}

/** Text for an Excel header or footer, where "&" starts a code and must be doubled to print. */
export function excelHeaderFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * The fonts and header colours of Bocage's tables, the same in every workbook it writes. Every
 * font names its face: a font without one falls back to a serif in some spreadsheet apps.
 */
export const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 10 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 14, bold: true, color: { argb: 'FF2F5D3A' } };
export const NOTE_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, italic: true, color: { argb: 'FF5A5A5A' } };
export const HEADER_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true, color: { argb: 'FFFFFFFF' } };
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5D3A' } };
const MIN_ROW_HEIGHT = 15;

/** Column headers in white on the header colour, wrapped, on a row tall enough for two lines. */
export function writeHeaderRow(row: ExcelJS.Row, headers: readonly string[]): void {
  row.values = [...headers];
  row.height = 30;
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

/**
 * A table row whose text wraps in its column. Its height is set from the longest text, because
 * LibreOffice keeps the default height on rows it opens and a wrapped cell would spill over the next.
 */
export function addWrappedRow(sheet: ExcelJS.Worksheet, values: readonly unknown[], columnWidths: readonly number[]): ExcelJS.Row {
  const added = sheet.addRow([...values]);
  added.alignment = { vertical: 'top', wrapText: true };
  added.height = Math.max(
    MIN_ROW_HEIGHT,
    ...values.map((value, index) =>
      typeof value === 'string' ? estimatedWrappedRowHeight(value, columnWidths[index] ?? 10, BASE_FONT.size ?? 10) : MIN_ROW_HEIGHT,
    ),
  );
  return added;
}
