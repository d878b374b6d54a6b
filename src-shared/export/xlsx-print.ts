/** Printing helpers the Excel builders share. */

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
