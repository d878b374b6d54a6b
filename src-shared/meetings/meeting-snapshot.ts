import * as Y from 'yjs';
import { MEETING_FIELD, PARTICIPANT_FIELD, PHOTO_FIELD, meetingsMap } from '../documents/meeting-structure';
import {
  isContentHash,
  isPhotoMediaType,
  meetingSlots,
  type AttendanceStatus,
  type ConsentAnswer,
  type Meeting,
  type MeetingParticipant,
  type MeetingPhoto,
} from './meeting-model';
import { isMeetingKind, isMeetingSchedule } from './meeting-validation';

/**
 * Reads a mission's meetings into plain data. Tolerates half-synced records: a missing or unknown
 * value (written by a newer version) reads as its default rather than breaking the list.
 */

const ATTENDANCE_VALUES: readonly AttendanceStatus[] = ['expected', 'present', 'excused', 'absent'];

function text(record: Y.Map<unknown>, field: string): string {
  const value = record.get(field);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function consent(value: unknown): ConsentAnswer | null {
  return value === 'yes' || value === 'no' ? value : null;
}

function readSignatures(record: Y.Map<unknown>): Record<string, string> {
  const signatures: Record<string, string> = {};
  const map = record.get(PARTICIPANT_FIELD.signatures);
  if (map instanceof Y.Map) {
    map.forEach((value, slotId) => {
      if (typeof value === 'string') signatures[slotId] = value;
    });
  }
  return signatures;
}

export function readParticipant(contactId: string, record: Y.Map<unknown>): MeetingParticipant {
  const attendance = record.get(PARTICIPANT_FIELD.attendance);
  const signatures = readSignatures(record);
  return {
    contactId,
    invited: record.get(PARTICIPANT_FIELD.invited) === true,
    // A signature proves presence: « absent » set at the same time on another laptop must not hide
    // it once both merge (no single replica can set a status other than present on a signer).
    attendance: Object.keys(signatures).length > 0 ? 'present' : (ATTENDANCE_VALUES.find((value) => value === attendance) ?? 'expected'),
    checkedAt: numberOrNull(record.get(PARTICIPANT_FIELD.checkedAt)),
    signatures,
    photoConsent: consent(record.get(PARTICIPANT_FIELD.photoConsent)),
    recordingConsent: consent(record.get(PARTICIPANT_FIELD.recordingConsent)),
  };
}

function readPhoto(hash: string, record: Y.Map<unknown>): MeetingPhoto {
  const mediaType = record.get(PHOTO_FIELD.mediaType);
  return {
    hash,
    fileName: text(record, PHOTO_FIELD.fileName),
    caption: text(record, PHOTO_FIELD.caption),
    mediaType: isPhotoMediaType(mediaType) ? mediaType : 'image/jpeg',
    byteLength: numberOrNull(record.get(PHOTO_FIELD.byteLength)) ?? 0,
    width: numberOrNull(record.get(PHOTO_FIELD.width)) ?? 0,
    height: numberOrNull(record.get(PHOTO_FIELD.height)) ?? 0,
    addedAt: numberOrNull(record.get(PHOTO_FIELD.addedAt)) ?? 0,
  };
}

/** Oldest first; photos added in the same millisecond keep one order on every machine. */
function readPhotos(record: Y.Map<unknown>): MeetingPhoto[] {
  const photos: MeetingPhoto[] = [];
  const photoMap = record.get(MEETING_FIELD.photos);
  if (photoMap instanceof Y.Map) {
    photoMap.forEach((photo, hash) => {
      if (photo instanceof Y.Map && isContentHash(hash)) photos.push(readPhoto(hash, photo));
    });
  }
  return photos.sort((left, right) => left.addedAt - right.addedAt || left.hash.localeCompare(right.hash));
}

export function readMeeting(id: string, record: Y.Map<unknown>): Meeting {
  const kind = record.get(MEETING_FIELD.kind);
  const scheduleValue = record.get(MEETING_FIELD.schedule);
  const schedule = isMeetingSchedule(scheduleValue) ? scheduleValue : 'single';
  const startTime = stringOrNull(record.get(MEETING_FIELD.startTime));
  const endTime = stringOrNull(record.get(MEETING_FIELD.endTime));
  const participants: MeetingParticipant[] = [];
  const participantMap = record.get(MEETING_FIELD.participants);
  if (participantMap instanceof Y.Map) {
    participantMap.forEach((participant, contactId) => {
      if (participant instanceof Y.Map) participants.push(readParticipant(contactId, participant));
    });
  }
  participants.sort((left, right) => left.contactId.localeCompare(right.contactId));
  return {
    id,
    kind: isMeetingKind(kind) ? kind : 'atelier',
    title: text(record, MEETING_FIELD.title),
    date: stringOrNull(record.get(MEETING_FIELD.date)),
    schedule,
    startTime,
    endTime,
    communeCode: stringOrNull(record.get(MEETING_FIELD.communeCode)),
    communeName: text(record, MEETING_FIELD.communeName),
    room: text(record, MEETING_FIELD.room),
    agenda: text(record, MEETING_FIELD.agenda),
    organiser: text(record, MEETING_FIELD.organiser),
    slots: meetingSlots(schedule, startTime, endTime),
    participants,
    photos: readPhotos(record),
    createdAt: numberOrNull(record.get(MEETING_FIELD.createdAt)) ?? 0,
    updatedAt: numberOrNull(record.get(MEETING_FIELD.updatedAt)) ?? 0,
    trashedAt: numberOrNull(record.get(MEETING_FIELD.trashedAt)),
  };
}

/** Undated meetings last; same day by start time, then by creation. */
export function compareMeetings(left: Meeting, right: Meeting): number {
  if (left.date !== right.date) {
    if (left.date === null) return 1;
    if (right.date === null) return -1;
    return left.date < right.date ? -1 : 1;
  }
  return (left.startTime ?? '').localeCompare(right.startTime ?? '') || left.createdAt - right.createdAt || left.id.localeCompare(right.id);
}

/** Every meeting of the mission, trashed ones included (flagged), in date order. */
export function readMeetings(doc: Y.Doc): Meeting[] {
  const meetings: Meeting[] = [];
  meetingsMap(doc).forEach((record, id) => {
    if (record instanceof Y.Map) meetings.push(readMeeting(id, record));
  });
  return meetings.sort(compareMeetings);
}
