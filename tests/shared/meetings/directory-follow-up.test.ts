import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import {
  inviteContacts,
  removeContactFromMeetings,
  repointContact,
  setAttendance,
  setPhotoConsent,
  setSignature,
  trashMeeting,
} from '@shared/meetings/meeting-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { CHECK_IN_TIME, LATER, aSignature, addMeeting, meetingOf, missionDoc, participantOf } from './meeting-fixtures';

function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}

describe('after two contacts were merged in the directory', () => {
  test('the merged contact’s attendance moves to the survivor in every meeting', () => {
    const doc = missionDoc();
    const first = addMeeting(doc);
    const second = addMeeting(doc, { title: 'COPIL', kind: 'copil' });
    const signature = aSignature();
    inviteContacts(doc, first, ['duplicate'], LOCAL_EDIT);
    setSignature(doc, first, 'duplicate', 'single', signature, LOCAL_EDIT, CHECK_IN_TIME);
    setAttendance(doc, second, 'other', 'present', LOCAL_EDIT);

    expect(repointContact(doc, 'duplicate', 'survivor', LOCAL_EDIT, LATER)).toBe(1);

    expect(participantOf(doc, first, 'duplicate')).toBeUndefined();
    expect(participantOf(doc, first, 'survivor')).toEqual({
      contactId: 'survivor',
      invited: true,
      attendance: 'present',
      checkedAt: CHECK_IN_TIME,
      signatures: { single: signature },
      photoConsent: null,
      recordingConsent: null,
    });
    expect(meetingOf(doc, second).participants.map((participant) => participant.contactId)).toEqual(['other']);
  });

  test('when both contacts were recorded at the same meeting, present wins and both signatures are kept', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc, { schedule: 'full-day' });
    const morning = aSignature(10);
    const afternoon = aSignature(200);
    inviteContacts(doc, meeting, ['survivor'], LOCAL_EDIT);
    setAttendance(doc, meeting, 'survivor', 'excused', LOCAL_EDIT);
    setSignature(doc, meeting, 'duplicate', 'afternoon', afternoon, LOCAL_EDIT);
    setPhotoConsent(doc, meeting, 'survivor', 'yes', LOCAL_EDIT);
    setPhotoConsent(doc, meeting, 'duplicate', 'no', LOCAL_EDIT);
    setSignature(doc, meeting, 'survivor', 'morning', morning, LOCAL_EDIT);

    repointContact(doc, 'duplicate', 'survivor', LOCAL_EDIT);

    expect(meetingOf(doc, meeting).participants).toHaveLength(1);
    expect(participantOf(doc, meeting, 'survivor')).toMatchObject({
      invited: true,
      attendance: 'present',
      signatures: { morning, afternoon },
      photoConsent: 'no',
    });
  });
});

describe('forgetting a person (GDPR erasure)', () => {
  test('deletes their attendance, signatures and consents from every meeting, trashed ones included', () => {
    const doc = missionDoc();
    const first = addMeeting(doc);
    const trashed = addMeeting(doc, { title: 'Annulé' });
    inviteContacts(doc, first, ['forgotten', 'kept'], LOCAL_EDIT);
    setSignature(doc, first, 'forgotten', 'single', aSignature(), LOCAL_EDIT);
    setPhotoConsent(doc, first, 'forgotten', 'yes', LOCAL_EDIT);
    setAttendance(doc, trashed, 'forgotten', 'present', LOCAL_EDIT);
    trashMeeting(doc, trashed, LOCAL_EDIT);

    expect(removeContactFromMeetings(doc, 'forgotten', LOCAL_EDIT)).toBe(2);

    for (const meeting of readMeetings(doc)) {
      expect(meeting.participants.some((participant) => participant.contactId === 'forgotten')).toBe(false);
    }
    expect(participantOf(doc, first, 'kept')).toBeDefined();
  });

  test('the signature is gone from the document’s encoded state, not merely hidden', () => {
    const doc = missionDoc();
    const meeting = addMeeting(doc);
    const signature = aSignature(333);
    setSignature(doc, meeting, 'forgotten', 'single', signature, LOCAL_EDIT);
    expect(containsText(Y.encodeStateAsUpdate(doc), signature)).toBe(true);

    removeContactFromMeetings(doc, 'forgotten', LOCAL_EDIT);

    expect(containsText(Y.encodeStateAsUpdate(doc), signature)).toBe(false);
  });
});
