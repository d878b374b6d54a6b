import { validateFields, validateLongText, validateOptionalDate, validateShortText, validateTitle, type FieldErrors } from '../qualitative/qualitative-validation';
import { MEETING_KINDS, type Meeting, type MeetingKind, type MeetingSchedule } from './meeting-model';

/** What the "new meeting" form and a meeting's page write: the meeting's own fields. */
export type MeetingInput = Pick<
  Meeting,
  'kind' | 'title' | 'date' | 'schedule' | 'startTime' | 'endTime' | 'communeCode' | 'communeName' | 'room' | 'agenda' | 'organiser'
>;

export type MeetingErrors = FieldErrors<MeetingInput>;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const COMMUNE_CODE = /^[0-9][0-9AB][0-9]{3}$/;

export function isMeetingKind(value: unknown): value is MeetingKind {
  return MEETING_KINDS.some((kind) => kind.id === value);
}

export function isMeetingSchedule(value: unknown): value is MeetingSchedule {
  return value === 'single' || value === 'full-day';
}

export function validateTime(time: string | null): string | null {
  return time !== null && !TIME.test(time) ? 'L’heure doit s’écrire HH:MM, par exemple 14:30.' : null;
}

const MEETING_CHECKS = {
  kind: (kind: MeetingKind) => (isMeetingKind(kind) ? null : 'Type de réunion inconnu.'),
  title: validateTitle,
  date: validateOptionalDate,
  schedule: (schedule: MeetingSchedule) => (isMeetingSchedule(schedule) ? null : 'Déroulé inconnu : une séance ou une journée entière.'),
  startTime: validateTime,
  endTime: validateTime,
  communeCode: (code: string | null) => (code !== null && !COMMUNE_CODE.test(code) ? 'Code de commune invalide.' : null),
  communeName: validateShortText,
  room: validateShortText,
  agenda: validateLongText,
  organiser: validateShortText,
};

/**
 * The French message of each refused field of `input` (a whole meeting or one edit). `current` is
 * the meeting as saved, so an edit of one time is checked against the other.
 */
export function validateMeetingInput(input: Partial<MeetingInput>, current?: Pick<MeetingInput, 'startTime' | 'endTime'>): MeetingErrors {
  const errors = validateFields<MeetingInput>(input, MEETING_CHECKS);
  const startTime = input.startTime !== undefined ? input.startTime : (current?.startTime ?? null);
  const endTime = input.endTime !== undefined ? input.endTime : (current?.endTime ?? null);
  if (!errors.startTime && !errors.endTime && startTime !== null && endTime !== null && endTime <= startTime) {
    errors.endTime = 'L’heure de fin doit être après l’heure de début.';
  }
  return errors;
}
