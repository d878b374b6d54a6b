import ExcelJS from 'exceljs';
import type { MeetingSlot } from '../meetings/meeting-model';
import { a4PageSetup, excelHeaderFooterText, estimatedWrappedRowHeight, NARROW_MARGINS } from './xlsx-print';
import {
  blankRowCount,
  FOOTER_NOTICE_POINTER,
  fitInBox,
  pngSize,
  SIGN_IN_COLUMN_LABELS,
  signatureColumnLabel,
  signInSheetInfoFields,
  signInSheetOrientation,
  signInSheetPageLabel,
  signInSheetTitle,
  signInSlots,
  WALK_IN_HEADING,
  type SignInSheet,
  type SignInSheetOptions,
  type SignInSheetRow,
} from './sign-in-sheet-content';

/** Every font names its face: a font without one falls back to a serif in some spreadsheet apps. */
const BASE_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 9 };
const BOLD_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
const TITLE_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 15, bold: true, color: { argb: 'FF2F5D3A' } };
const HEADER_FONT: Partial<ExcelJS.Font> = { ...BOLD_FONT, color: { argb: 'FFFFFFFF' } };
const NOTICE_FONT: Partial<ExcelJS.Font> = { name: 'Arial', size: 7.5, color: { argb: 'FF333333' } };
const NUMBER_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, color: { argb: 'FF5A5A5A' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5D3A' } };
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF3EC' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF7F8F7B' } };
const BOXED: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/**
 * 44 points is 1.55 cm. The columns are sized for Calibri, the workbook's base font; where it is
 * replaced by a wider font (LibreOffice without Carlito), fitting the width shrinks the page by up
 * to a fifth, and the box still leaves about 1.2 cm to sign.
 */
const SIGNATURE_ROW_HEIGHT_PT = 44;
const POINTS_TO_PIXELS = 96 / 72;
/** DrawingML offsets are in EMU: 9 525 per screen pixel. */
const EMU_PER_PIXEL = 9525;
const SIGNATURE_PADDING_PX = 4;

/** Widths in characters, chosen so the sheet prints at full size on the A4 line with Calibri. */
const COLUMN_WIDTHS = {
  portrait: { number: 4, name: 23, organisation: 20, category: 17, signature: 24 },
  landscape: { number: 4, name: 28, organisation: 25, category: 21, signature: 27 },
} as const;

/** How Excel and LibreOffice turn a column width in characters into pixels at 100 %. */
function columnPixels(width: number): number {
  return Math.floor(width * 7 + 5);
}

function styleRange(sheet: ExcelJS.Worksheet, rowNumber: number, columnCount: number, style: (cell: ExcelJS.Cell) => void): void {
  const row = sheet.getRow(rowNumber);
  for (let column = 1; column <= columnCount; column += 1) style(row.getCell(column));
}

function addInfoBlock(sheet: ExcelJS.Worksheet, signInSheet: SignInSheet, columnCount: number, title: string): number {
  sheet.mergeCells(1, 1, 1, columnCount);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = TITLE_FONT;
  sheet.getRow(1).height = 24;

  let rowNumber = 3;
  for (const field of signInSheetInfoFields(signInSheet)) {
    sheet.mergeCells(rowNumber, 1, rowNumber, 2);
    sheet.mergeCells(rowNumber, 3, rowNumber, columnCount);
    const label = sheet.getCell(rowNumber, 1);
    label.value = field.label;
    label.font = BOLD_FONT;
    label.fill = LABEL_FILL;
    const value = sheet.getCell(rowNumber, 3);
    value.value = field.value;
    value.font = BASE_FONT;
    styleRange(sheet, rowNumber, columnCount, (cell) => {
      cell.border = BOXED;
      cell.alignment = { vertical: 'middle', wrapText: true };
    });
    rowNumber += 1;
  }
  return rowNumber + 1;
}

function addHeaderRow(sheet: ExcelJS.Worksheet, rowNumber: number, slots: readonly MeetingSlot[]): void {
  const labels = [
    SIGN_IN_COLUMN_LABELS.number,
    SIGN_IN_COLUMN_LABELS.name,
    SIGN_IN_COLUMN_LABELS.organisation,
    SIGN_IN_COLUMN_LABELS.category,
    ...slots.map((slot) => signatureColumnLabel(slot, slots.length)),
  ];
  const row = sheet.getRow(rowNumber);
  row.values = labels;
  row.height = 22;
  styleRange(sheet, rowNumber, labels.length, (cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BOXED;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
}

function addSignatureImage(
  workbook: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  png: Uint8Array,
  position: { rowNumber: number; columnNumber: number; columnWidth: number },
): void {
  const box = {
    width: columnPixels(position.columnWidth) - 2 * SIGNATURE_PADDING_PX,
    height: Math.floor(SIGNATURE_ROW_HEIGHT_PT * POINTS_TO_PIXELS) - 2 * SIGNATURE_PADDING_PX,
  };
  const size = fitInBox(pngSize(png), box);
  const imageId = workbook.addImage({ buffer: new Uint8Array(png).buffer, extension: 'png' });
  // Native offsets, in EMU, centre the image in its box; exceljs's fractional column and row
  // positions would be converted with a fixed guess of the column width instead.
  const topLeft: ExcelJS.IAnchor = {
    col: position.columnNumber - 1,
    row: position.rowNumber - 1,
    nativeCol: position.columnNumber - 1,
    nativeRow: position.rowNumber - 1,
    nativeColOff: Math.floor((columnPixels(position.columnWidth) - size.width) / 2) * EMU_PER_PIXEL,
    nativeRowOff: Math.floor((SIGNATURE_ROW_HEIGHT_PT * POINTS_TO_PIXELS - size.height) / 2) * EMU_PER_PIXEL,
  };
  sheet.addImage(imageId, { tl: topLeft, ext: size, editAs: 'oneCell' });
}

interface PersonRowContext {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  slots: readonly MeetingSlot[];
  signatureWidth: number;
}

function addPersonRow(context: PersonRowContext, rowNumber: number, number: number, person: SignInSheetRow | null): void {
  const { workbook, sheet, slots, signatureWidth } = context;
  const row = sheet.getRow(rowNumber);
  row.values = [number, person?.sortName ?? '', person?.organisation ?? '', person?.category ?? ''];
  row.height = SIGNATURE_ROW_HEIGHT_PT;
  styleRange(sheet, rowNumber, 4 + slots.length, (cell) => {
    cell.font = BASE_FONT;
    cell.border = BOXED;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  row.getCell(1).font = NUMBER_FONT;
  row.getCell(1).alignment = { vertical: 'middle', horizontal: 'center' };
  row.getCell(2).font = BOLD_FONT;
  slots.forEach((slot, index) => {
    const png = person?.signatures?.[slot.id];
    if (png) addSignatureImage(workbook, sheet, png, { rowNumber, columnNumber: 5 + index, columnWidth: signatureWidth });
  });
}

function addWalkInHeading(sheet: ExcelJS.Worksheet, rowNumber: number, columnCount: number): void {
  sheet.mergeCells(rowNumber, 1, rowNumber, columnCount);
  const heading = sheet.getCell(rowNumber, 1);
  heading.value = WALK_IN_HEADING;
  heading.font = { ...BOLD_FONT, italic: true };
  styleRange(sheet, rowNumber, columnCount, (cell) => {
    cell.fill = LABEL_FILL;
    cell.border = BOXED;
  });
}

function addGdprNotice(sheet: ExcelJS.Worksheet, signInSheet: SignInSheet, firstRow: number, columnCount: number, lineWidthChars: number): void {
  const { heading, paragraphs } = signInSheet.gdpr;
  let rowNumber = firstRow;
  for (const [index, text] of [heading, ...paragraphs].entries()) {
    sheet.mergeCells(rowNumber, 1, rowNumber, columnCount);
    const noticeCell = sheet.getCell(rowNumber, 1);
    noticeCell.value = text;
    noticeCell.font = index === 0 ? { ...NOTICE_FONT, bold: true, size: 8 } : NOTICE_FONT;
    noticeCell.alignment = { vertical: 'top', wrapText: true };
    // Spreadsheet apps do not grow a merged row to fit its text, so the height is set from the text.
    sheet.getRow(rowNumber).height = estimatedWrappedRowHeight(text, lineWidthChars, NOTICE_FONT.size ?? 8);
    rowNumber += 1;
  }
}

/**
 * The pre-filled sign-in sheet of a meeting as an Excel workbook, printable on A4 with the column
 * headers repeated on every page: header block, one row per invited person with a signature box
 * per slot (holding the drawn signature when one is given), blank rows for walk-ins, and the GDPR
 * notice below the table.
 */
export async function buildSignInSheetXlsx(signInSheet: SignInSheet, options: SignInSheetOptions = {}): Promise<Uint8Array> {
  const title = signInSheetTitle(options);
  const slots = signInSlots(signInSheet);
  const orientation = signInSheetOrientation(slots);
  const widths = COLUMN_WIDTHS[orientation];
  const columnCount = 4 + slots.length;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bocage';
  workbook.lastModifiedBy = 'Bocage';
  workbook.title = `${title} – ${signInSheet.purpose.trim() || signInSheet.missionTitle}`;
  workbook.subject = title;
  const sheet = workbook.addWorksheet('Émargement');
  sheet.columns = [widths.number, widths.name, widths.organisation, widths.category, ...slots.map(() => widths.signature)].map(
    (width) => ({ width }),
  );

  const headerRowNumber = addInfoBlock(sheet, signInSheet, columnCount, title);
  addHeaderRow(sheet, headerRowNumber, slots);
  const context = { workbook, sheet, slots, signatureWidth: widths.signature };
  let rowNumber = headerRowNumber + 1;
  signInSheet.rows.forEach((person, index) => {
    addPersonRow(context, rowNumber, index + 1, person);
    rowNumber += 1;
  });
  const blankCount = blankRowCount(signInSheet);
  if (blankCount > 0) {
    addWalkInHeading(sheet, rowNumber, columnCount);
    rowNumber += 1;
    for (let index = 0; index < blankCount; index += 1) {
      addPersonRow(context, rowNumber, signInSheet.rows.length + index + 1, null);
      rowNumber += 1;
    }
  }
  const lineWidthChars = sheet.columns.reduce((total, column) => total + (column.width ?? 0), 0);
  addGdprNotice(sheet, signInSheet, rowNumber + 1, columnCount, lineWidthChars);

  sheet.pageSetup = { ...a4PageSetup(orientation, headerRowNumber, NARROW_MARGINS), horizontalCentered: true };
  sheet.headerFooter.oddFooter = `&C&8${excelHeaderFooterText(`${signInSheetPageLabel(signInSheet, title)} · Page `)}&P sur &N\n${excelHeaderFooterText(FOOTER_NOTICE_POINTER)}`;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}`, activeCell: 'A1' }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
