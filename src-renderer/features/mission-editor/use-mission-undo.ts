import { useCallback, useEffect, useState } from 'react';
import * as Y from 'yjs';
import {
  missionMap,
  missionText,
  missionThemesMap,
  territoryCommunesMap,
  territoryEpcisMap,
} from '@shared/documents/document-structure';
import { LOCAL_ORIGIN } from '../../app/local-origin';

export interface MissionUndo {
  undo: () => void;
  redo: () => void;
  canUndo: boolean;
  canRedo: boolean;
}

/** Typing pauses longer than this start a new undo step. */
const UNDO_CAPTURE_MS = 600;

/**
 * Undo and redo of this user's own edits to one mission. A colleague's synced change is never
 * undone: the manager tracks only LOCAL_ORIGIN.
 */
export function useMissionUndo(doc: Y.Doc, enabled: boolean): MissionUndo {
  const [manager, setManager] = useState<Y.UndoManager | null>(null);
  const [stacks, setStacks] = useState({ canUndo: false, canRedo: false });

  useEffect(() => {
    const undoManager = new Y.UndoManager(
      [
        missionMap(doc),
        missionText(doc, 'title'),
        missionText(doc, 'sponsor'),
        missionText(doc, 'description'),
        missionThemesMap(doc),
        territoryCommunesMap(doc),
        territoryEpcisMap(doc),
      ],
      { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: UNDO_CAPTURE_MS },
    );
    const refresh = () => setStacks({ canUndo: undoManager.canUndo(), canRedo: undoManager.canRedo() });
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) undoManager.on(event, refresh);
    setManager(undoManager);
    return () => {
      undoManager.destroy();
      setManager(null);
    };
  }, [doc]);

  const undo = useCallback(() => {
    if (enabled) manager?.undo();
  }, [manager, enabled]);
  const redo = useCallback(() => {
    if (enabled) manager?.redo();
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

  return { undo, redo, canUndo: enabled && stacks.canUndo, canRedo: enabled && stacks.canRedo };
}
