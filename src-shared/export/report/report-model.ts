/**
 * The pre-diagnostic as a format-free document: sections of blocks. One builder turns a mission
 * into this model (pre-diagnostic-content.ts); the Word writer (report-docx.ts) and the in-app
 * print preview each render it, so the .docx, the preview and the PDF share one layout and one text.
 * Every text here is final French text (typography already applied): renderers never reword.
 */

/** A run of text inside a paragraph or a cell. */
export interface InlineRun {
  text: string;
  bold?: boolean;
  italics?: boolean;
}

export type CellTone = 'normal' | 'strong' | 'muted' | 'secret' | 'missing';

export interface ReportCell {
  text: string;
  /** "secret" and "missing" cells print their words ("secret stat.", "n.d.") in grey italics, never 0. */
  tone?: CellTone;
  align?: 'left' | 'right' | 'center';
  columnSpan?: number;
}

export interface ReportColumn {
  header: string;
  /** Relative width: the renderer shares the text width in proportion. */
  weight: number;
  align?: 'left' | 'right' | 'center';
}

/** A horizontal bar chart: one bar per territory, the mission's bar highlighted. */
export interface BarChartSpec {
  kind: 'bars';
  /** The indicator's label, drawn above the bars. */
  title: string;
  /** Unit symbol shown after each value ("%", "€", ""). */
  unit: string;
  bars: readonly ChartBar[];
}

export interface ChartBar {
  label: string;
  /** Null for a secret or missing figure: no bar is drawn, `valueText` says why. */
  value: number | null;
  /** The figure as French text, e.g. "12,5 %" or "secret stat.". */
  valueText: string;
  highlight: boolean;
}

export type ChartSpec = BarChartSpec;

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; runs: readonly InlineRun[]; look?: 'normal' | 'note' | 'quote' | 'lead' }
  | { kind: 'bullets'; items: readonly (readonly InlineRun[])[] }
  | {
      kind: 'table';
      columns: readonly ReportColumn[];
      rows: readonly (readonly ReportCell[])[];
      /** Shown under the table in the caption style ("Légende"), e.g. "Tableau 2 – … Source : INSEE, 2021". */
      caption?: string;
      /** Rows that repeat at the top of each printed page; 1 by default. */
      headerRowCount?: number;
    }
  /** A two-column table of label and value, e.g. every field of a fiche action. */
  | { kind: 'fields'; rows: readonly { label: string; value: string }[] }
  | {
      kind: 'figure';
      chart: ChartSpec;
      /** Alternative text read by screen readers and stored in the Word image's description. */
      altText: string;
      /** "Figure 3 – … Source : INSEE, RP 2021." */
      caption: string;
    }
  | { kind: 'page-break' };

export const PRE_DIAGNOSTIC_SECTION_IDS = [
  'context-method',
  'territory-portrait',
  'thematic-diagnostics',
  'afom',
  'enjeux',
  'orientations',
  'action-sheets',
  'workshops',
  'annexes',
] as const;

export type PreDiagnosticSectionId = (typeof PRE_DIAGNOSTIC_SECTION_IDS)[number];

export const PRE_DIAGNOSTIC_SECTION_LABELS: Record<PreDiagnosticSectionId, string> = {
  'context-method': 'Contexte et méthode',
  'territory-portrait': 'Portrait du territoire',
  'thematic-diagnostics': 'Diagnostics thématiques',
  afom: 'AFOM (atouts, faiblesses, opportunités, menaces)',
  enjeux: 'Enjeux par priorité',
  orientations: 'Orientations',
  'action-sheets': 'Fiches actions',
  workshops: 'Synthèse des ateliers',
  annexes: 'Annexes : participants et sources',
};

export interface ReportSection {
  id: PreDiagnosticSectionId;
  /** Its "Titre 1" heading, numbered by the renderer's order ("3. Diagnostics thématiques"). */
  title: string;
  /** Below the section's Titre 1: the renderers add that heading themselves. */
  blocks: readonly ReportBlock[];
}

/** "3. Diagnostics thématiques": parts are numbered in the order the user chose, in Word and in the preview alike. */
export function numberedSectionTitle(section: Pick<ReportSection, 'title'>, index: number): string {
  return `${index + 1}. ${section.title}`;
}

export interface ReportCover {
  title: string;
  /** "Pré-diagnostic territorial". */
  kind: string;
  territory: string;
  sponsor: string;
  /** Already formatted, e.g. "22 novembre 2026". */
  date: string;
  author: string;
  version: string;
  /** Set for the demo mission: printed on the cover and in every page header. */
  fictitiousNotice: string | null;
}

export interface ReportDocument {
  cover: ReportCover;
  /** In the order the user chose; only the included ones. */
  sections: readonly ReportSection[];
  /** Page header text, e.g. the mission title and "Pré-diagnostic". */
  runningHeader: string;
}
