import type * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { checkInWalkIn, inviteContacts, setAttendance, setPhotoConsent, setSignature, updateMeeting } from '@shared/meetings/meeting-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { LOCAL_EDIT, exchangeUpdates } from '../domain-fixtures';
import { CHECK_IN_TIME, aSignature, addMeeting, directoryDoc, meetingOf, missionOnTwoMachines, participantOf } from './meeting-fixtures';

function expectConverged(left: Y.Doc, right: Y.Doc): void {
  expect(readMeetings(left)).toEqual(readMeetings(right));
}

describe('two laptops checking people in offline for the same meeting', () => {
  test('merge person by person when they reconnect', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine, { schedule: 'full-day' });
    inviteContacts(mine, meeting, ['claire', 'marc', 'lea', 'julie'], LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    const claireSignature = aSignature(10);
    const marcSignature = aSignature(300);
    setSignature(mine, meeting, 'claire', 'morning', claireSignature, LOCAL_EDIT, CHECK_IN_TIME);
    setAttendance(mine, meeting, 'lea', 'excused', LOCAL_EDIT, CHECK_IN_TIME);
    setSignature(theirs, meeting, 'marc', 'morning', marcSignature, LOCAL_EDIT, CHECK_IN_TIME);
    setAttendance(theirs, meeting, 'julie', 'absent', LOCAL_EDIT, CHECK_IN_TIME);
    setPhotoConsent(theirs, meeting, 'claire', 'yes', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expectConverged(mine, theirs);
    expect(participantOf(mine, meeting, 'claire')).toMatchObject({ attendance: 'present', signatures: { morning: claireSignature }, photoConsent: 'yes' });
    expect(participantOf(mine, meeting, 'marc')).toMatchObject({ attendance: 'present', signatures: { morning: marcSignature } });
    expect(participantOf(mine, meeting, 'lea')?.attendance).toBe('excused');
    expect(participantOf(mine, meeting, 'julie')?.attendance).toBe('absent');
  });

  test('one person signing the morning on one laptop and the afternoon on the other keeps both signatures', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine, { schedule: 'full-day' });
    inviteContacts(mine, meeting, ['claire'], LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    const morning = aSignature(10);
    const afternoon = aSignature(250);
    setSignature(mine, meeting, 'claire', 'morning', morning, LOCAL_EDIT);
    setSignature(theirs, meeting, 'claire', 'afternoon', afternoon, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expectConverged(mine, theirs);
    expect(participantOf(theirs, meeting, 'claire')?.signatures).toEqual({ morning, afternoon });
  });

  test('walk-ins added on both laptops all appear, in the meeting and in the directory', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const myDirectory = directoryDoc();
    const theirDirectory = directoryDoc();
    const meeting = addMeeting(mine);
    exchangeUpdates(mine, theirs);

    const amandine = checkInWalkIn(myDirectory, mine, meeting, { lastName: 'Lefèvre', firstName: 'Amandine' }, LOCAL_EDIT);
    const bruno = checkInWalkIn(theirDirectory, theirs, meeting, { lastName: 'Roux', firstName: 'Bruno' }, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);
    exchangeUpdates(myDirectory, theirDirectory);

    expectConverged(mine, theirs);
    expect(meetingOf(mine, meeting).participants.map((participant) => participant.contactId).sort()).toEqual([amandine, bruno].sort());
    expect(readDirectorySnapshot(theirDirectory).contacts.map((contact) => contact.lastName).sort()).toEqual(['Lefèvre', 'Roux']);
  });

  test('editing the meeting’s details on one laptop while the other checks people in loses neither', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const meeting = addMeeting(mine);
    inviteContacts(mine, meeting, ['claire'], LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    updateMeeting(mine, meeting, { room: 'Salle des fêtes', agenda: 'Tour de table, puis travail en petits groupes. Synthèse.' }, LOCAL_EDIT);
    setAttendance(theirs, meeting, 'claire', 'present', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expectConverged(mine, theirs);
    expect(meetingOf(theirs, meeting)).toMatchObject({ room: 'Salle des fêtes', participants: [{ contactId: 'claire', attendance: 'present' }] });
  });
});
