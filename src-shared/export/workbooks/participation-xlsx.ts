/**
 * Who took part in a mission, as a workbook: the meetings with their attendance counts, every
 * presence, the people (with only what a participant list may carry: no e-mail, phone or notes,
 * but the legal basis and the consent and retention dates the GDPR asks to keep track of) and
 * the attendance figures.
 */
import type { Contact } from '../../directory/contact-model';
import { legalBasisLabel } from '../../directory/contact-model';
import { consentAnswerLabel, invitationLabel } from '../../gdpr/participation-labels';
import { attendanceStatistics, type MeetingAttendanceCounts } from '../../meetings/attendance-statistics';
import { meetingKindLabel, type Meeting } from '../../meetings/meeting-model';
import { meetingParticipantRows, missionParticipantRows, type MeetingParticipantRow } from '../../meetings/participant-rows';
import type { MissionDeliverableSource } from '../deliverables/deliverable-source';
import {
  ATTENDED_COLUMNS,
  NO_PARTICIPANT,
  PERSON_COLUMNS,
  RESTRICTED_FOOTER,
  RESTRICTED_NOTE,
  type ParticipantListPerson,
} from '../participant-list-xlsx';
import { meetingPlaceText } from '../sign-in-sheet-content';
import { fictitiousWarning, FICTITIOUS_FOOTER, missionTitleOf, provenanceNote } from './mission-workbook-notes';
import {
  addFiguresSheet,
  addTableSheet,
  columnSum,
  COUNT_FORMAT,
  DATE_FORMAT,
  excelDate,
  formulaCell,
  newWorkbook,
  styleTotalRow,
  TABLE_HEADER_ROW,
  workbookBytes,
  writeFigureBlock,
  type TableColumn,
} from './table-sheet';

export const MEETINGS_SHEET = 'Réunions';
export const ATTENDANCE_SHEET = 'Présences';
export const PARTICIPANTS_SHEET = 'Participants';
export const STATISTICS_SHEET = 'Statistiques';

export interface ParticipationOptions {
  generatedAt: Date;
}

const YES = 'Oui';
const NO = 'Non';

function meetingName(meeting: Pick<Meeting, 'kind' | 'title'>): string {
  return [meetingKindLabel(meeting.kind), meeting.title.trim()].filter((part) => part !== '').join(' – ');
}

interface MeetingRow {
  counts: MeetingAttendanceCounts;
  meeting: Meeting | undefined;
}

/** The counts of « Réunions », by column letter: the totals row sums them. */
const COUNT_COLUMNS: readonly { header: string; letter: string; count: (counts: MeetingAttendanceCounts) => number }[] = [
  { header: 'Invités', letter: 'E', count: (counts) => counts.invited },
  { header: 'Présents', letter: 'F', count: (counts) => counts.present },
  { header: 'Venus sans invitation', letter: 'G', count: (counts) => counts.walkIns },
  { header: 'Excusés', letter: 'H', count: (counts) => counts.excused },
  { header: 'Absents', letter: 'I', count: (counts) => counts.absent },
];

const MEETING_COLUMNS: readonly TableColumn<MeetingRow>[] = [
  { header: 'Date', width: 11, numFmt: DATE_FORMAT, value: (row) => excelDate(row.counts.date) },
  { header: 'Type', width: 16, value: (row) => row.counts.kindLabel },
  { header: 'Intitulé', width: 36, value: (row) => row.counts.title.trim() },
  { header: 'Lieu', width: 28, value: (row) => (row.meeting ? meetingPlaceText(row.meeting.communeName, row.meeting.room) : '') },
  ...COUNT_COLUMNS.map((column) => ({ header: column.header, width: 11, numFmt: COUNT_FORMAT, value: (row: MeetingRow) => column.count(row.counts) })),
];

interface PresenceRow {
  meeting: Meeting;
  participant: MeetingParticipantRow;
}

const PRESENCE_COLUMNS: readonly TableColumn<PresenceRow>[] = [
  { header: 'Date', width: 11, numFmt: DATE_FORMAT, value: (row) => excelDate(row.meeting.date) },
  { header: 'Réunion', width: 32, value: (row) => meetingName(row.meeting) },
  { header: 'Nom et prénom', width: 24, value: (row) => row.participant.sortName },
  { header: 'Structure', width: 24, value: (row) => row.participant.organisationName },
  { header: 'Catégorie', width: 20, value: (row) => row.participant.categoryLabel },
  { header: 'Présence', width: 12, value: (row) => row.participant.attendanceLabel },
  { header: 'Inscription', width: 16, value: (row) => invitationLabel(row.participant.invited) },
  // Whether the person signed, never the signature itself: the drawn signature stays in the app.
  { header: 'Émargement signé', width: 11, value: (row) => (row.participant.signatures.some((entry) => entry.signature !== null) ? YES : NO) },
  { header: 'Accord photo', width: 11, value: (row) => consentAnswerLabel(row.participant.photoConsent) },
  { header: 'Accord enregistrement', width: 14, value: (row) => consentAnswerLabel(row.participant.recordingConsent) },
];

/** A person of the mission with the GDPR follow-up of their contact; contact details are left out on purpose. */
interface ParticipantRow extends ParticipantListPerson {
  contact: Contact | undefined;
}

const PARTICIPANT_COLUMNS: readonly TableColumn<ParticipantRow>[] = [
  ...PERSON_COLUMNS,
  ...ATTENDED_COLUMNS,
  { header: 'Base légale', width: 18, value: (row) => (row.contact ? legalBasisLabel(row.contact.legalBasis) : '') },
  { header: 'Consentement donné le', width: 13, numFmt: DATE_FORMAT, value: (row) => excelDate(row.contact?.consentDate ?? null) },
  { header: 'Conservation jusqu’au', width: 13, numFmt: DATE_FORMAT, value: (row) => excelDate(row.contact?.retentionUntil ?? null) },
];

function participantRows(source: MissionDeliverableSource): ParticipantRow[] {
  const contacts = new Map(source.directory.contacts.map((contact) => [contact.id, contact]));
  return missionParticipantRows(source.meetings, source.directory).map((row) => ({
    sortName: row.sortName,
    jobTitle: row.jobTitle,
    organisation: row.organisationName,
    category: row.categoryLabel,
    commune: row.communeName,
    meetingsAttended: row.participations
      .filter((participation) => participation.attendance === 'present')
      .map(({ kindLabel, title, date }) => ({ kindLabel, title, date })),
    contact: contacts.get(row.contactId),
  }));
}

export async function buildParticipationWorkbook(source: MissionDeliverableSource, options: ParticipationOptions): Promise<Uint8Array> {
  const { generatedAt } = options;
  const missionTitle = missionTitleOf(source);
  const warning = fictitiousWarning(source);
  const footerCentre = [RESTRICTED_FOOTER, ...(source.fictitious ? [FICTITIOUS_FOOTER] : [])].join(' – ');
  const note = (what: string) => `${provenanceNote(source, what, generatedAt)} ${RESTRICTED_NOTE}`;
  const statistics = attendanceStatistics(source.meetings, source.directory);
  const meetingsById = new Map(source.meetings.map((meeting) => [meeting.id, meeting]));

  const workbook = newWorkbook({ title: `Participation – ${missionTitle}`, subject: 'Réunions, présences et participants', generatedAt });

  const meetingRows = statistics.perMeeting.map((counts) => ({ counts, meeting: meetingsById.get(counts.meetingId) }));
  const meetings = addTableSheet(workbook, {
    name: MEETINGS_SHEET,
    title: `Réunions – ${missionTitle}`,
    note: note('Une ligne par réunion, avec le nombre de personnes invitées, présentes, excusées et absentes.'),
    warning,
    footer: `Réunions – ${missionTitle}`,
    footerCentre,
    columns: MEETING_COLUMNS,
    rows: meetingRows,
    empty: 'Aucune réunion.',
  });
  const totalRow = meetings.sheet.getRow(meetings.lastRow + 1);
  totalRow.getCell(3).value = 'Total';
  COUNT_COLUMNS.forEach((column, index) => {
    const cell = totalRow.getCell(5 + index);
    cell.value = formulaCell(
      columnSum(column.letter, meetings.firstRow, meetings.lastRow),
      statistics.perMeeting.reduce((total, counts) => total + column.count(counts), 0),
    );
    cell.numFmt = COUNT_FORMAT;
  });
  styleTotalRow(totalRow, MEETING_COLUMNS.length);

  addTableSheet(workbook, {
    name: ATTENDANCE_SHEET,
    title: `Présences – ${missionTitle}`,
    note: note('Une ligne par personne et par réunion. La feuille dit si la personne a signé, sans reproduire sa signature.'),
    warning,
    footer: `Présences – ${missionTitle}`,
    footerCentre,
    columns: PRESENCE_COLUMNS,
    rows: source.meetings.flatMap((meeting) => meetingParticipantRows(meeting, source.directory).map((participant) => ({ meeting, participant }))),
    empty: NO_PARTICIPANT,
  });

  addTableSheet(workbook, {
    name: PARTICIPANTS_SHEET,
    title: `Participants – ${missionTitle}`,
    note: note(
      'Une ligne par personne invitée ou venue. Les coordonnées (courriel, téléphone) et les notes ne figurent pas ici ; la base légale et les dates de consentement et de conservation permettent le suivi RGPD.',
    ),
    warning,
    footer: `Participants – ${missionTitle}`,
    footerCentre,
    columns: PARTICIPANT_COLUMNS,
    rows: participantRows(source),
    empty: NO_PARTICIPANT,
  });

  const sheet = addFiguresSheet(workbook, {
    name: STATISTICS_SHEET,
    title: `Statistiques de participation – ${missionTitle}`,
    note: note('Chaque personne compte une fois, même venue à plusieurs réunions ou fusionnée avec un doublon.'),
    warning,
    footer: `Statistiques de participation – ${missionTitle}`,
    footerCentre,
    widths: [44, 14],
  });
  const figure = (label: string, value: number) => ({ label, value, numFmt: COUNT_FORMAT });
  let next = writeFigureBlock(sheet, TABLE_HEADER_ROW, ['Chiffres clés', 'Nombre'], [
    figure('Réunions', statistics.meetingCount),
    figure('Réunions tenues (au moins une personne présente)', statistics.meetingsHeld),
    figure('Présences cumulées', statistics.totalAttendances),
    figure('Personnes venues au moins une fois', statistics.distinctPeople),
  ]);
  if (statistics.byCategory.length > 0) {
    next = writeFigureBlock(sheet, next, ['Catégorie', 'Personnes'], statistics.byCategory.map((entry) => figure(entry.label, entry.people)));
  }
  if (statistics.byCommune.length > 0) {
    next = writeFigureBlock(sheet, next, ['Commune', 'Personnes'], statistics.byCommune.map((entry) => figure(entry.label, entry.people)));
  }
  if (statistics.returning.length > 0) {
    writeFigureBlock(sheet, next, ['Personnes venues plusieurs fois', 'Réunions'], statistics.returning.map((person) => figure(person.sortName, person.meetingsAttended)));
  }
  return workbookBytes(workbook);
}
