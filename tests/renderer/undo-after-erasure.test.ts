import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { ERASURE_ORIGIN, LOCAL_ORIGIN, clearHistoryOnErasure } from '../../src-renderer/app/local-origin';

describe('undo after a GDPR erasure', () => {
  test('Ctrl+Z after an erasure cannot bring back the person the user had typed in', () => {
    const doc = new Y.Doc();
    const participants = doc.getMap<string>('participants');
    const manager = new Y.UndoManager(participants, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    clearHistoryOnErasure(doc, manager);
    doc.transact(() => participants.set('contact-1', 'present'), LOCAL_ORIGIN);
    doc.transact(() => participants.set('contact-1', 'excused'), LOCAL_ORIGIN);
    doc.transact(() => participants.delete('contact-1'), ERASURE_ORIGIN);

    expect(manager.canUndo()).toBe(false);
    manager.undo();
    expect(participants.has('contact-1')).toBe(false);
  });

  test('other changes keep the user’s undo history', () => {
    const doc = new Y.Doc();
    const notes = doc.getMap<string>('notes');
    const manager = new Y.UndoManager(notes, { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    const stop = clearHistoryOnErasure(doc, manager);
    doc.transact(() => notes.set('a', 'texte'), LOCAL_ORIGIN);
    doc.transact(() => notes.set('b', 'd’un collègue'), 'sync');
    expect(manager.canUndo()).toBe(true);
    stop();
    doc.transact(() => notes.delete('b'), ERASURE_ORIGIN);
    expect(manager.canUndo()).toBe(true);
  });
});
