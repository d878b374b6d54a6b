import { AlignmentType, Footer, HeightRule, ImageRun, LineRuleType, Paragraph, TextRun, type Table, type TableRow } from 'docx';
import type { MeetingSlot } from '../meetings/meeting-model';
import { A4, heading, LABEL_FILL, MUTED_TEXT, packA4Document, pageNumberParagraph, tableBlocks } from './docx-blocks';
import {
  blankRowCount,
  fitInBox,
  pngSize,
  SIGN_IN_COLUMN_LABELS,
  signatureAltText,
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

const PAGE_MARGIN = 850; // 1.5 cm
const CENTIMETRE = 567;
/** A signature row: 1.4 cm leaves about 1.2 cm to sign inside the cell margins. */
const SIGNATURE_ROW_HEIGHT = Math.round(1.4 * CENTIMETRE);
/** Word's inline images are sized in pixels at 96 per inch, i.e. 15 twips per pixel. */
const TWIPS_PER_PIXEL = 15;

const FIXED_COLUMNS = {
  portrait: { number: 454, name: 2608, organisation: 2381, category: 1928 },
  landscape: { number: 454, name: 3402, organisation: 3118, category: 2494 },
} as const;

const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const { bodyRow, fixedTable, headerCell, headerRow, labelValueTable, tableCell, textCell } = tableBlocks({
  cellMargins: CELL_MARGINS,
  borderColor: '7F8F7B',
});

interface Layout {
  orientation: 'portrait' | 'landscape';
  contentWidth: number;
  number: number;
  name: number;
  organisation: number;
  category: number;
  signature: number;
  slots: readonly MeetingSlot[];
}

function layoutFor(sheet: SignInSheet): Layout {
  const slots = signInSlots(sheet);
  const orientation = signInSheetOrientation(slots);
  const pageWidth = orientation === 'landscape' ? A4.height : A4.width;
  const contentWidth = pageWidth - 2 * PAGE_MARGIN;
  const fixed = FIXED_COLUMNS[orientation];
  const fixedTotal = fixed.number + fixed.name + fixed.organisation + fixed.category;
  return { orientation, contentWidth, ...fixed, signature: Math.floor((contentWidth - fixedTotal) / slots.length), slots };
}

function columnWidths(layout: Layout): number[] {
  return [layout.number, layout.name, layout.organisation, layout.category, ...layout.slots.map(() => layout.signature)];
}

function infoTable(sheet: SignInSheet, layout: Layout): Table {
  return labelValueTable(signInSheetInfoFields(sheet), layout.contentWidth, 2200);
}

function participantsHeaderRow(layout: Layout): TableRow {
  return headerRow([
    headerCell(SIGN_IN_COLUMN_LABELS.number, layout.number),
    headerCell(SIGN_IN_COLUMN_LABELS.name, layout.name),
    headerCell(SIGN_IN_COLUMN_LABELS.organisation, layout.organisation),
    headerCell(SIGN_IN_COLUMN_LABELS.category, layout.category),
    ...layout.slots.map((slot) => headerCell(signatureColumnLabel(slot, layout.slots.length), layout.signature)),
  ]);
}

function signatureParagraph(row: SignInSheetRow, slot: MeetingSlot, layout: Layout): Paragraph {
  const png = row.signatures?.[slot.id];
  if (!png) return new Paragraph({});
  const box = {
    width: Math.floor((layout.signature - CELL_MARGINS.left - CELL_MARGINS.right) / TWIPS_PER_PIXEL),
    height: Math.floor((SIGNATURE_ROW_HEIGHT - CELL_MARGINS.top - CELL_MARGINS.bottom) / TWIPS_PER_PIXEL) - 4,
  };
  const altText = signatureAltText(row, slot);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: fitInBox(pngSize(png), box),
        altText: { name: altText, description: altText, title: altText },
      }),
    ],
  });
}

function personRow(number: number, row: SignInSheetRow | null, layout: Layout): TableRow {
  return bodyRow(
    [
      textCell(String(number), layout.number, { color: MUTED_TEXT, alignment: AlignmentType.CENTER }),
      textCell(row?.sortName ?? '', layout.name, { bold: true }),
      textCell(row?.organisation ?? '', layout.organisation),
      textCell(row?.category ?? '', layout.category),
      ...layout.slots.map((slot) => tableCell([row ? signatureParagraph(row, slot, layout) : new Paragraph({})], layout.signature)),
    ],
    { value: SIGNATURE_ROW_HEIGHT, rule: HeightRule.ATLEAST },
  );
}

function walkInHeadingRow(layout: Layout): TableRow {
  return bodyRow([
    textCell(WALK_IN_HEADING, layout.contentWidth, { bold: true, italics: true, columnSpan: 4 + layout.slots.length, fill: LABEL_FILL }),
  ]);
}

function participantsTable(sheet: SignInSheet, layout: Layout): Table {
  const invited = sheet.rows.map((row, index) => personRow(index + 1, row, layout));
  const blankCount = blankRowCount(sheet);
  const walkIns = Array.from({ length: blankCount }, (_, index) => personRow(sheet.rows.length + index + 1, null, layout));
  return fixedTable(layout.contentWidth, columnWidths(layout), [
    participantsHeaderRow(layout),
    ...invited,
    ...(blankCount > 0 ? [walkInHeadingRow(layout), ...walkIns] : []),
  ]);
}

/**
 * The notice and the page's identification, small, at the foot of every page. After the table, the
 * notice would land alone on a last page whenever the table filled the one before (LibreOffice
 * ignores "keep with next" from table rows); in the footer, whoever signs any page can read it.
 */
function footer(sheet: SignInSheet, title: string): Footer {
  const notice = { size: 14, color: '333333' };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: 216, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ text: `${sheet.gdpr.heading}. `, bold: true, ...notice }),
          new TextRun({ text: sheet.gdpr.paragraphs.join(' '), ...notice }),
        ],
      }),
      pageNumberParagraph(signInSheetPageLabel(sheet, title), 14, { before: 60 }),
    ],
  });
}

/**
 * The pre-filled sign-in sheet of a meeting as a Word document on A4: the meeting's header block,
 * one row per invited person with a signature box per slot (holding the drawn signature when one is
 * given), blank rows for walk-ins, and the GDPR notice at the foot of every page.
 */
export async function buildSignInSheetDocx(sheet: SignInSheet, options: SignInSheetOptions = {}): Promise<Uint8Array> {
  const title = signInSheetTitle(options);
  const layout = layoutFor(sheet);
  return packA4Document({
    title: `${title} – ${sheet.purpose.trim() || sheet.missionTitle}`,
    subject: title,
    orientation: layout.orientation,
    margins: { page: PAGE_MARGIN, headerFooter: 425 },
    textSize: 18,
    // Without an explicit rule, LibreOffice cut inline images (signatures) down to one line of text.
    paragraphSpacing: { line: 252, lineRule: LineRuleType.AUTO },
    headings: { heading1: { size: 30, spacing: { after: 120 } } },
    footer: footer(sheet, title),
    children: [
      heading(title, 1),
      infoTable(sheet, layout),
      new Paragraph({ spacing: { after: 120 }, children: [] }),
      participantsTable(sheet, layout),
    ],
  });
}
