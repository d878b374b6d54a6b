import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocumentStore } from '../../src-renderer/storage/document-store';
import { WindowRelay, windowRelayChannelName } from '../../src-renderer/sync/window-relay';

const DOCUMENT = 'bocage.mission.0b5c2f1e-relay';
const LOCAL = { source: 'test-local-user' };

const relays: WindowRelay[] = [];
const listeners: BroadcastChannel[] = [];

function relay(doc: Y.Doc, name = DOCUMENT): WindowRelay {
  const attached = new WindowRelay(name, doc);
  relays.push(attached);
  return attached;
}

/** A bystander on the channel, counting what crosses it. */
function listenTo(name = DOCUMENT): { kinds: string[] } {
  const channel = new BroadcastChannel(windowRelayChannelName(name));
  listeners.push(channel);
  const seen = { kinds: [] as string[] };
  channel.addEventListener('message', (event: MessageEvent) => seen.kinds.push((event.data as { kind: string }).kind));
  return seen;
}

function cards(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap('cards').toJSON();
}

function addCard(doc: Y.Doc, id: string, text: string): void {
  doc.transact(() => doc.getMap('cards').set(id, text), LOCAL);
}

/** BroadcastChannel delivers asynchronously; a quiet pause shows nothing more is coming. */
function quiet(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  for (const attached of relays.splice(0)) attached.detach();
  for (const channel of listeners.splice(0)) channel.close();
});

describe('sharing an open document between windows', () => {
  it('a card typed in the facilitator’s window appears in the projector’s window without a reload', async () => {
    const facilitator = new Y.Doc();
    const projector = new Y.Doc();
    relay(facilitator);
    relay(projector);

    addCard(facilitator, 'c1', 'Manque de transports');

    await vi.waitFor(() => expect(cards(projector)).toEqual({ c1: 'Manque de transports' }));
  });

  it('a window opened late catches up with everything written before it, and its own changes reach the others', async () => {
    const facilitator = new Y.Doc();
    relay(facilitator);
    addCard(facilitator, 'c1', 'Isolement des aînés');
    addCard(facilitator, 'c2', 'Maison France services');

    const projector = new Y.Doc();
    // Something the late window had on its own (its stored copy), unknown to the other one.
    addCard(projector, 'c3', 'Covoiturage');
    relay(projector);

    await vi.waitFor(() => expect(cards(projector)).toEqual({ c1: 'Isolement des aînés', c2: 'Maison France services', c3: 'Covoiturage' }));
    await vi.waitFor(() => expect(cards(facilitator)).toEqual(cards(projector)));
  });

  it('a change crosses the channel once and is never echoed back, however many windows are open', async () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
    for (const doc of docs) relay(doc);
    await quiet();
    const updateEvents = docs.map(() => 0);
    docs.forEach((doc, index) => doc.on('update', () => (updateEvents[index] = (updateEvents[index] ?? 0) + 1)));
    const channel = listenTo();

    addCard(docs[0] as Y.Doc, 'c1', 'Accès aux soins');
    await quiet();

    expect(channel.kinds).toEqual(['update']);
    expect(updateEvents).toEqual([1, 1, 1]);
    for (const doc of docs) expect(cards(doc)).toEqual({ c1: 'Accès aux soins' });
  });

  it('received changes stay out of the window’s undo history, so undo there never removes a colleague’s card', async () => {
    const facilitator = new Y.Doc();
    const projector = new Y.Doc();
    relay(facilitator);
    relay(projector);
    const undo = new Y.UndoManager(projector.getMap('cards'), { trackedOrigins: new Set([LOCAL]) });

    addCard(facilitator, 'c1', 'Logement vacant');
    await vi.waitFor(() => expect(cards(projector)).toEqual({ c1: 'Logement vacant' }));

    expect(undo.canUndo()).toBe(false);
  });

  it('stops after detaching: a closed window neither sends nor receives', async () => {
    const facilitator = new Y.Doc();
    const projector = new Y.Doc();
    relay(facilitator);
    const projectorRelay = relay(projector);
    await quiet();
    projectorRelay.detach();
    const channel = listenTo();

    addCard(facilitator, 'c1', 'Envoyée après la fermeture');
    addCard(projector, 'c2', 'Restée dans la fenêtre fermée');
    await quiet();

    expect(cards(projector)).toEqual({ c2: 'Restée dans la fenêtre fermée' });
    expect(cards(facilitator)).toEqual({ c1: 'Envoyée après la fermeture' });
    expect(channel.kinds).toEqual(['update']);
  });

  it('stops when the document is destroyed, so a closed store leaves no channel open', async () => {
    const facilitator = new Y.Doc();
    const projector = new Y.Doc();
    relay(facilitator);
    relay(projector);
    await quiet();
    projector.destroy();
    const channel = listenTo();

    addCard(facilitator, 'c1', 'Après destruction');
    await quiet();

    expect(cards(projector)).toEqual({});
    expect(channel.kinds).toEqual(['update']);
  });

  it('keeps documents apart: a board of one mission never leaks into another mission', async () => {
    const missionA = new Y.Doc();
    const missionB = new Y.Doc();
    relay(missionA, 'bocage.mission.a');
    relay(missionB, 'bocage.mission.b');

    addCard(missionA, 'c1', 'Seulement dans A');
    await quiet();

    expect(cards(missionB)).toEqual({});
  });

  it('ignores messages that are not the relay’s, instead of breaking the document', async () => {
    const projector = new Y.Doc();
    relay(projector);
    const intruder = new BroadcastChannel(windowRelayChannelName(DOCUMENT));
    listeners.push(intruder);

    for (const message of [null, 'update', { kind: 'update', sender: 'x', update: [1, 2] }, { kind: 'catch-up', sender: 'x', update: new Uint8Array() }]) {
      intruder.postMessage(message);
    }
    await quiet();

    expect(cards(projector)).toEqual({});
  });
});

describe('the document store of each window', () => {
  it('shares the missions it opens: the projector’s window sees the facilitator’s new card live', async () => {
    const facilitatorWindow = new DocumentStore();
    const projectorWindow = new DocumentStore();
    const facilitator = await facilitatorWindow.openMission('mission-atelier');
    const projector = await projectorWindow.openMission('mission-atelier');

    addCard(facilitator.doc, 'c1', 'Écrite pendant l’atelier');

    await vi.waitFor(() => expect(cards(projector.doc)).toEqual({ c1: 'Écrite pendant l’atelier' }));
    await facilitatorWindow.destroy();
    await projectorWindow.destroy();
  });
});

