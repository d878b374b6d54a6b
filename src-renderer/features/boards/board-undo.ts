import { useCallback, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { boardRecord } from '@shared/boards/board-snapshot';
import { LOCAL_ORIGIN, clearHistoryOnErasure } from '../../app/local-origin';

/**
 * The facilitator's undo history of one board. Its scope is the board's own map, so undoing on the
 * board never reaches the rest of the mission; it tracks only this user's origin, so a colleague's
 * synced card is never undone, nor the timer (which runs with TIMER_ORIGIN). Each operation is its
 * own step (no capture window): two cards captured in a second are two undos.
 */
export function createBoardUndoManager(board: Y.Map<unknown>, trackedOrigin: unknown = LOCAL_ORIGIN): Y.UndoManager {
  return new Y.UndoManager(board, { trackedOrigins: new Set([trackedOrigin]), captureTimeout: 0 });
}

/** One history per board, kept while the session lasts: leaving the board and coming back keeps it. */
const managers = new WeakMap<Y.Map<unknown>, Y.UndoManager>();

function managerOf(board: Y.Map<unknown>): Y.UndoManager {
  let manager = managers.get(board);
  if (!manager) {
    manager = createBoardUndoManager(board);
    if (board.doc) clearHistoryOnErasure(board.doc, manager);
    managers.set(board, manager);
  }
  return manager;
}

const STACK_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

export interface BoardUndo {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

const NO_SUBSCRIPTION = () => () => undefined;

/** Undo and redo of this user's own actions on one board; a board not (yet) in the document has no history. */
export function useBoardUndo(doc: Y.Doc, boardId: string, enabled: boolean): BoardUndo {
  const board = boardRecord(doc, boardId);
  const manager = board ? managerOf(board) : null;
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!manager) return NO_SUBSCRIPTION();
      for (const event of STACK_EVENTS) manager.on(event, notify);
      return () => {
        for (const event of STACK_EVENTS) manager.off(event, notify);
      };
    },
    [manager],
  );
  const canUndo = useSyncExternalStore(subscribe, () => manager?.canUndo() ?? false);
  const canRedo = useSyncExternalStore(subscribe, () => manager?.canRedo() ?? false);
  const undo = useCallback(() => {
    if (enabled) manager?.undo();
  }, [manager, enabled]);
  const redo = useCallback(() => {
    if (enabled) manager?.redo();
  }, [manager, enabled]);
  return { undo, redo, canUndo: enabled && canUndo, canRedo: enabled && canRedo };
}
