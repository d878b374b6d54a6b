import type * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { contactAliasesMap } from '@shared/documents/directory-structure';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { attendanceStatistics } from '@shared/meetings/attendance-statistics';
import { inviteContacts, setAttendance, trashMeeting } from '@shared/meetings/meeting-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { addContact, addMeeting, directoryDoc, missionDoc } from './meeting-fixtures';

/** Three meetings of a CTG: Claire comes to all three, Marc to two (once under a duplicate contact). */
function missionWithAttendance() {
  const directory = directoryDoc();
  const claire = addContact(directory, { lastName: 'Dupont', firstName: 'Claire', category: 'elu', communeCode: '19015', communeName: 'Ayen' });
  const marc = addContact(directory, { lastName: 'Petit', firstName: 'Marc', category: 'partenaire', communeCode: '19031', communeName: 'Brive-la-Gaillarde' });
  const marcDuplicate = addContact(directory, { lastName: 'PETIT', firstName: 'marc', category: 'partenaire' });
  const lea = addContact(directory, { lastName: 'Martin', firstName: 'Léa', category: 'habitant', communeName: 'Ayen', communeCode: '19015' });
  const julie = addContact(directory, { lastName: 'Bernard', firstName: 'Julie', category: 'habitant' });
  contactAliasesMap(directory).set(marcDuplicate, marc);

  const mission = missionDoc();
  const first = addMeeting(mission, { title: 'Atelier 1', date: '2024-03-01' });
  const second = addMeeting(mission, { title: 'Atelier 2', date: '2024-04-01' });
  const copil = addMeeting(mission, { title: 'COPIL', kind: 'copil', date: '2024-05-01' });
  const cancelled = addMeeting(mission, { title: 'Annulé', date: '2024-06-01' });
  const present = (meeting: string, contact: string) => setAttendance(mission, meeting, contact, 'present', LOCAL_EDIT);

  inviteContacts(mission, first, [claire, marc, lea], LOCAL_EDIT);
  present(first, claire);
  present(first, marc);
  setAttendance(mission, first, lea, 'excused', LOCAL_EDIT);
  inviteContacts(mission, second, [claire, julie], LOCAL_EDIT);
  present(second, claire);
  present(second, marcDuplicate);
  setAttendance(mission, second, julie, 'absent', LOCAL_EDIT);
  inviteContacts(mission, copil, [claire, marc], LOCAL_EDIT);
  present(copil, claire);
  inviteContacts(mission, cancelled, [lea], LOCAL_EDIT);
  present(cancelled, lea);
  trashMeeting(mission, cancelled, LOCAL_EDIT);
  return { directory, mission, ids: { claire, marc, lea, julie }, meetings: { first, second, copil } };
}

function statistics(mission: Y.Doc, directory: Y.Doc) {
  return attendanceStatistics(readMeetings(mission), readDirectorySnapshot(directory));
}

describe('attendance figures of a mission', () => {
  test('count meetings held, presences and distinct people, a merged duplicate counting as the same person', () => {
    const { mission, directory } = missionWithAttendance();
    expect(statistics(mission, directory)).toMatchObject({ meetingCount: 3, meetingsHeld: 3, totalAttendances: 5, distinctPeople: 2 });
  });

  test('show which categories and communes the people present came from', () => {
    const { mission, directory } = missionWithAttendance();
    const figures = statistics(mission, directory);
    expect(figures.byCategory).toEqual([
      { key: 'elu', label: 'Élu·e', people: 1 },
      { key: 'partenaire', label: 'Partenaire institutionnel (CAF, MSA, Département, État…)', people: 1 },
    ]);
    expect(figures.byCommune).toEqual([
      { key: '19015', label: 'Ayen', people: 1 },
      { key: '19031', label: 'Brive-la-Gaillarde', people: 1 },
    ]);
  });

  test('list who came back, with how many meetings they attended', () => {
    const { mission, directory, ids } = missionWithAttendance();
    expect(statistics(mission, directory).returning).toEqual([
      { contactId: ids.claire, sortName: 'DUPONT Claire', displayName: 'Claire Dupont', meetingsAttended: 3 },
      { contactId: ids.marc, sortName: 'PETIT Marc', displayName: 'Marc Petit', meetingsAttended: 2 },
    ]);
  });

  test('give each meeting its present, excused, absent and expected counts; a trashed meeting is left out', () => {
    const { mission, directory, meetings } = missionWithAttendance();
    expect(statistics(mission, directory).perMeeting).toEqual([
      { meetingId: meetings.first, title: 'Atelier 1', date: '2024-03-01', kind: 'atelier', kindLabel: 'Atelier', invited: 3, walkIns: 0, present: 2, excused: 1, absent: 0, expected: 0 },
      { meetingId: meetings.second, title: 'Atelier 2', date: '2024-04-01', kind: 'atelier', kindLabel: 'Atelier', invited: 2, walkIns: 1, present: 2, excused: 0, absent: 1, expected: 0 },
      { meetingId: meetings.copil, title: 'COPIL', date: '2024-05-01', kind: 'copil', kindLabel: 'COPIL', invited: 2, walkIns: 0, present: 1, excused: 0, absent: 0, expected: 1 },
    ]);
  });

  test('someone not yet in this copy of the directory is still counted, under "not known"', () => {
    const mission = missionDoc();
    const meeting = addMeeting(mission);
    setAttendance(mission, meeting, 'contact-from-a-colleague', 'present', LOCAL_EDIT);
    const figures = statistics(mission, directoryDoc());
    expect(figures.distinctPeople).toBe(1);
    expect(figures.byCategory).toEqual([{ key: '', label: 'Non renseignée', people: 1 }]);
    expect(figures.byCommune).toEqual([{ key: '', label: 'Commune non renseignée', people: 1 }]);
  });

  test('a mission without meetings has zero everywhere, not an error', () => {
    expect(attendanceStatistics([], { contacts: [], organisations: [], aliases: new Map() })).toEqual({
      meetingCount: 0,
      meetingsHeld: 0,
      totalAttendances: 0,
      distinctPeople: 0,
      byCategory: [],
      byCommune: [],
      returning: [],
      perMeeting: [],
    });
  });
});
