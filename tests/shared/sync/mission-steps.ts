/**
 * Random steps for the convergence property: named operations of the domain core, each run on
 * one replica with targets picked among what that replica sees at that moment, and network events
 * (a message delivered, duplicated, a link cut or restored). Steps are plain data, so fast-check
 * prints a failing sequence as it was drawn and shrinks it.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import {
  addCard,
  addCardsToCluster,
  addDot,
  addZone,
  clearVotes,
  convertProblemTree,
  createBoard,
  deleteCards,
  editCardText,
  groupCards,
  moveCards,
  removeDot,
  renameBoard,
  renameCluster,
  restoreBoard,
  revealCards,
  sendCardsToZone,
  setCardsColour,
  setPaperDots,
  setSilentPhase,
  setVotesRevealed,
  trashBoard,
  ungroupCards,
} from '@shared/boards/board-operations';
import { CARD_COLOURS, type BoardTemplate } from '@shared/boards/board-model';
import { boardRecord, nestedMap, readZones } from '@shared/boards/board-snapshot';
import { clearIndicatorValue, setIndicatorValue } from '@shared/diagnostic/indicator-operations';
import { BOARD_FIELD, boardsMap } from '@shared/documents/board-structure';
import { missionText } from '@shared/documents/document-structure';
import { meetingsMap } from '@shared/documents/meeting-structure';
import type { AttendanceStatus, ConsentAnswer } from '@shared/meetings/meeting-model';
import {
  clearSignature,
  createMeeting,
  inviteContacts,
  restoreMeeting,
  setAttendance,
  setPhotoConsent,
  setSignature,
  trashMeeting,
  uninviteContact,
  updateMeeting,
} from '@shared/meetings/meeting-operations';
import { readMeeting } from '@shared/meetings/meeting-snapshot';
import { encodeSignature } from '@shared/meetings/signature';
import type { MissionThemeId } from '@shared/model/mission-vocabulary';
import { setMissionDescription, setMissionTheme, setMissionTitle } from '@shared/operations/mission-operations';
import {
  addActionStep,
  addCoFunder,
  createActionSheet,
  moveActionSheet,
  moveActionStep,
  removeActionStep,
  restoreActionSheet,
  setActionSheetOrientation,
  setActionSheetStatus,
  trashActionSheet,
  updateActionSheet,
} from '@shared/qualitative/action-sheet-operations';
import { createAfomItem, moveAfomItem, restoreAfomItem, trashAfomItem, updateAfomItem } from '@shared/qualitative/afom-operations';
import {
  createEnjeu,
  moveEnjeu,
  restoreEnjeu,
  setEnjeuIndicatorLink,
  setEnjeuObservationLink,
  trashEnjeu,
  updateEnjeu,
} from '@shared/qualitative/enjeu-operations';
import {
  addObservationQuote,
  createObservation,
  removeObservationQuote,
  restoreObservation,
  trashObservation,
  updateObservation,
} from '@shared/qualitative/observation-operations';
import type { MoveDirection } from '@shared/qualitative/order-keys';
import {
  createOrientation,
  moveOrientation,
  restoreOrientation,
  setOrientationEnjeuLink,
  trashOrientation,
  updateOrientation,
} from '@shared/qualitative/orientation-operations';
import {
  ACTION_SHEET_FIELD,
  ENJEU_FIELD,
  OBSERVATION_FIELD,
  ORIENTATION_FIELD,
  qualitativeCollection,
  type QualitativeCollection,
} from '@shared/qualitative/qualitative-structure';
import { AFOM_QUADRANTS, ACTION_SHEET_STATUSES, type ActionSheetStatus, type AfomQuadrant } from '@shared/qualitative/qualitative-vocabulary';
import type { RecordOperation } from '@shared/qualitative/record-operations';
import { CREATED_AT, LOCAL_EDIT } from '../domain-fixtures';

export const REPLICAS = 3;

/** Contacts of the directory: the first three are invited to the seeded workshop, the last walks in. */
export const CONTACTS = ['c-anne-lefevre', 'c-karim-benali', 'c-claire-martin', 'c-jules-roux'] as const;

/** A catalogue indicator and the territories a mission types figures for. */
const INDICATOR = 'TX_PAUVRETE';
const TERRITORIES = ['commune:19031', 'commune:19272'] as const;

export type EditStep = { kind: 'edit'; replica: number; at: number; action: string; params: unknown };
export type NetworkStep =
  | { kind: 'deliver'; from: number; to: number; pick: number; keep: boolean }
  | { kind: 'cut'; a: number; b: number }
  | { kind: 'restore'; a: number; b: number };
export type Step = EditStep | NetworkStep;

/** Seconds after the mission's creation: a small range, so concurrent edits often share a time. */
const MAX_SECONDS = 30;

export function stepTime(step: EditStep): number {
  return CREATED_AT + step.at * 1000;
}

// ——— Picking targets on a replica ———

function sortedKeys(map: { keys(): IterableIterator<string> } | null | undefined): string[] {
  return map ? [...map.keys()].sort() : [];
}

function pick<T>(items: readonly T[], index: number): T | undefined {
  return items.length === 0 ? undefined : items[index % items.length];
}

function recordIds(doc: Y.Doc, collection: QualitativeCollection): string[] {
  return sortedKeys(qualitativeCollection(doc, collection));
}

function recordOf(doc: Y.Doc, collection: QualitativeCollection, index: number): { id: string; record: Y.Map<unknown> } | undefined {
  const id = pick(recordIds(doc, collection), index);
  const record = id === undefined ? undefined : qualitativeCollection(doc, collection).get(id);
  return id !== undefined && record instanceof Y.Map ? { id, record } : undefined;
}

function textOf(record: Y.Map<unknown>, field: string): string {
  const value = record.get(field);
  return value instanceof Y.Text ? value.toString() : '';
}

function boardIdOf(doc: Y.Doc, index: number): string | undefined {
  return pick(sortedKeys(boardsMap(doc)), index);
}

function boardChildIds(doc: Y.Doc, boardId: string, field: string): string[] {
  const board = boardRecord(doc, boardId);
  return board ? sortedKeys(nestedMap(board, field)) : [];
}

function zoneIdOf(doc: Y.Doc, boardId: string, index: number): string | undefined {
  const board = boardRecord(doc, boardId);
  return board ? pick(readZones(board), index)?.id : undefined;
}

function meetingIdOf(doc: Y.Doc, index: number): string | undefined {
  return pick(sortedKeys(meetingsMap(doc)), index);
}

// ——— Typing into a text ———

export interface TextEdit {
  at: number;
  remove: number;
  insert: string;
}

const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(60),
  remove: fc.nat(4),
  insert: fc.constantFrom('', 'atelier ', 'élus', ' CAF', 'mobilité', ' 😀', 'é', '\n'),
});

/** The text after a keystroke burst at a place, by code point so an emoji is never cut in two. */
function edited(current: string, edit: TextEdit): string {
  const characters = Array.from(current);
  const at = Math.min(edit.at, characters.length);
  return [...characters.slice(0, at), edit.insert, ...characters.slice(at + edit.remove)].join('');
}

const shortText = fc.constantFrom('Garde en horaires décalés', 'Mobilité des jeunes', 'Accès aux droits 😀', 'Épicerie solidaire', 'Isolement des aînés');
const target = fc.oneof(fc.constantFrom<MoveDirection>('up', 'down'), fc.nat(5));

// ——— The operations ———

interface ActionDefinition<Params> {
  params: fc.Arbitrary<Params>;
  run: (doc: Y.Doc, params: Params, now: number) => void;
  /** How often it is drawn, relative to the others (1 by default). */
  weight?: number;
}

const actions = new Map<string, ActionDefinition<unknown>>();

function action<Params>(name: string, definition: ActionDefinition<Params>): void {
  actions.set(name, definition as ActionDefinition<unknown>);
}

const lifecycles: Record<QualitativeCollection, { trash: RecordOperation; restore: RecordOperation }> = {
  observations: { trash: trashObservation, restore: restoreObservation },
  afom: { trash: trashAfomItem, restore: restoreAfomItem },
  enjeux: { trash: trashEnjeu, restore: restoreEnjeu },
  orientations: { trash: trashOrientation, restore: restoreOrientation },
  actionSheets: { trash: trashActionSheet, restore: restoreActionSheet },
};
const collection = fc.constantFrom<QualitativeCollection>('observations', 'afom', 'enjeux', 'orientations', 'actionSheets');

// Mission fiche.
action('setMissionTitle', {
  params: fc.record({ edit: textEdit }),
  run: (doc, { edit }, now) => setMissionTitle(doc, edited(missionText(doc, 'title').toString(), edit), LOCAL_EDIT, now),
});
action('setMissionDescription', {
  params: fc.record({ edit: textEdit }),
  run: (doc, { edit }, now) => setMissionDescription(doc, edited(missionText(doc, 'description').toString(), edit), LOCAL_EDIT, now),
});
action('setMissionTheme', {
  params: fc.record({ theme: fc.constantFrom<MissionThemeId>('petite-enfance', 'seniors', 'logement', 'sante'), included: fc.boolean() }),
  run: (doc, { theme, included }, now) => setMissionTheme(doc, theme, included, LOCAL_EDIT, now),
});

// Qualitative diagnostic: constats, AFOM, enjeux, orientations, fiches actions.
action('trashOrRestoreRecord', {
  params: fc.record({ collection, record: fc.nat(), trashed: fc.boolean() }),
  weight: 2,
  run: (doc, params, now) => {
    const found = recordOf(doc, params.collection, params.record);
    if (!found) return;
    const lifecycle = lifecycles[params.collection];
    (params.trashed ? lifecycle.trash : lifecycle.restore)(doc, found.id, LOCAL_EDIT, now);
  },
});
action('moveRecord', {
  params: fc.record({ collection: fc.constantFrom('afom', 'enjeux', 'orientations', 'actionSheets'), record: fc.nat(), target }),
  weight: 2,
  run: (doc, params, now) => {
    const found = recordOf(doc, params.collection, params.record);
    if (!found) return;
    const move = { afom: moveAfomItem, enjeux: moveEnjeu, orientations: moveOrientation, actionSheets: moveActionSheet }[params.collection];
    move(doc, found.id, params.target, LOCAL_EDIT, now);
  },
});
action('createObservation', {
  params: fc.record({ text: shortText, theme: fc.constantFrom(null, 'petite-enfance', 'mobilite') }),
  run: (doc, { text, theme }, now) => void createObservation(doc, { text, theme, sourceKind: 'atelier', date: '2024-04-12', author: 'Claire Martin' }, LOCAL_EDIT, now),
});
action('editObservation', {
  params: fc.record({ record: fc.nat(), edit: textEdit }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'observations', params.record);
    if (found) updateObservation(doc, found.id, { text: edited(textOf(found.record, OBSERVATION_FIELD.text), params.edit) }, LOCAL_EDIT, now);
  },
});
action('addOrRemoveQuote', {
  params: fc.record({ record: fc.nat(), quote: fc.option(fc.nat()), text: shortText }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'observations', params.record);
    if (!found) return;
    if (params.quote === null) {
      addObservationQuote(doc, found.id, `« ${params.text} »`, LOCAL_EDIT, now);
      return;
    }
    const quote = pick(sortedKeys(nestedMap(found.record, OBSERVATION_FIELD.quotes)), params.quote);
    if (quote) removeObservationQuote(doc, found.id, quote, LOCAL_EDIT, now);
  },
});
action('createAfomItem', {
  params: fc.record({ quadrant: fc.constantFrom(...AFOM_QUADRANTS.map((quadrant) => quadrant.id)), text: shortText }),
  run: (doc, { quadrant, text }, now) => void createAfomItem(doc, { quadrant, text }, LOCAL_EDIT, now),
});
action('updateAfomItem', {
  params: fc.record({ record: fc.nat(), quadrant: fc.option(fc.constantFrom<AfomQuadrant>(...AFOM_QUADRANTS.map((quadrant) => quadrant.id))), edit: textEdit }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'afom', params.record);
    if (!found) return;
    const patch = params.quadrant === null ? { text: edited(textOf(found.record, 'text'), params.edit) } : { quadrant: params.quadrant };
    updateAfomItem(doc, found.id, patch, LOCAL_EDIT, now);
  },
});
action('createEnjeu', {
  params: fc.record({ title: shortText }),
  run: (doc, { title }, now) => void createEnjeu(doc, { title, description: 'À préciser avec les élus.', theme: null }, LOCAL_EDIT, now),
});
action('editEnjeu', {
  params: fc.record({ record: fc.nat(), field: fc.constantFrom(ENJEU_FIELD.title, ENJEU_FIELD.description), edit: textEdit }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'enjeux', params.record);
    if (found) updateEnjeu(doc, found.id, { [params.field]: edited(textOf(found.record, params.field), params.edit) }, LOCAL_EDIT, now);
  },
});
action('linkEnjeu', {
  params: fc.record({ record: fc.nat(), observation: fc.option(fc.nat()), linked: fc.boolean() }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'enjeux', params.record);
    if (!found) return;
    if (params.observation === null) {
      setEnjeuIndicatorLink(doc, found.id, INDICATOR, params.linked, LOCAL_EDIT, now);
      return;
    }
    const observation = pick(recordIds(doc, 'observations'), params.observation);
    if (observation) setEnjeuObservationLink(doc, found.id, observation, params.linked, LOCAL_EDIT, now);
  },
});
action('createOrientation', {
  params: fc.record({ title: shortText }),
  run: (doc, { title }, now) => void createOrientation(doc, { title, description: '' }, LOCAL_EDIT, now),
});
action('editOrientation', {
  params: fc.record({ record: fc.nat(), field: fc.constantFrom(ORIENTATION_FIELD.title, ORIENTATION_FIELD.description), edit: textEdit }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'orientations', params.record);
    if (found) updateOrientation(doc, found.id, { [params.field]: edited(textOf(found.record, params.field), params.edit) }, LOCAL_EDIT, now);
  },
});
action('linkOrientationEnjeu', {
  params: fc.record({ record: fc.nat(), enjeu: fc.nat(), linked: fc.boolean() }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'orientations', params.record);
    const enjeu = pick(recordIds(doc, 'enjeux'), params.enjeu);
    if (found && enjeu) setOrientationEnjeuLink(doc, found.id, enjeu, params.linked, LOCAL_EDIT, now);
  },
});
action('createActionSheet', {
  params: fc.record({ title: shortText, number: fc.option(fc.integer({ min: 1, max: 4 })) }),
  run: (doc, { title, number }, now) => void createActionSheet(doc, number === null ? { title } : { title, number }, LOCAL_EDIT, now),
});
action('editActionSheet', {
  params: fc.record({
    record: fc.nat(),
    field: fc.constantFrom(ACTION_SHEET_FIELD.title, ACTION_SHEET_FIELD.generalObjective, ACTION_SHEET_FIELD.partners),
    edit: textEdit,
    budget: fc.option(fc.integer({ min: 0, max: 50_000 })),
  }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'actionSheets', params.record);
    if (!found) return;
    const text = edited(textOf(found.record, params.field), params.edit);
    updateActionSheet(doc, found.id, params.budget === null ? { [params.field]: text } : { budgetAmount: params.budget }, LOCAL_EDIT, now);
  },
});
action('setActionSheetStatusOrOrientation', {
  params: fc.record({
    record: fc.nat(),
    status: fc.option(fc.constantFrom<ActionSheetStatus>(...ACTION_SHEET_STATUSES.map((status) => status.id))),
    orientation: fc.option(fc.nat()),
  }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'actionSheets', params.record);
    if (!found) return;
    if (params.status !== null) setActionSheetStatus(doc, found.id, params.status, LOCAL_EDIT, now);
    else {
      const orientation = params.orientation === null ? null : (pick(recordIds(doc, 'orientations'), params.orientation) ?? null);
      setActionSheetOrientation(doc, found.id, orientation, LOCAL_EDIT, now);
    }
  },
});
action('editActionSheetLists', {
  params: fc.record({ record: fc.nat(), change: fc.constantFrom('addStep', 'moveStep', 'removeStep', 'addCoFunder'), entry: fc.nat(), target, label: shortText }),
  run: (doc, params, now) => {
    const found = recordOf(doc, 'actionSheets', params.record);
    if (!found) return;
    const step = pick(sortedKeys(nestedMap(found.record, ACTION_SHEET_FIELD.steps)), params.entry);
    switch (params.change) {
      case 'addStep':
        addActionStep(doc, found.id, { label: params.label, startDate: '2024-09-01', endDate: null }, LOCAL_EDIT, now);
        return;
      case 'addCoFunder':
        addCoFunder(doc, found.id, { name: 'CAF de la Corrèze', amount: 1200 }, LOCAL_EDIT, now);
        return;
      case 'moveStep':
        if (step) moveActionStep(doc, found.id, step, params.target, LOCAL_EDIT, now);
        return;
      case 'removeStep':
        if (step) removeActionStep(doc, found.id, step, LOCAL_EDIT, now);
    }
  },
});

// Meetings and attendance.
const contact = fc.constantFrom(...CONTACTS);
action('createMeeting', {
  params: fc.record({ title: shortText, schedule: fc.constantFrom('single' as const, 'full-day' as const) }),
  run: (doc, { title, schedule }, now) => void createMeeting(doc, { title, schedule, date: '2024-05-02', startTime: '09:00', endTime: '12:00' }, LOCAL_EDIT, now),
});
action('updateMeeting', {
  params: fc.record({
    meeting: fc.nat(),
    change: fc.constantFrom('agenda', 'room', 'schedule', 'trash', 'restore'),
    edit: textEdit,
    schedule: fc.constantFrom('single' as const, 'full-day' as const),
  }),
  run: (doc, params, now) => {
    const id = meetingIdOf(doc, params.meeting);
    const record = id === undefined ? undefined : meetingsMap(doc).get(id);
    if (id === undefined || !(record instanceof Y.Map)) return;
    const meeting = readMeeting(id, record);
    if (params.change === 'trash') trashMeeting(doc, id, LOCAL_EDIT, now);
    else if (params.change === 'restore') restoreMeeting(doc, id, LOCAL_EDIT, now);
    else if (params.change === 'agenda') updateMeeting(doc, id, { agenda: edited(meeting.agenda, params.edit) }, LOCAL_EDIT, now);
    else if (params.change === 'room') updateMeeting(doc, id, { room: edited(meeting.room, params.edit) }, LOCAL_EDIT, now);
    else updateMeeting(doc, id, { schedule: params.schedule }, LOCAL_EDIT, now);
  },
});
action('invitation', {
  params: fc.record({ meeting: fc.nat(), contact, invited: fc.boolean() }),
  run: (doc, params, now) => {
    const id = meetingIdOf(doc, params.meeting);
    if (id === undefined) return;
    if (params.invited) inviteContacts(doc, id, [params.contact], LOCAL_EDIT, now);
    else uninviteContact(doc, id, params.contact, LOCAL_EDIT, now);
  },
});
action('checkIn', {
  params: fc.record({ meeting: fc.nat(), contact, status: fc.constantFrom<AttendanceStatus>('expected', 'present', 'excused', 'absent') }),
  weight: 2,
  run: (doc, params, now) => {
    const id = meetingIdOf(doc, params.meeting);
    if (id !== undefined) setAttendance(doc, id, params.contact, params.status, LOCAL_EDIT, now);
  },
});
const SIGNATURE = encodeSignature([
  [
    { x: 20, y: 100 },
    { x: 60, y: 70 },
    { x: 110, y: 120 },
  ],
]);
action('signature', {
  params: fc.record({ meeting: fc.nat(), contact, slot: fc.nat(), signs: fc.boolean() }),
  weight: 2,
  run: (doc, params, now) => {
    const id = meetingIdOf(doc, params.meeting);
    const record = id === undefined ? undefined : meetingsMap(doc).get(id);
    if (id === undefined || !(record instanceof Y.Map)) return;
    const slot = pick(readMeeting(id, record).slots, params.slot);
    if (!slot) return;
    if (params.signs) setSignature(doc, id, params.contact, slot.id, SIGNATURE, LOCAL_EDIT, now);
    else clearSignature(doc, id, params.contact, slot.id, LOCAL_EDIT, now);
  },
});
action('photoConsent', {
  params: fc.record({ meeting: fc.nat(), contact, answer: fc.constantFrom<ConsentAnswer | null>('yes', 'no', null) }),
  run: (doc, params, now) => {
    const id = meetingIdOf(doc, params.meeting);
    if (id !== undefined) setPhotoConsent(doc, id, params.contact, params.answer, LOCAL_EDIT, now);
  },
});

// Workshop boards.
action('createBoard', {
  params: fc.record({ meeting: fc.nat(), template: fc.constantFrom<BoardTemplate>('afom', 'brainstorm', 'world-cafe', 'problem-tree'), title: shortText }),
  run: (doc, params, now) => {
    const meetingId = meetingIdOf(doc, params.meeting);
    if (meetingId !== undefined) createBoard(doc, LOCAL_EDIT, { meetingId, template: params.template, title: params.title }, now);
  },
});
action('boardSettings', {
  params: fc.record({
    board: fc.nat(),
    change: fc.constantFrom('rename', 'trash', 'restore', 'addZone', 'silent', 'reveal', 'revealVotes', 'clearVotes', 'convert'),
    flag: fc.boolean(),
    title: shortText,
  }),
  run: (doc, params, now) => {
    const boardId = boardIdOf(doc, params.board);
    if (boardId === undefined) return;
    switch (params.change) {
      case 'rename':
        return renameBoard(doc, LOCAL_EDIT, boardId, params.title, now);
      case 'trash':
        return trashBoard(doc, LOCAL_EDIT, boardId, now);
      case 'restore':
        return restoreBoard(doc, LOCAL_EDIT, boardId, now);
      case 'addZone':
        return void addZone(doc, LOCAL_EDIT, boardId, params.title, now);
      case 'silent':
        return setSilentPhase(doc, LOCAL_EDIT, boardId, params.flag, now);
      case 'reveal':
        return revealCards(doc, LOCAL_EDIT, boardId, 'all', now);
      case 'revealVotes':
        return setVotesRevealed(doc, LOCAL_EDIT, boardId, params.flag, now);
      case 'clearVotes':
        return clearVotes(doc, LOCAL_EDIT, boardId, now);
      case 'convert':
        return void convertProblemTree(doc, LOCAL_EDIT, boardId, now);
    }
  },
});
action('addCard', {
  params: fc.record({ board: fc.nat(), text: shortText, zone: fc.option(fc.nat()), author: fc.option(contact), colour: fc.constantFrom(...CARD_COLOURS) }),
  weight: 4,
  run: (doc, params, now) => {
    const boardId = boardIdOf(doc, params.board);
    if (boardId === undefined) return;
    const zoneId = params.zone === null ? undefined : zoneIdOf(doc, boardId, params.zone);
    addCard(doc, LOCAL_EDIT, boardId, { text: params.text, zoneId, authorId: params.author, colour: params.colour }, now);
  },
});
action('editCard', {
  params: fc.record({
    board: fc.nat(),
    card: fc.nat(),
    change: fc.constantFrom('text', 'colour', 'delete'),
    edit: textEdit,
    colour: fc.constantFrom(...CARD_COLOURS),
  }),
  weight: 3,
  run: (doc, params, now) => {
    const boardId = boardIdOf(doc, params.board);
    const cardId = boardId === undefined ? undefined : pick(boardChildIds(doc, boardId, BOARD_FIELD.cards), params.card);
    if (boardId === undefined || cardId === undefined) return;
    if (params.change === 'delete') return deleteCards(doc, LOCAL_EDIT, boardId, [cardId], now);
    if (params.change === 'colour') return setCardsColour(doc, LOCAL_EDIT, boardId, [cardId], params.colour, now);
    const card = nestedMap(boardRecord(doc, boardId)!, BOARD_FIELD.cards)?.get(cardId);
    const text = card instanceof Y.Map ? textOf(card, 'text') : '';
    editCardText(doc, LOCAL_EDIT, boardId, cardId, edited(text, params.edit), now);
  },
});
action('moveCards', {
  params: fc.record({
    board: fc.nat(),
    cards: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }),
    zone: fc.nat(),
    slot: fc.option(fc.record({ column: fc.nat(3), row: fc.nat(3) })),
  }),
  weight: 4,
  run: (doc, params, now) => {
    const boardId = boardIdOf(doc, params.board);
    if (boardId === undefined) return;
    const zoneId = zoneIdOf(doc, boardId, params.zone);
    const cards = boardChildIds(doc, boardId, BOARD_FIELD.cards);
    const cardIds = [...new Set(params.cards.map((index) => pick(cards, index)).filter((id) => id !== undefined))];
    // Moves go to a zone of the board: a card set down outside every zone is for free boards.
    if (zoneId === undefined || cardIds.length === 0) return;
    if (params.slot === null) return sendCardsToZone(doc, LOCAL_EDIT, boardId, cardIds, zoneId, now);
    const { column, row } = params.slot;
    moveCards(doc, LOCAL_EDIT, boardId, cardIds.map((cardId, index) => ({ cardId, zoneId, x: (column + index) * 196, y: row * 126 })), now);
  },
});
action('clusters', {
  params: fc.record({ board: fc.nat(), cards: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), cluster: fc.option(fc.nat()), ungroup: fc.boolean(), title: shortText }),
  weight: 2,
  run: (doc, params, now) => {
    const boardId = boardIdOf(doc, params.board);
    if (boardId === undefined) return;
    const cards = boardChildIds(doc, boardId, BOARD_FIELD.cards);
    const cardIds = [...new Set(params.cards.map((index) => pick(cards, index)).filter((id) => id !== undefined))];
    const clusterId = params.cluster === null ? undefined : pick(boardChildIds(doc, boardId, BOARD_FIELD.clusters), params.cluster);
    if (cardIds.length === 0) return;
    if (params.ungroup) return ungroupCards(doc, LOCAL_EDIT, boardId, cardIds, now);
    if (clusterId === undefined) return void groupCards(doc, LOCAL_EDIT, boardId, cardIds, params.title, now);
    addCardsToCluster(doc, LOCAL_EDIT, boardId, cardIds, clusterId, now);
    renameCluster(doc, LOCAL_EDIT, boardId, clusterId, params.title, now);
  },
});
action('vote', {
  params: fc.record({ board: fc.nat(), card: fc.nat(), voter: contact, change: fc.constantFrom('add', 'add', 'remove', 'paper'), count: fc.nat(4) }),
  weight: 4,
  run: (doc, params, now) => {
    const boardId = boardIdOf(doc, params.board);
    const cardId = boardId === undefined ? undefined : pick(boardChildIds(doc, boardId, BOARD_FIELD.cards), params.card);
    if (boardId === undefined || cardId === undefined) return;
    if (params.change === 'add') addDot(doc, LOCAL_EDIT, boardId, params.voter, cardId, now);
    else if (params.change === 'remove') removeDot(doc, LOCAL_EDIT, boardId, params.voter, cardId, now);
    else setPaperDots(doc, LOCAL_EDIT, boardId, cardId, params.count, now);
  },
});

// Indicator figures typed by hand.
action('indicatorValue', {
  params: fc.record({ territory: fc.constantFrom(...TERRITORIES), year: fc.constantFrom(2020, 2021), value: fc.option(fc.integer({ min: 0, max: 40 })) }),
  run: (doc, { territory, year, value }, now) => {
    if (value === null) clearIndicatorValue(doc, { indicator: INDICATOR, year, territory }, LOCAL_EDIT);
    else setIndicatorValue(doc, { indicator: INDICATOR, year, territory, status: 'ok', value, source: 'INSEE, Filosofi 2021' }, LOCAL_EDIT, now);
  },
});

/** Runs a drawn operation on a replica's document. */
export function runEdit(doc: Y.Doc, step: EditStep): void {
  const definition = actions.get(step.action);
  if (!definition) throw new Error(`Opération inconnue : ${step.action}.`);
  definition.run(doc, step.params, stepTime(step));
}

const replica = fc.integer({ min: 0, max: REPLICAS - 1 });
const otherPair = fc
  .tuple(replica, fc.integer({ min: 1, max: REPLICAS - 1 }))
  .map(([a, offset]) => ({ a, b: (a + offset) % REPLICAS }));

const editStep: fc.Arbitrary<Step> = fc.oneof(
  ...[...actions].map(([name, definition]) => ({
    weight: definition.weight ?? 1,
    arbitrary: fc.record({ replica, at: fc.nat(MAX_SECONDS), params: definition.params }).map(
      ({ replica: on, at, params }): Step => ({ kind: 'edit', replica: on, at, action: name, params }),
    ),
  })),
);

const networkStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record({ link: otherPair, pick: fc.nat(), keep: fc.nat(4).map((draw) => draw === 0) })
      .map(({ link, pick: index, keep }): Step => ({ kind: 'deliver', from: link.a, to: link.b, pick: index, keep })),
  },
  { weight: 1, arbitrary: otherPair.map(({ a, b }): Step => ({ kind: 'cut', a, b })) },
  { weight: 1, arbitrary: otherPair.map(({ a, b }): Step => ({ kind: 'restore', a, b })) },
);

/** About half edits, half network events: replicas drift apart, partly catch up, drift again. */
export const steps: fc.Arbitrary<Step[]> = fc.array(fc.oneof({ weight: 1, arbitrary: editStep }, { weight: 1, arbitrary: networkStep }), {
  minLength: 10,
  maxLength: 80,
});
