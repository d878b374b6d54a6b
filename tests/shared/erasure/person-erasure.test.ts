import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createMission } from '@shared/operations/mission-operations';
import { createContact, updateContact } from '@shared/directory/contact-operations';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { mergeContacts } from '@shared/directory/contact-merge';
import {
  compactDocumentState,
  eraseContactFromDirectory,
  eraseContactFromMission,
  findNameMentions,
  readErasures,
} from '@shared/erasure/person-erasure';
import { createMeeting, inviteContacts, setSignature } from '@shared/meetings/meeting-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { encodeSignature } from '@shared/meetings/signature';
import { createObservation, updateObservation } from '@shared/qualitative/observation-operations';
import { META_FIELD, metaMap } from '@shared/documents/document-structure';
import { CREATED_AT, LOCAL_EDIT, exchangeUpdates, missionUndoManager, newMissionInput } from '../domain-fixtures';

const ERASURE = 'erasure-origin';
const LAST_NAME = 'Quelconquezoé';
const FIRST_NAME = 'Albertine';

function bytesContain(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}

function workspaceWithPerson() {
  const workspaceDoc = new Y.Doc();
  const missionDoc = new Y.Doc();
  const directoryDoc = new Y.Doc();
  createMission(workspaceDoc, missionDoc, newMissionInput(), LOCAL_EDIT, CREATED_AT, 'mission-1');
  const undo = missionUndoManager(missionDoc, LOCAL_EDIT);
  const contactId = createContact(
    directoryDoc,
    { lastName: LAST_NAME, firstName: FIRST_NAME, email: 'albertine@mairie-exemple.fr', category: 'habitant', notes: `Voisine de ${LAST_NAME} senior` },
    LOCAL_EDIT,
    CREATED_AT,
  );
  const otherId = createContact(directoryDoc, { lastName: 'Martin', firstName: 'Paul' }, LOCAL_EDIT, CREATED_AT);
  const meetingId = createMeeting(missionDoc, { title: 'Atelier parentalité', kind: 'atelier', schedule: 'full-day', date: '2026-03-12' }, LOCAL_EDIT, CREATED_AT);
  inviteContacts(missionDoc, meetingId, [contactId, otherId], LOCAL_EDIT, CREATED_AT);
  const signature = encodeSignature([[{ x: 10, y: 10 }, { x: 80, y: 60 }, { x: 150, y: 20 }]]);
  setSignature(missionDoc, meetingId, contactId, 'morning', signature, LOCAL_EDIT, CREATED_AT);
  setSignature(missionDoc, meetingId, otherId, 'morning', signature, LOCAL_EDIT, CREATED_AT);
  const observationId = createObservation(
    missionDoc,
    { text: 'Les familles manquent de solutions de garde le mercredi.', theme: null, sourceKind: 'entretien', date: null, author: `${FIRST_NAME} ${LAST_NAME}` },
    LOCAL_EDIT,
    CREATED_AT,
  );
  // An edit the undo history keeps: the deleted author value must not survive compaction either.
  updateObservation(missionDoc, observationId, { author: `${LAST_NAME} ${FIRST_NAME}` }, LOCAL_EDIT, CREATED_AT);
  return { workspaceDoc, missionDoc, directoryDoc, undo, contactId, otherId, meetingId, observationId, signature };
}

describe('forgetting a person', () => {
  it('leaves neither the name nor the signature in any compacted document, even with an undo history that remembers them', () => {
    const setup = workspaceWithPerson();
    expect(bytesContain(Y.encodeStateAsUpdate(setup.directoryDoc), 'Quelconquezo')).toBe(true);

    const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE, CREATED_AT + 1);
    const report = eraseContactFromMission(setup.missionDoc, [setup.contactId], erasure.names, ERASURE);

    expect(report).toEqual({ meetingsTouched: 1, authorFieldsCleared: 1, cardsAnonymised: 0, votesAnonymised: 0 });
    for (const doc of [setup.directoryDoc, setup.missionDoc, setup.workspaceDoc]) {
      const state = compactDocumentState(doc);
      expect(bytesContain(state, 'Quelconquezo')).toBe(false);
      expect(bytesContain(state, 'Albertine')).toBe(false);
      expect(bytesContain(state, 'albertine@')).toBe(false);
    }
    expect(bytesContain(compactDocumentState(setup.missionDoc), setup.signature.slice(3, 30))).toBe(true);
  });

  it('keeps everyone else: the other participant, their signature, the constat itself', () => {
    const setup = workspaceWithPerson();
    const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE);
    eraseContactFromMission(setup.missionDoc, [setup.contactId], erasure.names, ERASURE);

    const [meeting] = readMeetings(setup.missionDoc);
    expect(meeting?.participants.map((participant) => participant.contactId)).toEqual([setup.otherId]);
    expect(meeting?.participants[0]?.signatures.morning).toBe(setup.signature);
    expect(readDirectorySnapshot(setup.directoryDoc).contacts.map((contact) => contact.lastName)).toEqual(['Martin']);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, compactDocumentState(setup.missionDoc));
    expect(readMeetings(reloaded)[0]?.participants.map((participant) => participant.contactId)).toEqual([setup.otherId]);
  });

  it('cannot be undone: undo after an erasure does not bring the attendance back', () => {
    const setup = workspaceWithPerson();
    const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE);
    eraseContactFromMission(setup.missionDoc, [setup.contactId], erasure.names, ERASURE);
    while (setup.undo.canUndo()) setup.undo.undo();
    const participants = readMeetings(setup.missionDoc).flatMap((meeting) => meeting.participants.map((participant) => participant.contactId));
    expect(participants).not.toContain(setup.contactId);
  });

  it('logs the erasure by random id only, so colleagues can remove what they recorded offline', () => {
    const setup = workspaceWithPerson();
    const colleagueMission = new Y.Doc();
    const colleagueDirectory = new Y.Doc();
    exchangeUpdates(setup.missionDoc, colleagueMission);
    exchangeUpdates(setup.directoryDoc, colleagueDirectory);

    const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE, CREATED_AT + 5, 'erasure-1');
    eraseContactFromMission(setup.missionDoc, [setup.contactId], erasure.names, ERASURE);
    exchangeUpdates(setup.directoryDoc, colleagueDirectory);

    const entries = readErasures(colleagueDirectory);
    expect(entries).toEqual([{ id: 'erasure-1', at: CREATED_AT + 5, contactId: setup.contactId }]);
    // The colleague's copy of the mission has not synced yet: it applies the log itself.
    eraseContactFromMission(colleagueMission, entries.map((entry) => entry.contactId), null, ERASURE);
    exchangeUpdates(setup.missionDoc, colleagueMission);
    for (const doc of [colleagueMission, setup.missionDoc]) {
      expect(readMeetings(doc)[0]?.participants.map((participant) => participant.contactId)).toEqual([setup.otherId]);
    }
    expect(bytesContain(compactDocumentState(colleagueDirectory), 'Quelconquezo')).toBe(false);
  });

  it('also erases the contacts that had been merged into the person, with their aliases', () => {
    const setup = workspaceWithPerson();
    const duplicateId = createContact(setup.directoryDoc, { lastName: 'QUELCONQUEZOE', firstName: 'albertine' }, LOCAL_EDIT);
    mergeContacts(setup.directoryDoc, setup.contactId, duplicateId, {}, LOCAL_EDIT);

    const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE);

    expect(erasure.formerIds).toEqual([duplicateId]);
    expect(readDirectorySnapshot(setup.directoryDoc).aliases.size).toBe(0);
    expect(readErasures(setup.directoryDoc).map((entry) => entry.contactId).sort()).toEqual([setup.contactId, duplicateId].sort());
    expect(bytesContain(compactDocumentState(setup.directoryDoc), 'QUELCONQUEZOE')).toBe(false);
  });

  it('shows where the name is still written in free text instead of rewriting it', () => {
    const setup = workspaceWithPerson();
    createObservation(
      setup.missionDoc,
      { text: `Entretien avec Mme ${FIRST_NAME} ${LAST_NAME.toUpperCase()}, habitante.`, theme: null, sourceKind: 'entretien', date: null, author: '' },
      LOCAL_EDIT,
    );
    const erasure = eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE);
    eraseContactFromMission(setup.missionDoc, [setup.contactId], erasure.names, ERASURE);

    const mentions = findNameMentions(setup.missionDoc, erasure.names);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ root: 'diagnostic.observations', field: 'text' });
    expect(mentions[0]?.excerpt).toContain('QUELCONQUEZOÉ');
  });

  it('refuses to erase a contact that is not there, with a message saying it may already be erased', () => {
    const setup = workspaceWithPerson();
    eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE);
    expect(() => eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE)).toThrow(/déjà été effacé/);
  });

  it('never writes into a mission saved by a newer version of Bocage', () => {
    const setup = workspaceWithPerson();
    metaMap(setup.missionDoc).set(META_FIELD.schemaVersion, 999);
    expect(() => eraseContactFromMission(setup.missionDoc, [setup.contactId], null, ERASURE)).toThrow(/version plus récente/);
  });

  it('keeps an edit of the contact made after the erasure from bringing back the name', () => {
    const setup = workspaceWithPerson();
    const colleague = new Y.Doc();
    exchangeUpdates(setup.directoryDoc, colleague);
    // Offline, a colleague corrects the phone number while the person is being erased.
    updateContact(colleague, setup.contactId, { phone: '05 55 00 00 00' }, LOCAL_EDIT);
    eraseContactFromDirectory(setup.directoryDoc, setup.contactId, ERASURE);
    exchangeUpdates(setup.directoryDoc, colleague);

    expect(readDirectorySnapshot(colleague).contacts.map((contact) => contact.id)).not.toContain(setup.contactId);
    expect(bytesContain(compactDocumentState(colleague), 'Quelconquezo')).toBe(false);
  });
});
