import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import {
  addCard,
  addCardsToCluster,
  addZone,
  convertProblemTree,
  createBoard,
  deleteCards,
  editCardText,
  groupCards,
  moveCards,
  pauseTimer,
  renameCluster,
  resetTimer,
  resumeTimer,
  revealCards,
  sendCardsToZone,
  setActiveZone,
  setCardAuthor,
  setCardsColour,
  setSilentPhase,
  startNextRound,
  startTimer,
  trashBoard,
  ungroupCards,
} from '@shared/boards/board-operations';
import { readBoardSummaries } from '@shared/boards/board-snapshot';
import { formatCountdown, timerRemainingMs } from '@shared/boards/board-results';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardBoardPosition,
  layoutBoard,
  matrixPosition,
  matrixScores,
  placeAtBoardPosition,
} from '@shared/boards/board-templates';
import { ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { META_FIELD, metaMap } from '@shared/documents/document-structure';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { CLAIRE, COLLEAGUE_EDIT, CREATED_AT, LOCAL_EDIT, boardFixture, boardOf, cardOf, colleagueCopy, exchangeUpdates } from './board-fixtures';

const LATER = CREATED_AT + 60_000;

describe('boards from templates', () => {
  test('an AFOM board starts with its four quadrants, in order', () => {
    const { doc, boardId } = boardFixture('afom');
    expect(boardOf(doc, boardId).zones.map((zone) => zone.title)).toEqual(['Atouts', 'Faiblesses', 'Opportunités', 'Menaces']);
  });

  test.each([
    ['problem-tree', ['Effets', 'Problème central', 'Causes']],
    ['six-hats', ['Chapeau blanc : les faits', 'Chapeau rouge : les émotions', 'Chapeau noir : les risques', 'Chapeau jaune : les bénéfices', 'Chapeau vert : les idées', 'Chapeau bleu : l’organisation']],
    ['world-cafe', ['Table 1', 'Table 2', 'Table 3', 'Table 4']],
    ['impact-feasibility', ['Impact × faisabilité']],
    ['free', []],
  ] as const)('a %s board starts with the zones its method needs', (template, titles) => {
    const { doc, boardId } = boardFixture(template);
    expect(boardOf(doc, boardId).zones.map((zone) => zone.title)).toEqual(titles);
  });

  test('the six hats start on the white hat, and the facilitator moves the room to the next one', () => {
    const { doc, boardId } = boardFixture('six-hats');
    expect(boardOf(doc, boardId).activeZoneId).toBe('blanc');
    setActiveZone(doc, LOCAL_EDIT, boardId, 'rouge', LATER);
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Je suis inquiète pour les transports' }, LATER);
    expect(cardOf(doc, boardId, cardId).zoneId).toBe('rouge');
  });

  test('a board needs a title and a meeting that exists', () => {
    const { doc, meetingId } = boardFixture();
    expect(() => createBoard(doc, LOCAL_EDIT, { meetingId, template: 'afom', title: '  ' }, LATER)).toThrow('Donnez un titre au tableau.');
    expect(() => createBoard(doc, LOCAL_EDIT, { meetingId: 'inconnue', template: 'afom', title: 'AFOM' }, LATER)).toThrow('Cette réunion est introuvable');
  });

  test('a trashed board is listed as trashed and refuses new cards', () => {
    const { doc, boardId, meetingId } = boardFixture();
    trashBoard(doc, LOCAL_EDIT, boardId, LATER);
    expect(readBoardSummaries(doc, meetingId)[0]?.trashed).toBe(true);
    expect(() => addCard(doc, LOCAL_EDIT, boardId, { text: 'Idée' }, LATER)).toThrow('corbeille');
  });

  test('a board written by a newer Bocage is never rewritten', () => {
    const { doc, boardId } = boardFixture();
    metaMap(doc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1);
    expect(() => addCard(doc, LOCAL_EDIT, boardId, { text: 'Idée' }, LATER)).toThrow(ReadOnlyDocumentError);
  });
});

describe('capturing cards', () => {
  test('cards typed one after the other land in free slots of their zone, never on top of each other', () => {
    const { doc, boardId } = boardFixture('afom');
    const ids = Array.from({ length: 12 }, (_, index) => addCard(doc, LOCAL_EDIT, boardId, { text: `Idée ${index + 1}`, zoneId: 'atouts' }, LATER + index));
    const positions = ids.map((id) => cardOf(doc, boardId, id)).map((card) => `${card.x}:${card.y}`);
    expect(new Set(positions).size).toBe(12);
    expect(boardOf(doc, boardId).cards.map((card) => card.text)).toEqual(ids.map((_, index) => `Idée ${index + 1}`));
  });

  test('an empty card is refused and nothing is added', () => {
    const { doc, boardId } = boardFixture();
    expect(() => addCard(doc, LOCAL_EDIT, boardId, { text: '   ' }, LATER)).toThrow('Une carte ne peut pas être vide');
    expect(boardOf(doc, boardId).cards).toEqual([]);
  });

  test('the author of a card is a participant of the meeting, or nobody', () => {
    const { doc, boardId } = boardFixture();
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Manque de crèches', authorId: CLAIRE }, LATER);
    expect(cardOf(doc, boardId, cardId).authorId).toBe(CLAIRE);
    setCardAuthor(doc, LOCAL_EDIT, boardId, cardId, null, LATER);
    expect(cardOf(doc, boardId, cardId).authorId).toBeNull();
    expect(() => setCardAuthor(doc, LOCAL_EDIT, boardId, cardId, 'un-inconnu', LATER)).toThrow('ne figure pas parmi les participants');
  });

  test('editing a card keeps a colleague’s concurrent edit of another part of its text', () => {
    const { doc, boardId } = boardFixture();
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Transports rares le soir' }, LATER);
    const theirs = colleagueCopy(doc);
    editCardText(doc, LOCAL_EDIT, boardId, cardId, 'Transports à la demande rares le soir', LATER);
    editCardText(theirs, COLLEAGUE_EDIT, boardId, cardId, 'Transports rares le soir et le week-end', LATER);
    exchangeUpdates(doc, theirs);
    expect(cardOf(doc, boardId, cardId).text).toBe('Transports à la demande rares le soir et le week-end');
    expect(cardOf(theirs, boardId, cardId).text).toBe(cardOf(doc, boardId, cardId).text);
  });

  test('colour changes apply to every selected card', () => {
    const { doc, boardId } = boardFixture();
    const ids = [addCard(doc, LOCAL_EDIT, boardId, { text: 'A' }, LATER), addCard(doc, LOCAL_EDIT, boardId, { text: 'B' }, LATER)];
    setCardsColour(doc, LOCAL_EDIT, boardId, ids, 'pink', LATER);
    expect(boardOf(doc, boardId).cards.map((card) => card.colour)).toEqual(['pink', 'pink']);
  });
});

describe('moving cards', () => {
  test('the shortcut sends the selected cards to free slots of another zone', () => {
    const { doc, boardId } = boardFixture('afom');
    const first = addCard(doc, LOCAL_EDIT, boardId, { text: 'Tissu associatif dense', zoneId: 'menaces' }, LATER);
    const second = addCard(doc, LOCAL_EDIT, boardId, { text: 'Bénévoles vieillissants', zoneId: 'menaces' }, LATER);
    sendCardsToZone(doc, LOCAL_EDIT, boardId, [first], 'atouts', LATER);
    sendCardsToZone(doc, LOCAL_EDIT, boardId, [second], 'atouts', LATER);
    const moved = [cardOf(doc, boardId, first), cardOf(doc, boardId, second)];
    expect(moved.map((card) => card.zoneId)).toEqual(['atouts', 'atouts']);
    expect(`${moved[0]!.x}:${moved[0]!.y}`).not.toBe(`${moved[1]!.x}:${moved[1]!.y}`);
  });

  test('the same card moved on two laptops offline ends up whole in one place on both', () => {
    const { doc, boardId } = boardFixture('afom');
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Mobilité des jeunes', zoneId: 'faiblesses' }, LATER);
    const theirs = colleagueCopy(doc);
    moveCards(doc, LOCAL_EDIT, boardId, [{ cardId, zoneId: 'atouts', x: 10, y: 20 }], LATER);
    moveCards(theirs, COLLEAGUE_EDIT, boardId, [{ cardId, zoneId: 'menaces', x: 300, y: 400 }], LATER);
    exchangeUpdates(doc, theirs);
    const mine = cardOf(doc, boardId, cardId);
    expect(cardOf(theirs, boardId, cardId)).toEqual(mine);
    expect([`atouts:10:20`, `menaces:300:400`]).toContain(`${mine.zoneId}:${mine.x}:${mine.y}`);
  });

  test('a card moved on one laptop and edited on the other keeps both changes', () => {
    const { doc, boardId } = boardFixture('afom');
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Maison France services', zoneId: 'atouts' }, LATER);
    const theirs = colleagueCopy(doc);
    moveCards(doc, LOCAL_EDIT, boardId, [{ cardId, zoneId: 'opportunites', x: 5, y: 5 }], LATER);
    editCardText(theirs, COLLEAGUE_EDIT, boardId, cardId, 'Maison France services itinérante', LATER);
    exchangeUpdates(doc, theirs);
    expect(cardOf(doc, boardId, cardId)).toMatchObject({ zoneId: 'opportunites', text: 'Maison France services itinérante' });
  });

  test('a card deleted on one laptop while moved on the other stays deleted on both', () => {
    const { doc, boardId } = boardFixture('afom');
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Doublon', zoneId: 'atouts' }, LATER);
    const theirs = colleagueCopy(doc);
    deleteCards(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    moveCards(theirs, COLLEAGUE_EDIT, boardId, [{ cardId, zoneId: 'menaces', x: 0, y: 0 }], LATER);
    exchangeUpdates(doc, theirs);
    expect(boardOf(doc, boardId).cards).toEqual([]);
    expect(boardOf(theirs, boardId).cards).toEqual([]);
  });

  test('moving a card that a colleague deleted meanwhile says so instead of recreating it', () => {
    const { doc, boardId } = boardFixture('afom');
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Doublon' }, LATER);
    deleteCards(doc, LOCAL_EDIT, boardId, [cardId], LATER);
    expect(() => moveCards(doc, LOCAL_EDIT, boardId, [{ cardId, zoneId: 'atouts', x: 0, y: 0 }], LATER)).toThrow('Cette carte n’existe plus');
  });
});

describe('the geometry every replica draws', () => {
  test('a card dropped over a quadrant joins it, with a position relative to it', () => {
    const { doc, boardId } = boardFixture('afom');
    const board = boardOf(doc, boardId);
    const layout = layoutBoard(board.template, board.zones, board.cards);
    const menaces = layout.zones.find((zone) => zone.id === 'menaces')!;
    const placed = placeAtBoardPosition(board.template, layout, { x: menaces.x + 200, y: menaces.y + 200 });
    expect(placed.zoneId).toBe('menaces');
    const zonesById = new Map(layout.zones.map((zone) => [zone.id, zone]));
    expect(cardBoardPosition(placed, zonesById)).toEqual({ x: menaces.x + 200, y: menaces.y + 200 });
  });

  test('a zone grows to hold its cards, and the zones below move down with their cards', () => {
    const { doc, boardId } = boardFixture('problem-tree');
    const below = addCard(doc, LOCAL_EDIT, boardId, { text: 'Cause', zoneId: 'causes' }, LATER);
    const before = boardOf(doc, boardId);
    const layoutBefore = layoutBoard(before.template, before.zones, before.cards);
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Effet tout en bas', zoneId: 'effets', position: { x: 0, y: 2000 } }, LATER);
    const after = boardOf(doc, boardId);
    const layoutAfter = layoutBoard(after.template, after.zones, after.cards);
    const effetsAfter = layoutAfter.zones.find((zone) => zone.id === 'effets')!;
    expect(effetsAfter.height).toBeGreaterThan(2000 + CARD_HEIGHT);
    const positionOf = (layout: typeof layoutAfter) => cardBoardPosition(cardOf(doc, boardId, below), new Map(layout.zones.map((zone) => [zone.id, zone])));
    expect(positionOf(layoutAfter).y - positionOf(layoutBefore).y).toBe(effetsAfter.height - layoutBefore.zones[0]!.height);
  });

  test('on the impact × feasibility matrix a card’s position is its score, both ways', () => {
    expect(matrixScores(matrixPosition({ impact: 8, feasibility: 3 }))).toEqual({ impact: 8, feasibility: 3 });
    expect(matrixScores({ x: 0, y: 0 })).toEqual({ impact: 10, feasibility: 0 });
  });

  test('on a free board a card stays where it was dropped', () => {
    const { doc, boardId } = boardFixture('free');
    const board = boardOf(doc, boardId);
    const layout = layoutBoard(board.template, board.zones, board.cards);
    expect(placeAtBoardPosition('free', layout, { x: -40.4, y: 515.6 })).toEqual({ zoneId: null, x: -40, y: 516 });
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Libre', position: { x: -40, y: 516 } }, LATER);
    const withCard = boardOf(doc, boardId);
    const bounds = layoutBoard('free', withCard.zones, withCard.cards);
    expect(bounds).toMatchObject({ minX: -40, width: CARD_WIDTH, minY: 0, height: 516 + CARD_HEIGHT });
    expect(cardOf(doc, boardId, cardId).zoneId).toBeNull();
  });
});

describe('clusters', () => {
  test('grouping cards gives them a titled cluster, which disappears when its last card leaves', () => {
    const { doc, boardId } = boardFixture('brainstorm');
    const ids = ['Crèche', 'Assistantes maternelles', 'Halte-garderie'].map((text) => addCard(doc, LOCAL_EDIT, boardId, { text }, LATER));
    const clusterId = groupCards(doc, LOCAL_EDIT, boardId, ids.slice(0, 2), 'Accueil du jeune enfant', LATER);
    addCardsToCluster(doc, LOCAL_EDIT, boardId, [ids[2]!], clusterId, LATER);
    renameCluster(doc, LOCAL_EDIT, boardId, clusterId, 'Petite enfance', LATER);
    expect(boardOf(doc, boardId).clusters.map((cluster) => cluster.title)).toEqual(['Petite enfance']);
    expect(boardOf(doc, boardId).cards.every((card) => card.clusterId === clusterId)).toBe(true);
    ungroupCards(doc, LOCAL_EDIT, boardId, ids, LATER);
    expect(boardOf(doc, boardId).clusters).toEqual([]);
  });

  test('two facilitators grouping the same card offline leave it in exactly one cluster on both laptops', () => {
    const { doc, boardId } = boardFixture('brainstorm');
    const cardId = addCard(doc, LOCAL_EDIT, boardId, { text: 'Covoiturage' }, LATER);
    const theirs = colleagueCopy(doc);
    groupCards(doc, LOCAL_EDIT, boardId, [cardId], 'Mobilité', LATER);
    groupCards(theirs, COLLEAGUE_EDIT, boardId, [cardId], 'Transports', LATER);
    exchangeUpdates(doc, theirs);
    expect(boardOf(doc, boardId).clusters).toEqual(boardOf(theirs, boardId).clusters);
    expect(boardOf(doc, boardId).clusters).toHaveLength(1);
  });
});

describe('facilitation', () => {
  test('cards written during a silent phase stay hidden from the projection until revealed', () => {
    const { doc, boardId } = boardFixture();
    const before = addCard(doc, LOCAL_EDIT, boardId, { text: 'Avant' }, LATER);
    setSilentPhase(doc, LOCAL_EDIT, boardId, true, LATER);
    const during = addCard(doc, LOCAL_EDIT, boardId, { text: 'Pendant' }, LATER);
    expect(cardOf(doc, boardId, before).hidden).toBe(false);
    expect(cardOf(doc, boardId, during).hidden).toBe(true);
    revealCards(doc, LOCAL_EDIT, boardId, 'all', LATER);
    expect(cardOf(doc, boardId, during).hidden).toBe(false);
  });

  test('the countdown pauses, resumes and shows the same remaining time in every window', () => {
    const { doc, boardId } = boardFixture();
    startTimer(doc, LOCAL_EDIT, boardId, 5 * 60_000, LATER);
    expect(formatCountdown(timerRemainingMs(boardOf(doc, boardId).timer, LATER + 1_500))).toBe('04:59');
    pauseTimer(doc, LOCAL_EDIT, boardId, LATER + 60_000);
    expect(timerRemainingMs(boardOf(colleagueCopy(doc), boardId).timer, LATER + 600_000)).toBe(4 * 60_000);
    resumeTimer(doc, LOCAL_EDIT, boardId, LATER + 120_000);
    expect(timerRemainingMs(boardOf(doc, boardId).timer, LATER + 120_000 + 4 * 60_000)).toBe(0);
    resetTimer(doc, LOCAL_EDIT, boardId);
    expect(timerRemainingMs(boardOf(doc, boardId).timer, LATER)).toBe(5 * 60_000);
    expect(() => startTimer(doc, LOCAL_EDIT, boardId, 0, LATER)).toThrow('La durée du minuteur');
  });

  test('World Café: cards carry the round they were written in, and tables can be added', () => {
    const { doc, boardId } = boardFixture('world-cafe');
    const first = addCard(doc, LOCAL_EDIT, boardId, { text: 'Tour 1', zoneId: 'table-1' }, LATER);
    expect(startNextRound(doc, LOCAL_EDIT, boardId, LATER)).toBe(2);
    const tableId = addZone(doc, LOCAL_EDIT, boardId, 'Table 5 : logement', LATER);
    const second = addCard(doc, LOCAL_EDIT, boardId, { text: 'Tour 2', zoneId: tableId }, LATER);
    expect([cardOf(doc, boardId, first).round, cardOf(doc, boardId, second).round]).toEqual([1, 2]);
    expect(boardOf(doc, boardId).zones.at(-1)?.title).toBe('Table 5 : logement');
  });

  test('only World Café boards take new zones', () => {
    const { doc, boardId } = boardFixture('afom');
    expect(() => addZone(doc, LOCAL_EDIT, boardId, 'Cinquième quadrant', LATER)).toThrow('zones fixes');
  });
});

describe('problem tree to objective tree', () => {
  test('one step turns the problem tree into an objective tree of the same cards, each linked to its source and marked to reformulate', () => {
    const { doc, boardId } = boardFixture('problem-tree');
    const problem = addCard(doc, LOCAL_EDIT, boardId, { text: 'Isolement des personnes âgées', zoneId: 'probleme', authorId: CLAIRE }, LATER);
    const cause = addCard(doc, LOCAL_EDIT, boardId, { text: 'Pas de transport', zoneId: 'causes' }, LATER);
    const effect = addCard(doc, LOCAL_EDIT, boardId, { text: 'Renoncement aux soins', zoneId: 'effets' }, LATER);
    const objectivesId = convertProblemTree(doc, LOCAL_EDIT, boardId, LATER);
    const objectives = boardOf(doc, objectivesId);
    expect(objectives.template).toBe('objective-tree');
    expect(objectives.sourceBoardId).toBe(boardId);
    const bySource = new Map(objectives.cards.map((card) => [card.sourceCardId, card]));
    expect(bySource.get(problem)).toMatchObject({ zoneId: 'objectif', needsRewording: true, authorId: CLAIRE, text: 'Isolement des personnes âgées' });
    expect(bySource.get(cause)?.zoneId).toBe('moyens');
    expect(bySource.get(effect)?.zoneId).toBe('fins');
    const objective = bySource.get(problem)!;
    editCardText(doc, LOCAL_EDIT, objectivesId, objective.id, 'Rompre l’isolement des personnes âgées', LATER);
    expect(cardOf(doc, objectivesId, objective.id).needsRewording).toBe(false);
    expect(boardOf(doc, boardId).cards).toHaveLength(3);
  });

  test('only a problem tree converts', () => {
    const { doc, boardId } = boardFixture('afom');
    expect(() => convertProblemTree(doc, LOCAL_EDIT, boardId, LATER)).toThrow('Seul un arbre à problèmes');
  });
});

describe('a board of 2,000 cards', () => {
  test('capture stays fast at 2,000 cards in one zone and the document stays small', () => {
    const { doc, boardId } = boardFixture('brainstorm');
    doc.transact(() => {
      for (let index = 0; index < 2000; index += 1) addCard(doc, LOCAL_EDIT, boardId, { text: `Idée numéro ${index}`, zoneId: 'ideas' }, LATER + index);
    });
    const started = performance.now();
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Encore une', zoneId: 'ideas' }, LATER + 5000);
    expect(performance.now() - started).toBeLessThan(100);
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeLessThan(1_000_000);
  });
});
