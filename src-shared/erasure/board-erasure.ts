/**
 * The workshop boards' side of "Oublier cette personne". A card belongs to the workshop: its text
 * stays and only its author goes. A person's dots stay in the results but lose their voter: they
 * are added to the card's count without a voter (`tallies`, where paper votes go), so a ranking
 * already shared with the room does not change.
 */
import * as Y from 'yjs';
import { BOARD_FIELD, CARD_FIELD, boardsMap, parseVoteKey } from '../documents/board-structure';

export interface BoardErasureReport {
  /** Cards that named the person as their author and are now anonymous. */
  cardsAnonymised: number;
  /** The person's vote records (one per card they put dots on) now counted without a voter. */
  votesAnonymised: number;
}

function nested(record: Y.Map<unknown>, field: string): Y.Map<unknown> | null {
  const value = record.get(field);
  return value instanceof Y.Map ? value : null;
}

function dotCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

function eachBoard(doc: Y.Doc, visit: (board: Y.Map<unknown>) => void): void {
  boardsMap(doc).forEach((board) => {
    if (board instanceof Y.Map) visit(board);
  });
}

/**
 * Removes the contacts from every board of the mission (trashed ones too). Runs inside the
 * caller's transaction. Dots on a card deleted meanwhile are dropped, not folded: they count
 * nowhere already.
 */
export function eraseContactsFromBoards(doc: Y.Doc, contactIds: ReadonlySet<string>): BoardErasureReport {
  let cardsAnonymised = 0;
  let votesAnonymised = 0;
  eachBoard(doc, (board) => {
    const cards = nested(board, BOARD_FIELD.cards);
    cards?.forEach((card) => {
      if (!(card instanceof Y.Map)) return;
      const author = card.get(CARD_FIELD.author);
      if (typeof author === 'string' && contactIds.has(author)) {
        card.delete(CARD_FIELD.author);
        cardsAnonymised += 1;
      }
    });
    const votes = nested(board, BOARD_FIELD.votes);
    if (!votes) return;
    for (const [key, count] of [...votes.entries()]) {
      const parsed = parseVoteKey(key);
      if (!parsed || !contactIds.has(parsed.voterId)) continue;
      votes.delete(key);
      votesAnonymised += 1;
      const dots = dotCount(count);
      if (dots === 0 || !(cards?.get(parsed.cardId) instanceof Y.Map)) continue;
      let tallies = nested(board, BOARD_FIELD.tallies);
      if (!tallies) {
        tallies = new Y.Map<unknown>();
        board.set(BOARD_FIELD.tallies, tallies);
      }
      tallies.set(parsed.cardId, dotCount(tallies.get(parsed.cardId)) + dots);
    }
  });
  return { cardsAnonymised, votesAnonymised };
}

/** True when a board still names one of the contacts as a card's author or as a voter. */
export function boardsHoldContacts(doc: Y.Doc, contactIds: ReadonlySet<string>): boolean {
  let held = false;
  eachBoard(doc, (board) => {
    if (held) return;
    nested(board, BOARD_FIELD.cards)?.forEach((card) => {
      if (card instanceof Y.Map && contactIds.has(String(card.get(CARD_FIELD.author) ?? ''))) held = true;
    });
    nested(board, BOARD_FIELD.votes)?.forEach((_count, key) => {
      const parsed = parseVoteKey(key);
      if (parsed && contactIds.has(parsed.voterId)) held = true;
    });
  });
  return held;
}
