/**
 * The pre-diagnostic as a Word document, written from its format-free model (report-model.ts): a
 * cover page, a table of contents Word updates on opening, numbered parts in real heading styles
 * (Word's navigation pane and restyling work), tables whose header row repeats on every page, charts
 * as PNG images with alternative text, captions in the "Légende" style, "Page n sur m" footers.
 * A4 portrait, Arial and Bocage's green, unless the user gives their own template (docx-template.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Footer,
  Header,
  HeadingLevel,
  type IParagraphStyleOptions,
  ImageRun,
  type IPropertiesOptions,
  LeaderType,
  LineRuleType,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  ShadingType,
  type Table,
  TableOfContents,
  type TableCell,
  TextRun,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { A4, ACCENT, type Alignment, FONT, LABEL_FILL, MUTED_TEXT, pageNumberFooter, tableBlocks } from '../docx-blocks';
import { applyTemplateParts, type DocxTemplate } from './docx-template';
import { numberedSectionTitle, type ChartSpec, type InlineRun, type ReportBlock, type ReportCell, type ReportColumn, type ReportCover, type ReportDocument, type ReportSection } from './report-model';
import type { SvgRasterizer } from './svg-rasterizer';

const PAGE_MARGIN = 1134; // 2 cm
const HEADER_DISTANCE = 567; // 1 cm
const CONTENT_WIDTH = A4.width - 2 * PAGE_MARGIN;
/** The text width in CSS pixels (96 per inch), the unit docx sizes images in. */
const CONTENT_WIDTH_PX = Math.floor((CONTENT_WIDTH / 1440) * 96);
/** Charts are rasterized at twice their size so they stay sharp on paper. */
const CHART_SCALE = 2;
const FIELD_LABEL_WIDTH = 2800;
const WHITE = 'FFFFFF';

export const TABLE_OF_CONTENTS_TITLE = 'Sommaire';

export interface ChartDrawing {
  svg: string;
  width: number;
  height: number;
}

export interface PreDiagnosticDocxOptions {
  rasterize: SvgRasterizer;
  chartSvg: (spec: ChartSpec) => ChartDrawing;
  /** The user's Word template: its styles, header, footer and logo replace Bocage's look. */
  template?: DocxTemplate | null;
  /** Told, in French, when the template could not be applied and Bocage's look was kept. */
  onWarning?: (message: string) => void;
}

const { fixedTable, bodyRow, headerRow, labelValueTable, textCell } = tableBlocks({
  cellMargins: { top: 60, bottom: 60, left: 100, right: 100 },
  borderColor: 'B7C4B3',
});

const ALIGNMENTS: Record<NonNullable<ReportColumn['align']>, Alignment> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};

/**
 * Bocage's styles. They never name a font, so a template's fonts (and Arial otherwise, from the
 * document defaults) apply; the names are Word's built-in ones, which French Word shows as
 * "Titre 1", "Légende", "TM 1"…
 */
function bocageStyles(): IParagraphStyleOptions[] {
  const heading = (level: 1 | 2 | 3, size: number, before: number, after: number): IParagraphStyleOptions => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { size, bold: true, color: ACCENT },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before, after },
      border: level === 1 ? { bottom: { style: BorderStyle.SINGLE, size: 8, color: ACCENT, space: 4 } } : undefined,
    },
  });
  const tocLevel = (level: 1 | 2 | 3): IParagraphStyleOptions => ({
    id: `TOC${level}`,
    name: `toc ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    uiPriority: 39,
    run: level === 1 ? { bold: true } : {},
    paragraph: { indent: { left: (level - 1) * 284 }, spacing: { before: level === 1 ? 120 : 0, after: 60 } },
  });
  return [
    heading(1, 32, 0, 240),
    heading(2, 26, 320, 120),
    heading(3, 22, 240, 80),
    {
      id: 'Title',
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 52, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: 'Caption',
      name: 'caption',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 18, italics: true, color: MUTED_TEXT },
      paragraph: { spacing: { before: 80, after: 240 } },
    },
    {
      id: 'TOCHeading',
      name: 'TOC Heading',
      basedOn: 'Normal',
      next: 'Normal',
      uiPriority: 39,
      run: { size: 32, bold: true, color: ACCENT },
      paragraph: { spacing: { after: 240 } },
    },
    tocLevel(1),
    tocLevel(2),
    tocLevel(3),
    {
      id: 'Quote',
      name: 'Quote',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { italics: true, color: MUTED_TEXT },
      paragraph: { indent: { left: 567, right: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 8 } } },
    },
    {
      id: 'Chapeau',
      name: 'Chapeau',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 23, bold: true },
      paragraph: { spacing: { after: 200 } },
    },
    {
      id: 'Note',
      name: 'Note',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size: 18, italics: true, color: MUTED_TEXT },
    },
  ];
}

const PARAGRAPH_STYLES = { normal: undefined, note: 'Note', quote: 'Quote', lead: 'Chapeau' } as const;

/** Each line of a run after the first starts on a new line of the same paragraph. */
function textRuns(runs: readonly InlineRun[]): TextRun[] {
  return runs.flatMap((run) =>
    run.text.split(/\r?\n/).map((line, index) => new TextRun({ text: line, bold: run.bold, italics: run.italics, break: index > 0 ? 1 : undefined })),
  );
}

interface Look {
  accent: string;
}

function coverLine(text: string, size: number, options: { bold?: boolean; color?: string; after?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: options.after ?? 120 },
    children: [new TextRun({ text, size, bold: options.bold, color: options.color })],
  });
}

function coverPage(cover: ReportCover, look: Look): FileChild[] {
  const children: FileChild[] = [
    new Paragraph({ spacing: { before: 2400, after: 240 }, children: [new TextRun({ text: cover.kind, size: 28, bold: true, color: look.accent })] }),
    new Paragraph({ style: 'Title', children: [new TextRun(cover.title)] }),
    coverLine(cover.territory, 30, { after: 720 }),
    labelValueTable(
      [
        { label: 'Commanditaire', value: cover.sponsor },
        { label: 'Date', value: cover.date },
        { label: 'Auteur', value: cover.author },
        { label: 'Version', value: cover.version },
      ],
      CONTENT_WIDTH,
      FIELD_LABEL_WIDTH,
    ),
  ];
  if (cover.fictitiousNotice) {
    const line = { style: BorderStyle.SINGLE, size: 8, color: look.accent, space: 6 };
    children.push(
      new Paragraph({
        spacing: { before: 720 },
        border: { top: line, bottom: line, left: line, right: line },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: LABEL_FILL },
        children: [new TextRun({ text: cover.fictitiousNotice, bold: true })],
      }),
    );
  }
  return children;
}

function tableOfContentsPage(): FileChild[] {
  return [
    new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: [new TextRun(TABLE_OF_CONTENTS_TITLE)] }),
    new TableOfContents(TABLE_OF_CONTENTS_TITLE, { hyperlink: true, headingStyleRange: '1-3', tabLeader: LeaderType.DOT }),
  ];
}

function columnWidths(columns: readonly ReportColumn[]): number[] {
  const weights = columns.map((column) => (column.weight > 0 ? column.weight : 1));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const widths = weights.map((weight) => Math.floor((CONTENT_WIDTH * weight) / totalWeight));
  const last = widths.length - 1;
  if (last >= 0) widths[last] = CONTENT_WIDTH - widths.slice(0, last).reduce((sum, width) => sum + width, 0);
  return widths;
}

function alignmentOf(cell: ReportCell, column: ReportColumn | undefined): Alignment | undefined {
  const align = cell.align ?? column?.align;
  return align ? ALIGNMENTS[align] : undefined;
}

/** Secret and missing figures keep their words ("secret stat.", "n.d.") in grey italics: never a 0. */
function toneStyle(tone: ReportCell['tone']) {
  switch (tone) {
    case 'strong':
      return { bold: true };
    case 'muted':
      return { color: MUTED_TEXT };
    case 'secret':
    case 'missing':
      return { italics: true, color: MUTED_TEXT };
    default:
      return {};
  }
}

function rowCells(cells: readonly ReportCell[], columns: readonly ReportColumn[], widths: readonly number[], header: Look | null): TableCell[] {
  let columnIndex = 0;
  return cells.map((cell) => {
    const span = Math.max(1, Math.min(cell.columnSpan ?? 1, widths.length - columnIndex));
    const width = widths.slice(columnIndex, columnIndex + span).reduce((sum, value) => sum + value, 0);
    const alignment = alignmentOf(cell, columns[columnIndex]);
    columnIndex += span;
    const style = header ? { bold: true, color: WHITE, fill: header.accent } : toneStyle(cell.tone);
    return textCell(cell.text, width, { ...style, alignment, columnSpan: span > 1 ? span : undefined });
  });
}

/** Word joins two tables with nothing between them into one. */
function tableSpacer(): Paragraph {
  return new Paragraph({ children: [] });
}

function reportTable(block: Extract<ReportBlock, { kind: 'table' }>, look: Look): (Table | Paragraph)[] {
  const widths = columnWidths(block.columns);
  const repeatedRows = Math.max(1, block.headerRowCount ?? 1) - 1;
  const headerCells = block.columns.map((column) => ({ text: column.header, align: column.align }));
  const rows = [
    headerRow(rowCells(headerCells, block.columns, widths, look)),
    ...block.rows.slice(0, repeatedRows).map((cells) => headerRow(rowCells(cells, block.columns, widths, look))),
    ...block.rows.slice(repeatedRows).map((cells) => bodyRow(rowCells(cells, block.columns, widths, null))),
  ];
  const table = fixedTable(CONTENT_WIDTH, widths, rows);
  return [table, block.caption ? new Paragraph({ style: 'Caption', children: [new TextRun(block.caption)] }) : tableSpacer()];
}

interface RasterizedChart {
  png: Uint8Array;
  width: number;
  height: number;
}

async function rasterizeCharts(sections: readonly ReportSection[], options: PreDiagnosticDocxOptions): Promise<Map<ChartSpec, RasterizedChart>> {
  const charts = sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'figure' ? [block.chart] : [])));
  const rasterized = new Map<ChartSpec, RasterizedChart>();
  for (const chart of charts) {
    const drawing = options.chartSvg(chart);
    const png = await options.rasterize(drawing.svg, { width: drawing.width, height: drawing.height, scale: CHART_SCALE });
    const shrink = Math.min(1, CONTENT_WIDTH_PX / drawing.width);
    rasterized.set(chart, { png, width: Math.round(drawing.width * shrink), height: Math.round(drawing.height * shrink) });
  }
  return rasterized;
}

function figure(block: Extract<ReportBlock, { kind: 'figure' }>, image: RasterizedChart | undefined): Paragraph[] {
  if (!image) throw new Error(`Le graphique « ${block.chart.title} » n’a pas été dessiné.`);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      keepLines: true,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width: image.width, height: image.height },
          altText: { name: block.chart.title, title: block.chart.title, description: block.altText },
        }),
      ],
    }),
    new Paragraph({ style: 'Caption', children: [new TextRun(block.caption)] }),
  ];
}

/** A page break at a part's start or end, or after another, would leave a blank page. */
function usefulBlocks(blocks: readonly ReportBlock[]): ReportBlock[] {
  return blocks.filter(
    (block, index) => block.kind !== 'page-break' || (index > 0 && index < blocks.length - 1 && blocks[index + 1]?.kind !== 'page-break'),
  );
}

const HEADING_LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function blockChildren(block: ReportBlock, look: Look, charts: ReadonlyMap<ChartSpec, RasterizedChart>): FileChild[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADING_LEVELS[block.level], children: [new TextRun(block.text)] })];
    case 'paragraph':
      return [new Paragraph({ style: PARAGRAPH_STYLES[block.look ?? 'normal'], children: textRuns(block.runs) })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: textRuns(item) }));
    case 'table':
      return reportTable(block, look);
    case 'fields':
      return [labelValueTable(block.rows, CONTENT_WIDTH, FIELD_LABEL_WIDTH), tableSpacer()];
    case 'figure':
      return figure(block, charts.get(block.chart));
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}


function sectionChildren(section: ReportSection, index: number, look: Look, charts: ReadonlyMap<ChartSpec, RasterizedChart>): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(numberedSectionTitle(section, index))] }),
    ...usefulBlocks(section.blocks).flatMap((block) => blockChildren(block, look, charts)),
  ];
}

function runningHeader(report: ReportDocument): Header {
  const run = { size: 16, color: MUTED_TEXT };
  const lines = [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: report.runningHeader, ...run })] })];
  if (report.cover.fictitiousNotice) {
    lines.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: report.cover.fictitiousNotice, ...run, bold: true })] }));
  }
  return new Header({ children: lines });
}

function documentOptions(report: ReportDocument, charts: ReadonlyMap<ChartSpec, RasterizedChart>, template: DocxTemplate | null): IPropertiesOptions {
  const look: Look = { accent: template?.accentColour ?? ACCENT };
  const ownStyles = bocageStyles();
  const styles: IPropertiesOptions['styles'] = template
    ? { paragraphStyles: ownStyles.filter((style) => !template.styleIds.includes(style.id)) }
    : {
        default: {
          document: {
            run: { font: FONT, size: 21, language: { value: 'fr-FR' } },
            paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
          },
        },
        paragraphStyles: ownStyles,
      };
  const empty = () => ({ children: [new Paragraph({ children: [] })] });
  return {
    title: report.cover.title,
    subject: report.cover.kind,
    description: report.cover.territory,
    creator: report.cover.author || 'Bocage',
    lastModifiedBy: 'Bocage',
    externalStyles: template?.styles,
    styles,
    // Word refreshes the table of contents and page numbers on opening; until then (and in
    // LibreOffice, which does not refresh them) the entries and page numbers written here show.
    // A template's header or footer is put in after packing, so the estimate could not see its
    // height: its page numbers are then left for the office suite rather than printed wrong.
    features: { updateFields: true },
    pageNumbers: template?.header || template?.footer ? undefined : estimatePageNumbers,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE_MARGIN,
              bottom: PAGE_MARGIN,
              left: PAGE_MARGIN,
              right: PAGE_MARGIN,
              header: HEADER_DISTANCE,
              footer: HEADER_DISTANCE,
            },
          },
        },
        headers: { default: runningHeader(report), first: new Header(empty()) },
        footers: { default: pageNumberFooter(`${report.cover.kind} – ${report.cover.date}`), first: new Footer(empty()) },
        children: [
          ...coverPage(report.cover, look),
          ...tableOfContentsPage(),
          ...report.sections.flatMap((section, index) => sectionChildren(section, index, look, charts)),
        ],
      },
    ],
  };
}

async function pack(options: IPropertiesOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(new Document(options)));
}

/**
 * The pre-diagnostic as the bytes of a .docx file. With a template, its look is applied; if that
 * fails, the document is still written, in Bocage's look, and `onWarning` says why.
 */
export async function buildPreDiagnosticDocx(report: ReportDocument, options: PreDiagnosticDocxOptions): Promise<Uint8Array> {
  const charts = await rasterizeCharts(report.sections, options);
  const template = options.template ?? null;
  if (template) {
    try {
      return applyTemplateParts(await pack(documentOptions(report, charts, template)), template);
    } catch (error) {
      const reason = error instanceof Error ? ` (${error.message})` : '';
      options.onWarning?.(`Le modèle « ${template.fileName} » n’a pas pu être appliqué${reason} : le document garde la mise en forme de Bocage.`);
    }
  }
  return pack(documentOptions(report, charts, null));
}
