import ExcelJS from 'exceljs';
import { formatDateTime, formatIsoDate } from '../format/french-format';
import { consentAnswerLabel, invitationLabel } from '../gdpr/participation-labels';
import { attendanceStatusLabel, meetingKindLabel, type AttendanceStatus, type ConsentAnswer, type MeetingKind } from '../meetings/meeting-model';
import { formatLongIsoDate, meetingPlaceText } from './sign-in-sheet-content';
import {
  a4PageSetup,
  addWrappedRow,
  BASE_FONT,
  excelHeaderFooterText,
  NARROW_MARGINS,
  NOTE_FONT,
  TITLE_FONT,
  writeHeaderRow,
} from './xlsx-print';

/** A meeting a person came to, as the mission list names it. */
export interface AttendedMeeting {
  /** "COPIL", "Atelier"… */
  kindLabel: string;
  title: string;
  /** ISO date, null when the meeting has none. */
  date: string | null;
}

/** One person of the mission: plain strings, already worded for print. */
export interface MissionParticipantListRow {
  /** "DUPONT Claire". */
  sortName: string;
  jobTitle: string;
  organisation: string;
  category: string;
  commune: string;
  email: string;
  phone: string;
  /** The meetings the person was present at, in the meetings' order. */
  meetingsAttended: readonly AttendedMeeting[];
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

/** Title, subtitle, a gap, then the column headers. */
const HEADER_ROW = 4;
const NO_PARTICIPANT = 'Aucun participant.';
const RESTRICTED_NOTE = 'Document contenant des données personnelles : à ne diffuser qu’aux personnes chargées de la démarche.';

interface ListColumn<Row> {
  header: string;
  width: number;
  value: (row: Row) => string | number;
}

function attendedMeetingText(meeting: AttendedMeeting): string {
  const date = formatIsoDate(meeting.date);
  const name = [meeting.kindLabel, meeting.title.trim()].filter((part) => part !== '').join(' – ');
  return date ? `${name} (${date})` : name;
}

const MISSION_COLUMNS: ListColumn<MissionParticipantListRow>[] = [
  { header: 'Nom et prénom', width: 24, value: (row) => row.sortName },
  { header: 'Fonction', width: 20, value: (row) => row.jobTitle },
  { header: 'Structure', width: 24, value: (row) => row.organisation },
  { header: 'Catégorie', width: 20, value: (row) => row.category },
  { header: 'Commune', width: 16, value: (row) => row.commune },
  { header: 'Courriel', width: 26, value: (row) => row.email },
  { header: 'Téléphone', width: 15, value: (row) => row.phone },
  { header: 'Réunions suivies', width: 10, value: (row) => row.meetingsAttended.length },
  { header: 'Lesquelles', width: 40, value: (row) => row.meetingsAttended.map(attendedMeetingText).join('\n') },
];

const MEETING_COLUMNS: ListColumn<MeetingParticipantListRow>[] = [
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
  sheetName: string;
  title: string;
  subtitle: string;
  columns: ListColumn<Row>[];
  rows: readonly Row[];
  generatedAt: Date;
}

async function buildListWorkbook<Row>(content: ListContent<Row>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bocage';
  workbook.lastModifiedBy = 'Bocage';
  workbook.title = content.workbookTitle;
  workbook.subject = 'Liste des participants';
  workbook.created = content.generatedAt;
  workbook.modified = content.generatedAt;
  const sheet = workbook.addWorksheet(content.sheetName);
  const { columns } = content;
  sheet.columns = columns.map((column) => ({ width: column.width, style: { font: BASE_FONT } }));
  const lastColumn = sheet.getColumn(columns.length).letter;

  sheet.mergeCells(1, 1, 1, columns.length);
  const title = sheet.getCell(1, 1);
  title.value = content.title;
  title.font = TITLE_FONT;
  sheet.getRow(1).height = 22;
  sheet.mergeCells(2, 1, 2, columns.length);
  const subtitle = sheet.getCell(2, 1);
  subtitle.value = content.subtitle;
  subtitle.font = NOTE_FONT;

  writeHeaderRow(sheet.getRow(HEADER_ROW), columns.map((column) => column.header));

  const widths = columns.map((column) => column.width);
  for (const row of content.rows) {
    addWrappedRow(sheet, columns.map((column) => column.value(row)), widths);
  }
  if (content.rows.length === 0) sheet.addRow([NO_PARTICIPANT]).getCell(1).font = NOTE_FONT;
  sheet.autoFilter = `A${HEADER_ROW}:${lastColumn}${HEADER_ROW + content.rows.length}`;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }];
  sheet.pageSetup = a4PageSetup('landscape', HEADER_ROW, NARROW_MARGINS);
  sheet.headerFooter.oddFooter = `&L&8${excelHeaderFooterText(content.title)}&C&8${excelHeaderFooterText('Données personnelles – diffusion restreinte')}&R&8Page &P sur &N`;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function subtitle(generatedAt: Date): string {
  return `Exporté le ${formatDateTime(generatedAt.getTime())}. ${RESTRICTED_NOTE}`;
}

/** Everyone of a mission, one row each, with the meetings they came to. */
export function buildMissionParticipantListXlsx(list: MissionParticipantList): Promise<Uint8Array> {
  const missionTitle = list.missionTitle.trim() || 'Mission sans titre';
  return buildListWorkbook({
    workbookTitle: `Participants – ${missionTitle}`,
    sheetName: 'Participants',
    title: `Participants – ${missionTitle}`,
    subtitle: subtitle(list.generatedAt),
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
    sheetName: 'Participants',
    title: `Participants – ${meetingName}${when ? ` – ${when}` : ''}`,
    subtitle: `Démarche : ${missionTitle}. ${subtitle(list.generatedAt)}`,
    columns: MEETING_COLUMNS,
    rows: list.rows,
    generatedAt: list.generatedAt,
  });
}
