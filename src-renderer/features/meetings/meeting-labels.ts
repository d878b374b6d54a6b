import { formatIsoDate } from '@shared/format/french-format';
import { meetingKindLabel, type Meeting } from '@shared/meetings/meeting-model';

/** "Atelier — Atelier parentalité", how lists and headings name a meeting. */
export function meetingName(meeting: Pick<Meeting, 'kind' | 'title'>): string {
  return `${meetingKindLabel(meeting.kind)} — ${meeting.title || 'Sans titre'}`;
}

/** "12 avril 2024, 14:00–16:30", "12 avril 2024, journée entière", or "Date à fixer". */
export function meetingWhen(meeting: Pick<Meeting, 'date' | 'schedule' | 'startTime' | 'endTime'>): string {
  const date = formatIsoDate(meeting.date) || 'Date à fixer';
  if (meeting.schedule === 'full-day') return `${date}, journée entière`;
  if (meeting.startTime && meeting.endTime) return `${date}, ${meeting.startTime}–${meeting.endTime}`;
  if (meeting.startTime) return `${date}, ${meeting.startTime}`;
  return date;
}

/** "Salle du conseil, Ayen", or "Lieu à préciser". */
export function meetingPlace(meeting: Pick<Meeting, 'room' | 'communeName'>): string {
  return [meeting.room, meeting.communeName].filter((part) => part.trim() !== '').join(', ') || 'Lieu à préciser';
}

/** "3 présents sur 12 invités": the counter of the check-in screen and of the list. */
export function presenceSummary(present: number, invited: number): string {
  return `${present} présent${present > 1 ? 's' : ''} sur ${invited} invité${invited > 1 ? 's' : ''}`;
}
