import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { BOARD_FIELD, boardsMap } from '@shared/documents/board-structure';
import type { Board, BoardCard } from '@shared/boards/board-model';
import { assembleBoard, boardRecord, compareCards, readCard } from '@shared/boards/board-snapshot';

/**
 * A live reading of one board that costs what a change touches, not what the board holds: a
 * moved card is read again alone, and every other card keeps its object, so a view memoised on
 * card objects redraws one card. A board of 2,000 cards is read whole only once.
 */
/**
 * New cards are nearly always the latest captured: each goes in by binary search, so a capture
 * costs no sort of the whole board.
 */
function insertSorted(result: BoardCard[], added: readonly BoardCard[]): BoardCard[] {
  for (const card of added) {
    let low = 0;
    let high = result.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareCards(result[middle]!, card) < 0) low = middle + 1;
      else high = middle;
    }
    result.splice(low, 0, card);
  }
  return result;
}

class BoardReading {
  private board: Y.Map<unknown> | null = null;
  private readonly cards = new Map<string, BoardCard>();
  private sorted: BoardCard[] = [];
  private snapshot: Board | null = null;
  /** True while nothing observes the board: the next reading must start afresh. */
  private stale = true;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly boardId: string,
  ) {}

  subscribe(listener: () => void): () => void {
    if (this.listeners.size === 0) this.attach();
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.detach();
    };
  }

  getSnapshot(): Board | null {
    if (this.listeners.size === 0 && this.stale) {
      this.readAll();
      this.stale = false;
    }
    return this.snapshot;
  }

  private readonly onBoards = (event: Y.YMapEvent<Y.Map<unknown>>) => {
    if (!event.keysChanged.has(this.boardId)) return;
    this.detach();
    this.attach();
    this.notify();
  };

  private readonly onBoardChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const board = this.board;
    if (!board) return;
    const cardsMap = board.get(BOARD_FIELD.cards);
    const touched = new Set<string>();
    for (const event of events) {
      const [field, cardId] = event.path;
      if (event.target === cardsMap) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key);
      } else if (event.target === board && (event as Y.YMapEvent<unknown>).keysChanged.has(BOARD_FIELD.cards)) {
        this.readAll();
        this.notify();
        return;
      } else if (field === BOARD_FIELD.cards && typeof cardId === 'string') {
        touched.add(cardId);
      }
    }
    if (touched.size > 0 && cardsMap instanceof Y.Map) {
      const added: BoardCard[] = [];
      for (const id of touched) {
        const record = cardsMap.get(id);
        if (record instanceof Y.Map) {
          const card = readCard(id, record);
          if (!this.cards.has(id)) added.push(card);
          this.cards.set(id, card);
        } else {
          this.cards.delete(id);
        }
      }
      const kept = this.sorted.flatMap((card) => {
        const current = this.cards.get(card.id);
        return current ? [current] : [];
      });
      this.sorted = added.length === 0 ? kept : insertSorted(kept, added);
    }
    this.snapshot = assembleBoard(this.boardId, board, this.sorted);
    this.notify();
  };

  private attach(): void {
    boardsMap(this.doc).observe(this.onBoards);
    this.board = boardRecord(this.doc, this.boardId);
    this.board?.observeDeep(this.onBoardChange);
    this.readAll();
  }

  private detach(): void {
    boardsMap(this.doc).unobserve(this.onBoards);
    this.board?.unobserveDeep(this.onBoardChange);
    this.board = null;
    this.stale = true;
  }

  private readAll(): void {
    const board = this.board ?? boardRecord(this.doc, this.boardId);
    this.cards.clear();
    if (!board) {
      this.sorted = [];
      this.snapshot = null;
      return;
    }
    const cardsMap = board.get(BOARD_FIELD.cards);
    if (cardsMap instanceof Y.Map) {
      cardsMap.forEach((record, id) => {
        if (record instanceof Y.Map) this.cards.set(id, readCard(id, record));
      });
    }
    this.sorted = [...this.cards.values()].sort(compareCards);
    this.snapshot = assembleBoard(this.boardId, board, this.sorted);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

const readings = new WeakMap<Y.Doc, Map<string, BoardReading>>();

function readingOf(doc: Y.Doc, boardId: string): BoardReading {
  let byBoard = readings.get(doc);
  if (!byBoard) {
    byBoard = new Map();
    readings.set(doc, byBoard);
  }
  let reading = byBoard.get(boardId);
  if (!reading) {
    reading = new BoardReading(doc, boardId);
    byBoard.set(boardId, reading);
  }
  return reading;
}

/** One board, live; null while it is not (yet) in the document. */
export function useBoard(doc: Y.Doc, boardId: string): Board | null {
  const reading = readingOf(doc, boardId);
  const subscribe = useCallback((notify: () => void) => reading.subscribe(notify), [reading]);
  const getSnapshot = useCallback(() => reading.getSnapshot(), [reading]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
