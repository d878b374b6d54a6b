/**
 * Attendance figures of a mission: how many people came, which categories and communes they came
 * from, who came back. People are counted once however many contacts they were merged from.
 */
import { CONTACT_CATEGORIES } from '../directory/contact-model';
import type { DirectorySnapshot } from '../directory/directory-snapshot';
import { normalizeForSearch } from '../text/normalize-search';
import { meetingKindLabel, type Meeting, type MeetingKind } from './meeting-model';
import { resolveParticipants } from './participant-merge';
import { compareByName, indexDirectory, participantIdentity, type ParticipantIdentity } from './participant-rows';

export interface PeopleCount {
  /** A category id, an INSEE code, "nom:<commune>" for a commune without code, or "" for "not known". */
  key: string;
  label: string;
  people: number;
}

export interface ReturningPerson {
  contactId: string;
  sortName: string;
  displayName: string;
  /** Meetings the person attended, 2 or more. */
  meetingsAttended: number;
}

export interface MeetingAttendanceCounts {
  meetingId: string;
  title: string;
  date: string | null;
  kind: MeetingKind;
  kindLabel: string;
  invited: number;
  /** People present without an invitation (counted in `present` too). */
  walkIns: number;
  present: number;
  excused: number;
  absent: number;
  expected: number;
}

export interface AttendanceStatistics {
  /** Meetings out of the trash. */
  meetingCount: number;
  /** Meetings where at least one person was checked in present. */
  meetingsHeld: number;
  /** Presences summed over the meetings: one person at three meetings counts three. */
  totalAttendances: number;
  /** People present at least once. */
  distinctPeople: number;
  /** Distinct people present, by category, in the order of the category list; "not known" last. */
  byCategory: PeopleCount[];
  /** Distinct people present, by commune, the most represented first. */
  byCommune: PeopleCount[];
  /** People present at two meetings or more, the most faithful first. */
  returning: ReturningPerson[];
  /** Every meeting out of the trash, in date order. */
  perMeeting: MeetingAttendanceCounts[];
}

export const UNKNOWN_CATEGORY_LABEL = 'Non renseignée';
export const UNKNOWN_COMMUNE_LABEL = 'Commune non renseignée';

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function communeOf(person: ParticipantIdentity): { key: string; label: string } {
  if (person.communeCode) return { key: person.communeCode, label: person.communeName || person.communeCode };
  const name = normalizeForSearch(person.communeName);
  return name ? { key: `nom:${name}`, label: person.communeName } : { key: '', label: UNKNOWN_COMMUNE_LABEL };
}

function countMeeting(meeting: Meeting, participants: ReturnType<typeof resolveParticipants>): MeetingAttendanceCounts {
  const counts: MeetingAttendanceCounts = {
    meetingId: meeting.id,
    title: meeting.title,
    date: meeting.date,
    kind: meeting.kind,
    kindLabel: meetingKindLabel(meeting.kind),
    invited: 0,
    walkIns: 0,
    present: 0,
    excused: 0,
    absent: 0,
    expected: 0,
  };
  for (const participant of participants) {
    if (participant.invited) counts.invited += 1;
    else if (participant.attendance === 'present') counts.walkIns += 1;
    counts[participant.attendance] += 1;
  }
  return counts;
}

export function attendanceStatistics(meetings: readonly Meeting[], directory: DirectorySnapshot): AttendanceStatistics {
  const index = indexDirectory(directory);
  const perMeeting: MeetingAttendanceCounts[] = [];
  const attendedBy = new Map<string, number>();
  for (const meeting of meetings) {
    if (meeting.trashedAt !== null) continue;
    const participants = resolveParticipants(meeting.participants, index.aliases);
    perMeeting.push(countMeeting(meeting, participants));
    for (const participant of participants) {
      if (participant.attendance === 'present') attendedBy.set(participant.contactId, (attendedBy.get(participant.contactId) ?? 0) + 1);
    }
  }

  const people = [...attendedBy.keys()].map((contactId) => participantIdentity(contactId, index));
  const categories = new Map<string, number>();
  const communes = new Map<string, PeopleCount>();
  for (const person of people) {
    const category = person.category ?? '';
    categories.set(category, (categories.get(category) ?? 0) + 1);
    const commune = communeOf(person);
    const entry = communes.get(commune.key);
    if (entry) entry.people += 1;
    else communes.set(commune.key, { ...commune, people: 1 });
  }
  const byCategory: PeopleCount[] = [
    ...CONTACT_CATEGORIES.map((category) => ({ key: category.id as string, label: category.label, people: categories.get(category.id) ?? 0 })),
    { key: '', label: UNKNOWN_CATEGORY_LABEL, people: categories.get('') ?? 0 },
  ].filter((entry) => entry.people > 0);
  const byCommune = [...communes.values()].sort(
    (left, right) => right.people - left.people || Number(left.key === '') - Number(right.key === '') || frenchCollator.compare(left.label, right.label),
  );
  const returning = people
    .filter((person) => (attendedBy.get(person.contactId) ?? 0) >= 2)
    .sort((left, right) => (attendedBy.get(right.contactId) ?? 0) - (attendedBy.get(left.contactId) ?? 0) || compareByName(left, right))
    .map((person) => ({
      contactId: person.contactId,
      sortName: person.sortName,
      displayName: person.displayName,
      meetingsAttended: attendedBy.get(person.contactId) ?? 0,
    }));

  return {
    meetingCount: perMeeting.length,
    meetingsHeld: perMeeting.filter((counts) => counts.present > 0).length,
    totalAttendances: perMeeting.reduce((sum, counts) => sum + counts.present, 0),
    distinctPeople: people.length,
    byCategory,
    byCommune,
    returning,
    perMeeting,
  };
}
