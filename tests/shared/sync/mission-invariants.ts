/**
 * What the app reads from a mission document, and the rules of the domain a merge must keep
 * whatever order updates arrive in. Each check returns the broken rules in words, so a failing
 * property says which record broke which rule.
 */
import * as Y from 'yjs';
import { nestedMap, readBoard, readBoardSummaries } from '@shared/boards/board-snapshot';
import { readIndicatorValues } from '@shared/diagnostic/indicator-value-index';
import { BOARD_FIELD, CARD_FIELD, boardsMap, parseVoteKey } from '@shared/documents/board-structure';
import { metaMap, missionEditableTypes } from '@shared/documents/document-structure';
import { MEETING_FIELD, PARTICIPANT_FIELD, meetingsMap } from '@shared/documents/meeting-structure';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import {
  ACTION_SHEET_FIELD,
  ACTION_SHEET_TEXT_FIELDS,
  AFOM_FIELD,
  ENJEU_FIELD,
  OBSERVATION_FIELD,
  ORIENTATION_FIELD,
  qualitativeCollection,
  type QualitativeCollection,
} from '@shared/qualitative/qualitative-structure';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';

/** Everything the screens and exports of a mission show, as plain data, lists in the order shown. */
export function appView(doc: Y.Doc) {
  return {
    mission: readMissionSnapshot(doc),
    qualitative: readQualitativeSnapshot(doc),
    meetings: readMeetings(doc),
    boards: readBoardSummaries(doc).map((summary) => readBoard(doc, summary.id)),
    indicatorValues: [...readIndicatorValues(doc).values()].sort((left, right) =>
      `${left.territory} ${left.year}`.localeCompare(`${right.territory} ${right.year}`),
    ),
  };
}

/**
 * Every root of the mission document as JSON, fields the app does not read included. Each root is
 * first typed by its accessor: Yjs leaves a root it received but nobody asked for untyped.
 */
export function documentContent(doc: Y.Doc): Record<string, unknown> {
  for (const root of [metaMap(doc), ...missionEditableTypes(doc), boardsMap(doc)]) root.toJSON();
  return Object.fromEntries([...doc.share.keys()].sort().map((name) => [name, doc.share.get(name)?.toJSON()]));
}

/** The nested texts and maps each operation creates with its record, by collection. */
const RECORD_PARTS: Record<QualitativeCollection, { texts: readonly string[]; maps: readonly string[] }> = {
  observations: { texts: [OBSERVATION_FIELD.text], maps: [OBSERVATION_FIELD.quotes, OBSERVATION_FIELD.indicators] },
  afom: { texts: [AFOM_FIELD.text], maps: [AFOM_FIELD.observations, AFOM_FIELD.indicators] },
  enjeux: { texts: [ENJEU_FIELD.title, ENJEU_FIELD.description], maps: [ENJEU_FIELD.observations, ENJEU_FIELD.indicators] },
  orientations: { texts: [ORIENTATION_FIELD.title, ORIENTATION_FIELD.description], maps: [ORIENTATION_FIELD.enjeux] },
  actionSheets: {
    texts: ACTION_SHEET_TEXT_FIELDS,
    maps: [ACTION_SHEET_FIELD.enjeux, ACTION_SHEET_FIELD.steps, ACTION_SHEET_FIELD.coFunders, ACTION_SHEET_FIELD.evaluationIndicators],
  },
};

const BOARD_MAPS = [BOARD_FIELD.zones, BOARD_FIELD.cards, BOARD_FIELD.clusters, BOARD_FIELD.votes, BOARD_FIELD.tallies] as const;

/** The dots one voter may put on one card: the default rule, which the steps never change. */
const MAX_DOTS_PER_CARD = 3;

function missingParts(where: string, record: Y.Map<unknown>, texts: readonly string[], maps: readonly string[]): string[] {
  return [
    ...texts.filter((field) => !(record.get(field) instanceof Y.Text)).map((field) => `${where} : texte « ${field} » absent`),
    ...maps.filter((field) => !(record.get(field) instanceof Y.Map)).map((field) => `${where} : liste « ${field} » absente`),
  ];
}

/** Every record arrives whole: a replica never shows one without the texts and lists made with it. */
function halfCreatedRecords(doc: Y.Doc): string[] {
  const broken: string[] = [];
  for (const [collection, parts] of Object.entries(RECORD_PARTS) as [QualitativeCollection, (typeof RECORD_PARTS)[QualitativeCollection]][]) {
    qualitativeCollection(doc, collection).forEach((record, id) => {
      broken.push(...missingParts(`${collection} ${id}`, record, parts.texts, parts.maps));
    });
  }
  meetingsMap(doc).forEach((meeting, id) => {
    broken.push(...missingParts(`réunion ${id}`, meeting, [MEETING_FIELD.agenda], [MEETING_FIELD.participants, MEETING_FIELD.photos]));
    const participants = meeting.get(MEETING_FIELD.participants);
    if (participants instanceof Y.Map) {
      participants.forEach((participant: unknown, contactId: string) => {
        if (participant instanceof Y.Map) broken.push(...missingParts(`participant ${contactId} de ${id}`, participant, [], [PARTICIPANT_FIELD.signatures]));
      });
    }
  });
  boardsMap(doc).forEach((board, id) => {
    broken.push(...missingParts(`tableau ${id}`, board, [], BOARD_MAPS));
    nestedMap(board, BOARD_FIELD.cards)?.forEach((card, cardId) => {
      if (card instanceof Y.Map) broken.push(...missingParts(`carte ${cardId}`, card, [CARD_FIELD.text], [CARD_FIELD.links]));
    });
  });
  return broken;
}

/** A card's place as one operation writes it: zone and position together. */
function placeOf(card: Y.Map<unknown>): string {
  return `${String(card.get(CARD_FIELD.zone) ?? '∅')} (${String(card.get(CARD_FIELD.x))}, ${String(card.get(CARD_FIELD.y))})`;
}

function eachCard(doc: Y.Doc, visit: (key: string, card: Y.Map<unknown>, board: Y.Map<unknown>) => void): void {
  boardsMap(doc).forEach((board, boardId) => {
    nestedMap(board, BOARD_FIELD.cards)?.forEach((card, cardId) => {
      if (card instanceof Y.Map) visit(`${boardId}/${cardId}`, card, board);
    });
  });
}

/** Every place each card was given by an operation, on whichever replica ran it. */
export type PlacementLog = Map<string, Set<string>>;

export function logPlacements(doc: Y.Doc, log: PlacementLog): void {
  eachCard(doc, (key, card) => {
    const places = log.get(key) ?? new Set<string>();
    places.add(placeOf(card));
    log.set(key, places);
  });
}

/**
 * A card sits in one zone of its board, at a place one operation gave it: two people moving it
 * offline never leave it in the zone of one and at the position of the other. Its cluster exists.
 */
function misplacedCards(doc: Y.Doc, placements: PlacementLog): string[] {
  const broken: string[] = [];
  eachCard(doc, (key, card, board) => {
    const zone = card.get(CARD_FIELD.zone);
    if (zone !== undefined && !(typeof zone === 'string' && nestedMap(board, BOARD_FIELD.zones)?.get(zone) instanceof Y.Map)) {
      broken.push(`carte ${key} : zone « ${String(zone)} » absente du tableau`);
    }
    if (!placements.get(key)?.has(placeOf(card))) {
      broken.push(`carte ${key} : place ${placeOf(card)} jamais donnée par une opération (${[...(placements.get(key) ?? [])].join(' ; ')})`);
    }
    const cluster = card.get(CARD_FIELD.cluster);
    if (cluster !== undefined && !(typeof cluster === 'string' && nestedMap(board, BOARD_FIELD.clusters)?.get(cluster) instanceof Y.Map)) {
      broken.push(`carte ${key} : regroupement « ${String(cluster)} » introuvable`);
    }
  });
  return broken;
}

/** Dots are whole, positive and within the per-card rule: never zero, negative or fractional after a merge. */
function impossibleDots(doc: Y.Doc): string[] {
  const broken: string[] = [];
  boardsMap(doc).forEach((board, boardId) => {
    nestedMap(board, BOARD_FIELD.votes)?.forEach((count, key) => {
      const valid = typeof count === 'number' && Number.isInteger(count) && count >= 1 && count <= MAX_DOTS_PER_CARD;
      if (!valid || parseVoteKey(key) === null) broken.push(`tableau ${boardId} : ${String(count)} gommette(s) pour « ${key} »`);
    });
    nestedMap(board, BOARD_FIELD.tallies)?.forEach((count, cardId) => {
      if (!(typeof count === 'number' && Number.isInteger(count) && count >= 1)) broken.push(`tableau ${boardId} : ${String(count)} gommette(s) papier sur ${cardId}`);
    });
  });
  return broken;
}

/** Each qualitative record is shown exactly once: in its list or in the trash, never both, never lost. */
function recordsNotShownOnce(doc: Y.Doc): string[] {
  const snapshot = readQualitativeSnapshot(doc);
  const shown = [
    ...snapshot.observations,
    ...snapshot.afom,
    ...snapshot.enjeux,
    ...snapshot.orientations,
    ...snapshot.actionSheets,
    ...snapshot.trash,
  ].map((record) => record.id);
  const stored = (Object.keys(RECORD_PARTS) as QualitativeCollection[]).flatMap((collection) => [...qualitativeCollection(doc, collection).keys()]);
  const counts = new Map<string, number>();
  for (const id of shown) counts.set(id, (counts.get(id) ?? 0) + 1);
  return stored.filter((id) => counts.get(id) !== 1).map((id) => `enregistrement ${id} montré ${counts.get(id) ?? 0} fois`);
}

/** A signed sheet showing the signer as absent would contradict the paper the person signed. */
function signedButNotPresent(doc: Y.Doc): string[] {
  return readMeetings(doc).flatMap((meeting) =>
    meeting.participants
      .filter((participant) => Object.keys(participant.signatures).length > 0 && participant.attendance !== 'present')
      .map((participant) => `réunion ${meeting.id} : ${participant.contactId} a signé mais est « ${participant.attendance} »`),
  );
}

export function brokenRules(doc: Y.Doc, placements: PlacementLog): string[] {
  return [
    ...halfCreatedRecords(doc),
    ...misplacedCards(doc, placements),
    ...impossibleDots(doc),
    ...recordsNotShownOnce(doc),
    ...signedButNotPresent(doc),
  ];
}

