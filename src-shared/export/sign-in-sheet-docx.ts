import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { MeetingSlot } from '../meetings/meeting-model';
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

export type { SignInSheet, SignInSheetOptions, SignInSheetRow } from './sign-in-sheet-content';

/** Sizes in twentieths of a point (twips), the unit of WordprocessingML: 567 twips make 1 cm. */
const A4 = { width: 11906, height: 16838 };
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

const FONT = 'Arial';
const ACCENT = '2F5D3A';
const LABEL_FILL = 'EEF3EC';
const BORDER_COLOR = '7F8F7B';
const MUTED_TEXT = '5A5A5A';

const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const THIN_BORDER = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };
const TABLE_BORDERS = {
  top: THIN_BORDER,
  bottom: THIN_BORDER,
  left: THIN_BORDER,
  right: THIN_BORDER,
  insideHorizontal: THIN_BORDER,
  insideVertical: THIN_BORDER,
};

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface CellContent {
  children: Paragraph[];
  width: number;
  fill?: string;
  columnSpan?: number;
}

function cell({ children, width, fill, columnSpan = 1 }: CellContent): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children,
  });
}

interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: Alignment;
}

function textParagraph(text: string, { bold = false, italics = false, color, alignment = AlignmentType.LEFT }: TextStyle = {}): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text, bold, italics, ...(color ? { color } : {}) })] });
}

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
  const labelWidth = 2200;
  const valueWidth = layout.contentWidth - labelWidth;
  return new Table({
    width: { size: layout.contentWidth, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: signInSheetInfoFields(sheet).map(
      (field) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell({ children: [textParagraph(field.label, { bold: true })], width: labelWidth, fill: LABEL_FILL }),
            cell({ children: [textParagraph(field.value)], width: valueWidth }),
          ],
        }),
    ),
  });
}

function headerRow(layout: Layout): TableRow {
  const header = (text: string, width: number) =>
    cell({ children: [textParagraph(text, { bold: true, color: 'FFFFFF' })], width, fill: ACCENT });
  return new TableRow({
    // Word and LibreOffice print this row again at the top of every page the table runs onto.
    tableHeader: true,
    cantSplit: true,
    children: [
      header(SIGN_IN_COLUMN_LABELS.number, layout.number),
      header(SIGN_IN_COLUMN_LABELS.name, layout.name),
      header(SIGN_IN_COLUMN_LABELS.organisation, layout.organisation),
      header(SIGN_IN_COLUMN_LABELS.category, layout.category),
      ...layout.slots.map((slot) => header(signatureColumnLabel(slot, layout.slots.length), layout.signature)),
    ],
  });
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
  return new TableRow({
    cantSplit: true,
    height: { value: SIGNATURE_ROW_HEIGHT, rule: HeightRule.ATLEAST },
    children: [
      cell({ children: [textParagraph(String(number), { color: MUTED_TEXT, alignment: AlignmentType.CENTER })], width: layout.number }),
      cell({ children: [textParagraph(row?.sortName ?? '', { bold: true })], width: layout.name }),
      cell({ children: [textParagraph(row?.organisation ?? '')], width: layout.organisation }),
      cell({ children: [textParagraph(row?.category ?? '')], width: layout.category }),
      ...layout.slots.map((slot) =>
        cell({ children: [row ? signatureParagraph(row, slot, layout) : new Paragraph({})], width: layout.signature }),
      ),
    ],
  });
}

function walkInHeadingRow(layout: Layout): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell({
        children: [textParagraph(WALK_IN_HEADING, { bold: true, italics: true })],
        width: layout.contentWidth,
        columnSpan: 4 + layout.slots.length,
        fill: LABEL_FILL,
      }),
    ],
  });
}

function participantsTable(sheet: SignInSheet, layout: Layout): Table {
  const invited = sheet.rows.map((row, index) => personRow(index + 1, row, layout));
  const blankCount = blankRowCount(sheet);
  const walkIns = Array.from({ length: blankCount }, (_, index) => personRow(sheet.rows.length + index + 1, null, layout));
  return new Table({
    width: { size: layout.contentWidth, type: WidthType.DXA },
    columnWidths: columnWidths(layout),
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [headerRow(layout), ...invited, ...(blankCount > 0 ? [walkInHeadingRow(layout), ...walkIns] : [])],
  });
}

/**
 * The notice and the page's identification, small, at the foot of every page. After the table, the
 * notice would land alone on a last page whenever the table filled the one before (LibreOffice
 * ignores "keep with next" from table rows); in the footer, whoever signs any page can read it.
 */
function footer(sheet: SignInSheet, title: string): Footer {
  const { heading, paragraphs } = sheet.gdpr;
  const notice = { size: 14, color: '333333' };
  const small = { color: MUTED_TEXT, size: 14 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { line: 216, lineRule: LineRuleType.AUTO },
        children: [new TextRun({ text: `${heading}. `, bold: true, ...notice }), new TextRun({ text: paragraphs.join(' '), ...notice })],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 60 },
        children: [
          new TextRun({ text: `${signInSheetPageLabel(sheet, title)} · Page `, ...small }),
          new TextRun({ children: [PageNumber.CURRENT], ...small }),
          new TextRun({ text: ' sur ', ...small }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], ...small }),
        ],
      }),
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
  const document = new Document({
    title: `${title} – ${sheet.purpose.trim() || sheet.missionTitle}`,
    subject: title,
    creator: 'Bocage',
    lastModifiedBy: 'Bocage',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 18, language: { value: 'fr-FR' } },
          // Without an explicit rule, LibreOffice cut inline images (signatures) down to one line of text.
          paragraph: { spacing: { line: 252, lineRule: LineRuleType.AUTO } },
        },
        heading1: {
          run: { font: FONT, size: 30, bold: true, color: ACCENT },
          paragraph: { outlineLevel: 0, keepNext: true, spacing: { after: 120 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: layout.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN, header: 425, footer: 425 },
          },
        },
        footers: { default: footer(sheet, title) },
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          infoTable(sheet, layout),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          participantsTable(sheet, layout),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
