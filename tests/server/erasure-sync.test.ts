import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createContact, updateContact } from '../../src-shared/directory/contact-operations';
import { readDirectorySnapshot } from '../../src-shared/directory/directory-snapshot';
import { directoryDocumentName, missionDocumentName } from '../../src-shared/documents/document-names';
import { eraseContactFromDirectory, eraseContactFromMission, readErasures } from '../../src-shared/erasure/person-erasure';
import { createMeeting, inviteContacts, setAttendance, setSignature } from '../../src-shared/meetings/meeting-operations';
import { readMeetings } from '../../src-shared/meetings/meeting-snapshot';
import { encodeSignature } from '../../src-shared/meetings/signature';
import { SyncTestBench, waitForStatus, waitUntil } from '../helpers/sync-server-harness';

const ORIGIN = 'test:user';
const ERASED_NAME = 'Quelconquezoe';
const MEETING_ID = 'meeting-1';

function newMachine() {
  return { directory: new Y.Doc(), mission: new Y.Doc() };
}

function participantsOf(mission: Y.Doc): string[] {
  return readMeetings(mission).flatMap((meeting) => meeting.participants.map((participant) => participant.contactId)).sort();
}

let bench: SyncTestBench;

beforeEach(() => {
  bench = new SyncTestBench();
});

afterEach(async () => {
  await bench.cleanup();
});

describe('directory and erasure through the sync server', () => {
  it('two colleagues adding contacts offline both keep theirs once they reconnect', async () => {
    const server = await bench.startServer();
    const first = newMachine();
    const second = newMachine();
    createContact(first.directory, { lastName: 'Durand', firstName: 'Lucie', category: 'elu' }, ORIGIN);
    createContact(second.directory, { lastName: 'Petit', firstName: 'Marc', category: 'partenaire' }, ORIGIN);
    const sharedId = createContact(first.directory, { lastName: 'Roux', firstName: 'Anne' }, ORIGIN);
    Y.applyUpdate(second.directory, Y.encodeStateAsUpdate(first.directory));
    // Offline on both machines: one fixes the phone, the other the function of the same person.
    updateContact(first.directory, sharedId, { phone: '05 49 00 00 00' }, ORIGIN);
    updateContact(second.directory, sharedId, { jobTitle: 'Directrice du centre social' }, ORIGIN);

    const firstClient = bench.client(server.url);
    const secondClient = bench.client(server.url);
    firstClient.attach(directoryDocumentName(), first.directory);
    secondClient.attach(directoryDocumentName(), second.directory);
    await waitForStatus(firstClient, 'up-to-date');
    await waitForStatus(secondClient, 'up-to-date');

    const names = (doc: Y.Doc) => readDirectorySnapshot(doc).contacts.map((contact) => contact.lastName).sort();
    await waitUntil('both directories list three contacts', () => names(first.directory).length === 3 && names(second.directory).length === 3);
    expect(names(first.directory)).toEqual(['Durand', 'Petit', 'Roux']);
    const anne = (doc: Y.Doc) => readDirectorySnapshot(doc).contacts.find((contact) => contact.id === sharedId);
    await waitUntil('both edits of Anne Roux meet', () => anne(first.directory)?.jobTitle !== '' && anne(second.directory)?.phone !== '');
    expect(anne(first.directory)).toMatchObject({ phone: '05 49 00 00 00', jobTitle: 'Directrice du centre social' });
  });

  it('an erasure reaches a colleague and the server, whose database file no longer holds the name', async () => {
    const server = await bench.startServer();
    const eraser = newMachine();
    const colleague = newMachine();
    // Long notes: once erased, the stored row shrinks and SQLite frees pages that held the name.
    const erasedId = createContact(
      eraser.directory,
      { lastName: ERASED_NAME, firstName: 'Albertine', email: 'albertine@exemple.fr', notes: `Suivi de Mme ${ERASED_NAME}. `.repeat(150) },
      ORIGIN,
    );
    const keptId = createContact(eraser.directory, { lastName: 'Martin', firstName: 'Paul' }, ORIGIN);
    // A directory of realistic size: its stored row spans many pages of the database file, which
    // SQLite frees and reuses when the row is replaced; freed pages must not keep the old bytes.
    for (let index = 0; index < 150; index += 1) {
      createContact(eraser.directory, { lastName: `Habitant ${index}`, firstName: 'Test', notes: 'Présent aux ateliers de quartier. '.repeat(8) }, ORIGIN);
    }
    createMeeting(eraser.mission, { title: 'Atelier parentalité', schedule: 'full-day' }, ORIGIN, Date.now(), MEETING_ID);
    inviteContacts(eraser.mission, MEETING_ID, [erasedId, keptId], ORIGIN);
    setSignature(eraser.mission, MEETING_ID, erasedId, 'morning', encodeSignature([[{ x: 1, y: 1 }, { x: 90, y: 40 }]]), ORIGIN);

    const eraserClient = bench.client(server.url);
    const colleagueClient = bench.client(server.url);
    for (const [client, machine] of [
      [eraserClient, eraser],
      [colleagueClient, colleague],
    ] as const) {
      client.attach(directoryDocumentName(), machine.directory);
      client.attach(missionDocumentName('mission-1'), machine.mission);
    }
    await waitUntil('the colleague has the person and the attendance', () => participantsOf(colleague.mission).length === 2);
    await waitUntil('the server stored the name', () => readFileSync(bench.databaseFile).includes(ERASED_NAME), 15_000);

    // The colleague is offline and records the person present again before hearing of the erasure.
    colleagueClient.detach(missionDocumentName('mission-1'));
    setAttendance(colleague.mission, MEETING_ID, erasedId, 'present', ORIGIN);

    const erasure = eraseContactFromDirectory(eraser.directory, erasedId, ORIGIN);
    eraseContactFromMission(eraser.mission, [erasedId], erasure.names, ORIGIN);
    await waitUntil('the colleague hears of the erasure', () => readErasures(colleague.directory).length === 1);
    // What the colleague's session does on hearing of it (app/person-erasure.ts).
    eraseContactFromMission(colleague.mission, readErasures(colleague.directory).map((entry) => entry.contactId), null, ORIGIN);
    colleagueClient.attach(missionDocumentName('mission-1'), colleague.mission);
    await waitForStatus(colleagueClient, 'up-to-date');
    await waitForStatus(eraserClient, 'up-to-date');

    expect(readDirectorySnapshot(colleague.directory).contacts.map((contact) => contact.id)).not.toContain(erasedId);
    expect(readDirectorySnapshot(colleague.directory).contacts.map((contact) => contact.id)).toContain(keptId);
    await waitUntil('the attendance is gone on both machines', () => participantsOf(colleague.mission).join() === keptId && participantsOf(eraser.mission).join() === keptId);
    // The server stores after a pause in the edits (at most ten seconds).
    await waitUntil('the server database file no longer holds the name', () => !readFileSync(bench.databaseFile).includes(ERASED_NAME), 15_000);
    await server.stop();
    const file = readFileSync(bench.databaseFile);
    expect(file.includes(ERASED_NAME)).toBe(false);
    expect(file.includes('albertine@')).toBe(false);
    expect(file.includes('Martin')).toBe(true);
  }, 45_000);
});
