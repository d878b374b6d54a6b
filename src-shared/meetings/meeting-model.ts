/**
 * A mission's meetings and who attended them, as plain immutable snapshots for views and exports,
 * with the controlled vocabularies and their French labels.
 */

export const MEETING_KINDS = [
  { id: 'atelier', label: 'Atelier' },
  { id: 'copil', label: 'COPIL' },
  { id: 'cotech', label: 'COTECH' },
  { id: 'reunion-publique', label: 'Réunion publique' },
  { id: 'entretien', label: 'Entretien' },
] as const;

export type MeetingKind = (typeof MEETING_KINDS)[number]['id'];

export type MeetingSchedule = 'single' | 'full-day';

export type AttendanceStatus = 'expected' | 'present' | 'excused' | 'absent';

export const ATTENDANCE_STATUSES: readonly { id: AttendanceStatus; label: string }[] = [
  { id: 'expected', label: 'Attendu·e' },
  { id: 'present', label: 'Présent·e' },
  { id: 'excused', label: 'Excusé·e' },
  { id: 'absent', label: 'Absent·e' },
];

export type ConsentAnswer = 'yes' | 'no';

/** A part of the meeting that is signed for separately. */
export interface MeetingSlot {
  id: 'single' | 'morning' | 'afternoon';
  /** "Matin", "Après-midi", or "14:00–16:30" for a single sitting. */
  label: string;
}

export interface MeetingParticipant {
  contactId: string;
  invited: boolean;
  attendance: AttendanceStatus;
  checkedAt: number | null;
  /** Slot id → encoded signature (meetings/signature.ts). */
  signatures: Readonly<Record<string, string>>;
  photoConsent: ConsentAnswer | null;
  recordingConsent: ConsentAnswer | null;
}

export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

/** Photos from phones are reduced to this many pixels on their long side before they are stored. */
export const MAX_PHOTO_SIDE = 2560;

/** A stored photo is at most this heavy (a reduced photo weighs a few megabytes at most). */
export const MAX_PHOTO_BYTES = 25 * 1024 * 1024;

export const MAX_PHOTO_FILE_NAME_LENGTH = 255;

export const MAX_PHOTO_CAPTION_LENGTH = 500;

/** A photo of a paper board (paperboard, wall of sticky notes) attached to a meeting. */
export interface MeetingPhoto {
  /** SHA-256 of the stored bytes, in lowercase hex: the key of the attachment on every machine. */
  hash: string;
  fileName: string;
  caption: string;
  mediaType: PhotoMediaType;
  byteLength: number;
  width: number;
  height: number;
  addedAt: number;
}

export function isPhotoMediaType(value: unknown): value is PhotoMediaType {
  return PHOTO_MEDIA_TYPES.some((mediaType) => mediaType === value);
}

/** A SHA-256 digest written as 64 lowercase hexadecimal digits. */
export function isContentHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

export interface Meeting {
  id: string;
  kind: MeetingKind;
  title: string;
  /** ISO date, null until chosen. */
  date: string | null;
  schedule: MeetingSchedule;
  /** 'HH:MM', null when not known. */
  startTime: string | null;
  endTime: string | null;
  /** INSEE code of the commune where it takes place, when it is in the geography. */
  communeCode: string | null;
  communeName: string;
  room: string;
  agenda: string;
  organiser: string;
  slots: MeetingSlot[];
  participants: MeetingParticipant[];
  /** Oldest first. */
  photos: MeetingPhoto[];
  createdAt: number;
  updatedAt: number;
  trashedAt: number | null;
}

export function meetingKindLabel(id: MeetingKind): string {
  return MEETING_KINDS.find((entry) => entry.id === id)?.label ?? id;
}

export function attendanceStatusLabel(id: AttendanceStatus): string {
  return ATTENDANCE_STATUSES.find((entry) => entry.id === id)?.label ?? id;
}

/** The slots a meeting is signed for: a full day has a morning and an afternoon. */
export function meetingSlots(schedule: MeetingSchedule, startTime: string | null, endTime: string | null): MeetingSlot[] {
  if (schedule === 'full-day') {
    return [
      { id: 'morning', label: 'Matin' },
      { id: 'afternoon', label: 'Après-midi' },
    ];
  }
  const times = startTime && endTime ? `${startTime}–${endTime}` : startTime ?? 'Séance';
  return [{ id: 'single', label: times }];
}
