/**
 * Named operations on a mission's meetings: planning, invitations, check-in in the room,
 * signatures and consents, and the clean-ups the directory asks for (merge, erasure). Each runs in
 * one transaction and marks the meeting and the mission modified.
 */
import * as Y from 'yjs';
import { MISSION_FIELD, missionMap } from '../documents/document-structure';
import { MEETING_FIELD, PARTICIPANT_FIELD, meetingsMap } from '../documents/meeting-structure';
import { formatIsoDate } from '../format/french-format';
import { newId } from '../model/ids';
import { InvalidOperationError, ReadOnlyDocumentError, runOperation } from '../operations/document-guards';
import { isWrittenByNewerSchema } from '../schema/schema-version';
import { replaceText } from '../text/replace-text';
import { meetingSlots, type AttendanceStatus, type ConsentAnswer, type MeetingParticipant } from './meeting-model';
import { readMeeting, readParticipant } from './meeting-snapshot';
import { validateMeetingInput, type MeetingInput } from './meeting-validation';
import { createParticipantContact, type ParticipantContactInput } from './participant-contact';
import { mergeParticipants } from './participant-merge';
import { decodeSignature } from './signature';

const MEETING_NOT_FOUND = 'Cette réunion est introuvable (elle a peut-être été supprimée sur un autre poste).';
const MEETING_TRASHED = 'Cette réunion est dans la corbeille : restaurez-la pour pointer les présences.';
const NOT_A_PARTICIPANT = 'Cette personne ne figure pas parmi les participants de la réunion.';
const SIGNED_ALREADY = 'Cette personne a signé : effacez d’abord sa signature pour changer sa présence.';
const MAX_CONTACT_ID_LENGTH = 64;

const ATTENDANCE_VALUES: readonly AttendanceStatus[] = ['expected', 'present', 'excused', 'absent'];

/** The fields a meeting stores as plain values; the agenda is a Y.Text of its own. */
const SCALAR_FIELDS = ['kind', 'title', 'date', 'schedule', 'startTime', 'endTime', 'communeCode', 'communeName', 'room', 'organiser'] as const;

function failOnErrors(errors: Partial<Record<string, string>>): void {
  const message = Object.values(errors).join(' ');
  if (message) throw new InvalidOperationError(message);
}

function requireMeeting(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = meetingsMap(doc).get(id);
  if (!(record instanceof Y.Map)) throw new InvalidOperationError(MEETING_NOT_FOUND);
  return record;
}

function isTrashed(record: Y.Map<unknown>): boolean {
  return typeof record.get(MEETING_FIELD.trashedAt) === 'number';
}

/** A meeting people are checked in to: it must exist and be out of the trash. */
function requireOpenMeeting(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = requireMeeting(doc, id);
  if (isTrashed(record)) throw new InvalidOperationError(MEETING_TRASHED);
  return record;
}

/** The mission's "last modified" follows its meetings too. */
function touch(doc: Y.Doc, record: Y.Map<unknown>, now: number): void {
  record.set(MEETING_FIELD.updatedAt, now);
  missionMap(doc).set(MISSION_FIELD.updatedAt, now);
}

/**
 * The participants map created with the meeting. Recreating one is a last resort for a damaged
 * record: two replicas doing it concurrently would keep only one of the two maps.
 */
function participantsOf(record: Y.Map<unknown>): Y.Map<Y.Map<unknown>> {
  const existing = record.get(MEETING_FIELD.participants);
  if (existing instanceof Y.Map) return existing as Y.Map<Y.Map<unknown>>;
  const created = new Y.Map<Y.Map<unknown>>();
  record.set(MEETING_FIELD.participants, created);
  return created;
}

function signaturesOf(participant: Y.Map<unknown>): Y.Map<string> {
  const existing = participant.get(PARTICIPANT_FIELD.signatures);
  if (existing instanceof Y.Map) return existing as Y.Map<string>;
  const created = new Y.Map<string>();
  participant.set(PARTICIPANT_FIELD.signatures, created);
  return created;
}

function requireContactId(contactId: string): void {
  if (typeof contactId !== 'string' || contactId === '' || contactId.length > MAX_CONTACT_ID_LENGTH) {
    throw new InvalidOperationError('Ce contact est introuvable.');
  }
}

/** A participant entry with its signatures map, created once so no replica ever has to create it later. */
function newParticipant(invited: boolean, now: number): Y.Map<unknown> {
  const participant = new Y.Map<unknown>();
  participant.set(PARTICIPANT_FIELD.invited, invited);
  participant.set(PARTICIPANT_FIELD.attendance, 'expected');
  participant.set(PARTICIPANT_FIELD.signatures, new Y.Map<string>());
  participant.set(PARTICIPANT_FIELD.updatedAt, now);
  return participant;
}

/** The contact's entry in the meeting; someone checked in without an invitation is a walk-in. */
function participantOrWalkIn(record: Y.Map<unknown>, contactId: string, now: number): Y.Map<unknown> {
  requireContactId(contactId);
  const participants = participantsOf(record);
  const existing = participants.get(contactId);
  if (existing instanceof Y.Map) return existing;
  const created = newParticipant(false, now);
  participants.set(contactId, created);
  return created;
}

function requireParticipant(record: Y.Map<unknown>, contactId: string): Y.Map<unknown> {
  const participant = participantsOf(record).get(contactId);
  if (!(participant instanceof Y.Map)) throw new InvalidOperationError(NOT_A_PARTICIPANT);
  return participant;
}

function hasSignature(participant: Y.Map<unknown>): boolean {
  const signatures = participant.get(PARTICIPANT_FIELD.signatures);
  return signatures instanceof Y.Map && signatures.size > 0;
}

function writeOptional(record: Y.Map<unknown>, field: string, value: string | null | undefined): void {
  if (value === null || value === undefined || value === '') record.delete(field);
  else record.set(field, value);
}

/**
 * Writes the fields present in `input`; empty values are stored as absent fields. Edits are kept
 * as typed: trimming each keystroke would swallow the space between two words being typed.
 */
function writeMeetingFields(record: Y.Map<unknown>, input: Partial<MeetingInput>): void {
  for (const field of SCALAR_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    writeOptional(record, MEETING_FIELD[field], typeof value === 'string' && value.trim() === '' ? null : value);
  }
  if (input.agenda !== undefined) {
    const agenda = record.get(MEETING_FIELD.agenda);
    if (agenda instanceof Y.Text) replaceText(agenda, input.agenda);
    else record.set(MEETING_FIELD.agenda, new Y.Text(input.agenda));
  }
}

/** Creates a meeting with its agenda and participant list; a title is required. Returns its id. */
export function createMeeting(
  doc: Y.Doc,
  input: Pick<MeetingInput, 'title'> & Partial<MeetingInput>,
  origin: unknown,
  now: number = Date.now(),
  id: string = newId(),
): string {
  const complete: MeetingInput = {
    kind: 'atelier',
    date: null,
    schedule: 'single',
    startTime: null,
    endTime: null,
    communeCode: null,
    communeName: '',
    room: '',
    agenda: '',
    organiser: '',
    ...input,
  };
  failOnErrors(validateMeetingInput(complete));
  return runOperation(doc, origin, () => {
    const record = new Y.Map<unknown>();
    record.set(MEETING_FIELD.createdAt, now);
    record.set(MEETING_FIELD.updatedAt, now);
    record.set(MEETING_FIELD.agenda, new Y.Text(complete.agenda));
    record.set(MEETING_FIELD.participants, new Y.Map());
    record.set(MEETING_FIELD.photos, new Y.Map());
    writeMeetingFields(record, {
      ...complete,
      title: complete.title.trim(),
      communeName: complete.communeName.trim(),
      room: complete.room.trim(),
      organiser: complete.organiser.trim(),
      agenda: undefined,
    });
    meetingsMap(doc).set(id, record);
    missionMap(doc).set(MISSION_FIELD.updatedAt, now);
    return id;
  });
}

/**
 * Writes the fields present in `patch`. The schedule cannot drop a slot somebody already signed
 * for: the signature would silently vanish from the sheet.
 */
export function updateMeeting(doc: Y.Doc, id: string, patch: Partial<MeetingInput>, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, id);
    const current = readMeeting(id, record);
    failOnErrors(validateMeetingInput(patch, current));
    if (patch.schedule !== undefined && patch.schedule !== current.schedule) {
      const kept = new Set<string>(meetingSlots(patch.schedule, current.startTime, current.endTime).map((slot) => slot.id));
      const signed = current.participants.some((participant) => Object.keys(participant.signatures).some((slotId) => !kept.has(slotId)));
      if (signed) {
        throw new InvalidOperationError('Des personnes ont déjà signé pour cette réunion : son déroulé (séance ou journée) ne peut plus changer.');
      }
    }
    writeMeetingFields(record, patch);
    touch(doc, record, now);
  });
}

export function trashMeeting(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, id);
    if (isTrashed(record)) return;
    record.set(MEETING_FIELD.trashedAt, now);
    touch(doc, record, now);
  });
}

export function restoreMeeting(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, id);
    if (!isTrashed(record)) return;
    record.delete(MEETING_FIELD.trashedAt);
    touch(doc, record, now);
  });
}

/** Adds contacts to the invitation list; a walk-in already recorded becomes invited. Returns how many were added. */
export function inviteContacts(doc: Y.Doc, meetingId: string, contactIds: readonly string[], origin: unknown, now: number = Date.now()): number {
  return runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    const participants = participantsOf(record);
    let added = 0;
    for (const contactId of new Set(contactIds)) {
      requireContactId(contactId);
      const existing = participants.get(contactId);
      if (existing instanceof Y.Map) {
        if (existing.get(PARTICIPANT_FIELD.invited) !== true) existing.set(PARTICIPANT_FIELD.invited, true);
        continue;
      }
      participants.set(contactId, newParticipant(true, now));
      added += 1;
    }
    if (added > 0) touch(doc, record, now);
    return added;
  });
}

/** Takes a contact off the invitation list, unless they were already checked in or signed. */
export function uninviteContact(doc: Y.Doc, meetingId: string, contactId: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    const participant = participantsOf(record).get(contactId);
    if (!(participant instanceof Y.Map)) return;
    if (participant.get(PARTICIPANT_FIELD.attendance) !== 'expected' || hasSignature(participant)) {
      throw new InvalidOperationError(
        'Cette personne a déjà été pointée : elle reste dans la liste. Marquez-la absente si elle n’est pas venue.',
      );
    }
    participantsOf(record).delete(contactId);
    touch(doc, record, now);
  });
}

function writeAttendance(participant: Y.Map<unknown>, status: AttendanceStatus, now: number): void {
  participant.set(PARTICIPANT_FIELD.attendance, status);
  participant.set(PARTICIPANT_FIELD.checkedAt, now);
  participant.set(PARTICIPANT_FIELD.updatedAt, now);
}

/**
 * Records a person's attendance. Checking in someone who was not invited records them as a
 * walk-in. A person who signed is present: their signature must be cleared first.
 */
export function setAttendance(
  doc: Y.Doc,
  meetingId: string,
  contactId: string,
  status: AttendanceStatus,
  origin: unknown,
  now: number = Date.now(),
): void {
  if (!ATTENDANCE_VALUES.includes(status)) throw new InvalidOperationError('Statut de présence inconnu.');
  runOperation(doc, origin, () => {
    const record = requireOpenMeeting(doc, meetingId);
    const participant = participantOrWalkIn(record, contactId, now);
    if (status !== 'present' && hasSignature(participant)) throw new InvalidOperationError(SIGNED_ALREADY);
    writeAttendance(participant, status, now);
    touch(doc, record, now);
  });
}

/** Where the data of a contact entered for a meeting came from, as the GDPR register asks. */
function meetingSource(missionDoc: Y.Doc, meetingId: string, how: 'Émargement' | 'Invitation'): string {
  const meeting = readMeeting(meetingId, requireOpenMeeting(missionDoc, meetingId));
  const date = formatIsoDate(meeting.date);
  return `${how} de la réunion « ${meeting.title} »${date ? ` du ${date}` : ''}`;
}

/**
 * Creates the contact of a person entered for a meeting, recording the meeting as the data's
 * source unless one is given. The directory is written first, in its own transaction: a failure
 * before the meeting is written leaves a contact without attendance, never an attendance without a
 * contact.
 */
function createContactForMeeting(
  directoryDoc: Y.Doc,
  missionDoc: Y.Doc,
  meetingId: string,
  contactInput: ParticipantContactInput,
  how: 'Émargement' | 'Invitation',
  origin: unknown,
  now: number,
): string {
  if (isWrittenByNewerSchema(missionDoc)) throw new ReadOnlyDocumentError();
  const input = contactInput.dataSource?.trim() ? contactInput : { ...contactInput, dataSource: meetingSource(missionDoc, meetingId, how) };
  return createParticipantContact(directoryDoc, input, origin, now);
}

/**
 * Someone who was not on the list walks in: creates their contact in the directory, then marks
 * them present. Returns the contact's id.
 */
export function checkInWalkIn(
  directoryDoc: Y.Doc,
  missionDoc: Y.Doc,
  meetingId: string,
  contactInput: ParticipantContactInput,
  origin: unknown,
  now: number = Date.now(),
): string {
  const contactId = createContactForMeeting(directoryDoc, missionDoc, meetingId, contactInput, 'Émargement', origin, now);
  setAttendance(missionDoc, meetingId, contactId, 'present', origin, now);
  return contactId;
}

/** A person to invite who is not in the directory yet: creates their contact, then invites them. Returns the contact's id. */
export function inviteNewContact(
  directoryDoc: Y.Doc,
  missionDoc: Y.Doc,
  meetingId: string,
  contactInput: ParticipantContactInput,
  origin: unknown,
  now: number = Date.now(),
): string {
  const contactId = createContactForMeeting(directoryDoc, missionDoc, meetingId, contactInput, 'Invitation', origin, now);
  inviteContacts(missionDoc, meetingId, [contactId], origin, now);
  return contactId;
}

function requireSlot(record: Y.Map<unknown>, meetingId: string, slotId: string): void {
  const meeting = readMeeting(meetingId, record);
  if (!meeting.slots.some((slot) => slot.id === slotId)) throw new InvalidOperationError('Ce créneau n’existe pas pour cette réunion.');
}

/** Keeps a signature for one slot of the meeting; signing marks the person present. */
export function setSignature(
  doc: Y.Doc,
  meetingId: string,
  contactId: string,
  slotId: string,
  encoded: string,
  origin: unknown,
  now: number = Date.now(),
): void {
  decodeSignature(encoded);
  runOperation(doc, origin, () => {
    const record = requireOpenMeeting(doc, meetingId);
    requireSlot(record, meetingId, slotId);
    const participant = participantOrWalkIn(record, contactId, now);
    signaturesOf(participant).set(slotId, encoded);
    writeAttendance(participant, 'present', now);
    touch(doc, record, now);
  });
}

/** Clears one slot's signature (a slip of the pen); the person stays present. */
export function clearSignature(doc: Y.Doc, meetingId: string, contactId: string, slotId: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    const participant = requireParticipant(record, contactId);
    const signatures = signaturesOf(participant);
    if (!signatures.has(slotId)) return;
    signatures.delete(slotId);
    participant.set(PARTICIPANT_FIELD.updatedAt, now);
    touch(doc, record, now);
  });
}

function setConsent(
  field: 'photoConsent' | 'recordingConsent',
  doc: Y.Doc,
  meetingId: string,
  contactId: string,
  answer: ConsentAnswer | null,
  origin: unknown,
  now: number,
): void {
  if (answer !== null && answer !== 'yes' && answer !== 'no') throw new InvalidOperationError('Réponse inconnue : oui, non ou non demandé.');
  runOperation(doc, origin, () => {
    const record = requireMeeting(doc, meetingId);
    const participant = requireParticipant(record, contactId);
    writeOptional(participant, PARTICIPANT_FIELD[field], answer);
    participant.set(PARTICIPANT_FIELD.updatedAt, now);
    touch(doc, record, now);
  });
}

/** Whether the person agrees to appear in photos of the meeting; null: not asked. */
export function setPhotoConsent(doc: Y.Doc, meetingId: string, contactId: string, answer: ConsentAnswer | null, origin: unknown, now: number = Date.now()): void {
  setConsent('photoConsent', doc, meetingId, contactId, answer, origin, now);
}

/** Whether the person agrees to be recorded (audio or video); null: not asked. */
export function setRecordingConsent(doc: Y.Doc, meetingId: string, contactId: string, answer: ConsentAnswer | null, origin: unknown, now: number = Date.now()): void {
  setConsent('recordingConsent', doc, meetingId, contactId, answer, origin, now);
}

/** Writes a merged participant into an entry; signatures are only ever added. */
function writeParticipant(target: Y.Map<unknown>, participant: MeetingParticipant, now: number): void {
  target.set(PARTICIPANT_FIELD.invited, participant.invited);
  target.set(PARTICIPANT_FIELD.attendance, participant.attendance);
  if (participant.checkedAt !== null) target.set(PARTICIPANT_FIELD.checkedAt, participant.checkedAt);
  writeOptional(target, PARTICIPANT_FIELD.photoConsent, participant.photoConsent);
  writeOptional(target, PARTICIPANT_FIELD.recordingConsent, participant.recordingConsent);
  const signatures = signaturesOf(target);
  for (const [slotId, signature] of Object.entries(participant.signatures)) {
    if (signatures.get(slotId) !== signature) signatures.set(slotId, signature);
  }
  target.set(PARTICIPANT_FIELD.updatedAt, now);
}

/**
 * After two contacts were merged in the directory, moves the merged contact's attendance to the
 * survivor in every meeting of the mission. When both were recorded, being present wins and every
 * signature is kept. Returns how many meetings changed.
 */
export function repointContact(missionDoc: Y.Doc, fromId: string, toId: string, origin: unknown, now: number = Date.now()): number {
  requireContactId(fromId);
  requireContactId(toId);
  if (fromId === toId) return 0;
  return runOperation(missionDoc, origin, () => {
    let changed = 0;
    meetingsMap(missionDoc).forEach((record) => {
      if (!(record instanceof Y.Map)) return;
      const participants = participantsOf(record);
      const from = participants.get(fromId);
      if (!(from instanceof Y.Map)) return;
      const moved = { ...readParticipant(fromId, from), contactId: toId };
      const existing = participants.get(toId);
      if (existing instanceof Y.Map) {
        writeParticipant(existing, mergeParticipants(readParticipant(toId, existing), moved), now);
      } else {
        const created = newParticipant(moved.invited, now);
        participants.set(toId, created);
        writeParticipant(created, moved, now);
      }
      participants.delete(fromId);
      touch(missionDoc, record, now);
      changed += 1;
    });
    return changed;
  });
}

/**
 * Deletes the contact's entries, signatures and consents included, from every meeting of the
 * mission, trashed ones too: the GDPR erasure of a person. The entries are deleted, not blanked,
 * so compacting the document drops their content. Returns how many meetings changed.
 */
export function removeContactFromMeetings(missionDoc: Y.Doc, contactId: string, origin: unknown, now: number = Date.now()): number {
  return runOperation(missionDoc, origin, () => {
    let changed = 0;
    meetingsMap(missionDoc).forEach((record) => {
      if (!(record instanceof Y.Map)) return;
      const participants = record.get(MEETING_FIELD.participants);
      if (!(participants instanceof Y.Map) || !participants.has(contactId)) return;
      participants.delete(contactId);
      touch(missionDoc, record, now);
      changed += 1;
    });
    return changed;
  });
}
