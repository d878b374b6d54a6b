/**
 * A whole board as one SVG image, drawn with the geometry the app uses (layoutBoard,
 * cardBoardPosition), for the report, the mail to the participants or a print. The SVG is
 * standalone: no font or image to fetch, so it also draws onto a canvas for the PNG export.
 */
import type { Board, BoardCard } from './board-model';
import { BOARD_TEMPLATE_LABELS, CARD_COLOUR_STYLES, CARD_TEXT_COLOUR } from './board-model';
import { cardVoteTotals } from './board-results';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  ZONE_HEADER,
  ZONE_PADDING,
  cardBoardPosition,
  clusterCardBounds,
  layoutBoard,
  positionsAreScores,
  type CardBox,
  type ZoneRect,
} from './board-templates';

export interface BoardSvgOptions {
  /** The meeting the board belongs to, said under the board's title. */
  meetingTitle: string;
  /** A card author's name, or null when the contact is unknown here (erased, not synced yet). */
  authorName: (contactId: string) => string | null;
  /** The facilitator's export shows cards still hidden by a silent phase; the projection does not. */
  showHidden: boolean;
}

const MARGIN = 32;
/** The board's title and the meeting's line above the board. */
const HEADER_HEIGHT = 76;
const MIN_WIDTH = 640;
const FONT_FAMILY = 'Arial, Helvetica, "Liberation Sans", sans-serif';
const MUTED = '#4a4a4a';

const CARD_INSET = 10;
const CARD_FONT = 14;
const CARD_LINE_HEIGHT = 18;
const CARD_LINES = 4;
const AUTHOR_FONT = 11;
const BADGE_RADIUS = 12;

const CLUSTER_PADDING = 8;
/** The cluster's title sits in a label across the top of its outline, drawn over the cards. */
const CLUSTER_LABEL_HEIGHT = 22;
const CLUSTER_FONT = 13;
const CLUSTER_COLOUR = '#2f5d3a';

const ZONE_TITLE_FONT = 20;
const ZONE_HINT_FONT = 13;
const AXIS_FONT = 16;

// ——— Text ———

const graphemes = new Intl.Segmenter('fr', { granularity: 'grapheme' });

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/**
 * Width of one grapheme in ems, for Arial-like fonts. An estimate on the wide side: a line may end
 * a little early, never run past the card.
 */
function graphemeEms(grapheme: string): number {
  const codePoint = grapheme.codePointAt(0) ?? 0;
  if (grapheme.length > 2 || codePoint >= 0x1f000 || (codePoint >= 0x2e80 && codePoint <= 0xffdc)) return 1.2;
  if (/[ il.,;:!|'’]/.test(grapheme)) return 0.3;
  if (/[fjrt()[\]\-«»]/.test(grapheme)) return 0.4;
  if (/[mwMW@%]/.test(grapheme)) return 0.9;
  if (/[A-Z0-9ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŒÆ]/.test(grapheme)) return 0.7;
  return 0.58;
}

function textWidth(text: string, fontSize: number): number {
  return splitGraphemes(text).reduce((total, grapheme) => total + graphemeEms(grapheme), 0) * fontSize;
}

const ELLIPSIS = '…';

/** The longest start of `text` that fits `maxWidth` with an ellipsis after it. */
function withEllipsis(text: string, maxWidth: number, fontSize: number): string {
  const parts = splitGraphemes(text.trimEnd());
  let width = graphemeEms(ELLIPSIS) * fontSize;
  let kept = 0;
  while (kept < parts.length && width + graphemeEms(parts[kept] ?? '') * fontSize <= maxWidth) {
    width += graphemeEms(parts[kept] ?? '') * fontSize;
    kept += 1;
  }
  return `${parts.slice(0, kept).join('').trimEnd()}${ELLIPSIS}`;
}

/** A single line: the text itself when it fits, its start with an ellipsis otherwise. */
export function fitLine(text: string, maxWidth: number, fontSize: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return textWidth(flat, fontSize) <= maxWidth ? flat : withEllipsis(flat, maxWidth, fontSize);
}

/**
 * Lines of at most `maxWidth`, broken between words (inside a word only when it is longer than a
 * line), at most `maxLines` of them, the last one ending with an ellipsis when text was left out.
 * Deterministic, so every machine exports the same image.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.trim().split(/\n+/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate, fontSize) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      for (const grapheme of splitGraphemes(word)) {
        if (line !== '' && textWidth(line + grapheme, fontSize) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += grapheme;
      }
    }
    if (line !== '') lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', maxWidth, fontSize);
  return kept;
}

/** XML 1.0 allows tab, line feed, carriage return and everything from the space on, save lone surrogates and U+FFFE/U+FFFF. */
function isXmlCharacter(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  return !(codePoint >= 0xd800 && codePoint <= 0xdfff) && codePoint !== 0xfffe && codePoint !== 0xffff;
}

/** Text for an SVG element or attribute; characters XML forbids (controls, lone surrogates) are dropped. */
export function escapeXml(text: string): string {
  return Array.from(text)
    .filter((character) => isXmlCharacter(character.codePointAt(0) ?? 0))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

// ——— Geometry ———

interface PlacedCard {
  card: BoardCard;
  x: number;
  y: number;
}

interface ClusterOutline {
  title: string;
  box: CardBox;
}

function clusterOutlines(board: Board, placed: readonly PlacedCard[]): ClusterOutline[] {
  const bounds = clusterCardBounds(placed.map(({ card, x, y }) => ({ clusterId: card.clusterId, x, y })));
  return board.clusters.flatMap((cluster) => {
    const box = bounds.get(cluster.id);
    if (!box) return [];
    return [
      {
        title: cluster.title,
        box: { x: box.x - CLUSTER_PADDING, y: box.y - CLUSTER_PADDING, width: box.width + 2 * CLUSTER_PADDING, height: box.height + 2 * CLUSTER_PADDING },
      },
    ];
  });
}

function number(value: number): string {
  return String(Math.round(value * 10) / 10);
}

// ——— Drawing ———

function textElement(x: number, y: number, size: number, content: string, extra = ''): string {
  return `<text x="${number(x)}" y="${number(y)}" font-size="${size}"${extra}>${escapeXml(content)}</text>`;
}

function drawZone(zone: ZoneRect, matrix: boolean): string {
  const width = zone.width - 2 * ZONE_PADDING;
  const parts = [
    `<rect x="${zone.x}" y="${zone.y}" width="${zone.width}" height="${zone.height}" rx="12" fill="#f3f5f2" stroke="#8a968c" stroke-width="2"/>`,
    textElement(zone.x + ZONE_PADDING, zone.y + 28, ZONE_TITLE_FONT, fitLine(zone.title, width, ZONE_TITLE_FONT), ' font-weight="bold"'),
  ];
  if (zone.hint) parts.push(textElement(zone.x + ZONE_PADDING, zone.y + 47, ZONE_HINT_FONT, fitLine(zone.hint, width, ZONE_HINT_FONT), ` fill="${MUTED}"`));
  if (matrix) parts.push(drawMatrixAxes(zone));
  return `<g class="zone">${parts.join('')}</g>`;
}

/** Impact goes up, feasibility goes right: the axes, and the quadrants' dividing lines. */
function drawMatrixAxes(zone: ZoneRect): string {
  const left = zone.x + ZONE_PADDING / 2;
  const bottom = zone.y + zone.height - ZONE_PADDING / 2;
  const top = zone.y + ZONE_HEADER;
  const right = zone.x + zone.width - ZONE_PADDING / 2;
  const middleX = zone.x + ZONE_PADDING + (zone.width - 2 * ZONE_PADDING) / 2;
  const middleY = top + (zone.height - ZONE_HEADER - ZONE_PADDING) / 2;
  const axis = `stroke="${MUTED}" stroke-width="2"`;
  return [
    `<line x1="${left}" y1="${bottom}" x2="${left}" y2="${top}" ${axis}/>`,
    `<path d="M ${left - 6} ${top + 10} L ${left} ${top} L ${left + 6} ${top + 10}" fill="none" ${axis}/>`,
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" ${axis}/>`,
    `<path d="M ${right - 10} ${bottom - 6} L ${right} ${bottom} L ${right - 10} ${bottom + 6}" fill="none" ${axis}/>`,
    `<line x1="${number(middleX)}" y1="${top}" x2="${number(middleX)}" y2="${bottom}" stroke="#b5beb7" stroke-dasharray="8 6"/>`,
    `<line x1="${left}" y1="${number(middleY)}" x2="${right}" y2="${number(middleY)}" stroke="#b5beb7" stroke-dasharray="8 6"/>`,
    textElement(left + 8, top + 20, AXIS_FONT, 'Impact ↑', ` fill="${MUTED}" font-weight="bold"`),
    textElement(right - 8, bottom - 10, AXIS_FONT, 'Faisabilité →', ` fill="${MUTED}" font-weight="bold" text-anchor="end"`),
  ].join('');
}

function drawClusterOutline({ box }: ClusterOutline): string {
  return `<rect x="${number(box.x)}" y="${number(box.y)}" width="${number(box.width)}" height="${number(box.height)}" rx="10" fill="none" stroke="${CLUSTER_COLOUR}" stroke-width="2" stroke-dasharray="10 5"/>`;
}

function drawClusterLabel({ box, title }: ClusterOutline): string {
  const label = fitLine(title, box.width - 2 * CLUSTER_PADDING - 16, CLUSTER_FONT);
  const width = Math.min(textWidth(label, CLUSTER_FONT) + 16, box.width - 2 * CLUSTER_PADDING);
  const top = box.y - CLUSTER_LABEL_HEIGHT / 2;
  return (
    `<g class="cluster"><rect x="${number(box.x + CLUSTER_PADDING)}" y="${number(top)}" width="${number(width)}" height="${CLUSTER_LABEL_HEIGHT}" rx="11" fill="#ffffff" stroke="${CLUSTER_COLOUR}" stroke-width="1.5"/>` +
    textElement(box.x + CLUSTER_PADDING + 8, top + 15, CLUSTER_FONT, label, ` font-weight="bold" fill="${CLUSTER_COLOUR}"`) +
    '</g>'
  );
}

function drawCard({ card, x, y }: PlacedCard, author: string | null, dots: number | null): string {
  const style = CARD_COLOUR_STYLES[card.colour];
  const textWidthAvailable = CARD_WIDTH - 2 * CARD_INSET;
  const lines = wrapText(card.text, textWidthAvailable, CARD_FONT, CARD_LINES);
  const description = [card.text, author ? `Auteur : ${author}` : '', dots !== null ? `${dots} gommette${dots > 1 ? 's' : ''}` : '']
    .filter((part) => part !== '')
    .join(' — ');
  const parts = [
    `<title>${escapeXml(description)}</title>`,
    `<rect x="${x}" y="${y}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="6" fill="${style.background}" stroke="${style.border}" stroke-width="${card.hidden ? 2 : 1.5}"${card.hidden ? ' stroke-dasharray="6 4"' : ''}/>`,
    `<text font-size="${CARD_FONT}" fill="${CARD_TEXT_COLOUR}">${lines
      .map((line, index) => `<tspan x="${x + CARD_INSET}" y="${y + CARD_INSET + CARD_FONT + index * CARD_LINE_HEIGHT}">${escapeXml(line)}</tspan>`)
      .join('')}</text>`,
  ];
  const badgeRoom = dots !== null ? 2 * BADGE_RADIUS + 6 : 0;
  if (author) {
    parts.push(textElement(x + CARD_INSET, y + CARD_HEIGHT - 9, AUTHOR_FONT, fitLine(author, textWidthAvailable - badgeRoom, AUTHOR_FONT), ` fill="${MUTED}" font-style="italic"`));
  }
  if (dots !== null) {
    const centreX = x + CARD_WIDTH - CARD_INSET - BADGE_RADIUS + 4;
    const centreY = y + CARD_HEIGHT - CARD_INSET - BADGE_RADIUS + 4;
    parts.push(
      `<circle cx="${centreX}" cy="${centreY}" r="${BADGE_RADIUS}" fill="#b3261e"/>`,
      textElement(centreX, centreY + 4, 12, String(dots), ' fill="#ffffff" font-weight="bold" text-anchor="middle"'),
    );
  }
  return `<g class="card">${parts.join('')}</g>`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/**
 * The board as an SVG document: zones with their titles, cluster outlines, cards with their
 * colour, text, author and (once revealed) dots, the matrix's axes, and a title line. Each card's
 * full text is in its <title>, so a text cut on the drawing is still in the file.
 */
export function boardToSvg(board: Board, options: BoardSvgOptions): string {
  const cards = options.showHidden ? board.cards : board.cards.filter((card) => !card.hidden);
  const layout = layoutBoard(board.template, board.zones, cards);
  const zonesById = new Map(layout.zones.map((zone) => [zone.id, zone]));
  const placed = cards.map((card) => ({ card, ...cardBoardPosition(card, zonesById) }));
  const outlines = clusterOutlines(board, placed);

  let minX = layout.minX;
  let minY = layout.minY;
  let maxX = layout.minX + layout.width;
  let maxY = layout.minY + layout.height;
  for (const { box } of outlines) {
    minX = Math.min(minX, box.x);
    minY = Math.min(minY, box.y - CLUSTER_LABEL_HEIGHT / 2);
    maxX = Math.max(maxX, box.x + box.width);
    maxY = Math.max(maxY, box.y + box.height);
  }
  const width = Math.ceil(Math.max(MIN_WIDTH, maxX - minX + 2 * MARGIN));
  const height = Math.ceil(maxY - minY + 2 * MARGIN + HEADER_HEIGHT);
  const offsetX = MARGIN - minX;
  const offsetY = MARGIN + HEADER_HEIGHT - minY;

  const totals = board.voting.revealed ? cardVoteTotals(board) : null;
  const title = board.title.trim() || 'Tableau sans titre';
  const meeting = options.meetingTitle.trim();
  const subtitle = [meeting ? `Réunion : ${meeting}` : '', BOARD_TEMPLATE_LABELS[board.template]].filter((part) => part !== '').join(' · ');
  const description =
    `Tableau « ${title} » (${BOARD_TEMPLATE_LABELS[board.template]})${meeting ? ` de la réunion « ${meeting} »` : ''} : ` +
    `${plural(layout.zones.length, 'zone', 'zones')}, ${plural(cards.length, 'carte', 'cartes')}, ${plural(outlines.length, 'regroupement', 'regroupements')}` +
    (totals ? ', gommettes révélées.' : '.');

  const body = [
    ...layout.zones.map((zone) => drawZone(zone, positionsAreScores(board.template))),
    ...outlines.map(drawClusterOutline),
    ...placed.map((entry) => {
      const author = entry.card.authorId === null ? null : options.authorName(entry.card.authorId);
      const dots = totals?.get(entry.card.id) ?? null;
      return drawCard(entry, author, dots);
    }),
    ...outlines.map(drawClusterLabel),
  ];

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="board-title board-desc" font-family='${FONT_FAMILY}'>`,
    `<title id="board-title">${escapeXml(title)}</title>`,
    `<desc id="board-desc">${escapeXml(description)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    textElement(MARGIN, MARGIN + 26, 26, fitLine(title, width - 2 * MARGIN, 26), ' font-weight="bold" fill="#1b1b1b"'),
    textElement(MARGIN, MARGIN + 54, 16, fitLine(subtitle, width - 2 * MARGIN, 16), ` fill="${MUTED}"`),
    `<g transform="translate(${number(offsetX)} ${number(offsetY)})">`,
    ...body,
    '</g>',
    '</svg>',
  ].join('\n');
}
