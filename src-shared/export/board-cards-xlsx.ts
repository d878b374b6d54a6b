import type { Board, BoardCard } from '../boards/board-model';
import { CARD_COLOUR_STYLES } from '../boards/board-model';
import { cardVoteTotals, rankCards } from '../boards/board-results';
import { matrixScores, positionsAreScores } from '../boards/board-templates';
import { formatDateTime } from '../format/french-format';
import { meetingKindLabel, type Meeting } from '../meetings/meeting-model';
import { formatLongIsoDate } from './sign-in-sheet-content';
import { addTableSheet, newWorkbook, workbookBytes, type TableColumn } from './workbooks/table-sheet';

/** What the workbook of a board's cards is made from: the board as read, and names for its authors. */
export interface BoardCardsWorkbook {
  board: Board;
  missionTitle: string;
  meeting: Pick<Meeting, 'kind' | 'title' | 'date'>;
  /** A card author's name, or null when the contact is unknown here (erased, not synced yet). */
  authorName: (contactId: string) => string | null;
  generatedAt: Date;
}

const WHOLE_NUMBER = '0';
const ONE_DECIMAL = '0.0';
const DATE_TIME = 'dd/mm/yyyy hh:mm';
export const NO_ZONE = 'Hors zone';
export const ANONYMOUS = 'Anonyme';
export const AUTHORS_NOTE = 'Ce fichier nomme les auteurs des cartes : à ne diffuser qu’aux personnes chargées de la démarche.';
export const HIDDEN_VOTES_NOTE = 'Les votes ne sont pas encore révélés : révélez-les sur le tableau pour les exporter.';

export interface CardRow {
  card: BoardCard;
  zone: string;
  cluster: string;
  author: string;
  dots: number;
  voters: number;
}

/**
 * Excel stores a date without a time zone and shows it as written: the creation time is written as
 * the clock on this machine showed it, like every other time the app shows.
 */
export function localClock(timestamp: number): Date {
  return new Date(timestamp - new Date(timestamp).getTimezoneOffset() * 60_000);
}

function cardColumns(board: Board, withVotes: boolean): TableColumn<CardRow>[] {
  const columns: TableColumn<CardRow>[] = [
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
export function boardCardRows(board: Board, authorName: (contactId: string) => string | null, withVotes: boolean): CardRow[] {
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
      author: (card.authorId === null ? null : authorName(card.authorId)) ?? ANONYMOUS,
      dots: withVotes ? (totals.get(card.id) ?? 0) : 0,
      voters: withVotes ? (voters.get(card.id) ?? 0) : 0,
    },
  }));
  rows.sort((left, right) => left.zoneOrder - right.zoneOrder || right.row.dots - left.row.dots || left.capture - right.capture);
  return rows.map((entry) => entry.row);
}

export interface RankedRow {
  cardId: string;
  rank: number;
  text: string;
  zone: string;
  total: number;
  voters: number;
}

/** Ranks as a podium gives them: two cards with as many dots share a rank, the next one skips. */
export function rankedCardRows(board: Board): RankedRow[] {
  const zoneTitle = new Map(board.zones.map((zone) => [zone.id, zone.title]));
  const rows: RankedRow[] = [];
  for (const [index, result] of rankCards(board).entries()) {
    const previous = rows[index - 1];
    rows.push({
      cardId: result.card.id,
      rank: previous && previous.total === result.total ? previous.rank : index + 1,
      text: result.card.text,
      zone: (result.card.zoneId === null ? undefined : zoneTitle.get(result.card.zoneId)) ?? NO_ZONE,
      total: result.total,
      voters: result.voters,
    });
  }
  return rows;
}

const RANKED_COLUMNS: readonly TableColumn<RankedRow>[] = [
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
  const ranked = withVotes ? rankedCardRows(board) : [];
  const rows = boardCardRows(board, input.authorName, withVotes);
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

  const workbook = newWorkbook({ title: `Cartes – ${boardTitle}`, subject: 'Cartes d’un tableau d’atelier', generatedAt: input.generatedAt });

  addTableSheet(workbook, {
    name: 'Cartes',
    title: `Tableau : ${boardTitle}`,
    note: [...context, ...notes].join(' '),
    footer: `Tableau : ${boardTitle}`,
    columns: cardColumns(board, withVotes),
    rows,
    empty: 'Aucune carte sur ce tableau.',
  });
  if (ranked.length > 0) {
    addTableSheet(workbook, {
      name: 'Résultats du vote',
      title: `Résultats du vote : ${boardTitle}`,
      note: [...context, 'Cartes classées par nombre de gommettes ; les cartes sans gommette ne figurent pas ici.'].join(' '),
      footer: `Résultats du vote : ${boardTitle}`,
      columns: RANKED_COLUMNS,
      rows: ranked,
      empty: '',
    });
  }
  return workbookBytes(workbook);
}
