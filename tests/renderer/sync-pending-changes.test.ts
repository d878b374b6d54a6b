import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { captureServerKnowledge, countPendingChanges, readServerKnowledge } from '../../src-renderer/sync/pending-changes';

function docWithFields(fields: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  const map = doc.getMap('mission');
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
  });
  return doc;
}

/** What the server holds once it has acknowledged everything `doc` held at this moment. */
function acknowledged(doc: Y.Doc) {
  return readServerKnowledge(captureServerKnowledge(doc));
}

describe('counting what has not reached the server', () => {
  it('a document the server never acknowledged counts each field set on this machine', () => {
    const doc = docWithFields({ title: 'Diagnostic', sponsor: 'Caf' });
    expect(countPendingChanges(doc, null)).toBe(2);
  });

  it('nothing is pending right after the server acknowledged everything', () => {
    const doc = docWithFields({ title: 'Diagnostic' });
    expect(countPendingChanges(doc, acknowledged(doc))).toBe(0);
  });

  it('a word typed letter by letter counts as one change, a field set elsewhere as another', () => {
    const doc = new Y.Doc();
    const text = doc.getText('description');
    const known = acknowledged(doc);
    for (const letter of 'Bonjour') text.insert(text.length, letter);
    expect(countPendingChanges(doc, known)).toBe(1);
    doc.getMap('mission').set('status', 'en-cours');
    expect(countPendingChanges(doc, known)).toBe(2);
  });

  it('a deletion of text the server had is pending although it adds nothing to the state vector', () => {
    const doc = new Y.Doc();
    const text = doc.getText('description');
    text.insert(0, 'Constat partagé avec la commune');
    const known = acknowledged(doc);
    const stateVectorBefore = Y.encodeStateVector(doc);
    text.delete(0, 8);
    expect(Y.encodeStateVector(doc)).toEqual(stateVectorBefore);
    expect(countPendingChanges(doc, known)).toBe(1);
  });

  it('deleting a map entry the server had is pending; deleting what the server never had is not counted twice', () => {
    const doc = docWithFields({ title: 'Diagnostic', sponsor: 'Caf' });
    const known = acknowledged(doc);
    doc.getMap('mission').delete('sponsor');
    expect(countPendingChanges(doc, known)).toBe(1);
    doc.getMap('mission').set('draft', 'brouillon');
    doc.getMap('mission').delete('draft');
    expect(countPendingChanges(doc, known)).toBe(2);
  });

  it('changes received from a colleague through the server are not counted as this machine’s', () => {
    const mine = docWithFields({ title: 'Diagnostic' });
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(mine));
    colleague.getMap('mission').set('sponsor', 'MSA');
    // The server had the colleague's change when it acknowledged this machine's copy with it.
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(colleague));
    expect(countPendingChanges(mine, acknowledged(mine))).toBe(0);
    mine.getMap('mission').set('status', 'en-cours');
    expect(countPendingChanges(mine, acknowledged(colleague))).toBe(1);
  });

  it('the stored knowledge reads back the same after encoding, as after a restart', () => {
    const doc = docWithFields({ title: 'Diagnostic' });
    doc.getMap('mission').delete('title');
    const encoded = captureServerKnowledge(doc);
    expect(Y.equalSnapshots(readServerKnowledge(encoded), Y.snapshot(doc))).toBe(true);
  });
});
