import { useCallback, useEffect, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { missionEditableTypes } from '@shared/documents/document-structure';
import { LOCAL_ORIGIN, clearHistoryOnErasure } from '../../app/local-origin';

export interface MissionUndo {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** Typing pauses longer than this start a new undo step. */
const UNDO_CAPTURE_MS = 600;

const STACK_EVENTS = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;

/**
 * One undo history per mission document, kept as long as the document is open (the whole
 * session): leaving a mission and coming back keeps its history.
 */
const managers = new WeakMap<Y.Doc, Y.UndoManager>();

function undoManagerFor(doc: Y.Doc): Y.UndoManager {
  let manager = managers.get(doc);
  if (!manager) {
    manager = new Y.UndoManager(
      missionEditableTypes(doc),
      { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: UNDO_CAPTURE_MS },
    );
    clearHistoryOnErasure(doc, manager);
    managers.set(doc, manager);
  }
  return manager;
}

/**
 * Undo and redo of this user's own edits to one mission, from the buttons, the desktop menu and
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y. A colleague's synced change is never undone: the manager tracks
 * only LOCAL_ORIGIN.
 */
export function useMissionUndo(doc: Y.Doc, enabled: boolean): MissionUndo {
  const manager = undoManagerFor(doc);
  const subscribe = useCallback(
    (notify: () => void) => {
      for (const event of STACK_EVENTS) manager.on(event, notify);
      return () => {
        for (const event of STACK_EVENTS) manager.off(event, notify);
      };
    },
    [manager],
  );
  const canUndo = useSyncExternalStore(subscribe, () => manager.canUndo());
  const canRedo = useSyncExternalStore(subscribe, () => manager.canRedo());

  const undo = useCallback(() => {
    if (enabled) manager.undo();
  }, [manager, enabled]);
  const redo = useCallback(() => {
    if (enabled) manager.redo();
  }, [manager, enabled]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        redo();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo, redo]);

  return { undo, redo, canUndo: enabled && canUndo, canRedo: enabled && canRedo };
}
