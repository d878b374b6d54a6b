/**
 * Named operations on workshop boards: boards and zones, cards, clusters, dot voting, the timer,
 * the silent phase, World Café rounds and the problem tree → objective tree conversion. Each runs
 * in one transaction (one undo step) and marks the board and the mission modified.
 */
import * as Y from 'yjs';
import { BOARD_FIELD, CARD_FIELD, CLUSTER_FIELD, ZONE_FIELD, boardsMap, parseVoteKey, voteKey } from '../documents/board-structure';
import { MISSION_FIELD, missionMap } from '../documents/document-structure';
import { MEETING_FIELD, meetingsMap } from '../documents/meeting-structure';
import { newId } from '../model/ids';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import { keyAfterLast } from '../qualitative/order-keys';
import { replaceText } from '../text/replace-text';
import {
  CARD_COLOURS,
  MAX_CARD_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  type BoardTemplate,
  type CardColour,
} from './board-model';
import { boardRecord, isBoardTemplate, readCard, readZones } from './board-snapshot';
import { OBJECTIVE_ZONE_OF_PROBLEM_ZONE, canAddZones, firstFreeSlot, templateZones } from './board-templates';

const BOARD_NOT_FOUND = 'Ce tableau est introuvable (il a peut-être été supprimé sur un autre poste).';
const BOARD_TRASHED = 'Ce tableau est dans la corbeille : restaurez-le pour le modifier.';
const CARD_NOT_FOUND = 'Cette carte n’existe plus (elle a peut-être été supprimée sur un autre poste).';
const ZONE_NOT_FOUND = 'Cette zone n’existe pas sur ce tableau.';
const MEETING_NOT_FOUND = 'Cette réunion est introuvable (elle a peut-être été supprimée sur un autre poste).';
const NOT_A_PARTICIPANT = 'Cette personne ne figure pas parmi les participants de la réunion.';
const MAX_ZONES = 40;
const MAX_VOTE_SETTING = 99;
const MAX_TIMER_MS = 4 * 3600_000;

function requireBoard(doc: Y.Doc, boardId: string): Y.Map<unknown> {
  const board = boardRecord(doc, boardId);
  if (!board) throw new InvalidOperationError(BOARD_NOT_FOUND);
  return board;
}

function requireOpenBoard(doc: Y.Doc, boardId: string): Y.Map<unknown> {
  const board = requireBoard(doc, boardId);
  if (typeof board.get(BOARD_FIELD.trashedAt) === 'number') throw new InvalidOperationError(BOARD_TRASHED);
  return board;
}

/** Nested maps are made with their board; recreating one is a last resort for a damaged record. */
function childMap<T = unknown>(record: Y.Map<unknown>, field: string): Y.Map<T> {
  const existing = record.get(field);
  if (existing instanceof Y.Map) return existing as Y.Map<T>;
  const created = new Y.Map<T>();
  record.set(field, created);
  return created;
}

function touch(doc: Y.Doc, board: Y.Map<unknown>, now: number): void {
  board.set(BOARD_FIELD.updatedAt, now);
  missionMap(doc).set(MISSION_FIELD.updatedAt, now);
}

function templateOf(board: Y.Map<unknown>): BoardTemplate {
  const template = board.get(BOARD_FIELD.template);
  return isBoardTemplate(template) ? template : 'free';
}

function requireCard(board: Y.Map<unknown>, cardId: string): Y.Map<unknown> {
  const card = childMap<Y.Map<unknown>>(board, BOARD_FIELD.cards).get(cardId);
  if (!(card instanceof Y.Map)) throw new InvalidOperationError(CARD_NOT_FOUND);
  return card;
}

function requireZone(board: Y.Map<unknown>, zoneId: string | null): void {
  if (zoneId === null) return;
  if (!(childMap(board, BOARD_FIELD.zones).get(zoneId) instanceof Y.Map)) throw new InvalidOperationError(ZONE_NOT_FOUND);
}

function cleanTitle(title: string, what: string): string {
  const trimmed = title.trim();
  if (trimmed.length > MAX_TITLE_LENGTH) throw new InvalidOperationError(`${what} ne doit pas dépasser ${MAX_TITLE_LENGTH} caractères.`);
  return trimmed;
}

function cleanCardText(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidOperationError('Une carte ne peut pas être vide : écrivez son texte.');
  if (trimmed.length > MAX_CARD_TEXT_LENGTH) throw new InvalidOperationError(`Le texte d’une carte ne doit pas dépasser ${MAX_CARD_TEXT_LENGTH} caractères.`);
  return trimmed;
}

function requireColour(colour: string): CardColour {
  const known = CARD_COLOURS.find((candidate) => candidate === colour);
  if (!known) throw new InvalidOperationError('Cette couleur de carte n’est pas proposée.');
  return known;
}

function requireFinite(value: number): number {
  if (!Number.isFinite(value)) throw new InvalidOperationError('Cette position n’est pas valable.');
  return Math.round(value);
}

/** Authors and voters are participants of the board's meeting, by contact id. */
function requireParticipant(doc: Y.Doc, board: Y.Map<unknown>, contactId: string): void {
  const meeting = meetingsMap(doc).get(String(board.get(BOARD_FIELD.meetingId) ?? ''));
  if (!(meeting instanceof Y.Map)) throw new InvalidOperationError(MEETING_NOT_FOUND);
  const participants = meeting.get(MEETING_FIELD.participants);
  if (!(participants instanceof Y.Map) || !participants.has(contactId)) throw new InvalidOperationError(NOT_A_PARTICIPANT);
}

function zoneCards(board: Y.Map<unknown>, zoneId: string | null, except: ReadonlySet<string> = new Set()): { x: number; y: number }[] {
  const occupied: { x: number; y: number }[] = [];
  childMap<Y.Map<unknown>>(board, BOARD_FIELD.cards).forEach((card, id) => {
    if (except.has(id) || !(card instanceof Y.Map)) return;
    const zone = card.get(CARD_FIELD.zone);
    if ((zone ?? null) === zoneId) occupied.push({ x: Number(card.get(CARD_FIELD.x)) || 0, y: Number(card.get(CARD_FIELD.y)) || 0 });
  });
  return occupied;
}

// ——— Boards and zones ———

export interface NewBoardInput {
  meetingId: string;
  template: BoardTemplate;
  title: string;
}

/**
 * A board with its template's zones and every nested collection made at once: two replicas
 * creating one of them later, concurrently, would keep only one of the two.
 */
function insertBoard(doc: Y.Doc, id: string, input: NewBoardInput, now: number): Y.Map<unknown> {
  const board = new Y.Map<unknown>();
  boardsMap(doc).set(id, board);
  board.set(BOARD_FIELD.meetingId, input.meetingId);
  board.set(BOARD_FIELD.template, input.template);
  board.set(BOARD_FIELD.title, input.title);
  board.set(BOARD_FIELD.createdAt, now);
  board.set(BOARD_FIELD.round, 1);
  const zones = new Y.Map<Y.Map<unknown>>();
  board.set(BOARD_FIELD.zones, zones);
  let previous: { id: string; order: string }[] = [];
  for (const seed of templateZones(input.template)) {
    const order = keyAfterLast(previous);
    const zone = new Y.Map<unknown>();
    zones.set(seed.id, zone);
    zone.set(ZONE_FIELD.title, seed.title);
    zone.set(ZONE_FIELD.order, order);
    previous = [...previous, { id: seed.id, order }];
  }
  for (const field of [BOARD_FIELD.cards, BOARD_FIELD.clusters, BOARD_FIELD.votes, BOARD_FIELD.tallies]) board.set(field, new Y.Map());
  return board;
}

export function createBoard(doc: Y.Doc, origin: unknown, input: NewBoardInput, now: number): string {
  return runOperation(doc, origin, () => {
    const meeting = meetingsMap(doc).get(input.meetingId);
    if (!(meeting instanceof Y.Map)) throw new InvalidOperationError(MEETING_NOT_FOUND);
    if (typeof meeting.get(MEETING_FIELD.trashedAt) === 'number') {
      throw new InvalidOperationError('Cette réunion est dans la corbeille : restaurez-la pour y ajouter un tableau.');
    }
    if (!isBoardTemplate(input.template)) throw new InvalidOperationError('Ce modèle de tableau n’existe pas.');
    const title = cleanTitle(input.title, 'Le titre du tableau');
    if (title === '') throw new InvalidOperationError('Donnez un titre au tableau.');
    const id = newId();
    const board = insertBoard(doc, id, { ...input, title }, now);
    if (input.template === 'six-hats') board.set(BOARD_FIELD.activeZone, templateZones('six-hats')[0]!.id);
    touch(doc, board, now);
    return id;
  });
}

export function renameBoard(doc: Y.Doc, origin: unknown, boardId: string, title: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const cleaned = cleanTitle(title, 'Le titre du tableau');
    if (cleaned === '') throw new InvalidOperationError('Donnez un titre au tableau.');
    board.set(BOARD_FIELD.title, cleaned);
    touch(doc, board, now);
  });
}

export function trashBoard(doc: Y.Doc, origin: unknown, boardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireBoard(doc, boardId);
    board.set(BOARD_FIELD.trashedAt, now);
    touch(doc, board, now);
  });
}

export function restoreBoard(doc: Y.Doc, origin: unknown, boardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireBoard(doc, boardId);
    board.delete(BOARD_FIELD.trashedAt);
    touch(doc, board, now);
  });
}

/** A World Café table; returns its id. */
export function addZone(doc: Y.Doc, origin: unknown, boardId: string, title: string, now: number): string {
  return runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    if (!canAddZones(templateOf(board))) throw new InvalidOperationError('Ce modèle de tableau a des zones fixes.');
    const zones = childMap<Y.Map<unknown>>(board, BOARD_FIELD.zones);
    if (zones.size >= MAX_ZONES) throw new InvalidOperationError(`Un tableau compte au plus ${MAX_ZONES} zones.`);
    const cleaned = cleanTitle(title, 'Le nom de la zone') || `Table ${zones.size + 1}`;
    const id = newId();
    const zone = new Y.Map<unknown>();
    zones.set(id, zone);
    zone.set(ZONE_FIELD.title, cleaned);
    zone.set(ZONE_FIELD.order, keyAfterLast(readZones(board)));
    touch(doc, board, now);
    return id;
  });
}

export function renameZone(doc: Y.Doc, origin: unknown, boardId: string, zoneId: string, title: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const zone = childMap<Y.Map<unknown>>(board, BOARD_FIELD.zones).get(zoneId);
    if (!(zone instanceof Y.Map)) throw new InvalidOperationError(ZONE_NOT_FOUND);
    const cleaned = cleanTitle(title, 'Le nom de la zone');
    if (cleaned === '') throw new InvalidOperationError('Donnez un nom à la zone.');
    zone.set(ZONE_FIELD.title, cleaned);
    touch(doc, board, now);
  });
}

/** The zone the room works on (the current hat): captured cards go there by default. */
export function setActiveZone(doc: Y.Doc, origin: unknown, boardId: string, zoneId: string | null, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    requireZone(board, zoneId);
    if (zoneId === null) board.delete(BOARD_FIELD.activeZone);
    else board.set(BOARD_FIELD.activeZone, zoneId);
    touch(doc, board, now);
  });
}

/** World Café: the tables change hosts; cards written from now on carry the new round. */
export function startNextRound(doc: Y.Doc, origin: unknown, boardId: string, now: number): number {
  return runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const current = board.get(BOARD_FIELD.round);
    const next = (typeof current === 'number' && Number.isInteger(current) && current > 0 ? current : 1) + 1;
    board.set(BOARD_FIELD.round, next);
    touch(doc, board, now);
    return next;
  });
}

// ——— Cards ———

export interface NewCardInput {
  text: string;
  /** Defaults to the board's active zone, then its first zone. */
  zoneId?: string | null;
  /** Relative to the zone; the first free slot of the zone when absent. */
  position?: { x: number; y: number };
  colour?: CardColour;
  authorId?: string | null;
}

function defaultZone(board: Y.Map<unknown>): string | null {
  const active = board.get(BOARD_FIELD.activeZone);
  if (typeof active === 'string' && childMap(board, BOARD_FIELD.zones).has(active)) return active;
  return readZones(board)[0]?.id ?? null;
}

export function addCard(doc: Y.Doc, origin: unknown, boardId: string, input: NewCardInput, now: number): string {
  return runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const text = cleanCardText(input.text);
    const zoneId = input.zoneId === undefined ? defaultZone(board) : input.zoneId;
    requireZone(board, zoneId);
    if (input.authorId) requireParticipant(doc, board, input.authorId);
    const template = templateOf(board);
    const position = input.position
      ? { x: requireFinite(input.position.x), y: requireFinite(input.position.y) }
      : firstFreeSlot(template, zoneCards(board, zoneId));
    const id = newId();
    const card = new Y.Map<unknown>();
    childMap<Y.Map<unknown>>(board, BOARD_FIELD.cards).set(id, card);
    card.set(CARD_FIELD.text, new Y.Text(text));
    card.set(CARD_FIELD.colour, requireColour(input.colour ?? 'yellow'));
    if (input.authorId) card.set(CARD_FIELD.author, input.authorId);
    if (zoneId !== null) card.set(CARD_FIELD.zone, zoneId);
    card.set(CARD_FIELD.x, position.x);
    card.set(CARD_FIELD.y, position.y);
    if (board.get(BOARD_FIELD.silentPhase) === true) card.set(CARD_FIELD.hidden, true);
    if (template === 'world-cafe') card.set(CARD_FIELD.round, Number(board.get(BOARD_FIELD.round)) || 1);
    card.set(CARD_FIELD.links, new Y.Map());
    card.set(CARD_FIELD.createdAt, now);
    card.set(CARD_FIELD.updatedAt, now);
    touch(doc, board, now);
    return id;
  });
}

export function editCardText(doc: Y.Doc, origin: unknown, boardId: string, cardId: string, text: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const card = requireCard(board, cardId);
    const cleaned = cleanCardText(text);
    const current = card.get(CARD_FIELD.text);
    if (current instanceof Y.Text) replaceText(current, cleaned);
    else card.set(CARD_FIELD.text, new Y.Text(cleaned));
    card.delete(CARD_FIELD.needsRewording);
    card.set(CARD_FIELD.updatedAt, now);
    touch(doc, board, now);
  });
}

export function setCardsColour(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], colour: CardColour, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const checked = requireColour(colour);
    for (const cardId of cardIds) {
      const card = requireCard(board, cardId);
      card.set(CARD_FIELD.colour, checked);
      card.set(CARD_FIELD.updatedAt, now);
    }
    touch(doc, board, now);
  });
}

/** A participant of the meeting, or null for an anonymous card. */
export function setCardAuthor(doc: Y.Doc, origin: unknown, boardId: string, cardId: string, authorId: string | null, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const card = requireCard(board, cardId);
    if (authorId) {
      requireParticipant(doc, board, authorId);
      card.set(CARD_FIELD.author, authorId);
    } else {
      card.delete(CARD_FIELD.author);
    }
    card.set(CARD_FIELD.updatedAt, now);
    touch(doc, board, now);
  });
}

export interface CardMove {
  cardId: string;
  zoneId: string | null;
  x: number;
  y: number;
}

/**
 * Moves cards to positions computed by the view (drag, arrow keys). Two people moving the same
 * card offline: the last writer of each coordinate wins, and zone and position are written
 * together, so the card always lands whole in one of the two places' zones.
 */
export function moveCards(doc: Y.Doc, origin: unknown, boardId: string, moves: readonly CardMove[], now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    for (const move of moves) {
      const card = requireCard(board, move.cardId);
      requireZone(board, move.zoneId);
      if (move.zoneId === null) card.delete(CARD_FIELD.zone);
      else card.set(CARD_FIELD.zone, move.zoneId);
      card.set(CARD_FIELD.x, requireFinite(move.x));
      card.set(CARD_FIELD.y, requireFinite(move.y));
      card.set(CARD_FIELD.updatedAt, now);
    }
    touch(doc, board, now);
  });
}

/** The keyboard shortcut's move: the cards go to the zone's free slots, in the order given. */
export function sendCardsToZone(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], zoneId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    requireZone(board, zoneId);
    const moving = new Set(cardIds);
    const occupied = zoneCards(board, zoneId, moving);
    const template = templateOf(board);
    for (const cardId of cardIds) {
      const card = requireCard(board, cardId);
      if (card.get(CARD_FIELD.zone) === zoneId) {
        occupied.push({ x: Number(card.get(CARD_FIELD.x)) || 0, y: Number(card.get(CARD_FIELD.y)) || 0 });
        continue;
      }
      const slot = firstFreeSlot(template, occupied);
      card.set(CARD_FIELD.zone, zoneId);
      card.set(CARD_FIELD.x, slot.x);
      card.set(CARD_FIELD.y, slot.y);
      card.set(CARD_FIELD.updatedAt, now);
      occupied.push(slot);
    }
    touch(doc, board, now);
  });
}

/** Deletes cards and the dots on them, so their voters get their dots back. */
export function deleteCards(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const cards = childMap<Y.Map<unknown>>(board, BOARD_FIELD.cards);
    const removed = new Set(cardIds);
    for (const cardId of cardIds) cards.delete(cardId);
    const votes = childMap<number>(board, BOARD_FIELD.votes);
    for (const key of [...votes.keys()]) {
      const parsed = parseVoteKey(key);
      if (parsed && removed.has(parsed.cardId)) votes.delete(key);
    }
    const tallies = childMap<number>(board, BOARD_FIELD.tallies);
    for (const cardId of cardIds) tallies.delete(cardId);
    touch(doc, board, now);
  });
}

// ——— Clusters ———

/** Groups cards under a new titled cluster (taking them out of any other); returns its id. */
export function groupCards(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], title: string, now: number): string {
  return runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    if (cardIds.length === 0) throw new InvalidOperationError('Sélectionnez au moins une carte à regrouper.');
    const cleaned = cleanTitle(title, 'Le titre du regroupement');
    const id = newId();
    const cluster = new Y.Map<unknown>();
    childMap<Y.Map<unknown>>(board, BOARD_FIELD.clusters).set(id, cluster);
    cluster.set(CLUSTER_FIELD.title, cleaned || 'Regroupement');
    cluster.set(CLUSTER_FIELD.createdAt, now);
    cluster.set(CLUSTER_FIELD.links, new Y.Map());
    for (const cardId of cardIds) {
      const card = requireCard(board, cardId);
      card.set(CARD_FIELD.cluster, id);
      card.set(CARD_FIELD.updatedAt, now);
    }
    touch(doc, board, now);
    return id;
  });
}

export function addCardsToCluster(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], clusterId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    if (!(childMap(board, BOARD_FIELD.clusters).get(clusterId) instanceof Y.Map)) {
      throw new InvalidOperationError('Ce regroupement n’existe plus.');
    }
    for (const cardId of cardIds) {
      const card = requireCard(board, cardId);
      card.set(CARD_FIELD.cluster, clusterId);
      card.set(CARD_FIELD.updatedAt, now);
    }
    touch(doc, board, now);
  });
}

export function ungroupCards(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    for (const cardId of cardIds) {
      const card = requireCard(board, cardId);
      card.delete(CARD_FIELD.cluster);
      card.set(CARD_FIELD.updatedAt, now);
    }
    touch(doc, board, now);
  });
}

export function renameCluster(doc: Y.Doc, origin: unknown, boardId: string, clusterId: string, title: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const cluster = childMap<Y.Map<unknown>>(board, BOARD_FIELD.clusters).get(clusterId);
    if (!(cluster instanceof Y.Map)) throw new InvalidOperationError('Ce regroupement n’existe plus.');
    const cleaned = cleanTitle(title, 'Le titre du regroupement');
    if (cleaned === '') throw new InvalidOperationError('Donnez un titre au regroupement.');
    cluster.set(CLUSTER_FIELD.title, cleaned);
    touch(doc, board, now);
  });
}

// ——— Dot voting ———

function requireVoteSetting(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_VOTE_SETTING) {
    throw new InvalidOperationError(`${what} doit être un nombre entier entre 1 et ${MAX_VOTE_SETTING}.`);
  }
  return value;
}

export function setVotingRules(doc: Y.Doc, origin: unknown, boardId: string, rules: { budget: number; maxPerCard: number }, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    board.set(BOARD_FIELD.voteBudget, requireVoteSetting(rules.budget, 'Le nombre de gommettes par participant'));
    board.set(BOARD_FIELD.voteMaxPerCard, requireVoteSetting(rules.maxPerCard, 'Le maximum de gommettes par carte'));
    touch(doc, board, now);
  });
}

function votingRule(board: Y.Map<unknown>, field: string, fallback: number): number {
  const value = board.get(field);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** One more dot from a participant on a card, within their budget and the per-card maximum. */
export function addDot(doc: Y.Doc, origin: unknown, boardId: string, voterId: string, cardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    requireCard(board, cardId);
    requireParticipant(doc, board, voterId);
    const votes = childMap<number>(board, BOARD_FIELD.votes);
    const cards = childMap(board, BOARD_FIELD.cards);
    let used = 0;
    votes.forEach((count, key) => {
      const parsed = parseVoteKey(key);
      if (parsed?.voterId === voterId && cards.has(parsed.cardId) && typeof count === 'number') used += count;
    });
    const budget = votingRule(board, BOARD_FIELD.voteBudget, 3);
    if (used >= budget) throw new InvalidOperationError(`Toutes les gommettes de ce participant sont posées (${budget}). Retirez-en une pour voter ailleurs.`);
    const key = voteKey(voterId, cardId);
    const current = votes.get(key) ?? 0;
    const max = votingRule(board, BOARD_FIELD.voteMaxPerCard, 3);
    if (current >= max) throw new InvalidOperationError(`Une carte reçoit au plus ${max} gommettes d’un même participant.`);
    votes.set(key, current + 1);
    touch(doc, board, now);
  });
}

export function removeDot(doc: Y.Doc, origin: unknown, boardId: string, voterId: string, cardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const votes = childMap<number>(board, BOARD_FIELD.votes);
    const key = voteKey(voterId, cardId);
    const current = votes.get(key) ?? 0;
    if (current <= 1) votes.delete(key);
    else votes.set(key, current - 1);
    touch(doc, board, now);
  });
}

/** Dots counted on the paper board for a card, entered as a total. */
export function setPaperDots(doc: Y.Doc, origin: unknown, boardId: string, cardId: string, count: number, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    requireCard(board, cardId);
    if (!Number.isInteger(count) || count < 0 || count > 9999) {
      throw new InvalidOperationError('Le nombre de gommettes doit être un nombre entier entre 0 et 9 999.');
    }
    const tallies = childMap<number>(board, BOARD_FIELD.tallies);
    if (count === 0) tallies.delete(cardId);
    else tallies.set(cardId, count);
    touch(doc, board, now);
  });
}

export function setVotesRevealed(doc: Y.Doc, origin: unknown, boardId: string, revealed: boolean, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    board.set(BOARD_FIELD.votesRevealed, revealed);
    touch(doc, board, now);
  });
}

/** A new vote: every dot, identified or on paper, is removed and the results hidden again. */
export function clearVotes(doc: Y.Doc, origin: unknown, boardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    childMap(board, BOARD_FIELD.votes).clear();
    childMap(board, BOARD_FIELD.tallies).clear();
    board.set(BOARD_FIELD.votesRevealed, false);
    touch(doc, board, now);
  });
}

// ——— Timer ———

function requireDuration(durationMs: number): number {
  if (!Number.isInteger(durationMs) || durationMs < 1000 || durationMs > MAX_TIMER_MS) {
    throw new InvalidOperationError('La durée du minuteur doit être comprise entre 1 seconde et 4 heures.');
  }
  return durationMs;
}

/** Starts the countdown from the given duration; every window shows it from the same end time. */
export function startTimer(doc: Y.Doc, origin: unknown, boardId: string, durationMs: number, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    board.set(BOARD_FIELD.timerDurationMs, requireDuration(durationMs));
    board.set(BOARD_FIELD.timerEndsAt, now + durationMs);
    board.delete(BOARD_FIELD.timerRemainingMs);
  });
}

export function pauseTimer(doc: Y.Doc, origin: unknown, boardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const endsAt = board.get(BOARD_FIELD.timerEndsAt);
    if (typeof endsAt !== 'number') return;
    board.set(BOARD_FIELD.timerRemainingMs, Math.max(0, endsAt - now));
    board.delete(BOARD_FIELD.timerEndsAt);
  });
}

export function resumeTimer(doc: Y.Doc, origin: unknown, boardId: string, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const remaining = board.get(BOARD_FIELD.timerRemainingMs);
    if (typeof remaining !== 'number' || remaining <= 0) return;
    board.set(BOARD_FIELD.timerEndsAt, now + remaining);
    board.delete(BOARD_FIELD.timerRemainingMs);
  });
}

export function resetTimer(doc: Y.Doc, origin: unknown, boardId: string): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    board.delete(BOARD_FIELD.timerEndsAt);
    board.delete(BOARD_FIELD.timerRemainingMs);
  });
}

// ——— Silent phase ———

/** During a silent phase the projection shows no new card until the facilitator reveals them. */
export function setSilentPhase(doc: Y.Doc, origin: unknown, boardId: string, silent: boolean, now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    board.set(BOARD_FIELD.silentPhase, silent);
    touch(doc, board, now);
  });
}

/** Shows every hidden card on the projection (all of them, or the ones given). */
export function revealCards(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[] | 'all', now: number): void {
  runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const cards = childMap<Y.Map<unknown>>(board, BOARD_FIELD.cards);
    const reveal = (card: Y.Map<unknown>) => {
      if (card.get(CARD_FIELD.hidden) === true) card.delete(CARD_FIELD.hidden);
    };
    if (cardIds === 'all') cards.forEach((card) => card instanceof Y.Map && reveal(card));
    else for (const cardId of cardIds) reveal(requireCard(board, cardId));
    touch(doc, board, now);
  });
}

// ——— Problem tree → objective tree ———

/**
 * Makes an arbre à objectifs from an arbre à problèmes in one step: the same cards, in the
 * matching zones at the same places, each linked to its source card and flagged "à reformuler"
 * until someone rewrites it as an objective. Authors are kept; votes and clusters are not (the
 * objectives are a new discussion). Returns the new board's id.
 */
export function convertProblemTree(doc: Y.Doc, origin: unknown, boardId: string, now: number): string {
  return runOperation(doc, origin, () => {
    const source = requireOpenBoard(doc, boardId);
    if (templateOf(source) !== 'problem-tree') throw new InvalidOperationError('Seul un arbre à problèmes se convertit en arbre à objectifs.');
    const id = newId();
    const sourceTitle = String(source.get(BOARD_FIELD.title) ?? '');
    const board = insertBoard(
      doc,
      id,
      {
        meetingId: String(source.get(BOARD_FIELD.meetingId) ?? ''),
        template: 'objective-tree',
        title: `Arbre à objectifs — ${sourceTitle}`.slice(0, MAX_TITLE_LENGTH),
      },
      now,
    );
    board.set(BOARD_FIELD.sourceBoard, boardId);
    const cards = childMap<Y.Map<unknown>>(board, BOARD_FIELD.cards);
    childMap<Y.Map<unknown>>(source, BOARD_FIELD.cards).forEach((sourceCard, sourceId) => {
      if (!(sourceCard instanceof Y.Map)) return;
      const read = readCard(sourceId, sourceCard);
      const card = new Y.Map<unknown>();
      cards.set(newId(), card);
      card.set(CARD_FIELD.text, new Y.Text(read.text));
      card.set(CARD_FIELD.colour, read.colour);
      if (read.authorId) card.set(CARD_FIELD.author, read.authorId);
      const zone = read.zoneId === null ? undefined : OBJECTIVE_ZONE_OF_PROBLEM_ZONE[read.zoneId];
      if (zone) card.set(CARD_FIELD.zone, zone);
      card.set(CARD_FIELD.x, read.x);
      card.set(CARD_FIELD.y, read.y);
      card.set(CARD_FIELD.sourceCard, sourceId);
      card.set(CARD_FIELD.needsRewording, true);
      card.set(CARD_FIELD.links, new Y.Map());
      card.set(CARD_FIELD.createdAt, read.createdAt);
      card.set(CARD_FIELD.updatedAt, now);
    });
    touch(doc, board, now);
    return id;
  });
}
