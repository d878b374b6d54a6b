import type { ReportDocument } from '@shared/export/report/report-model';

/** Characters that cannot close the CSS string nor the <style> element; any other is escaped. */
const SAFE_IN_CSS_STRING = /[\p{L}\p{N}\p{Zs} ,.;:!?'’()«»–—%€+=@&#-]/u;

/** A CSS string literal of any text: quotes, backslashes, line breaks and "</style>" are escaped. */
export function cssString(text: string): string {
  const escaped = [...text].map((character) =>
    SAFE_IN_CSS_STRING.test(character) ? character : `\\${character.codePointAt(0)!.toString(16)} `,
  );
  return `"${escaped.join('')}"`;
}

/** The custom properties the print style sheet's page header and footer show (deliverables.css). */
export const RUNNING_HEADER_PROPERTY = '--report-running-header';
export const RUNNING_FOOTER_PROPERTY = '--report-running-footer';

/**
 * The printed pages' header and footer as CSS `content` values, as in the Word file: the running
 * header and, for a demonstration mission, the fictitious-data notice under it; the document's kind
 * and date before the page number. They go through custom properties because the app's
 * Content-Security-Policy refuses inline style elements.
 */
export function runningTexts(report: Pick<ReportDocument, 'runningHeader' | 'cover'>): Record<string, string> {
  const headerLines = [report.runningHeader, report.cover.fictitiousNotice].filter((line): line is string => Boolean(line));
  return {
    // "\a" is a line break inside a CSS string; the margin box keeps it (white-space: pre-wrap).
    [RUNNING_HEADER_PROPERTY]: headerLines.map(cssString).join(' "\\a " '),
    [RUNNING_FOOTER_PROPERTY]: cssString(`${report.cover.kind} – ${report.cover.date}`),
  };
}
