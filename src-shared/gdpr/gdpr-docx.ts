/** The Word layout the GDPR documents share: A4 portrait, real heading styles, label/value tables. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type FileChild,
  HeadingLevel,
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

/** Sizes in twentieths of a point (twips), the unit of WordprocessingML. */
const A4 = { width: 11906, height: 16838 };
const PAGE_MARGIN = 1134; // 2 cm
export const CONTENT_WIDTH = A4.width - 2 * PAGE_MARGIN;

const FONT = 'Arial';
const ACCENT = '2F5D3A';
const LABEL_FILL = 'EEF3EC';
const BORDER_COLOR = 'B7C4B3';
const MUTED_TEXT = '5A5A5A';

const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100 };
const THIN_BORDER = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };
const TABLE_BORDERS = {
  top: THIN_BORDER,
  bottom: THIN_BORDER,
  left: THIN_BORDER,
  right: THIN_BORDER,
  insideHorizontal: THIN_BORDER,
  insideVertical: THIN_BORDER,
};

/** One line per paragraph, so a multi-line value keeps its breaks. */
function textParagraphs(text: string, run: { bold?: boolean; color?: string; italics?: boolean } = {}): Paragraph[] {
  return text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, ...run })] }));
}

function tableCell(children: Paragraph[], width: number, fill?: string): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children,
  });
}

export interface LabelledCell {
  label: string;
  /** Text, or ready-made paragraphs (e.g. with an image). */
  value: string | Paragraph[];
}

/** A two-column table: the label in bold on a tinted cell, the value beside it. */
export function labelValueTable(rows: readonly LabelledCell[], labelWidth = 2900): Table {
  const valueWidth = CONTENT_WIDTH - labelWidth;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: [
            tableCell(textParagraphs(row.label, { bold: true }), labelWidth, LABEL_FILL),
            tableCell(typeof row.value === 'string' ? textParagraphs(row.value) : row.value, valueWidth),
          ],
        }),
    ),
  });
}

/** A table with a header row that repeats on every page. */
export function gridTable(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((header, index) => tableCell(textParagraphs(header, { bold: true, color: 'FFFFFF' }), widths[index] ?? 0, ACCENT)),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({
            cantSplit: true,
            children: cells.map((text, index) => tableCell(textParagraphs(text), widths[index] ?? 0)),
          }),
      ),
    ],
  });
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ text, heading: headingLevel });
}

export function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 80, after: 80 }, children: [new TextRun({ text, italics: true, color: MUTED_TEXT, size: 18 })] });
}

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 100 }, children: [new TextRun(text)] });
}

export function bulletList(items: readonly string[]): Paragraph[] {
  return items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
}

function pageNumberFooter(label: string): Footer {
  const small = { color: MUTED_TEXT, size: 16 };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${label} · Page `, ...small }),
          new TextRun({ children: [PageNumber.CURRENT], ...small }),
          new TextRun({ text: ' sur ', ...small }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], ...small }),
        ],
      }),
    ],
  });
}

export interface GdprDocumentContent {
  title: string;
  subject: string;
  footerLabel: string;
  children: FileChild[];
}

export async function packGdprDocument(content: GdprDocumentContent): Promise<Uint8Array> {
  const document = new Document({
    title: content.title,
    subject: content.subject,
    creator: 'Bocage',
    lastModifiedBy: 'Bocage',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20, language: { value: 'fr-FR' } },
          // Without an explicit rule, LibreOffice cut inline images (signatures) down to one line of text.
          paragraph: { spacing: { line: 264, lineRule: LineRuleType.AUTO } },
        },
        // Explicit outline levels make Word's navigation pane and table of contents pick the headings up.
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: ACCENT },
          paragraph: { outlineLevel: 0, keepNext: true, spacing: { after: 160 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: ACCENT },
          paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 320, after: 120 } },
        },
        heading3: {
          run: { font: FONT, size: 22, bold: true, color: ACCENT },
          paragraph: { outlineLevel: 2, keepNext: true, spacing: { before: 220, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN, header: 567, footer: 567 },
          },
        },
        footers: { default: pageNumberFooter(content.footerLabel) },
        children: content.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
