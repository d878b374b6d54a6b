import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addCard, addDot, createBoard, deleteCards, startTimer } from '@shared/boards/board-operations';
import { boardRecord } from '@shared/boards/board-snapshot';
import { timerIsRunning } from '@shared/boards/board-results';
import { LOCAL_ORIGIN } from '../../../src-renderer/app/local-origin';
import { TIMER_ORIGIN } from '../../../src-renderer/features/boards/board-origins';
import { createBoardUndoManager } from '../../../src-renderer/features/boards/board-undo';
import { CLAIRE, CREATED_AT, LOCAL_EDIT, boardFixture, boardOf, colleagueCopy, exchangeUpdates } from '../../shared/boards/board-fixtures';

function texts(doc: Y.Doc, boardId: string): string[] {
  return boardOf(doc, boardId)
    .cards.map((card) => card.text)
    .sort();
}

function facilitatorBoard() {
  const fixture = boardFixture('afom');
  const manager = createBoardUndoManager(boardRecord(fixture.doc, fixture.boardId)!);
  return { ...fixture, manager };
}

describe('undo on a board takes back the facilitator’s own actions only', () => {
  it('undo removes my card and never the card a colleague synced meanwhile, on both laptops', () => {
    const { doc, boardId, manager } = facilitatorBoard();
    const colleague = colleagueCopy(doc);
    addCard(doc, LOCAL_ORIGIN, boardId, { text: 'Une crèche intercommunale' }, CREATED_AT);
    addCard(colleague, LOCAL_EDIT, boardId, { text: 'Transport à la demande' }, CREATED_AT);
    exchangeUpdates(doc, colleague);
    expect(texts(doc, boardId)).toEqual(['Transport à la demande', 'Une crèche intercommunale']);

    manager.undo();
    expect(texts(doc, boardId)).toEqual(['Transport à la demande']);
    exchangeUpdates(doc, colleague);
    expect(texts(colleague, boardId)).toEqual(['Transport à la demande']);
    expect(manager.canUndo()).toBe(false);

    manager.redo();
    exchangeUpdates(doc, colleague);
    expect(texts(colleague, boardId)).toEqual(['Transport à la demande', 'Une crèche intercommunale']);
  });

  it('two cards captured in the same second are two steps: one undo takes back the last one only', () => {
    const { doc, boardId, manager } = facilitatorBoard();
    addCard(doc, LOCAL_ORIGIN, boardId, { text: 'Manque de médecins' }, CREATED_AT);
    addCard(doc, LOCAL_ORIGIN, boardId, { text: 'Vie associative riche' }, CREATED_AT);
    manager.undo();
    expect(texts(doc, boardId)).toEqual(['Manque de médecins']);
  });

  it('undoing the last card leaves the countdown the room is watching running', () => {
    const { doc, boardId, manager } = facilitatorBoard();
    const now = Date.now();
    startTimer(doc, TIMER_ORIGIN, boardId, 5 * 60_000, now);
    addCard(doc, LOCAL_ORIGIN, boardId, { text: 'Écoles rurales' }, now);
    manager.undo();
    expect(texts(doc, boardId)).toEqual([]);
    expect(manager.canUndo()).toBe(false);
    expect(timerIsRunning(boardOf(doc, boardId).timer, now + 1000)).toBe(true);
  });

  it('undo on one board never reaches a card added to another board of the mission', () => {
    const { doc, boardId, meetingId, manager } = facilitatorBoard();
    const other = createBoard(doc, LOCAL_ORIGIN, { meetingId, template: 'brainstorm', title: 'Idées en vrac' }, CREATED_AT);
    addCard(doc, LOCAL_ORIGIN, boardId, { text: 'Atout : le marché' }, CREATED_AT);
    addCard(doc, LOCAL_ORIGIN, other, { text: 'Une idée ailleurs' }, CREATED_AT);
    manager.undo();
    expect(texts(doc, boardId)).toEqual([]);
    expect(texts(doc, other)).toEqual(['Une idée ailleurs']);
  });

  it('a card deleted by mistake comes back with the dots the room had put on it', () => {
    const { doc, boardId, manager } = facilitatorBoard();
    const card = addCard(doc, LOCAL_ORIGIN, boardId, { text: 'Maison de santé' }, CREATED_AT);
    addDot(doc, LOCAL_ORIGIN, boardId, CLAIRE, card, CREATED_AT);
    addDot(doc, LOCAL_ORIGIN, boardId, CLAIRE, card, CREATED_AT);
    deleteCards(doc, LOCAL_ORIGIN, boardId, [card], CREATED_AT);
    expect(boardOf(doc, boardId).voting.dots).toEqual([]);
    manager.undo();
    expect(texts(doc, boardId)).toEqual(['Maison de santé']);
    expect(boardOf(doc, boardId).voting.dots).toEqual([{ voterId: CLAIRE, cardId: card, count: 2 }]);
  });
});
