import ExcelJS from 'exceljs';
import type { Board, BoardCard } from '../boards/board-model';
import { CARD_COLOUR_STYLES } from '../boards/board-model';
import { cardVoteTotals, rankCards } from '../boards/board-results';
import { matrixScores, positionsAreScores } from '../boards/board-templates';
import { formatDateTime } from '../format/french-format';
import { meetingKindLabel, type Meeting } from '../meetings/meeting-model';
import { formatLongIsoDate } from './sign-in-sheet-content';
import {
  a4PageSetup,
  addWrappedRow,
  BASE_FONT,
  estimatedWrappedRowHeight,
  excelHeaderFooterText,
  NARROW_MARGINS,
  NOTE_FONT,
  TITLE_FONT,
  writeHeaderRow,
} from './xlsx-print';

/** What the workbook of a board's cards is made from: the board as read, and names for its authors. */
export interface BoardCardsWorkbook {
  board: Board;
  missionTitle: string;
  meeting: Pick<Meeting, 'kind' | 'title' | 'date'>;
  /** A card author's name, or null when the contact is unknown here (erased, not synced yet). */
  authorName: (contactId: string) => string | null;
  generatedAt: Date;
}

/** Title, subtitle, a gap, then the column headers. */
const HEADER_ROW = 4;
const WHOLE_NUMBER = '0';
const ONE_DECIMAL = '0.0';
const DATE_TIME = 'dd/mm/yyyy hh:mm';
const NO_ZONE = 'Hors zone';
const ANONYMOUS = 'Anonyme';
const AUTHORS_NOTE = 'Ce fichier nomme les auteurs des cartes : à ne diffuser qu’aux personnes chargées de la démarche.';
const HIDDEN_VOTES_NOTE = 'Les votes ne sont pas encore révélés : révélez-les sur le tableau pour les exporter.';

interface CardRow {
  card: BoardCard;
  zone: string;
  cluster: string;
  author: string;
  dots: number;
  voters: number;
}

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  value: (row: CardRow) => string | number | Date | null;
}

/**
 * Excel stores a date without a time zone and shows it as written: the creation time is written as
 * the clock on this machine showed it, like every other time the app shows.
 */
function localClock(timestamp: number): Date {
  return new Date(timestamp - new Date(timestamp).getTimezoneOffset() * 60_000);
}

function cardColumns(board: Board, withVotes: boolean): Column[] {
  const columns: Column[] = [
    { header: 'Zone', width: 18, value: (row) => row.zone },
    { header: 'Regroupement', width: 20, value: (row) => row.cluster },
    { header: 'Texte', width: 50, value: (row) => row.card.text },
    { header: 'Auteur', width: 22, value: (row) => row.author },
  ];
  if (withVotes) {
    columns.push(
      { header: 'Gommettes', width: 11, numFmt: WHOLE_NUMBER, value: (row) => row.dots },
      { header: 'Votants', width: 9, numFmt: WHOLE_NUMBER, value: (row) => row.voters },
    );
  }
  columns.push({ header: 'Couleur', width: 10, value: (row) => CARD_COLOUR_STYLES[row.card.colour].label });
  if (board.template === 'world-cafe') columns.push({ header: 'Tour', width: 7, numFmt: WHOLE_NUMBER, value: (row) => row.card.round });
  if (positionsAreScores(board.template)) {
    columns.push(
      { header: 'Impact', width: 9, numFmt: ONE_DECIMAL, value: (row) => matrixScores(row.card).impact },
      { header: 'Faisabilité', width: 11, numFmt: ONE_DECIMAL, value: (row) => matrixScores(row.card).feasibility },
    );
  }
  columns.push({ header: 'Créée le', width: 17, numFmt: DATE_TIME, value: (row) => localClock(row.card.createdAt) });
  return columns;
}

/** Cards zone by zone in the board's order (cards outside every zone last), the most voted first, then in capture order. */
function cardRows(input: BoardCardsWorkbook, withVotes: boolean): CardRow[] {
  const { board } = input;
  const zoneIndex = new Map(board.zones.map((zone, index) => [zone.id, index]));
  const zoneTitle = new Map(board.zones.map((zone) => [zone.id, zone.title]));
  const clusterTitle = new Map(board.clusters.map((cluster) => [cluster.id, cluster.title]));
  const totals = cardVoteTotals(board);
  const voters = new Map<string, number>();
  for (const dots of board.voting.dots) voters.set(dots.cardId, (voters.get(dots.cardId) ?? 0) + 1);
  const rows = board.cards.map((card, capture) => ({
    capture,
    zoneOrder: (card.zoneId === null ? undefined : zoneIndex.get(card.zoneId)) ?? board.zones.length,
    row: {
      card,
      zone: (card.zoneId === null ? undefined : zoneTitle.get(card.zoneId)) ?? NO_ZONE,
      cluster: (card.clusterId === null ? undefined : clusterTitle.get(card.clusterId)) ?? '',
      author: (card.authorId === null ? null : input.authorName(card.authorId)) ?? ANONYMOUS,
      dots: withVotes ? (totals.get(card.id) ?? 0) : 0,
      voters: withVotes ? (voters.get(card.id) ?? 0) : 0,
    },
  }));
  rows.sort((left, right) => left.zoneOrder - right.zoneOrder || right.row.dots - left.row.dots || left.capture - right.capture);
  return rows.map((entry) => entry.row);
}

interface SheetContent<Row> {
  name: string;
  title: string;
  subtitle: string;
  footer: string;
  columns: readonly { header: string; width: number; numFmt?: string; value: (row: Row) => string | number | Date | null }[];
  rows: readonly Row[];
  empty: string;
}

function addTableSheet<Row>(workbook: ExcelJS.Workbook, content: SheetContent<Row>): void {
  const sheet = workbook.addWorksheet(content.name);
  const { columns } = content;
  sheet.columns = columns.map((column) => ({ width: column.width, style: { font: BASE_FONT, ...(column.numFmt ? { numFmt: column.numFmt } : {}) } }));
  const lastColumn = sheet.getColumn(columns.length).letter;

  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = content.title;
  title.font = TITLE_FONT;
  sheet.getRow(1).height = 22;
  sheet.mergeCells(2, 1, 2, columns.length);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = content.subtitle;
  subtitle.font = NOTE_FONT;
  subtitle.alignment = { vertical: 'top', wrapText: true };
  const subtitleWidth = columns.reduce((total, column) => total + column.width, 0);
  sheet.getRow(2).height = estimatedWrappedRowHeight(content.subtitle, subtitleWidth, BASE_FONT.size ?? 10);

  writeHeaderRow(sheet.getRow(HEADER_ROW), columns.map((column) => column.header));

  const widths = columns.map((column) => column.width);
  for (const row of content.rows) {
    addWrappedRow(sheet, columns.map((column) => column.value(row)), widths);
  }
  if (content.rows.length === 0) sheet.addRow([content.empty]).getCell(1).font = NOTE_FONT;
  sheet.autoFilter = `A${HEADER_ROW}:${lastColumn}${HEADER_ROW + content.rows.length}`;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }];
  sheet.pageSetup = a4PageSetup('landscape', HEADER_ROW, NARROW_MARGINS);
  sheet.headerFooter.oddFooter = `&L&8${excelHeaderFooterText(content.footer)}&R&8Page &P sur &N`;
}

interface RankedRow {
  rank: number;
  text: string;
  zone: string;
  total: number;
  voters: number;
}

/** Ranks as a podium gives them: two cards with as many dots share a rank, the next one skips. */
function rankedRows(board: Board): RankedRow[] {
  const zoneTitle = new Map(board.zones.map((zone) => [zone.id, zone.title]));
  const rows: RankedRow[] = [];
  for (const [index, result] of rankCards(board).entries()) {
    const previous = rows[index - 1];
    rows.push({
      rank: previous && previous.total === result.total ? previous.rank : index + 1,
      text: result.card.text,
      zone: (result.card.zoneId === null ? undefined : zoneTitle.get(result.card.zoneId)) ?? NO_ZONE,
      total: result.total,
      voters: result.voters,
    });
  }
  return rows;
}

const RANKED_COLUMNS: SheetContent<RankedRow>['columns'] = [
  { header: 'Rang', width: 7, numFmt: WHOLE_NUMBER, value: (row) => row.rank },
  { header: 'Texte', width: 60, value: (row) => row.text },
  { header: 'Zone', width: 18, value: (row) => row.zone },
  { header: 'Gommettes', width: 11, numFmt: WHOLE_NUMBER, value: (row) => row.total },
  { header: 'Votants', width: 9, numFmt: WHOLE_NUMBER, value: (row) => row.voters },
];

/**
 * The cards of a board as a workbook: sheet « Cartes » with each card's zone, cluster, author,
 * dots and colour (World Café round, matrix scores when the template has them), and, once the
 * votes are revealed, sheet « Résultats du vote » with the cards ranked.
 */
export async function buildBoardCardsXlsx(input: BoardCardsWorkbook): Promise<Uint8Array> {
  const { board } = input;
  const boardTitle = board.title.trim() || 'Tableau sans titre';
  const withVotes = board.voting.revealed;
  const ranked = withVotes ? rankedRows(board) : [];
  const rows = cardRows(input, withVotes);
  const hasVotes = board.voting.dots.length > 0 || Object.keys(board.voting.tallies).length > 0;

  const meetingName = [meetingKindLabel(input.meeting.kind), input.meeting.title.trim()].filter((part) => part !== '').join(' – ');
  const meetingDate = formatLongIsoDate(input.meeting.date);
  const context = [
    `Réunion : ${meetingName}${meetingDate ? `, ${meetingDate}` : ''}.`,
    `Démarche : ${input.missionTitle.trim() || 'Mission sans titre'}.`,
    `Exporté le ${formatDateTime(input.generatedAt.getTime())}.`,
  ];
  const notes = [
    ...(rows.some((row) => row.author !== ANONYMOUS) ? [AUTHORS_NOTE] : []),
    ...(!withVotes && hasVotes ? [HIDDEN_VOTES_NOTE] : []),
  ];

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bocage';
  workbook.lastModifiedBy = 'Bocage';
  workbook.title = `Cartes – ${boardTitle}`;
  workbook.subject = 'Cartes d’un tableau d’atelier';
  workbook.created = input.generatedAt;
  workbook.modified = input.generatedAt;

  addTableSheet(workbook, {
    name: 'Cartes',
    title: `Tableau : ${boardTitle}`,
    subtitle: [...context, ...notes].join(' '),
    footer: `Tableau : ${boardTitle}`,
    columns: cardColumns(board, withVotes),
    rows,
    empty: 'Aucune carte sur ce tableau.',
  });
  if (ranked.length > 0) {
    addTableSheet(workbook, {
      name: 'Résultats du vote',
      title: `Résultats du vote : ${boardTitle}`,
      subtitle: [...context, 'Cartes classées par nombre de gommettes ; les cartes sans gommette ne figurent pas ici.'].join(' '),
      footer: `Résultats du vote : ${boardTitle}`,
      columns: RANKED_COLUMNS,
      rows: ranked,
      empty: '',
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
