import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, addDot, createBoard, groupCards, setCardAuthor, setPaperDots, setVotingRules } from '@shared/boards/board-operations';
import { rankCards } from '@shared/boards/board-results';
import { readBoard } from '@shared/boards/board-snapshot';
import type { Board } from '@shared/boards/board-model';
import { BOARD_FIELD, boardsMap, parseVoteKey } from '@shared/documents/board-structure';
import { createContact } from '@shared/directory/contact-operations';
import {
  compactDocumentState,
  eraseContactFromDirectory,
  eraseContactFromMission,
  findNameMentions,
  missionHoldsContacts,
  readErasures,
} from '@shared/erasure/person-erasure';
import { createMeeting, inviteContacts } from '@shared/meetings/meeting-operations';
import { createMission } from '@shared/operations/mission-operations';
import { CREATED_AT, LOCAL_EDIT, exchangeUpdates, newMissionInput } from '../domain-fixtures';

const ERASURE = 'erasure-origin';
const LATER = CREATED_AT + 60_000;
const FIRST_NAME = 'Albertine';
const LAST_NAME = 'Quelconquezoé';

function occurrences(bytes: Uint8Array, text: string): number {
  const haystack = Buffer.from(bytes);
  const needle = Buffer.from(text, 'utf8');
  let count = 0;
  for (let index = haystack.indexOf(needle); index !== -1; index = haystack.indexOf(needle, index + 1)) count += 1;
  return count;
}

/**
 * A workshop where Albertine wrote two cards and voted on two, Paul wrote one and voted, and dots
 * were counted on paper; with the facilitator's undo history, which remembers deleted values.
 */
function workshopWithAlbertine() {
  const missionDoc = new Y.Doc();
  const directoryDoc = new Y.Doc();
  createMission(new Y.Doc(), missionDoc, newMissionInput(), LOCAL_EDIT, CREATED_AT, 'mission-1');
  const albertine = createContact(directoryDoc, { lastName: LAST_NAME, firstName: FIRST_NAME, category: 'habitant' }, LOCAL_EDIT, CREATED_AT);
  const paul = createContact(directoryDoc, { lastName: 'Martin', firstName: 'Paul' }, LOCAL_EDIT, CREATED_AT);
  const meetingId = createMeeting(missionDoc, { title: 'Atelier mobilité', kind: 'atelier', schedule: 'single', date: '2026-03-12' }, LOCAL_EDIT, CREATED_AT);
  inviteContacts(missionDoc, meetingId, [albertine, paul], LOCAL_EDIT, CREATED_AT);
  const boardId = createBoard(missionDoc, LOCAL_EDIT, { meetingId, template: 'brainstorm', title: 'Idées mobilité' }, CREATED_AT);
  const boardRecord = boardsMap(missionDoc).get(boardId);
  if (!boardRecord) throw new Error('no board record');
  // Scoped like the facilitator's board history: it keeps the values this user's edits deleted.
  const undo = new Y.UndoManager(boardRecord, { trackedOrigins: new Set([LOCAL_EDIT]), captureTimeout: 0 });
  setVotingRules(missionDoc, LOCAL_EDIT, boardId, { budget: 5, maxPerCard: 2 }, CREATED_AT);
  const bus = addCard(missionDoc, LOCAL_EDIT, boardId, { text: 'Un bus le jour du marché', authorId: albertine }, CREATED_AT + 1);
  // Made anonymous, then credited to her again: the history remembers the removed author value.
  setCardAuthor(missionDoc, LOCAL_EDIT, boardId, bus, null, CREATED_AT + 1);
  setCardAuthor(missionDoc, LOCAL_EDIT, boardId, bus, albertine, CREATED_AT + 1);
  const carpool = addCard(missionDoc, LOCAL_EDIT, boardId, { text: 'Une aire de covoiturage', authorId: paul }, CREATED_AT + 2);
  const bikes = addCard(missionDoc, LOCAL_EDIT, boardId, { text: 'Des vélos à prêter' }, CREATED_AT + 3);
  // Written by Paul, then credited to Albertine: the undo history keeps both values.
  const shuttle = addCard(missionDoc, LOCAL_EDIT, boardId, { text: 'Une navette vers la gare', authorId: paul }, CREATED_AT + 4);
  setCardAuthor(missionDoc, LOCAL_EDIT, boardId, shuttle, albertine, CREATED_AT + 5);
  addDot(missionDoc, LOCAL_EDIT, boardId, albertine, carpool, LATER);
  addDot(missionDoc, LOCAL_EDIT, boardId, albertine, carpool, LATER);
  addDot(missionDoc, LOCAL_EDIT, boardId, albertine, bikes, LATER);
  addDot(missionDoc, LOCAL_EDIT, boardId, paul, bikes, LATER);
  addDot(missionDoc, LOCAL_EDIT, boardId, paul, bus, LATER);
  setPaperDots(missionDoc, LOCAL_EDIT, boardId, bikes, 2, LATER);
  return { missionDoc, directoryDoc, undo, albertine, paul, meetingId, boardId, cards: { bus, carpool, bikes, shuttle } };
}

function boardOf(doc: Y.Doc, boardId: string): Board {
  const board = readBoard(doc, boardId);
  if (!board) throw new Error(`no board ${boardId}`);
  return board;
}

function results(doc: Y.Doc, boardId: string): [string, number][] {
  return rankCards(boardOf(doc, boardId)).map((result) => [result.card.text, result.total]);
}

/** Every voter id still written in the board's votes map, read from the raw document. */
function rawVoterIds(doc: Y.Doc, boardId: string): string[] {
  const votes = boardsMap(doc).get(boardId)?.get(BOARD_FIELD.votes);
  return votes instanceof Y.Map ? [...votes.keys()].map((key) => parseVoteKey(key)?.voterId ?? key) : [];
}

function erase(setup: ReturnType<typeof workshopWithAlbertine>) {
  const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.albertine, ERASURE, LATER + 1);
  return { erasure, report: eraseContactFromMission(setup.missionDoc, [setup.albertine], erasure.names, ERASURE) };
}

describe('forgetting a person who took part in a workshop board', () => {
  it('keeps their cards’ text but not their name as author, and counts their dots without them: the results do not change', () => {
    const setup = workshopWithAlbertine();
    const before = results(setup.missionDoc, setup.boardId);
    expect(before).toEqual([
      ['Des vélos à prêter', 4],
      ['Une aire de covoiturage', 2],
      ['Un bus le jour du marché', 1],
    ]);

    const { report } = erase(setup);

    expect(report).toEqual({ meetingsTouched: 1, authorFieldsCleared: 0, cardsAnonymised: 2, votesAnonymised: 2 });
    const board = boardOf(setup.missionDoc, setup.boardId);
    expect(board.cards.map((card) => [card.text, card.authorId])).toEqual([
      ['Un bus le jour du marché', null],
      ['Une aire de covoiturage', setup.paul],
      ['Des vélos à prêter', null],
      ['Une navette vers la gare', null],
    ]);
    expect(rawVoterIds(setup.missionDoc, setup.boardId)).toEqual([setup.paul, setup.paul]);
    expect(board.voting.tallies).toEqual({ [setup.cards.carpool]: 2, [setup.cards.bikes]: 3 });
    expect(results(setup.missionDoc, setup.boardId)).toEqual(before);
    expect(missionHoldsContacts(setup.missionDoc, [setup.albertine])).toBe(false);
    expect(missionHoldsContacts(setup.missionDoc, [setup.paul])).toBe(true);
  });

  it('leaves no author value nor name in the compacted document, even with an undo history that remembers them', () => {
    const setup = workshopWithAlbertine();
    erase(setup);

    // Without compaction, the undo history still holds her id as a card's author.
    expect(setup.undo.canUndo()).toBe(true);
    const live = Y.encodeStateAsUpdate(setup.missionDoc);
    expect(occurrences(live, setup.albertine)).toBeGreaterThan(1 + occurrences(live, `${setup.albertine}|`));
    const after = compactDocumentState(setup.missionDoc);
    // Yjs keeps the name of a deleted map entry: the id survives only as the key of the removed
    // attendance and vote records (random ids pointing at nobody), never as a card's author.
    expect(occurrences(after, setup.albertine)).toBe(1 + occurrences(after, `${setup.albertine}|`));
    expect(occurrences(after, `${setup.albertine}|`)).toBe(2);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, after);
    expect(boardOf(reloaded, setup.boardId).cards.some((card) => card.authorId === setup.albertine)).toBe(false);
    expect(rawVoterIds(reloaded, setup.boardId)).not.toContain(setup.albertine);
    expect(results(reloaded, setup.boardId)).toEqual(results(setup.missionDoc, setup.boardId));
  });

  it('anonymises a card written and dots put offline on a colleague’s laptop, arriving after the erasure', () => {
    const setup = workshopWithAlbertine();
    const colleagueMission = new Y.Doc();
    exchangeUpdates(setup.missionDoc, colleagueMission);
    const colleagueDirectory = new Y.Doc();
    exchangeUpdates(setup.directoryDoc, colleagueDirectory);
    // Offline, the colleague records one more card by Albertine and a dot of hers on the bus card.
    const late = addCard(colleagueMission, LOCAL_EDIT, setup.boardId, { text: 'Un minibus solidaire', authorId: setup.albertine }, LATER + 2);
    addDot(colleagueMission, LOCAL_EDIT, setup.boardId, setup.albertine, setup.cards.bus, LATER + 2);

    erase(setup);
    exchangeUpdates(setup.missionDoc, colleagueMission);
    exchangeUpdates(setup.directoryDoc, colleagueDirectory);

    // Both laptops hold the late card and dot: the erasure log, read as tombstones, removes them.
    const erased = readErasures(colleagueDirectory).map((entry) => entry.contactId);
    for (const doc of [setup.missionDoc, colleagueMission]) expect(missionHoldsContacts(doc, erased)).toBe(true);
    const report = eraseContactFromMission(colleagueMission, erased, null, ERASURE);
    eraseContactFromMission(setup.missionDoc, erased, null, ERASURE);
    exchangeUpdates(setup.missionDoc, colleagueMission);

    expect(report).toMatchObject({ cardsAnonymised: 1, votesAnonymised: 1 });
    for (const doc of [setup.missionDoc, colleagueMission]) {
      expect(missionHoldsContacts(doc, erased)).toBe(false);
      expect(boardOf(doc, setup.boardId).cards.find((card) => card.id === late)).toMatchObject({ text: 'Un minibus solidaire', authorId: null });
      expect(rawVoterIds(doc, setup.boardId)).not.toContain(setup.albertine);
      expect(results(doc, setup.boardId)).toEqual([
        ['Des vélos à prêter', 4],
        ['Un bus le jour du marché', 2],
        ['Une aire de covoiturage', 2],
      ]);
    }
  });

  it('lists board cards and cluster titles that still name the person, with the board and card to open', () => {
    const setup = workshopWithAlbertine();
    const quoted = addCard(setup.missionDoc, LOCAL_EDIT, setup.boardId, { text: `Idée de ${FIRST_NAME} ${LAST_NAME.toUpperCase()} : un taxi social` }, LATER);
    const clusterId = groupCards(setup.missionDoc, LOCAL_EDIT, setup.boardId, [quoted], `Propositions de ${LAST_NAME} ${FIRST_NAME}`, LATER);
    const { erasure } = erase(setup);

    const mentions = findNameMentions(setup.missionDoc, erasure.names);

    expect(mentions.map((mention) => mention.board)).toEqual([
      { boardId: setup.boardId, boardTitle: 'Idées mobilité', cardId: quoted, clusterId: null },
      { boardId: setup.boardId, boardTitle: 'Idées mobilité', cardId: null, clusterId },
    ]);
    expect(mentions[0]).toMatchObject({ root: 'boards', recordId: setup.boardId });
    expect(mentions[0]?.excerpt).toContain('QUELCONQUEZOÉ');
    // The text itself is not rewritten: the user reviews it.
    expect(boardOf(setup.missionDoc, setup.boardId).cards.find((card) => card.id === quoted)?.text).toContain(LAST_NAME.toUpperCase());
  });

  it('drops, without counting them, the dots the person had put on a card deleted since', () => {
    const setup = workshopWithAlbertine();
    const votes = boardsMap(setup.missionDoc).get(setup.boardId)?.get(BOARD_FIELD.votes);
    if (!(votes instanceof Y.Map)) throw new Error('no votes map');
    // A vote on a card deleted on another laptop, whose deletion of the votes has not arrived.
    votes.set(`${setup.albertine}|deleted-card`, 2);

    const { report } = erase(setup);

    expect(report.votesAnonymised).toBe(3);
    expect(boardOf(setup.missionDoc, setup.boardId).voting.tallies).toEqual({ [setup.cards.carpool]: 2, [setup.cards.bikes]: 3 });
    expect(rawVoterIds(setup.missionDoc, setup.boardId)).not.toContain(setup.albertine);
  });
});
