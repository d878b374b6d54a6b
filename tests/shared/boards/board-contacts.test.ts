import { describe, expect, test } from 'vitest';
import { addCard, addDot } from '@shared/boards/board-operations';
import { repointBoardContact } from '@shared/boards/board-contacts';
import { rankCards, voterDots } from '@shared/boards/board-results';
import { CLAIRE, CREATED_AT, KARIM, LOCAL_EDIT, boardFixture, boardOf, cardOf } from './board-fixtures';

describe('boards follow a merge of two contacts', () => {
  test('the merged person’s cards and dots become the survivor’s, so they are counted once', () => {
    const { doc, boardId } = boardFixture();
    const written = addCard(doc, LOCAL_EDIT, boardId, { text: 'Une épicerie solidaire', authorId: KARIM }, CREATED_AT);
    const other = addCard(doc, LOCAL_EDIT, boardId, { text: 'Un tiers-lieu' }, CREATED_AT);
    addDot(doc, LOCAL_EDIT, boardId, KARIM, written, CREATED_AT);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, written, CREATED_AT);
    addDot(doc, LOCAL_EDIT, boardId, KARIM, other, CREATED_AT);
    const resultsBefore = rankCards(boardOf(doc, boardId)).map((result) => [result.card.id, result.total]);

    expect(repointBoardContact(doc, KARIM, CLAIRE, LOCAL_EDIT)).toBe(1);

    const board = boardOf(doc, boardId);
    expect(cardOf(doc, boardId, written).authorId).toBe(CLAIRE);
    expect(voterDots(board, KARIM).used).toBe(0);
    expect(Object.fromEntries(voterDots(board, CLAIRE).byCard)).toEqual({ [written]: 2, [other]: 1 });
    expect(rankCards(board).map((result) => [result.card.id, result.total])).toEqual(resultsBefore);
  });

  test('a merge that concerns nobody on the boards changes nothing', () => {
    const { doc, boardId } = boardFixture();
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Idée' }, CREATED_AT);
    expect(repointBoardContact(doc, KARIM, CLAIRE, LOCAL_EDIT)).toBe(0);
  });
});
