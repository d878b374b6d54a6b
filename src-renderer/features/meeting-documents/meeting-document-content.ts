import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { GdprSettings } from '@shared/directory/contact-model';
import type { SignInSheet, SignInSheetRow } from '@shared/export/sign-in-sheet-content';
import type { MeetingParticipantList, MissionParticipantList } from '@shared/export/participant-list-xlsx';
import { buildGdprNotice } from '@shared/gdpr/gdpr-notice';
import type { Meeting } from '@shared/meetings/meeting-model';
import { meetingParticipantRows, missionParticipantRows } from '@shared/meetings/participant-rows';
import type { MissionSnapshot } from '@shared/model/mission';
import { signaturePng } from './signature-png';

/**
 * The sheet to print before the meeting (`signed: false`): the invited people and blank rows for
 * walk-ins. After the meeting (`signed: true`): the people present, invited or not, with the
 * signatures drawn on screen.
 */
export async function signInSheetContent(
  mission: MissionSnapshot,
  meeting: Meeting,
  directory: DirectorySnapshot,
  settings: GdprSettings,
  { signed, blankRows }: { signed: boolean; blankRows: number },
): Promise<SignInSheet> {
  const participants = meetingParticipantRows(meeting, directory).filter((row) => (signed ? row.attendance === 'present' : row.invited));
  const rows: SignInSheetRow[] = [];
  for (const participant of participants) {
    const signatures: Record<string, Uint8Array> = {};
    if (signed) {
      for (const { slot, signature } of participant.signatures) if (signature) signatures[slot.id] = await signaturePng(signature);
    }
    rows.push({
      sortName: participant.sortName,
      displayName: participant.displayName,
      organisation: participant.organisationName,
      category: participant.categoryLabel,
      signatures,
    });
  }
  return {
    missionTitle: mission.title,
    organiser: meeting.organiser || mission.sponsor,
    purpose: meeting.title,
    meetingKind: meeting.kind,
    date: meeting.date,
    communeName: meeting.communeName,
    room: meeting.room,
    slots: meeting.slots,
    rows,
    blankRows: signed ? 0 : blankRows,
    gdpr: buildGdprNotice(settings),
  };
}

export function meetingParticipantList(mission: MissionSnapshot, meeting: Meeting, directory: DirectorySnapshot): MeetingParticipantList {
  return {
    missionTitle: mission.title,
    meetingKind: meeting.kind,
    purpose: meeting.title,
    date: meeting.date,
    communeName: meeting.communeName,
    room: meeting.room,
    generatedAt: new Date(),
    rows: meetingParticipantRows(meeting, directory).map((row) => ({
      sortName: row.sortName,
      organisation: row.organisationName,
      category: row.categoryLabel,
      commune: row.communeName,
      attendance: row.attendance,
      invited: row.invited,
      signedSlots: row.signatures.filter((entry) => entry.signature !== null).map((entry) => entry.slot.label),
      photoConsent: row.photoConsent,
      recordingConsent: row.recordingConsent,
    })),
  };
}

export function missionParticipantList(mission: MissionSnapshot, meetings: readonly Meeting[], directory: DirectorySnapshot): MissionParticipantList {
  const contacts = new Map(directory.contacts.map((contact) => [contact.id, contact]));
  return {
    missionTitle: mission.title,
    generatedAt: new Date(),
    rows: missionParticipantRows(meetings, directory).map((row) => ({
      sortName: row.sortName,
      jobTitle: row.jobTitle,
      organisation: row.organisationName,
      category: row.categoryLabel,
      commune: row.communeName,
      email: contacts.get(row.contactId)?.email ?? '',
      phone: contacts.get(row.contactId)?.phone ?? '',
      meetingsAttended: row.participations
        .filter((participation) => participation.attendance === 'present')
        .map(({ kindLabel, title, date }) => ({ kindLabel, title, date })),
    })),
  };
}
