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
