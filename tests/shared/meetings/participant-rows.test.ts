import { describe, expect, test } from 'vitest';
import { DIRECTORY_ROOT, ORGANISATION_FIELD, contactAliasesMap, directoryCollection } from '@shared/documents/directory-structure';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import * as Y from 'yjs';
import { inviteContacts, setAttendance, setPhotoConsent, setSignature, trashMeeting } from '@shared/meetings/meeting-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { meetingParticipantRows, missionParticipantRows } from '@shared/meetings/participant-rows';
import { LOCAL_EDIT } from '../domain-fixtures';
import { aSignature, addContact, addMeeting, directoryDoc, meetingOf, missionDoc } from './meeting-fixtures';

function withOrganisation(directory: Y.Doc, name: string): string {
  const record = new Y.Map<unknown>();
  record.set(ORGANISATION_FIELD.name, name);
  directoryCollection(directory, DIRECTORY_ROOT.organisations).set('org-caf', record);
  return 'org-caf';
}

describe('participant rows for the sign-in sheet and the exports', () => {
  test('list the invited people alphabetically, then the walk-ins, with a signature cell per slot', () => {
    const directory = directoryDoc();
    const caf = withOrganisation(directory, 'CAF de la Corrèze');
    const zoe = addContact(directory, { lastName: 'Ziegler', firstName: 'Zoé', category: 'elu', communeName: 'Ayen', civility: 'mme' });
    const albert = addContact(directory, { lastName: 'Arnaud', firstName: 'Albert', category: 'partenaire', organisationId: caf, jobTitle: 'Conseiller' });
    const walkIn = addContact(directory, { lastName: 'Aubert', firstName: 'Inès' });
    const mission = missionDoc();
    const meetingId = addMeeting(mission, { schedule: 'full-day' });
    inviteContacts(mission, meetingId, [zoe, albert], LOCAL_EDIT);
    const signature = aSignature();
    setSignature(mission, meetingId, albert, 'afternoon', signature, LOCAL_EDIT);
    setPhotoConsent(mission, meetingId, albert, 'no', LOCAL_EDIT);
    setAttendance(mission, meetingId, walkIn, 'present', LOCAL_EDIT);

    const rows = meetingParticipantRows(meetingOf(mission, meetingId), readDirectorySnapshot(directory));

    expect(rows.map((row) => row.sortName)).toEqual(['ARNAUD Albert', 'ZIEGLER Zoé', 'AUBERT Inès']);
    expect(rows[0]).toEqual({
      contactId: albert,
      sortName: 'ARNAUD Albert',
      displayName: 'Albert Arnaud',
      jobTitle: 'Conseiller',
      organisationName: 'CAF de la Corrèze',
      category: 'partenaire',
      categoryLabel: 'Partenaire institutionnel (CAF, MSA, Département, État…)',
      communeCode: null,
      communeName: '',
      inDirectory: true,
      invited: true,
      attendance: 'present',
      attendanceLabel: 'Présent·e',
      signatures: [
        { slot: { id: 'morning', label: 'Matin' }, signature: null },
        { slot: { id: 'afternoon', label: 'Après-midi' }, signature },
      ],
      photoConsent: 'no',
      recordingConsent: null,
    });
    expect(rows[1]).toMatchObject({ displayName: 'Mme Zoé Ziegler', categoryLabel: 'Élu·e', communeName: 'Ayen', attendance: 'expected' });
    expect(rows[2]).toMatchObject({ invited: false, attendance: 'present' });
  });

  test('a person entered twice and merged in the directory appears once, present if either entry was', () => {
    const directory = directoryDoc();
    const survivor = addContact(directory, { lastName: 'Dupont', firstName: 'Claire' });
    const duplicate = addContact(directory, { lastName: 'DUPONT', firstName: 'claire' });
    contactAliasesMap(directory).set(duplicate, survivor);
    const mission = missionDoc();
    const meetingId = addMeeting(mission);
    inviteContacts(mission, meetingId, [survivor], LOCAL_EDIT);
    setAttendance(mission, meetingId, duplicate, 'present', LOCAL_EDIT);

    const rows = meetingParticipantRows(meetingOf(mission, meetingId), readDirectorySnapshot(directory));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ contactId: survivor, invited: true, attendance: 'present' });
  });

  test('a participant not yet synchronised into this directory still gets a row', () => {
    const mission = missionDoc();
    const meetingId = addMeeting(mission);
    inviteContacts(mission, meetingId, ['not-here-yet'], LOCAL_EDIT);
    const rows = meetingParticipantRows(meetingOf(mission, meetingId), readDirectorySnapshot(directoryDoc()));
    expect(rows).toMatchObject([{ contactId: 'not-here-yet', displayName: 'Contact absent de l’annuaire', inDirectory: false }]);
  });

  test('the mission list has one row per person with every meeting they were on, trashed meetings left out', () => {
    const directory = directoryDoc();
    const claire = addContact(directory, { lastName: 'Dupont', firstName: 'Claire' });
    const marc = addContact(directory, { lastName: 'Petit', firstName: 'Marc' });
    const mission = missionDoc();
    const first = addMeeting(mission, { title: 'Atelier 1', date: '2024-03-01' });
    const second = addMeeting(mission, { title: 'COPIL', kind: 'copil', date: '2024-04-01' });
    const trashed = addMeeting(mission, { title: 'Annulé', date: '2024-05-01' });
    inviteContacts(mission, first, [claire, marc], LOCAL_EDIT);
    setAttendance(mission, first, claire, 'present', LOCAL_EDIT);
    setAttendance(mission, first, marc, 'excused', LOCAL_EDIT);
    setAttendance(mission, second, claire, 'present', LOCAL_EDIT);
    setAttendance(mission, trashed, marc, 'present', LOCAL_EDIT);
    trashMeeting(mission, trashed, LOCAL_EDIT);

    const rows = missionParticipantRows(readMeetings(mission), readDirectorySnapshot(directory));

    expect(rows.map((row) => [row.sortName, row.presentCount])).toEqual([
      ['DUPONT Claire', 2],
      ['PETIT Marc', 0],
    ]);
    expect(rows[0]?.participations).toEqual([
      { meetingId: first, title: 'Atelier 1', date: '2024-03-01', kindLabel: 'Atelier', invited: true, attendance: 'present' },
      { meetingId: second, title: 'COPIL', date: '2024-04-01', kindLabel: 'COPIL', invited: false, attendance: 'present' },
    ]);
    expect(rows[1]?.participations).toEqual([
      { meetingId: first, title: 'Atelier 1', date: '2024-03-01', kindLabel: 'Atelier', invited: true, attendance: 'excused' },
    ]);
  });
});
