/** The Word layout the GDPR documents share: A4 portrait, real heading styles, label/value tables. */
import { type FileChild, LineRuleType, Paragraph, type Table, TextRun } from 'docx';
import { A4, note as exportNote, packA4Document, pageNumberFooter, tableBlocks, type LabelledValue } from '../export/docx-blocks';

const PAGE_MARGIN = 1134; // 2 cm
export const CONTENT_WIDTH = A4.width - 2 * PAGE_MARGIN;

const blocks = tableBlocks({ cellMargins: { top: 60, bottom: 60, left: 100, right: 100 }, borderColor: 'B7C4B3' });

/** A two-column table: the label in bold on a tinted cell, the value beside it. */
export function labelValueTable(rows: readonly LabelledValue[], labelWidth = 2900): Table {
  return blocks.labelValueTable(rows, CONTENT_WIDTH, labelWidth);
}

/** A table with a header row that repeats on every page. */
export function gridTable(headers: readonly string[], rows: readonly (readonly string[])[], widths: readonly number[]): Table {
  const width = (index: number) => widths[index] ?? 0;
  return blocks.fixedTable(CONTENT_WIDTH, widths, [
    blocks.headerRow(headers.map((header, index) => blocks.headerCell(header, width(index)))),
    ...rows.map((cells) => blocks.bodyRow(cells.map((text, index) => blocks.textCell(text, width(index))))),
  ]);
}

export function note(text: string): Paragraph {
  return exportNote(text, { before: 80, after: 80 });
}

export function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ spacing: { after: 100 }, children: [new TextRun(text)] });
}

export function bulletList(items: readonly string[]): Paragraph[] {
  return items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] }));
}

export interface GdprDocumentContent {
  title: string;
  subject: string;
  footerLabel: string;
  children: FileChild[];
}

export function packGdprDocument(content: GdprDocumentContent): Promise<Uint8Array> {
  return packA4Document({
    title: content.title,
    subject: content.subject,
    margins: { page: PAGE_MARGIN, headerFooter: 567 },
    textSize: 20,
    // Without an explicit rule, LibreOffice cut inline images (signatures) down to one line of text.
    paragraphSpacing: { line: 264, lineRule: LineRuleType.AUTO },
    headings: {
      heading1: { size: 32, spacing: { after: 160 } },
      heading2: { size: 26, spacing: { before: 320, after: 120 } },
      heading3: { size: 22, spacing: { before: 220, after: 80 } },
    },
    footer: pageNumberFooter(content.footerLabel),
    children: content.children,
  });
}
