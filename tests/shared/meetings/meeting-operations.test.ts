import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { MISSION_FIELD, missionMap } from '@shared/documents/document-structure';
import { meetingsMap } from '@shared/documents/meeting-structure';
import {
  clearSignature,
  createMeeting,
  inviteContacts,
  restoreMeeting,
  setAttendance,
  setPhotoConsent,
  setRecordingConsent,
  setSignature,
  trashMeeting,
  uninviteContact,
  updateMeeting,
} from '@shared/meetings/meeting-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { CHECK_IN_TIME, LATER, aSignature, addMeeting, meetingInput, meetingOf, missionDoc, participantOf } from './meeting-fixtures';

describe('planning a meeting', () => {
  test('a new meeting keeps every detail typed in the form, with its signing slot', () => {
    const doc = missionDoc();
    const id = createMeeting(doc, meetingInput({ title: '  Atelier parentalité  ' }), LOCAL_EDIT, LATER);

    expect(meetingOf(doc, id)).toEqual({
      id,
      ...meetingInput(),
      slots: [{ id: 'single', label: '14:00–16:30' }],
      participants: [],
      photos: [],
      createdAt: LATER,
      updatedAt: LATER,
      trashedAt: null,
    });
    expect(missionMap(doc).get(MISSION_FIELD.updatedAt)).toBe(LATER);
  });

  test('the agenda is a shared text and the participant and photo lists exist from the start, so offline replicas never create them twice', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    const record = meetingsMap(doc).get(id);
    expect(record?.get('agenda')).toBeInstanceOf(Y.Text);
    expect(record?.get('participants')).toBeInstanceOf(Y.Map);
    expect(record?.get('photos')).toBeInstanceOf(Y.Map);
  });

  test('a full day is signed for twice, morning and afternoon', () => {
    const doc = missionDoc();
    const id = addMeeting(doc, { schedule: 'full-day', startTime: '09:00', endTime: '17:00' });
    expect(meetingOf(doc, id).slots.map((slot) => slot.label)).toEqual(['Matin', 'Après-midi']);
  });

  test.each([
    [{ title: ' ' }, 'Le titre est obligatoire.'],
    [{ startTime: '9h30' }, 'L’heure doit s’écrire HH:MM'],
    [{ endTime: '24:00' }, 'L’heure doit s’écrire HH:MM'],
    [{ startTime: '16:00', endTime: '14:00' }, 'L’heure de fin doit être après l’heure de début.'],
    [{ date: '2024-02-30' }, 'La date n’est pas une date valide.'],
    [{ kind: 'kermesse' as never }, 'Type de réunion inconnu.'],
    [{ communeCode: 'Brive' }, 'Code de commune invalide.'],
  ])('a meeting with an impossible value (%o) is refused with the reason in French', (overrides, message) => {
    const doc = missionDoc();
    expect(() => createMeeting(doc, meetingInput(overrides), LOCAL_EDIT)).toThrow(message);
    expect(readMeetings(doc)).toEqual([]);
  });

  test('editing one time is checked against the other one already saved', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    expect(() => updateMeeting(doc, id, { endTime: '13:00' }, LOCAL_EDIT)).toThrow('après l’heure de début');
    updateMeeting(doc, id, { endTime: '17:00', room: 'Médiathèque', agenda: 'Bilan' }, LOCAL_EDIT, LATER);
    expect(meetingOf(doc, id)).toMatchObject({ endTime: '17:00', room: 'Médiathèque', agenda: 'Bilan', updatedAt: LATER });
  });

  test('clearing an optional detail removes it rather than storing an empty value', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    updateMeeting(doc, id, { startTime: null, endTime: null, room: '' }, LOCAL_EDIT);
    expect(meetingOf(doc, id)).toMatchObject({ startTime: null, endTime: null, room: '', slots: [{ id: 'single', label: 'Séance' }] });
    expect(meetingsMap(doc).get(id)?.has('room')).toBe(false);
  });

  test('a meeting where people signed for the morning cannot become a single sitting, which would lose their signature', () => {
    const doc = missionDoc();
    const id = addMeeting(doc, { schedule: 'full-day' });
    setSignature(doc, id, 'contact-a', 'morning', aSignature(), LOCAL_EDIT);
    expect(() => updateMeeting(doc, id, { schedule: 'single' }, LOCAL_EDIT)).toThrow('déroulé');
    expect(meetingOf(doc, id).schedule).toBe('full-day');
  });

  test('a meeting put in the trash by mistake comes back with its attendance', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    setAttendance(doc, id, 'contact-a', 'present', LOCAL_EDIT);
    trashMeeting(doc, id, LOCAL_EDIT, LATER);
    expect(meetingOf(doc, id).trashedAt).toBe(LATER);
    expect(() => setAttendance(doc, id, 'contact-a', 'absent', LOCAL_EDIT)).toThrow('corbeille');
    restoreMeeting(doc, id, LOCAL_EDIT);
    expect(meetingOf(doc, id)).toMatchObject({ trashedAt: null, participants: [{ contactId: 'contact-a', attendance: 'present' }] });
  });

  test('an unknown meeting is reported as such, not as a crash', () => {
    const doc = missionDoc();
    expect(() => updateMeeting(doc, 'nope', { title: 'x' }, LOCAL_EDIT)).toThrow('Cette réunion est introuvable');
  });
});

describe('invitations', () => {
  test('invited contacts are expected until checked in; inviting twice adds nobody twice', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    expect(inviteContacts(doc, id, ['contact-a', 'contact-b', 'contact-a'], LOCAL_EDIT, LATER)).toBe(2);
    expect(inviteContacts(doc, id, ['contact-b'], LOCAL_EDIT)).toBe(0);
    expect(meetingOf(doc, id).participants).toEqual([
      { contactId: 'contact-a', invited: true, attendance: 'expected', checkedAt: null, signatures: {}, photoConsent: null, recordingConsent: null },
      { contactId: 'contact-b', invited: true, attendance: 'expected', checkedAt: null, signatures: {}, photoConsent: null, recordingConsent: null },
    ]);
    expect(meetingOf(doc, id).updatedAt).toBe(LATER);
  });

  test('a walk-in invited afterwards is counted as invited', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    setAttendance(doc, id, 'contact-a', 'present', LOCAL_EDIT);
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    expect(participantOf(doc, id, 'contact-a')).toMatchObject({ invited: true, attendance: 'present' });
  });

  test('someone invited by mistake can be taken off the list before the meeting', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    uninviteContact(doc, id, 'contact-a', LOCAL_EDIT);
    expect(meetingOf(doc, id).participants).toEqual([]);
  });

  test('someone already checked in or who signed stays on the list: their attendance is proof', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    inviteContacts(doc, id, ['contact-a', 'contact-b'], LOCAL_EDIT);
    setAttendance(doc, id, 'contact-a', 'excused', LOCAL_EDIT);
    setSignature(doc, id, 'contact-b', 'single', aSignature(), LOCAL_EDIT);
    expect(() => uninviteContact(doc, id, 'contact-a', LOCAL_EDIT)).toThrow('déjà été pointée');
    expect(() => uninviteContact(doc, id, 'contact-b', LOCAL_EDIT)).toThrow('déjà été pointée');
    expect(meetingOf(doc, id).participants).toHaveLength(2);
  });
});

describe('checking people in', () => {
  test('marking someone present records when it was done', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    setAttendance(doc, id, 'contact-a', 'present', LOCAL_EDIT, CHECK_IN_TIME);
    expect(participantOf(doc, id, 'contact-a')).toMatchObject({ attendance: 'present', checkedAt: CHECK_IN_TIME, invited: true });
    expect(missionMap(doc).get(MISSION_FIELD.updatedAt)).toBe(CHECK_IN_TIME);
  });

  test('checking in someone who was not invited records a walk-in', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    setAttendance(doc, id, 'contact-z', 'present', LOCAL_EDIT);
    expect(participantOf(doc, id, 'contact-z')).toMatchObject({ invited: false, attendance: 'present' });
  });

  test('an unknown status is refused', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    expect(() => setAttendance(doc, id, 'contact-a', 'late' as never, LOCAL_EDIT)).toThrow('Statut de présence inconnu.');
  });

  test('a signature marks the person present and is kept per slot', () => {
    const doc = missionDoc();
    const id = addMeeting(doc, { schedule: 'full-day' });
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    const morning = aSignature(20);
    setSignature(doc, id, 'contact-a', 'morning', morning, LOCAL_EDIT, CHECK_IN_TIME);
    expect(participantOf(doc, id, 'contact-a')).toMatchObject({ attendance: 'present', checkedAt: CHECK_IN_TIME, signatures: { morning } });
  });

  test('a signature for a slot the meeting does not have, or an unreadable one, is refused', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    expect(() => setSignature(doc, id, 'contact-a', 'afternoon', aSignature(), LOCAL_EDIT)).toThrow('Ce créneau n’existe pas');
    expect(() => setSignature(doc, id, 'contact-a', 'single', 'v1:$$', LOCAL_EDIT)).toThrow('illisible');
    expect(participantOf(doc, id, 'contact-a')?.signatures).toEqual({});
  });

  test('a slip of the pen is cleared and the person may sign again', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    setSignature(doc, id, 'contact-a', 'single', aSignature(), LOCAL_EDIT);
    clearSignature(doc, id, 'contact-a', 'single', LOCAL_EDIT);
    expect(participantOf(doc, id, 'contact-a')).toMatchObject({ attendance: 'present', signatures: {} });
    setAttendance(doc, id, 'contact-a', 'absent', LOCAL_EDIT);
    expect(participantOf(doc, id, 'contact-a')?.attendance).toBe('absent');
  });

  test('someone who signed cannot be marked absent while their signature is there', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    setSignature(doc, id, 'contact-a', 'single', aSignature(), LOCAL_EDIT);
    expect(() => setAttendance(doc, id, 'contact-a', 'absent', LOCAL_EDIT)).toThrow('effacez d’abord sa signature');
  });

  test('photo and recording consents are recorded per participant, and can go back to "not asked"', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    inviteContacts(doc, id, ['contact-a'], LOCAL_EDIT);
    setPhotoConsent(doc, id, 'contact-a', 'yes', LOCAL_EDIT);
    setRecordingConsent(doc, id, 'contact-a', 'no', LOCAL_EDIT);
    expect(participantOf(doc, id, 'contact-a')).toMatchObject({ photoConsent: 'yes', recordingConsent: 'no' });
    setPhotoConsent(doc, id, 'contact-a', null, LOCAL_EDIT);
    expect(participantOf(doc, id, 'contact-a')?.photoConsent).toBeNull();
  });

  test('consent cannot be recorded for someone who is not a participant', () => {
    const doc = missionDoc();
    const id = addMeeting(doc);
    expect(() => setPhotoConsent(doc, id, 'contact-a', 'yes', LOCAL_EDIT)).toThrow('ne figure pas parmi les participants');
  });
});
