/**
 * The pre-diagnostic's bar charts as standalone SVG: drawn inline by the print preview and turned
 * into a PNG for Word (which shows PNG reliably everywhere). Deterministic, with no font or image
 * to fetch, so every machine draws the same chart.
 */
import { escapeXml, fitLine, wrapText } from '../../boards/board-svg';
import type { BarChartSpec, ChartBar } from './report-model';

export interface ChartSvg {
  svg: string;
  /** CSS pixels: about the text width of an A4 page at 96 dpi, so the chart prints at full size. */
  width: number;
  height: number;
}

const WIDTH = 600;
const PADDING = 12;
const FONT_FAMILY = "Arial, 'Liberation Sans', sans-serif";

const TITLE_FONT = 14;
const TITLE_LINE_HEIGHT = 18;
const TITLE_MAX_LINES = 2;
const TITLE_GAP = 10;

const LABEL_FONT = 12;
const LABEL_COLUMN = 190;
const LABEL_GAP = 8;
const VALUE_GAP = 6;
/** Room kept right of the longest bar for its figure, within these bounds. */
const MIN_VALUE_ROOM = 60;
const MAX_VALUE_ROOM = 200;

const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;

const TEXT_COLOUR = '#1b1b1b';
/** The charter's green for the mission's own bar; a paler grey-green (3.4:1 on white) for the others. */
const HIGHLIGHT_FILL = '#2F5D3A';
const OTHER_FILL = '#7A9180';
const MUTED_TEXT = '#5A5A5A';
const BASELINE_COLOUR = '#4A4A4A';

/** An Arial figure or letter is a little under 0.6 em wide on average: enough to keep room for a value. */
const AVERAGE_EM = 0.6;

function number(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function text(x: number, y: number, content: string, attributes: string): string {
  return `<text x="${number(x)}" y="${number(y)}" ${attributes}>${escapeXml(content)}</text>`;
}

function valueRoom(bars: readonly ChartBar[]): number {
  const longest = Math.max(0, ...bars.map((bar) => bar.valueText.length));
  return Math.min(MAX_VALUE_ROOM, Math.max(MIN_VALUE_ROOM, Math.ceil(longest * AVERAGE_EM * LABEL_FONT) + VALUE_GAP));
}

/** A horizontal bar chart, one bar per territory; a secret or missing figure gets its words, never a bar. */
export function barChartSvg(spec: BarChartSpec): ChartSvg {
  const titleLines = wrapText(spec.title, WIDTH - 2 * PADDING, TITLE_FONT, TITLE_MAX_LINES);
  const plotTop = PADDING + titleLines.length * TITLE_LINE_HEIGHT + TITLE_GAP;
  const height = plotTop + spec.bars.length * ROW_HEIGHT + PADDING;

  const plotLeft = PADDING + LABEL_COLUMN;
  const plotRight = WIDTH - PADDING - valueRoom(spec.bars);
  const known = spec.bars.flatMap((bar) => (bar.value === null ? [] : [bar.value]));
  // The scale always includes zero, so bar lengths compare honestly.
  const low = Math.min(0, ...known);
  const high = Math.max(0, ...known);
  const span = high - low || 1;
  const xOf = (value: number) => plotLeft + ((value - low) / span) * (plotRight - plotLeft);
  const zeroX = xOf(0);

  const rows = spec.bars.map((bar, index) => {
    const top = plotTop + index * ROW_HEIGHT;
    const middle = top + ROW_HEIGHT / 2;
    const baseline = middle + LABEL_FONT * 0.35;
    const weight = bar.highlight ? ' font-weight="bold"' : '';
    const label = text(plotLeft - LABEL_GAP, baseline, fitLine(bar.label, LABEL_COLUMN - LABEL_GAP, LABEL_FONT), `font-size="${LABEL_FONT}" text-anchor="end" fill="${TEXT_COLOUR}"${weight}`);
    if (bar.value === null) {
      const note = text(zeroX + VALUE_GAP, baseline, bar.valueText, `font-size="${LABEL_FONT}" font-style="italic" fill="${MUTED_TEXT}"`);
      return `<g>${label}${note}</g>`;
    }
    const end = xOf(bar.value);
    const left = Math.min(zeroX, end);
    const rect = `<rect x="${number(left)}" y="${number(middle - BAR_HEIGHT / 2)}" width="${number(Math.abs(end - zeroX))}" height="${BAR_HEIGHT}" fill="${bar.highlight ? HIGHLIGHT_FILL : OTHER_FILL}"/>`;
    const figure = text(Math.max(zeroX, end) + VALUE_GAP, baseline, bar.valueText, `font-size="${LABEL_FONT}" fill="${TEXT_COLOUR}"${weight}`);
    return `<g>${label}${rect}${figure}</g>`;
  });

  const title = titleLines.map((line, index) =>
    text(PADDING, PADDING + TITLE_FONT + index * TITLE_LINE_HEIGHT, line, `font-size="${TITLE_FONT}" font-weight="bold" fill="${TEXT_COLOUR}"`),
  );
  const description = spec.bars.map((bar) => `${bar.label} : ${bar.valueText}`).join(' ; ');
  const baselineTop = plotTop - 2;
  const baselineBottom = plotTop + spec.bars.length * ROW_HEIGHT + 2;

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<desc>${escapeXml(description)}</desc>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...title,
    ...rows,
    `<line x1="${number(zeroX)}" y1="${baselineTop}" x2="${number(zeroX)}" y2="${baselineBottom}" stroke="${BASELINE_COLOUR}" stroke-width="1"/>`,
    '</svg>',
  ].join('\n');
  return { svg, width: WIDTH, height };
}
