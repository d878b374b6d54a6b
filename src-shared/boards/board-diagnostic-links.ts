/**
 * From a workshop board to the diagnostic: a card, several cards or a cluster become a constat, an
 * enjeu or a draft fiche action, and both sides keep the link. The card or cluster lists the
 * records made from it (CARD_FIELD.links / CLUSTER_FIELD.links); the record lists the cards it came
 * from (its `boardCards` field), so the link survives when either side is deleted later: the page
 * of the record then says « carte supprimée » instead of losing where the idea came from.
 */
import * as Y from 'yjs';
import { BOARD_FIELD, CARD_FIELD, CLUSTER_FIELD } from '../documents/board-structure';
import { MISSION_FIELD, missionMap } from '../documents/document-structure';
import { MEETING_FIELD, meetingsMap } from '../documents/meeting-structure';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import { createActionSheet } from '../qualitative/action-sheet-operations';
import { createEnjeu } from '../qualitative/enjeu-operations';
import { addObservationQuote, createObservation } from '../qualitative/observation-operations';
import type { QualitativeSnapshot } from '../qualitative/qualitative-model';
import { actionSheetLabel, excerpt } from '../qualitative/qualitative-snapshot';
import {
  ACTION_SHEET_FIELD,
  ENJEU_FIELD,
  OBSERVATION_FIELD,
  QUALITATIVE_COLLECTIONS,
  boardSourceKey,
  qualitativeCollection,
  type BoardSource,
  type QualitativeCollection,
} from '../qualitative/qualitative-structure';
import { MAX_LONG_TEXT_LENGTH, MAX_SHORT_TEXT_LENGTH } from '../qualitative/qualitative-validation';
import { isIsoDate } from '../validation/mission-validation';
import type { BoardCard } from './board-model';
import { boardRecord, compareCards, nestedMap, readCard } from './board-snapshot';

/** The collections a board feeds. */
export type BoardTargetCollection = Extract<QualitativeCollection, 'observations' | 'enjeux' | 'actionSheets'>;

const BOARD_CARDS_FIELD: Record<BoardTargetCollection, string> = {
  observations: OBSERVATION_FIELD.boardCards,
  enjeux: ENJEU_FIELD.boardCards,
  actionSheets: ACTION_SHEET_FIELD.boardCards,
};

// ——— Link keys on cards and clusters ———

/** "enjeux/<record id>": collection names hold no "/", and record ids are uuids. */
export function diagnosticLinkKey(collection: QualitativeCollection, recordId: string): string {
  return `${collection}/${recordId}`;
}

function isQualitativeCollection(value: string): value is QualitativeCollection {
  return Object.hasOwn(QUALITATIVE_COLLECTIONS, value);
}

export function parseDiagnosticLinkKey(key: string): { collection: QualitativeCollection; recordId: string } | null {
  const separator = key.indexOf('/');
  if (separator <= 0 || separator === key.length - 1) return null;
  const collection = key.slice(0, separator);
  return isQualitativeCollection(collection) ? { collection, recordId: key.slice(separator + 1) } : null;
}

// ——— Operations ———

const BOARD_NOT_FOUND = 'Ce tableau est introuvable (il a peut-être été supprimé sur un autre poste).';
const BOARD_TRASHED = 'Ce tableau est dans la corbeille : restaurez-le pour en tirer des éléments du diagnostic.';
const CARD_NOT_FOUND = 'Une des cartes choisies n’existe plus (elle a peut-être été supprimée sur un autre poste).';
const CLUSTER_NOT_FOUND = 'Ce regroupement n’existe plus (ses cartes ont peut-être été dégroupées sur un autre poste).';
const NO_CARD = 'Sélectionnez au moins une carte.';

/** What the record is made from: chosen cards, or a cluster with its title and its cards. */
type Origin = { kind: 'cards'; cardIds: readonly string[] } | { kind: 'cluster'; clusterId: string };

interface Material {
  /** The cluster's title; null for chosen cards. */
  clusterTitle: string | null;
  cards: BoardCard[];
  /** Where the link back goes: each chosen card's links, or the cluster's. */
  linkSets: { holder: Y.Map<unknown>; field: string }[];
  sources: BoardSource[];
}

function plainText(value: unknown): string {
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

function requireOpenBoard(doc: Y.Doc, boardId: string): Y.Map<unknown> {
  const board = boardRecord(doc, boardId);
  if (!board) throw new InvalidOperationError(BOARD_NOT_FOUND);
  if (typeof board.get(BOARD_FIELD.trashedAt) === 'number') throw new InvalidOperationError(BOARD_TRASHED);
  return board;
}

function chosenCards(board: Y.Map<unknown>, boardId: string, cardIds: readonly string[]): Material {
  const unique = [...new Set(cardIds)];
  if (unique.length === 0) throw new InvalidOperationError(NO_CARD);
  const cards = nestedMap(board, BOARD_FIELD.cards);
  const chosen = unique.map((cardId) => {
    const record = cards?.get(cardId);
    if (!(record instanceof Y.Map)) throw new InvalidOperationError(CARD_NOT_FOUND);
    return { cardId, record: record as Y.Map<unknown> };
  });
  return {
    clusterTitle: null,
    cards: chosen.map(({ cardId, record }) => readCard(cardId, record)),
    linkSets: chosen.map(({ record }) => ({ holder: record, field: CARD_FIELD.links })),
    sources: chosen.map(({ cardId }) => ({ boardId, cardId })),
  };
}

function clusterCards(board: Y.Map<unknown>, boardId: string, clusterId: string): Material {
  const cluster = nestedMap(board, BOARD_FIELD.clusters)?.get(clusterId);
  const members: BoardCard[] = [];
  nestedMap(board, BOARD_FIELD.cards)?.forEach((record, cardId) => {
    if (record instanceof Y.Map && record.get(CARD_FIELD.cluster) === clusterId) members.push(readCard(cardId, record));
  });
  if (!(cluster instanceof Y.Map) || members.length === 0) throw new InvalidOperationError(CLUSTER_NOT_FOUND);
  return {
    clusterTitle: plainText(cluster.get(CLUSTER_FIELD.title)).trim() || 'Regroupement',
    cards: members.sort(compareCards),
    linkSets: [{ holder: cluster as Y.Map<unknown>, field: CLUSTER_FIELD.links }],
    sources: [{ boardId, clusterId }],
  };
}

/** The meeting's date: when the workshop took place is when the constat was heard. */
function meetingDate(doc: Y.Doc, board: Y.Map<unknown>): string | null {
  const meeting = meetingsMap(doc).get(String(board.get(BOARD_FIELD.meetingId) ?? ''));
  const date = meeting instanceof Y.Map ? meeting.get(MEETING_FIELD.date) : null;
  return typeof date === 'string' && isIsoDate(date) ? date : null;
}

/** Room kept at the end of a cut list for « … et 999 autres cartes du tableau. ». */
const CUT_NOTE_ROOM = 45;

/**
 * The cards' texts as a list, one line each, cut before `maxLength` with a count of what was left
 * out: a large cluster must still become a record rather than be refused for its length.
 */
function cardList(cards: readonly BoardCard[], maxLength: number): string {
  const lines: string[] = [];
  let length = 0;
  for (const [index, card] of cards.entries()) {
    const line = `– ${card.text.trim()}`;
    const isLast = index === cards.length - 1;
    if (length + line.length > maxLength - (isLast ? 0 : CUT_NOTE_ROOM)) {
      const left = cards.length - index;
      lines.push(left === 1 ? '… et 1 autre carte du tableau.' : `… et ${left} autres cartes du tableau.`);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

function titleOf(material: Material): string {
  return excerpt(material.clusterTitle ?? material.cards[0]?.text ?? '', MAX_SHORT_TEXT_LENGTH);
}

/** Said under an enjeu's title when the title alone does not carry every word of the cards. */
function descriptionOf(material: Material): string {
  const [only] = material.cards;
  if (material.clusterTitle === null && material.cards.length === 1 && only) {
    return titleOf(material) === only.text.trim() ? '' : only.text.trim();
  }
  return cardList(material.cards, MAX_LONG_TEXT_LENGTH);
}

function createRecord(doc: Y.Doc, origin: unknown, board: Y.Map<unknown>, material: Material, collection: BoardTargetCollection, now: number): string {
  if (collection === 'observations') {
    const [only] = material.cards;
    const text = material.clusterTitle ?? (material.cards.length === 1 && only ? only.text : cardList(material.cards, MAX_LONG_TEXT_LENGTH));
    const id = createObservation(doc, { text, theme: null, sourceKind: 'atelier', date: meetingDate(doc, board), author: '' }, origin, now);
    if (material.clusterTitle !== null) for (const card of material.cards) addObservationQuote(doc, id, card.text, origin, now);
    return id;
  }
  if (collection === 'enjeux') return createEnjeu(doc, { title: titleOf(material), description: descriptionOf(material), theme: null }, origin, now);
  return createActionSheet(doc, { title: titleOf(material) }, origin, now);
}

function convert(doc: Y.Doc, origin: unknown, boardId: string, from: Origin, collection: BoardTargetCollection, now: number): string {
  return runOperation(doc, origin, () => {
    const board = requireOpenBoard(doc, boardId);
    const material = from.kind === 'cards' ? chosenCards(board, boardId, from.cardIds) : clusterCards(board, boardId, from.clusterId);
    const id = createRecord(doc, origin, board, material, collection, now);
    // Made with the record, in the same transaction: no replica ever has to create it later.
    const sources = new Y.Map<boolean>(material.sources.map((source) => [boardSourceKey(source), true]));
    qualitativeCollection(doc, collection).get(id)?.set(BOARD_CARDS_FIELD[collection], sources);
    const linkKey = diagnosticLinkKey(collection, id);
    for (const { holder, field } of material.linkSets) {
      const links = holder.get(field);
      if (links instanceof Y.Map) links.set(linkKey, true);
      else holder.set(field, new Y.Map<boolean>([[linkKey, true]]));
    }
    board.set(BOARD_FIELD.updatedAt, now);
    missionMap(doc).set(MISSION_FIELD.updatedAt, now);
    return id;
  });
}

/**
 * A constat from cards: their text (one card) or their texts as a list, source « Atelier », dated
 * on the meeting's day. Returns the constat's id.
 */
export function cardsToObservation(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], now: number): string {
  return convert(doc, origin, boardId, { kind: 'cards', cardIds }, 'observations', now);
}

/** An enjeu titled after the (first) card; the other cards' texts go in its description. */
export function cardsToEnjeu(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], now: number): string {
  return convert(doc, origin, boardId, { kind: 'cards', cardIds }, 'enjeux', now);
}

/** A fiche action « à lancer », titled after the (first) card, with the next free number. */
export function cardsToActionSheet(doc: Y.Doc, origin: unknown, boardId: string, cardIds: readonly string[], now: number): string {
  return convert(doc, origin, boardId, { kind: 'cards', cardIds }, 'actionSheets', now);
}

/** A constat worded by the cluster's title, its cards kept as verbatim quotes. */
export function clusterToObservation(doc: Y.Doc, origin: unknown, boardId: string, clusterId: string, now: number): string {
  return convert(doc, origin, boardId, { kind: 'cluster', clusterId }, 'observations', now);
}

/** An enjeu titled after the cluster, its cards listed in the description. */
export function clusterToEnjeu(doc: Y.Doc, origin: unknown, boardId: string, clusterId: string, now: number): string {
  return convert(doc, origin, boardId, { kind: 'cluster', clusterId }, 'enjeux', now);
}

/** A fiche action « à lancer » titled after the cluster. */
export function clusterToActionSheet(doc: Y.Doc, origin: unknown, boardId: string, clusterId: string, now: number): string {
  return convert(doc, origin, boardId, { kind: 'cluster', clusterId }, 'actionSheets', now);
}

// ——— Reading the links ———

export interface ResolvedBoardSource {
  source: BoardSource;
  /** Null when the board itself is gone from the mission. */
  boardTitle: string | null;
  /** « carte « … » », « regroupement « … » », « carte supprimée », « regroupement supprimé » or « tableau supprimé ». */
  detail: string;
  /** False when the card, the cluster or the board no longer exists. */
  present: boolean;
}

/** Where a record came from, as its page tells it: the board's title and the card or cluster, or that it was deleted. */
export function resolveBoardSource(doc: Y.Doc, source: BoardSource): ResolvedBoardSource {
  const board = boardRecord(doc, source.boardId);
  if (!board) return { source, boardTitle: null, detail: 'tableau supprimé', present: false };
  const boardTitle = plainText(board.get(BOARD_FIELD.title)) || 'Tableau sans titre';
  const cards = nestedMap(board, BOARD_FIELD.cards);
  if ('cardId' in source) {
    const card = cards?.get(source.cardId);
    return card instanceof Y.Map
      ? { source, boardTitle, detail: `carte « ${excerpt(plainText(card.get(CARD_FIELD.text)), 60)} »`, present: true }
      : { source, boardTitle, detail: 'carte supprimée', present: false };
  }
  const cluster = nestedMap(board, BOARD_FIELD.clusters)?.get(source.clusterId);
  let grouped = false;
  cards?.forEach((card) => {
    if (card instanceof Y.Map && card.get(CARD_FIELD.cluster) === source.clusterId) grouped = true;
  });
  // An emptied cluster is no longer drawn on the board: for the user it is gone.
  return cluster instanceof Y.Map && grouped
    ? { source, boardTitle, detail: `regroupement « ${excerpt(plainText(cluster.get(CLUSTER_FIELD.title)), 60)} »`, present: true }
    : { source, boardTitle, detail: 'regroupement supprimé', present: false };
}

export interface ResolvedDiagnosticLink {
  collection: QualitativeCollection;
  recordId: string;
  /** « Constat : … », « Enjeu : … », « Fiche action n° 3 — … ». */
  label: string;
  state: 'live' | 'trashed' | 'deleted';
}

const COLLECTION_WORDING: Record<QualitativeCollection, { noun: string; deleted: string }> = {
  observations: { noun: 'Constat', deleted: 'Constat supprimé' },
  afom: { noun: 'Élément de l’AFOM', deleted: 'Élément de l’AFOM supprimé' },
  enjeux: { noun: 'Enjeu', deleted: 'Enjeu supprimé' },
  orientations: { noun: 'Orientation', deleted: 'Orientation supprimée' },
  actionSheets: { noun: 'Fiche action', deleted: 'Fiche action supprimée' },
};

function liveLabel(snapshot: QualitativeSnapshot, collection: QualitativeCollection, recordId: string): string | null {
  if (collection === 'observations') {
    const observation = snapshot.observations.find((item) => item.id === recordId);
    return observation ? `Constat : ${excerpt(observation.text) || 'sans texte'}` : null;
  }
  if (collection === 'enjeux') {
    const enjeu = snapshot.enjeux.find((item) => item.id === recordId);
    return enjeu ? `Enjeu : ${enjeu.title || 'sans titre'}` : null;
  }
  if (collection === 'actionSheets') {
    const sheet = snapshot.actionSheets.find((item) => item.id === recordId);
    return sheet ? actionSheetLabel(sheet) : null;
  }
  return null;
}

/** The records a card or cluster led to (its `links`), named as the diagnostic names them. */
export function resolveDiagnosticLinks(links: readonly string[], snapshot: QualitativeSnapshot): ResolvedDiagnosticLink[] {
  const resolved: ResolvedDiagnosticLink[] = [];
  for (const key of links) {
    const parsed = parseDiagnosticLinkKey(key);
    if (!parsed) continue;
    const label = liveLabel(snapshot, parsed.collection, parsed.recordId);
    if (label !== null) {
      resolved.push({ ...parsed, label, state: 'live' });
      continue;
    }
    const trashed = snapshot.trash.find((item) => item.collection === parsed.collection && item.id === parsed.recordId);
    const wording = COLLECTION_WORDING[parsed.collection];
    resolved.push(
      trashed
        ? { ...parsed, label: parsed.collection === 'actionSheets' ? trashed.label : `${wording.noun} : ${trashed.label}`, state: 'trashed' }
        : { ...parsed, label: wording.deleted, state: 'deleted' },
    );
  }
  return resolved;
}
