import * as Y from 'yjs';
import { BOARD_FIELD, CARD_FIELD, boardsMap, parseVoteKey, voteKey } from '../documents/board-structure';
import { runOperation } from '../operations/document-guards';
import { nestedMap } from './board-snapshot';

/**
 * After two contacts were merged in the directory, the boards follow: the merged contact's cards
 * get the survivor as author and their dots become the survivor's (added to any dots the survivor
 * had put on the same card), so the person is counted once. Returns the number of boards changed.
 */
export function repointBoardContact(missionDoc: Y.Doc, fromId: string, toId: string, origin: unknown): number {
  if (fromId === toId) return 0;
  return runOperation(missionDoc, origin, () => {
    let changed = 0;
    boardsMap(missionDoc).forEach((board) => {
      if (!(board instanceof Y.Map)) return;
      let touched = false;
      nestedMap(board, BOARD_FIELD.cards)?.forEach((card) => {
        if (card instanceof Y.Map && card.get(CARD_FIELD.author) === fromId) {
          card.set(CARD_FIELD.author, toId);
          touched = true;
        }
      });
      const votes = nestedMap(board, BOARD_FIELD.votes);
      if (votes) {
        for (const [key, count] of [...votes.entries()]) {
          const parsed = parseVoteKey(key);
          if (parsed?.voterId !== fromId || typeof count !== 'number') continue;
          const target = voteKey(toId, parsed.cardId);
          const existing = votes.get(target);
          votes.set(target, (typeof existing === 'number' ? existing : 0) + count);
          votes.delete(key);
          touched = true;
        }
      }
      if (touched) changed += 1;
    });
    return changed;
  });
}
