/**
 * The people of a meeting or of a whole mission as rows ready to print or export: names as
 * sign-in sheets write them, organisation and category in words, attendance and signatures.
 */
import { contactCategoryLabel, contactDisplayName, contactSortName, type Contact, type ContactCategory } from '../directory/contact-model';
import type { DirectorySnapshot } from '../directory/directory-snapshot';
import {
  attendanceStatusLabel,
  meetingKindLabel,
  type AttendanceStatus,
  type ConsentAnswer,
  type Meeting,
  type MeetingParticipant,
  type MeetingSlot,
} from './meeting-model';
import { resolveParticipants } from './participant-merge';

/** Who a participant is, as the directory knows them. */
export interface ParticipantIdentity {
  /** The contact's id (a merged contact's survivor). */
  contactId: string;
  /** "DUPONT Claire": the name lists print and sort by. */
  sortName: string;
  /** "Mme Claire Dupont". */
  displayName: string;
  jobTitle: string;
  /** "" when the contact has no organisation. */
  organisationName: string;
  /** Null when the contact is not in this copy of the directory. */
  category: ContactCategory | null;
  categoryLabel: string;
  communeCode: string | null;
  communeName: string;
  /**
   * False when the contact is not in this copy of the directory (not synchronised yet): the row
   * still counts, under a neutral name.
   */
  inDirectory: boolean;
}

export interface ParticipantSignature {
  slot: MeetingSlot;
  /** The encoded signature (meetings/signature.ts), or null when the slot is not signed. */
  signature: string | null;
}

export interface MeetingParticipantRow extends ParticipantIdentity {
  invited: boolean;
  attendance: AttendanceStatus;
  /** "Présent·e", "Excusé·e"… */
  attendanceLabel: string;
  /** One entry per slot of the meeting, in the meeting's order. */
  signatures: ParticipantSignature[];
  photoConsent: ConsentAnswer | null;
  recordingConsent: ConsentAnswer | null;
}

export interface ParticipationSummary {
  meetingId: string;
  title: string;
  /** ISO date, null when the meeting has none. */
  date: string | null;
  kindLabel: string;
  invited: boolean;
  attendance: AttendanceStatus;
}

export interface MissionParticipantRow extends ParticipantIdentity {
  /** Every meeting of the mission the person was invited to or came to, in the meetings' order. */
  participations: ParticipationSummary[];
  /** How many of those meetings the person attended. */
  presentCount: number;
}

export const UNKNOWN_CONTACT_NAME = 'Contact absent de l’annuaire';

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** An index of the directory for repeated look-ups. */
export interface DirectoryIndex {
  contacts: ReadonlyMap<string, Contact>;
  organisationNames: ReadonlyMap<string, string>;
  aliases: ReadonlyMap<string, string>;
}

export function indexDirectory(directory: DirectorySnapshot): DirectoryIndex {
  return {
    contacts: new Map(directory.contacts.map((contact) => [contact.id, contact])),
    organisationNames: new Map(directory.organisations.map((organisation) => [organisation.id, organisation.name])),
    aliases: directory.aliases,
  };
}

export function participantIdentity(contactId: string, index: DirectoryIndex): ParticipantIdentity {
  const contact = index.contacts.get(contactId);
  if (!contact) {
    return {
      contactId,
      sortName: UNKNOWN_CONTACT_NAME,
      displayName: UNKNOWN_CONTACT_NAME,
      jobTitle: '',
      organisationName: '',
      category: null,
      categoryLabel: '',
      communeCode: null,
      communeName: '',
      inDirectory: false,
    };
  }
  return {
    contactId,
    sortName: contactSortName(contact),
    displayName: contactDisplayName(contact),
    jobTitle: contact.jobTitle,
    organisationName: contact.organisationId ? (index.organisationNames.get(contact.organisationId) ?? '') : '',
    category: contact.category,
    categoryLabel: contactCategoryLabel(contact.category),
    communeCode: contact.communeCode,
    communeName: contact.communeName,
    inDirectory: true,
  };
}

export function compareByName(left: ParticipantIdentity, right: ParticipantIdentity): number {
  return frenchCollator.compare(left.sortName, right.sortName) || left.contactId.localeCompare(right.contactId);
}

function meetingRow(meeting: Meeting, participant: MeetingParticipant, index: DirectoryIndex): MeetingParticipantRow {
  return {
    ...participantIdentity(participant.contactId, index),
    invited: participant.invited,
    attendance: participant.attendance,
    attendanceLabel: attendanceStatusLabel(participant.attendance),
    signatures: meeting.slots.map((slot) => ({ slot, signature: participant.signatures[slot.id] ?? null })),
    photoConsent: participant.photoConsent,
    recordingConsent: participant.recordingConsent,
  };
}

/** A meeting's participants: the invited people first, then the walk-ins, each alphabetically. */
export function meetingParticipantRows(meeting: Meeting, directory: DirectorySnapshot): MeetingParticipantRow[] {
  const index = indexDirectory(directory);
  return resolveParticipants(meeting.participants, index.aliases)
    .map((participant) => meetingRow(meeting, participant, index))
    .sort((left, right) => Number(right.invited) - Number(left.invited) || compareByName(left, right));
}

/** Everyone invited to or present at a meeting of the mission (trashed meetings left out), alphabetically. */
export function missionParticipantRows(meetings: readonly Meeting[], directory: DirectorySnapshot): MissionParticipantRow[] {
  const index = indexDirectory(directory);
  const rows = new Map<string, MissionParticipantRow>();
  for (const meeting of meetings) {
    if (meeting.trashedAt !== null) continue;
    for (const participant of resolveParticipants(meeting.participants, index.aliases)) {
      let row = rows.get(participant.contactId);
      if (!row) {
        row = { ...participantIdentity(participant.contactId, index), participations: [], presentCount: 0 };
        rows.set(participant.contactId, row);
      }
      row.participations.push({
        meetingId: meeting.id,
        title: meeting.title,
        date: meeting.date,
        kindLabel: meetingKindLabel(meeting.kind),
        invited: participant.invited,
        attendance: participant.attendance,
      });
      if (participant.attendance === 'present') row.presentCount += 1;
    }
  }
  return [...rows.values()].sort(compareByName);
}
