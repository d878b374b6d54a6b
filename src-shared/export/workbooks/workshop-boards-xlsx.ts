/**
 * Every workshop board of a mission in one workbook: all the cards, every dot by voter, and the
 * cards ranked by dots. Votes a facilitator has not revealed stay out, as in the board's own
 * export; people erased at their request are never named (their dots count without a voter).
 */
import type { Board } from '../../boards/board-model';
import { CARD_COLOUR_STYLES } from '../../boards/board-model';
import { resolveContactId } from '../../meetings/participant-merge';
import { UNKNOWN_CONTACT_NAME } from '../../meetings/participant-rows';
import type { Meeting } from '../../meetings/meeting-model';
import { meetingKindLabel } from '../../meetings/meeting-model';
import type { DirectorySnapshot } from '../../directory/directory-snapshot';
import { formatIsoDate } from '../../format/french-format';
import type { MissionDeliverableSource } from '../deliverables/deliverable-source';
import { ANONYMOUS, AUTHORS_NOTE, boardCardRows, NO_ZONE, rankedCardRows, type CardRow, type RankedRow } from '../board-cards-xlsx';
import { RESTRICTED_FOOTER } from '../participant-list-xlsx';
import { fictitiousWarning, FICTITIOUS_FOOTER, missionTitleOf, provenanceNote } from './mission-workbook-notes';
import {
  addTableSheet,
  columnSum,
  COUNT_FORMAT,
  formulaCell,
  newWorkbook,
  styleTotalRow,
  WHOLE_NUMBER_FORMAT,
  workbookBytes,
  type TableColumn,
} from './table-sheet';

export const CARDS_SHEET = 'Cartes';
export const VOTES_SHEET = 'Votes';
export const RANKING_SHEET = 'Classement';

/** Dots counted without a voter: stuck on the paper board, or those of a person erased since. */
export const PAPER_VOTE = 'Vote sur papier';
const PAPER_VOTE_NOTE =
  '« Vote sur papier » regroupe les gommettes comptées sur le tableau papier et celles des personnes effacées à leur demande, qui ne sont plus nommées.';
const HIDDEN_VOTES_NOTE = 'Les votes des tableaux dont les résultats ne sont pas révélés ne figurent pas ici : révélez-les sur le tableau pour les exporter.';

export interface WorkshopBoardsOptions {
  generatedAt: Date;
}

interface BoardContext {
  board: Board;
  title: string;
  meeting: string;
  revealed: boolean;
}

interface BoardCardRow extends CardRow {
  context: BoardContext;
  rank: number | null;
}

interface VoteRow {
  context: BoardContext;
  voter: string;
  card: string;
  zone: string;
  dots: number;
}

interface BoardRankedRow extends RankedRow {
  context: BoardContext;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function meetingName(meeting: Meeting | undefined): string {
  if (!meeting) return '';
  const name = [meetingKindLabel(meeting.kind), meeting.title.trim()].filter((part) => part !== '').join(' – ');
  const date = formatIsoDate(meeting.date);
  return date ? `${name} (${date})` : name;
}

/** A contact's name as the board shows it ("Claire Dupont"), or null when this directory does not know them. */
function contactNames(directory: DirectorySnapshot): (contactId: string) => string | null {
  const contacts = new Map(directory.contacts.map((contact) => [contact.id, contact]));
  return (contactId) => {
    const contact = contacts.get(resolveContactId(contactId, directory.aliases));
    if (!contact) return null;
    return [contact.firstName.trim(), contact.lastName.trim()].filter((part) => part !== '').join(' ') || null;
  };
}

function voteRows(context: BoardContext, nameOf: (contactId: string) => string | null): VoteRow[] {
  const { board } = context;
  const cards = new Map(board.cards.map((card, index) => [card.id, { card, index }]));
  const zones = new Map(board.zones.map((zone) => [zone.id, zone.title]));
  const row = (voter: string, cardId: string, dots: number) => {
    const entry = cards.get(cardId);
    const zoneId = entry?.card.zoneId ?? null;
    return { context, voter, card: entry?.card.text ?? '', zone: (zoneId === null ? undefined : zones.get(zoneId)) ?? NO_ZONE, dots, order: entry?.index ?? 0 };
  };
  const identified = board.voting.dots
    .filter((dots) => dots.count > 0)
    .map((dots) => row(nameOf(dots.voterId) ?? UNKNOWN_CONTACT_NAME, dots.cardId, dots.count))
    .sort((left, right) => collator.compare(left.voter, right.voter) || left.order - right.order);
  const paper = Object.entries(board.voting.tallies)
    .filter(([, count]) => count > 0)
    .map(([cardId, count]) => row(PAPER_VOTE, cardId, count))
    .sort((left, right) => left.order - right.order);
  return [...identified, ...paper].map(({ order: _order, ...vote }) => vote);
}

const CARD_COLUMNS: readonly TableColumn<BoardCardRow>[] = [
  { header: 'Tableau', width: 22, value: (row) => row.context.title },
  { header: 'Réunion', width: 24, value: (row) => row.context.meeting },
  { header: 'Zone', width: 16, value: (row) => row.zone },
  { header: 'Regroupement', width: 18, value: (row) => row.cluster },
  { header: 'Texte', width: 46, value: (row) => row.card.text },
  { header: 'Auteur', width: 20, value: (row) => row.author },
  { header: 'Couleur', width: 9, value: (row) => CARD_COLOUR_STYLES[row.card.colour].label },
  { header: 'Gommettes', width: 11, numFmt: WHOLE_NUMBER_FORMAT, value: (row) => (row.context.revealed ? row.dots : null) },
  { header: 'Rang', width: 7, numFmt: WHOLE_NUMBER_FORMAT, value: (row) => row.rank },
];

const VOTE_COLUMNS: readonly TableColumn<VoteRow>[] = [
  { header: 'Tableau', width: 22, value: (row) => row.context.title },
  { header: 'Réunion', width: 24, value: (row) => row.context.meeting },
  { header: 'Votant·e', width: 24, value: (row) => row.voter },
  { header: 'Carte', width: 46, value: (row) => row.card },
  { header: 'Zone', width: 16, value: (row) => row.zone },
  { header: 'Gommettes', width: 11, numFmt: COUNT_FORMAT, value: (row) => row.dots },
];

const RANKING_COLUMNS: readonly TableColumn<BoardRankedRow>[] = [
  { header: 'Tableau', width: 22, value: (row) => row.context.title },
  { header: 'Réunion', width: 24, value: (row) => row.context.meeting },
  { header: 'Rang', width: 7, numFmt: WHOLE_NUMBER_FORMAT, value: (row) => row.rank },
  { header: 'Texte', width: 50, value: (row) => row.text },
  { header: 'Zone', width: 16, value: (row) => row.zone },
  { header: 'Gommettes', width: 11, numFmt: COUNT_FORMAT, value: (row) => row.total },
  { header: 'Votants', width: 9, numFmt: COUNT_FORMAT, value: (row) => row.voters },
];

export async function buildWorkshopBoardsWorkbook(source: MissionDeliverableSource, options: WorkshopBoardsOptions): Promise<Uint8Array> {
  const { generatedAt } = options;
  const missionTitle = missionTitleOf(source);
  const warning = fictitiousWarning(source);
  const meetings = new Map(source.meetings.map((meeting) => [meeting.id, meeting]));
  const nameOf = contactNames(source.directory);

  const contexts: BoardContext[] = source.boards.map((board) => ({
    board,
    title: board.title.trim() || 'Tableau sans titre',
    meeting: meetingName(meetings.get(board.meetingId)),
    revealed: board.voting.revealed,
  }));
  const rankings = contexts.map((context) => ({ context, ranked: context.revealed ? rankedCardRows(context.board) : [] }));
  const cards: BoardCardRow[] = rankings.flatMap(({ context, ranked }) => {
    const ranks = new Map(ranked.map((row) => [row.cardId, row.rank]));
    return boardCardRows(context.board, nameOf, context.revealed).map((row) => ({ ...row, context, rank: ranks.get(row.card.id) ?? null }));
  });
  const votes = contexts.filter((context) => context.revealed).flatMap((context) => voteRows(context, nameOf));
  const ranked: BoardRankedRow[] = rankings.flatMap(({ context, ranked: rows }) => rows.map((row) => ({ ...row, context })));

  const namesPeople = cards.some((row) => row.author !== ANONYMOUS) || votes.some((row) => row.voter !== PAPER_VOTE);
  const footerCentre = [...(namesPeople ? [RESTRICTED_FOOTER] : []), ...(source.fictitious ? [FICTITIOUS_FOOTER] : [])].join(' – ') || undefined;
  const hiddenVotes = contexts.some(
    (context) => !context.revealed && (context.board.voting.dots.length > 0 || Object.keys(context.board.voting.tallies).length > 0),
  );
  const notes = (what: string, extra: readonly string[]) =>
    [provenanceNote(source, what, generatedAt), ...extra, ...(hiddenVotes ? [HIDDEN_VOTES_NOTE] : [])].join(' ');

  const workbook = newWorkbook({ title: `Tableaux d’atelier – ${missionTitle}`, subject: 'Cartes et votes des ateliers', generatedAt });
  addTableSheet(workbook, {
    name: CARDS_SHEET,
    title: `Cartes des ateliers – ${missionTitle}`,
    note: notes(
      'Une ligne par carte, tableau par tableau et zone par zone, les plus votées d’abord.',
      cards.some((row) => row.author !== ANONYMOUS) ? [AUTHORS_NOTE] : [],
    ),
    warning,
    footer: `Cartes des ateliers – ${missionTitle}`,
    footerCentre,
    columns: CARD_COLUMNS,
    rows: cards,
    empty: 'Aucune carte sur les tableaux de cette mission.',
  });

  const voteSheet = addTableSheet(workbook, {
    name: VOTES_SHEET,
    title: `Votes des ateliers – ${missionTitle}`,
    note: notes('Une ligne par votant·e et par carte, avec le nombre de gommettes.', [PAPER_VOTE_NOTE]),
    warning,
    footer: `Votes des ateliers – ${missionTitle}`,
    footerCentre,
    columns: VOTE_COLUMNS,
    rows: votes,
    empty: 'Aucune gommette révélée.',
  });
  const totalRow = voteSheet.sheet.getRow(voteSheet.lastRow + 1);
  totalRow.getCell(3).value = 'Total';
  const total = totalRow.getCell(6);
  total.value = formulaCell(
    columnSum('F', voteSheet.firstRow, voteSheet.lastRow),
    votes.reduce((sum, row) => sum + row.dots, 0),
  );
  total.numFmt = COUNT_FORMAT;
  styleTotalRow(totalRow, VOTE_COLUMNS.length);

  addTableSheet(workbook, {
    name: RANKING_SHEET,
    title: `Classement des cartes – ${missionTitle}`,
    note: notes('Par tableau, les cartes classées par nombre de gommettes ; deux cartes à égalité partagent un rang. Les cartes sans gommette n’y figurent pas.', []),
    warning,
    footer: `Classement des cartes – ${missionTitle}`,
    footerCentre,
    columns: RANKING_COLUMNS,
    rows: ranked,
    empty: 'Aucune carte n’a reçu de gommette.',
  });
  return workbookBytes(workbook);
}
