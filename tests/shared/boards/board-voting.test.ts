import type * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import {
  addCard,
  addDot,
  clearVotes,
  deleteCards,
  removeDot,
  setPaperDots,
  setVotesRevealed,
  setVotingRules,
} from '@shared/boards/board-operations';
import { cardVoteTotals, rankCards, voterDots } from '@shared/boards/board-results';
import { inviteContacts } from '@shared/meetings/meeting-operations';
import { CLAIRE, COLLEAGUE_EDIT, CREATED_AT, KARIM, LOCAL_EDIT, boardFixture, boardOf, colleagueCopy, exchangeUpdates } from './board-fixtures';

const LATER = CREATED_AT + 60_000;
const SOPHIE = '5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d';

function votingBoard(rules: { budget: number; maxPerCard: number } = { budget: 3, maxPerCard: 2 }) {
  const fixture = boardFixture('brainstorm');
  const { doc, boardId } = fixture;
  setVotingRules(doc, LOCAL_EDIT, boardId, rules, LATER);
  const nursery = addCard(doc, LOCAL_EDIT, boardId, { text: 'Ouvrir une crèche le mercredi' }, CREATED_AT + 1);
  const bus = addCard(doc, LOCAL_EDIT, boardId, { text: 'Un bus pour le marché' }, CREATED_AT + 2);
  const gardens = addCard(doc, LOCAL_EDIT, boardId, { text: 'Des gardenss partagés' }, CREATED_AT + 3);
  return { ...fixture, nursery, bus, gardens };
}

function dotsOf(doc: Y.Doc, boardId: string, voterId: string): Record<string, number> {
  return Object.fromEntries(voterDots(boardOf(doc, boardId), voterId).byCard);
}

function totalsOf(doc: Y.Doc, boardId: string): Record<string, number> {
  return Object.fromEntries(cardVoteTotals(boardOf(doc, boardId)));
}

describe('dot voting rules', () => {
  test('a participant cannot put more dots than their budget, and is told why in French', () => {
    const { doc, boardId, nursery, bus, gardens } = votingBoard();
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, bus, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, gardens, LATER);

    expect(() => addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER)).toThrow(/Toutes les gommettes de ce participant sont posées \(3\)/);
    expect(voterDots(boardOf(doc, boardId), CLAIRE).used).toBe(3);
    // Another participant's budget is their own.
    addDot(doc, LOCAL_EDIT, boardId, KARIM, nursery, LATER);
    expect(dotsOf(doc, boardId, KARIM)).toEqual({ [nursery]: 1 });
  });

  test('a card receives at most the per-card maximum from one participant', () => {
    const { doc, boardId, nursery } = votingBoard({ budget: 5, maxPerCard: 2 });
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);

    expect(() => addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER)).toThrow('Une carte reçoit au plus 2 gommettes d’un même participant.');
    expect(dotsOf(doc, boardId, CLAIRE)).toEqual({ [nursery]: 2 });
  });

  test('rules outside 1 to 99 are refused and the rules in force stay', () => {
    const { doc, boardId } = votingBoard({ budget: 4, maxPerCard: 2 });
    expect(() => setVotingRules(doc, LOCAL_EDIT, boardId, { budget: 0, maxPerCard: 2 }, LATER)).toThrow(/entre 1 et 99/);
    expect(() => setVotingRules(doc, LOCAL_EDIT, boardId, { budget: 4, maxPerCard: 2.5 }, LATER)).toThrow(/maximum de gommettes par carte/);
    expect(boardOf(doc, boardId).voting).toMatchObject({ budget: 4, maxPerCard: 2 });
  });

  test('only participants of the meeting vote', () => {
    const { doc, boardId, nursery } = votingBoard();
    expect(() => addDot(doc, LOCAL_EDIT, boardId, SOPHIE, nursery, LATER)).toThrow(/ne figure pas parmi les participants/);
  });

  test('removing a dot gives it back, and removing the last one leaves no trace of the vote', () => {
    const { doc, boardId, nursery, bus } = votingBoard();
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, bus, LATER);

    removeDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    expect(dotsOf(doc, boardId, CLAIRE)).toEqual({ [nursery]: 1, [bus]: 1 });
    // The dot given back can be put elsewhere.
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, bus, LATER);
    removeDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    expect(dotsOf(doc, boardId, CLAIRE)).toEqual({ [bus]: 2 });
    expect(boardOf(doc, boardId).voting.dots.map((dots) => dots.cardId)).toEqual([bus]);
  });
});

describe('results', () => {
  test('dots counted on paper add to the dots of named voters', () => {
    const { doc, boardId, nursery, bus } = votingBoard();
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(doc, LOCAL_EDIT, boardId, KARIM, nursery, LATER);
    setPaperDots(doc, LOCAL_EDIT, boardId, nursery, 4, LATER);
    setPaperDots(doc, LOCAL_EDIT, boardId, bus, 3, LATER);

    const results = rankCards(boardOf(doc, boardId));
    expect(results.map((result) => [result.card.text, result.total, result.voters])).toEqual([
      ['Ouvrir une crèche le mercredi', 6, 2],
      ['Un bus pour le marché', 3, 0],
    ]);
    // A paper count corrected to zero takes the card out of the results.
    setPaperDots(doc, LOCAL_EDIT, boardId, bus, 0, LATER);
    expect(rankCards(boardOf(doc, boardId)).map((result) => result.card.id)).toEqual([nursery]);
    expect(() => setPaperDots(doc, LOCAL_EDIT, boardId, bus, -1, LATER)).toThrow(/entre 0 et 9 999/);
  });

  test('cards are ranked by dots, most first; tied cards keep the order they were written in', () => {
    const { doc, boardId, nursery, bus, gardens } = votingBoard();
    const undotted = addCard(doc, LOCAL_EDIT, boardId, { text: 'Sans gommette' }, CREATED_AT + 4);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, gardens, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, gardens, LATER);
    addDot(doc, LOCAL_EDIT, boardId, KARIM, bus, LATER);
    setPaperDots(doc, LOCAL_EDIT, boardId, nursery, 1, LATER);
    addDot(doc, LOCAL_EDIT, boardId, KARIM, nursery, LATER);

    const results = rankCards(boardOf(doc, boardId));
    expect(results.map((result) => [result.card.id, result.total])).toEqual([
      [nursery, 2],
      [gardens, 2],
      [bus, 1],
    ]);
    expect(results.map((result) => result.card.id)).not.toContain(undotted);
  });

  test('a new vote removes every dot, named or on paper, and hides the results again', () => {
    const { doc, boardId, nursery } = votingBoard();
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    setPaperDots(doc, LOCAL_EDIT, boardId, nursery, 5, LATER);
    setVotesRevealed(doc, LOCAL_EDIT, boardId, true, LATER);

    clearVotes(doc, LOCAL_EDIT, boardId, LATER);

    expect(boardOf(doc, boardId).voting).toMatchObject({ revealed: false, dots: [], tallies: {} });
    expect(voterDots(boardOf(doc, boardId), CLAIRE).used).toBe(0);
  });
});

describe('voting on two laptops', () => {
  test('a card deleted while someone votes on it offline: both laptops agree, the dots do not count and go back to the voter', () => {
    const { doc, boardId, nursery, bus } = votingBoard({ budget: 2, maxPerCard: 2 });
    addDot(doc, LOCAL_EDIT, boardId, KARIM, nursery, LATER);
    const colleague = colleagueCopy(doc);

    // Offline: the facilitator deletes the card while Claire, on the colleague's laptop, votes on it.
    deleteCards(doc, LOCAL_EDIT, boardId, [nursery], LATER);
    addDot(colleague, COLLEAGUE_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(colleague, COLLEAGUE_EDIT, boardId, CLAIRE, nursery, LATER);
    setPaperDots(colleague, COLLEAGUE_EDIT, boardId, nursery, 3, LATER);
    exchangeUpdates(doc, colleague);

    for (const replica of [doc, colleague]) {
      const board = boardOf(replica, boardId);
      expect(board.cards.map((card) => card.id)).not.toContain(nursery);
      expect(rankCards(board)).toEqual([]);
      expect(board.voting.dots).toEqual([]);
      expect(board.voting.tallies).toEqual({});
    }
    expect(boardOf(doc, boardId)).toEqual(boardOf(colleague, boardId));
    // Claire's two dots are hers again: her whole budget goes on another card.
    addDot(colleague, COLLEAGUE_EDIT, boardId, CLAIRE, bus, LATER);
    addDot(colleague, COLLEAGUE_EDIT, boardId, CLAIRE, bus, LATER);
    expect(dotsOf(colleague, boardId, CLAIRE)).toEqual({ [bus]: 2 });
  });

  test('two laptops recording different voters offline keep every dot', () => {
    const { doc, boardId, nursery, bus } = votingBoard();
    inviteContacts(doc, boardOf(doc, boardId).meetingId, [SOPHIE], LOCAL_EDIT, LATER);
    const colleague = colleagueCopy(doc);

    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, nursery, LATER);
    addDot(doc, LOCAL_EDIT, boardId, CLAIRE, bus, LATER);
    addDot(colleague, COLLEAGUE_EDIT, boardId, KARIM, nursery, LATER);
    addDot(colleague, COLLEAGUE_EDIT, boardId, SOPHIE, nursery, LATER);
    exchangeUpdates(doc, colleague);

    for (const replica of [doc, colleague]) {
      expect(totalsOf(replica, boardId)).toEqual({ [nursery]: 3, [bus]: 1 });
      expect(rankCards(boardOf(replica, boardId)).map((result) => [result.card.id, result.voters])).toEqual([
        [nursery, 3],
        [bus, 1],
      ]);
    }
  });

  test('revealing and hiding the results reaches the other laptop', () => {
    const { doc, boardId } = votingBoard();
    const colleague = colleagueCopy(doc);
    expect(boardOf(colleague, boardId).voting.revealed).toBe(false);

    setVotesRevealed(doc, LOCAL_EDIT, boardId, true, LATER);
    exchangeUpdates(doc, colleague);
    expect(boardOf(colleague, boardId).voting.revealed).toBe(true);

    setVotesRevealed(colleague, COLLEAGUE_EDIT, boardId, false, LATER + 1);
    exchangeUpdates(doc, colleague);
    expect(boardOf(doc, boardId).voting.revealed).toBe(false);
  });
});
