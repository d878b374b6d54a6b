import * as Y from 'yjs';
import { BOARD_FIELD, CARD_FIELD, CLUSTER_FIELD, ZONE_FIELD, boardsMap, parseVoteKey } from '../documents/board-structure';
import { compareOrdered } from '../qualitative/order-keys';
import {
  BOARD_TEMPLATES,
  CARD_COLOURS,
  DEFAULT_TIMER_MS,
  DEFAULT_VOTE_BUDGET,
  DEFAULT_VOTE_MAX_PER_CARD,
  type Board,
  type BoardCard,
  type BoardCluster,
  type BoardSummary,
  type BoardTemplate,
  type BoardTimer,
  type BoardVoting,
  type BoardZone,
  type CardColour,
  type VoterDots,
} from './board-model';

/**
 * Reads boards into plain data. Tolerates half-synced records and values written by a newer
 * version: an unknown template, colour or a missing field reads as its default.
 */

function text(record: Y.Map<unknown>, field: string): string {
  const value = record.get(field);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function positiveIntegerOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

function linkKeys(record: Y.Map<unknown>, field: string): string[] {
  const map = record.get(field);
  if (!(map instanceof Y.Map)) return [];
  return [...map.keys()].sort();
}

export function isBoardTemplate(value: unknown): value is BoardTemplate {
  return BOARD_TEMPLATES.some((template) => template === value);
}

export function isCardColour(value: unknown): value is CardColour {
  return CARD_COLOURS.some((colour) => colour === value);
}

export function nestedMap(record: Y.Map<unknown>, field: string): Y.Map<unknown> | null {
  const value = record.get(field);
  return value instanceof Y.Map ? value : null;
}

/** One card; exported so a view can re-read only the cards a change touched. */
export function readCard(id: string, record: Y.Map<unknown>): BoardCard {
  const colour = record.get(CARD_FIELD.colour);
  return {
    id,
    text: text(record, CARD_FIELD.text),
    colour: isCardColour(colour) ? colour : 'yellow',
    authorId: stringOrNull(record.get(CARD_FIELD.author)),
    zoneId: stringOrNull(record.get(CARD_FIELD.zone)),
    x: finiteOr(record.get(CARD_FIELD.x), 0),
    y: finiteOr(record.get(CARD_FIELD.y), 0),
    clusterId: stringOrNull(record.get(CARD_FIELD.cluster)),
    hidden: record.get(CARD_FIELD.hidden) === true,
    round: finiteOrNull(record.get(CARD_FIELD.round)),
    sourceCardId: stringOrNull(record.get(CARD_FIELD.sourceCard)),
    needsRewording: record.get(CARD_FIELD.needsRewording) === true,
    links: linkKeys(record, CARD_FIELD.links),
    createdAt: finiteOr(record.get(CARD_FIELD.createdAt), 0),
    updatedAt: finiteOr(record.get(CARD_FIELD.updatedAt), 0),
  };
}

/** Cards in capture order (creation time, then id: the same on every replica). */
export function compareCards(left: BoardCard, right: BoardCard): number {
  if (left.createdAt !== right.createdAt) return left.createdAt - right.createdAt;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

export function readZones(board: Y.Map<unknown>): BoardZone[] {
  const zones: BoardZone[] = [];
  nestedMap(board, BOARD_FIELD.zones)?.forEach((zone, id) => {
    if (zone instanceof Y.Map) zones.push({ id, title: text(zone, ZONE_FIELD.title), order: String(zone.get(ZONE_FIELD.order) ?? '') });
  });
  return zones.sort(compareOrdered);
}

export function readCards(board: Y.Map<unknown>): BoardCard[] {
  const cards: BoardCard[] = [];
  nestedMap(board, BOARD_FIELD.cards)?.forEach((card, id) => {
    if (card instanceof Y.Map) cards.push(readCard(id, card));
  });
  return cards.sort(compareCards);
}

/** Clusters that still group at least one card; an emptied cluster is not shown. */
export function readClusters(board: Y.Map<unknown>, cards: readonly BoardCard[]): BoardCluster[] {
  const used = new Set(cards.map((card) => card.clusterId).filter((id): id is string => id !== null));
  const clusters: BoardCluster[] = [];
  nestedMap(board, BOARD_FIELD.clusters)?.forEach((cluster, id) => {
    if (cluster instanceof Y.Map && used.has(id)) {
      clusters.push({
        id,
        title: text(cluster, CLUSTER_FIELD.title),
        createdAt: finiteOr(cluster.get(CLUSTER_FIELD.createdAt), 0),
        links: linkKeys(cluster, CLUSTER_FIELD.links),
      });
    }
  });
  return clusters.sort((left, right) => left.createdAt - right.createdAt || (left.id < right.id ? -1 : 1));
}

/** Votes on cards that still exist: dots put on a card deleted meanwhile go back to their voter. */
export function readVoting(board: Y.Map<unknown>, cardIds: ReadonlySet<string>): BoardVoting {
  const dots: VoterDots[] = [];
  nestedMap(board, BOARD_FIELD.votes)?.forEach((count, key) => {
    const parsed = parseVoteKey(key);
    if (parsed && cardIds.has(parsed.cardId) && typeof count === 'number' && Number.isInteger(count) && count > 0) {
      dots.push({ ...parsed, count });
    }
  });
  dots.sort((left, right) => (left.voterId + left.cardId < right.voterId + right.cardId ? -1 : 1));
  const tallies: Record<string, number> = {};
  nestedMap(board, BOARD_FIELD.tallies)?.forEach((count, cardId) => {
    if (cardIds.has(cardId) && typeof count === 'number' && Number.isInteger(count) && count > 0) tallies[cardId] = count;
  });
  return {
    budget: positiveIntegerOr(board.get(BOARD_FIELD.voteBudget), DEFAULT_VOTE_BUDGET),
    maxPerCard: positiveIntegerOr(board.get(BOARD_FIELD.voteMaxPerCard), DEFAULT_VOTE_MAX_PER_CARD),
    revealed: board.get(BOARD_FIELD.votesRevealed) === true,
    dots,
    tallies,
  };
}

export function readTimer(board: Y.Map<unknown>): BoardTimer {
  return {
    durationMs: positiveIntegerOr(board.get(BOARD_FIELD.timerDurationMs), DEFAULT_TIMER_MS),
    endsAt: finiteOrNull(board.get(BOARD_FIELD.timerEndsAt)),
    remainingMs: finiteOrNull(board.get(BOARD_FIELD.timerRemainingMs)),
  };
}

/** `cardCount` when the caller has the cards already: a Y.Map's size walks all its entries. */
function readSummary(id: string, board: Y.Map<unknown>, cardCount?: number): BoardSummary {
  const template = board.get(BOARD_FIELD.template);
  return {
    id,
    meetingId: String(board.get(BOARD_FIELD.meetingId) ?? ''),
    template: isBoardTemplate(template) ? template : 'free',
    title: text(board, BOARD_FIELD.title),
    createdAt: finiteOr(board.get(BOARD_FIELD.createdAt), 0),
    updatedAt: finiteOr(board.get(BOARD_FIELD.updatedAt), 0),
    trashed: typeof board.get(BOARD_FIELD.trashedAt) === 'number',
    cardCount: cardCount ?? nestedMap(board, BOARD_FIELD.cards)?.size ?? 0,
  };
}

/** The boards of a mission (or of one meeting), trashed ones included and flagged, oldest first. */
export function readBoardSummaries(doc: Y.Doc, meetingId?: string): BoardSummary[] {
  const summaries: BoardSummary[] = [];
  boardsMap(doc).forEach((board, id) => {
    if (!(board instanceof Y.Map)) return;
    const summary = readSummary(id, board);
    if (meetingId === undefined || summary.meetingId === meetingId) summaries.push(summary);
  });
  return summaries.sort((left, right) => left.createdAt - right.createdAt || (left.id < right.id ? -1 : 1));
}

export function boardRecord(doc: Y.Doc, boardId: string): Y.Map<unknown> | null {
  const board = boardsMap(doc).get(boardId);
  return board instanceof Y.Map ? board : null;
}

/** Assembles a board from its parts; a view that keeps its cards up to date itself passes them in. */
export function assembleBoard(id: string, board: Y.Map<unknown>, cards: BoardCard[]): Board {
  const summary = readSummary(id, board, cards.length);
  const cardIds = new Set(cards.map((card) => card.id));
  const activeZone = stringOrNull(board.get(BOARD_FIELD.activeZone));
  const zones = readZones(board);
  return {
    ...summary,
    zones,
    cards,
    clusters: readClusters(board, cards),
    voting: readVoting(board, cardIds),
    timer: readTimer(board),
    silentPhase: board.get(BOARD_FIELD.silentPhase) === true,
    activeZoneId: activeZone && zones.some((zone) => zone.id === activeZone) ? activeZone : null,
    round: positiveIntegerOr(board.get(BOARD_FIELD.round), 1),
    sourceBoardId: stringOrNull(board.get(BOARD_FIELD.sourceBoard)),
  };
}

export function readBoard(doc: Y.Doc, boardId: string): Board | null {
  const board = boardRecord(doc, boardId);
  return board ? assembleBoard(boardId, board, readCards(board)) : null;
}
