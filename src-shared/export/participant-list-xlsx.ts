import { formatDateTime, formatIsoDate } from '../format/french-format';
import { consentAnswerLabel, invitationLabel } from '../gdpr/participation-labels';
import { attendanceStatusLabel, meetingKindLabel, type AttendanceStatus, type ConsentAnswer, type MeetingKind } from '../meetings/meeting-model';
import { formatLongIsoDate, meetingPlaceText } from './sign-in-sheet-content';
import { addTableSheet, newWorkbook, workbookBytes, type TableColumn } from './workbooks/table-sheet';

/** A meeting a person came to, as the mission list names it. */
export interface AttendedMeeting {
  /** "COPIL", "Atelier"… */
  kindLabel: string;
  title: string;
  /** ISO date, null when the meeting has none. */
  date: string | null;
}

/** Who a person of the mission is and which meetings they came to: plain strings, already worded for print. */
export interface ParticipantListPerson {
  /** "DUPONT Claire". */
  sortName: string;
  jobTitle: string;
  organisation: string;
  category: string;
  commune: string;
  /** The meetings the person was present at, in the meetings' order. */
  meetingsAttended: readonly AttendedMeeting[];
}

/** One person of the mission, with the contact details the team uses to reach them. */
export interface MissionParticipantListRow extends ParticipantListPerson {
  email: string;
  phone: string;
}

export interface MissionParticipantList {
  missionTitle: string;
  generatedAt: Date;
  /** In print order. */
  rows: readonly MissionParticipantListRow[];
}

/** One person of a meeting. */
export interface MeetingParticipantListRow {
  sortName: string;
  organisation: string;
  category: string;
  commune: string;
  attendance: AttendanceStatus;
  invited: boolean;
  /** Labels of the slots the person signed ("Matin", "14:00–16:30"). */
  signedSlots: readonly string[];
  photoConsent: ConsentAnswer | null;
  recordingConsent: ConsentAnswer | null;
}

export interface MeetingParticipantList {
  missionTitle: string;
  meetingKind: MeetingKind;
  /** The meeting's title. */
  purpose: string;
  /** ISO date, null when not chosen. */
  date: string | null;
  communeName: string;
  room: string;
  generatedAt: Date;
  rows: readonly MeetingParticipantListRow[];
}

export const NO_PARTICIPANT = 'Aucun participant.';
export const RESTRICTED_NOTE = 'Document contenant des données personnelles : à ne diffuser qu’aux personnes chargées de la démarche.';
export const RESTRICTED_FOOTER = 'Données personnelles – diffusion restreinte';

function attendedMeetingText(meeting: AttendedMeeting): string {
  const date = formatIsoDate(meeting.date);
  const name = [meeting.kindLabel, meeting.title.trim()].filter((part) => part !== '').join(' – ');
  return date ? `${name} (${date})` : name;
}

/** Who the person is: the columns every list of the mission's people starts with. */
export const PERSON_COLUMNS: readonly TableColumn<ParticipantListPerson>[] = [
  { header: 'Nom et prénom', width: 24, value: (row) => row.sortName },
  { header: 'Fonction', width: 20, value: (row) => row.jobTitle },
  { header: 'Structure', width: 24, value: (row) => row.organisation },
  { header: 'Catégorie', width: 20, value: (row) => row.category },
  { header: 'Commune', width: 16, value: (row) => row.commune },
];

/** How many meetings the person came to, and which. */
export const ATTENDED_COLUMNS: readonly TableColumn<ParticipantListPerson>[] = [
  { header: 'Réunions suivies', width: 10, value: (row) => row.meetingsAttended.length },
  { header: 'Lesquelles', width: 40, value: (row) => row.meetingsAttended.map(attendedMeetingText).join('\n') },
];

const MISSION_COLUMNS: readonly TableColumn<MissionParticipantListRow>[] = [
  ...PERSON_COLUMNS,
  { header: 'Courriel', width: 26, value: (row) => row.email },
  { header: 'Téléphone', width: 15, value: (row) => row.phone },
  ...ATTENDED_COLUMNS,
];

const MEETING_COLUMNS: readonly TableColumn<MeetingParticipantListRow>[] = [
  { header: 'Nom et prénom', width: 24, value: (row) => row.sortName },
  { header: 'Structure', width: 24, value: (row) => row.organisation },
  { header: 'Catégorie', width: 20, value: (row) => row.category },
  { header: 'Commune', width: 16, value: (row) => row.commune },
  { header: 'Présence', width: 12, value: (row) => attendanceStatusLabel(row.attendance) },
  { header: 'Inscription', width: 16, value: (row) => invitationLabel(row.invited) },
  { header: 'Séances signées', width: 18, value: (row) => row.signedSlots.join(', ') },
  { header: 'Accord photo', width: 11, value: (row) => consentAnswerLabel(row.photoConsent) },
  { header: 'Accord enregistrement', width: 14, value: (row) => consentAnswerLabel(row.recordingConsent) },
];

interface ListContent<Row> {
  workbookTitle: string;
  title: string;
  subtitle: string;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  generatedAt: Date;
}

function buildListWorkbook<Row>(content: ListContent<Row>): Promise<Uint8Array> {
  const workbook = newWorkbook({ title: content.workbookTitle, subject: 'Liste des participants', generatedAt: content.generatedAt });
  addTableSheet(workbook, {
    name: 'Participants',
    title: content.title,
    note: content.subtitle,
    footer: content.title,
    footerCentre: RESTRICTED_FOOTER,
    columns: content.columns,
    rows: content.rows,
    empty: NO_PARTICIPANT,
  });
  return workbookBytes(workbook);
}

export function restrictedExportNote(generatedAt: Date): string {
  return `Exporté le ${formatDateTime(generatedAt.getTime())}. ${RESTRICTED_NOTE}`;
}

/** Everyone of a mission, one row each, with the meetings they came to. */
export function buildMissionParticipantListXlsx(list: MissionParticipantList): Promise<Uint8Array> {
  const missionTitle = list.missionTitle.trim() || 'Mission sans titre';
  return buildListWorkbook({
    workbookTitle: `Participants – ${missionTitle}`,
    title: `Participants – ${missionTitle}`,
    subtitle: restrictedExportNote(list.generatedAt),
    columns: MISSION_COLUMNS,
    rows: list.rows,
    generatedAt: list.generatedAt,
  });
}

/** Everyone of one meeting, with their attendance, signatures and consents. */
export function buildMeetingParticipantListXlsx(list: MeetingParticipantList): Promise<Uint8Array> {
  const meetingName = [meetingKindLabel(list.meetingKind), list.purpose.trim()].filter((part) => part !== '').join(' – ');
  const when = [formatLongIsoDate(list.date), meetingPlaceText(list.communeName, list.room)].filter((part) => part !== '').join(', ');
  const missionTitle = list.missionTitle.trim() || 'Mission sans titre';
  return buildListWorkbook({
    workbookTitle: `Participants – ${meetingName}`,
    title: `Participants – ${meetingName}${when ? ` – ${when}` : ''}`,
    subtitle: `Démarche : ${missionTitle}. ${restrictedExportNote(list.generatedAt)}`,
    columns: MEETING_COLUMNS,
    rows: list.rows,
    generatedAt: list.generatedAt,
  });
}
