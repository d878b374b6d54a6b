import { describe, expect, test } from 'vitest';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { META_FIELD, metaMap } from '@shared/documents/document-structure';
import { checkInWalkIn, inviteNewContact, trashMeeting } from '@shared/meetings/meeting-operations';
import { ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { LOCAL_EDIT } from '../domain-fixtures';
import { CHECK_IN_TIME, addMeeting, directoryDoc, missionDoc, participantOf } from './meeting-fixtures';

describe('a walk-in at a meeting', () => {
  test('creates the contact in the directory and marks them present, without an invitation', () => {
    const directory = directoryDoc();
    const mission = missionDoc();
    const meetingId = addMeeting(mission);

    const contactId = checkInWalkIn(
      directory,
      mission,
      meetingId,
      { lastName: 'Lefèvre', firstName: 'Amandine', category: 'habitant', communeName: 'Ayen' },
      LOCAL_EDIT,
      CHECK_IN_TIME,
    );

    const contact = readDirectorySnapshot(directory).contacts.find((candidate) => candidate.id === contactId);
    expect(contact).toMatchObject({ lastName: 'Lefèvre', firstName: 'Amandine', category: 'habitant', communeName: 'Ayen', createdAt: CHECK_IN_TIME });
    expect(participantOf(mission, meetingId, contactId)).toMatchObject({ invited: false, attendance: 'present', checkedAt: CHECK_IN_TIME });
  });

  test('records where the contact came from, as the GDPR register asks', () => {
    const directory = directoryDoc();
    const mission = missionDoc();
    const meetingId = addMeeting(mission, { title: 'COPIL de lancement', date: '2024-04-12' });
    const contactId = checkInWalkIn(directory, mission, meetingId, { lastName: 'Roux' }, LOCAL_EDIT);
    expect(readDirectorySnapshot(directory).contacts[0]).toMatchObject({
      id: contactId,
      dataSource: 'Émargement de la réunion « COPIL de lancement » du 12 avril 2024',
    });
  });

  test('the organisation typed as text is found in the directory, whatever its spelling, or created once', () => {
    const directory = directoryDoc();
    const mission = missionDoc();
    const meetingId = addMeeting(mission);
    const first = checkInWalkIn(directory, mission, meetingId, { lastName: 'Roux', organisationName: 'Centre social du Causse' }, LOCAL_EDIT);
    const second = checkInWalkIn(directory, mission, meetingId, { lastName: 'Vidal', organisationName: 'CENTRE SOCIAL du causse' }, LOCAL_EDIT);
    const snapshot = readDirectorySnapshot(directory);
    expect(snapshot.organisations.map((organisation) => organisation.name)).toEqual(['Centre social du Causse']);
    const organisationOf = (id: string) => snapshot.contacts.find((contact) => contact.id === id)?.organisationId;
    expect(organisationOf(first)).toBe(snapshot.organisations[0]?.id);
    expect(organisationOf(second)).toBe(snapshot.organisations[0]?.id);
  });

  test('a walk-in without any name is refused and nothing is written', () => {
    const directory = directoryDoc();
    const mission = missionDoc();
    const meetingId = addMeeting(mission);
    expect(() =>
      checkInWalkIn(directory, mission, meetingId, { lastName: ' ', firstName: '', organisationName: 'Mairie d’Ayen' }, LOCAL_EDIT),
    ).toThrow('Indiquez au moins un nom');
    expect(readDirectorySnapshot(directory)).toMatchObject({ contacts: [], organisations: [] });
  });

  test('no contact is created for a meeting in the trash or a mission this version may not change', () => {
    const directory = directoryDoc();
    const mission = missionDoc();
    const trashed = addMeeting(mission);
    trashMeeting(mission, trashed, LOCAL_EDIT);
    expect(() => checkInWalkIn(directory, mission, trashed, { lastName: 'Roux' }, LOCAL_EDIT)).toThrow('corbeille');

    const open = addMeeting(mission);
    metaMap(mission).set(META_FIELD.schemaVersion, 999);
    expect(() => checkInWalkIn(directory, mission, open, { lastName: 'Roux' }, LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);
    expect(readDirectorySnapshot(directory).contacts).toEqual([]);
  });
});

describe('inviting someone who is not in the directory yet', () => {
  test('creates their contact and puts them on the invitation list', () => {
    const directory = directoryDoc();
    const mission = missionDoc();
    const meetingId = addMeeting(mission, { title: 'COPIL', date: '2024-05-02' });
    const contactId = inviteNewContact(directory, mission, meetingId, { lastName: 'Dupont', firstName: 'Claire', category: 'elu' }, LOCAL_EDIT);
    expect(readDirectorySnapshot(directory).contacts[0]).toMatchObject({
      id: contactId,
      lastName: 'Dupont',
      category: 'elu',
      dataSource: 'Invitation de la réunion « COPIL » du 2 mai 2024',
    });
    expect(participantOf(mission, meetingId, contactId)).toMatchObject({ invited: true, attendance: 'expected' });
  });
});
