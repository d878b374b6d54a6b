/**
 * The pieces every Word export is built from (mission summary, sign-in sheet, GDPR documents), so
 * they share one look: Arial, the green accent, tinted label cells, fixed-width bordered tables and
 * the "Page n sur m" footer. Sizes are in twentieths of a point (twips), the unit of
 * WordprocessingML: 567 twips make 1 cm.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  HeadingLevel,
  type ISpacingProperties,
  type ITableRowPropertiesOptions,
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

export const A4 = { width: 11906, height: 16838 };

export const FONT = 'Arial';
export const ACCENT = '2F5D3A';
export const LABEL_FILL = 'EEF3EC';
export const MUTED_TEXT = '5A5A5A';
const HEADER_TEXT = 'FFFFFF';

export type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

export interface TextStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  alignment?: Alignment;
}

export function textParagraph(text: string, { alignment, ...run }: TextStyle = {}): Paragraph {
  return new Paragraph({ alignment, children: [new TextRun({ text, ...run })] });
}

/** One paragraph per line, so a multi-line value (a description) keeps its breaks. */
export function textParagraphs(text: string, style: TextStyle = {}): Paragraph[] {
  return text.split(/\r?\n/).map((line) => textParagraph(line, style));
}

export function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const headingLevel = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({ text, heading: headingLevel });
}

/** A small grey line in italics: where a document comes from, what a figure leaves out. */
export function note(text: string, spacing: ISpacingProperties): Paragraph {
  return new Paragraph({ spacing, children: [new TextRun({ text, italics: true, color: MUTED_TEXT, size: 18 })] });
}

/** How one document draws its tables: the space inside cells and the colour of the lines. */
export interface TableLook {
  cellMargins: { top: number; bottom: number; left: number; right: number };
  borderColor: string;
}

export interface CellOptions {
  fill?: string;
  columnSpan?: number;
}

export interface LabelledValue {
  label: string;
  /** Text, or ready-made paragraphs (e.g. with an image). */
  value: string | Paragraph[];
}

/** Table builders bound to one document's look, so each document states its look once. */
export function tableBlocks(look: TableLook) {
  const line = { style: BorderStyle.SINGLE, size: 4, color: look.borderColor };
  const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

  function tableCell(children: Paragraph[], width: number, { fill, columnSpan }: CellOptions = {}): TableCell {
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      columnSpan,
      margins: look.cellMargins,
      verticalAlign: VerticalAlignTable.CENTER,
      shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
      children,
    });
  }

  function textCell(text: string, width: number, { fill, columnSpan, ...style }: CellOptions & TextStyle = {}): TableCell {
    return tableCell(textParagraphs(text, style), width, { fill, columnSpan });
  }

  /** White bold text on the accent colour, for the cells of a header row. */
  function headerCell(text: string, width: number, alignment?: Alignment): TableCell {
    return textCell(text, width, { bold: true, color: HEADER_TEXT, fill: ACCENT, alignment });
  }

  /** Word and LibreOffice print this row again at the top of every page the table runs onto. */
  function headerRow(cells: TableCell[]): TableRow {
    return new TableRow({ tableHeader: true, cantSplit: true, children: cells });
  }

  function bodyRow(cells: TableCell[], height?: ITableRowPropertiesOptions['height']): TableRow {
    return new TableRow({ cantSplit: true, height, children: cells });
  }

  function fixedTable(width: number, columnWidths: readonly number[], rows: TableRow[]): Table {
    return new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [...columnWidths],
      layout: TableLayoutType.FIXED,
      borders,
      rows,
    });
  }

  /** A two-column table: the label in bold on a tinted cell, the value beside it. */
  function labelValueTable(rows: readonly LabelledValue[], width: number, labelWidth: number): Table {
    const valueWidth = width - labelWidth;
    return fixedTable(
      width,
      [labelWidth, valueWidth],
      rows.map((row) =>
        bodyRow([
          textCell(row.label, labelWidth, { bold: true, fill: LABEL_FILL }),
          typeof row.value === 'string' ? textCell(row.value, valueWidth) : tableCell(row.value, valueWidth),
        ]),
      ),
    );
  }

  return { tableCell, textCell, headerCell, headerRow, bodyRow, fixedTable, labelValueTable };
}

/** "Title · Page 2 sur 5", centred and grey. */
export function pageNumberParagraph(label: string, size: number, spacing?: ISpacingProperties): Paragraph {
  const run = { color: MUTED_TEXT, size };
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing,
    children: [
      new TextRun({ text: `${label} · Page `, ...run }),
      new TextRun({ children: [PageNumber.CURRENT], ...run }),
      new TextRun({ text: ' sur ', ...run }),
      new TextRun({ children: [PageNumber.TOTAL_PAGES], ...run }),
    ],
  });
}

export function pageNumberFooter(label: string): Footer {
  return new Footer({ children: [pageNumberParagraph(label, 16)] });
}

export interface HeadingLook {
  /** In half-points. */
  size: number;
  spacing: ISpacingProperties;
}

function headingStyle(look: HeadingLook | undefined, outlineLevel: number) {
  return (
    look && {
      run: { font: FONT, size: look.size, bold: true, color: ACCENT },
      // Explicit outline levels make Word's navigation pane and table of contents pick the headings up.
      paragraph: { outlineLevel, keepNext: true, spacing: look.spacing },
    }
  );
}

export interface A4DocumentContent {
  title: string;
  subject: string;
  description?: string;
  orientation?: 'portrait' | 'landscape';
  /** The margin on every side of the page, and how far from its edge the header and footer sit. */
  margins: { page: number; headerFooter: number };
  /** In half-points. */
  textSize: number;
  paragraphSpacing: ISpacingProperties;
  headings: { heading1: HeadingLook; heading2?: HeadingLook; heading3?: HeadingLook };
  footer: Footer;
  children: FileChild[];
}

/** One A4 section in French, packed to the bytes of a .docx file. */
export async function packA4Document(content: A4DocumentContent): Promise<Uint8Array> {
  const { page, headerFooter } = content.margins;
  const document = new Document({
    title: content.title,
    subject: content.subject,
    creator: 'Bocage',
    lastModifiedBy: 'Bocage',
    description: content.description,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: content.textSize, language: { value: 'fr-FR' } },
          paragraph: { spacing: content.paragraphSpacing },
        },
        heading1: headingStyle(content.headings.heading1, 0),
        heading2: headingStyle(content.headings.heading2, 1),
        heading3: headingStyle(content.headings.heading3, 2),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: content.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: { top: page, bottom: page, left: page, right: page, header: headerFooter, footer: headerFooter },
          },
        },
        footers: { default: content.footer },
        children: content.children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
