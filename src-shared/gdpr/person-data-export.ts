/**
 * The right of access (RGPD article 15): everything Bocage holds on one person, across every
 * mission, as stable JSON and as a readable Word document.
 */
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import { encodeUtf8 } from 'lib0/string';
import type { Board } from '../boards/board-model';
import {
  CIVILITIES,
  contactCategoryLabel,
  contactDisplayName,
  legalBasisLabel,
  organisationKindLabel,
  type Contact,
  type GdprSettings,
  type Organisation,
} from '../directory/contact-model';
import { heading, type LabelledValue } from '../export/docx-blocks';
import { fitInBox, formatLongIsoDate, meetingPlaceText, pngSize } from '../export/sign-in-sheet-content';
import { formatDateTime, formatIsoDate } from '../format/french-format';
import { meetingKindLabel, attendanceStatusLabel, type Meeting, type MeetingParticipant } from '../meetings/meeting-model';
import type { Observation } from '../qualitative/qualitative-model';
import { bodyParagraph, CONTENT_WIDTH, gridTable, labelValueTable, note, packGdprDocument } from './gdpr-docx';
import { CNIL_COMPLAINT, rightsSentence } from './gdpr-notice';
import { consentAnswerLabel, invitationLabel, SIGNATURE_RECORDED } from './participation-labels';

/** Names the format, so a reader of the JSON knows what it holds and which version. */
export const PERSON_DATA_SCHEMA = 'bocage.person-data-extract/1';

export interface ExtractField {
  /** The field's name in Bocage's data. */
  key: string;
  label: string;
  /** As shown to the person; "" when the field is empty. */
  value: string;
}

export interface ExtractSignature {
  slotId: string;
  slot: string;
  status: typeof SIGNATURE_RECORDED;
}

export interface ExtractMeeting {
  missionId: string;
  missionTitle: string;
  meetingId: string;
  kind: string;
  title: string;
  /** ISO date, null when the meeting has none. */
  date: string | null;
  place: string;
  invitation: string;
  attendance: string;
  signatures: ExtractSignature[];
  photoConsent: string;
  recordingConsent: string;
}

export interface ExtractObservation {
  missionId: string;
  missionTitle: string;
  /** ISO date, null when the observation has none. */
  date: string | null;
  excerpt: string;
}

/** A card the person wrote on a workshop board. */
export interface ExtractBoardCard {
  missionId: string;
  missionTitle: string;
  boardId: string;
  boardTitle: string;
  /** "Atelier – Petite enfance": the meeting the board belongs to. */
  meeting: string;
  /** ISO date of the meeting, null when it has none. */
  date: string | null;
  text: string;
}

/** The dots the person put on one card. */
export interface ExtractBoardDots {
  missionId: string;
  missionTitle: string;
  boardId: string;
  boardTitle: string;
  meeting: string;
  date: string | null;
  cardText: string;
  count: number;
}

export interface PersonDataExtract {
  schema: typeof PERSON_DATA_SCHEMA;
  /** ISO timestamp. */
  exportedAt: string;
  /** "Mme Claire Dupont". */
  subject: string;
  /** The controller's name, "" when not set. */
  controller: string;
  contact: ExtractField[];
  organisation: ExtractField[] | null;
  /** Legal basis, consent date, origin of the data, retention date, record dates. */
  processing: ExtractField[];
  meetings: ExtractMeeting[];
  authoredObservations: ExtractObservation[];
  boardCards: ExtractBoardCard[];
  boardDots: ExtractBoardDots[];
  rights: string[];
}

export interface PersonParticipation {
  missionId: string;
  missionTitle: string;
  meeting: Meeting;
  participant: MeetingParticipant;
}

export interface PersonAuthoredObservation {
  missionId: string;
  missionTitle: string;
  observation: Pick<Observation, 'date' | 'text'>;
}

/** One mission's workshop boards, with the meetings they belong to. */
export interface PersonMissionBoards {
  missionId: string;
  missionTitle: string;
  boards: readonly Pick<Board, 'id' | 'meetingId' | 'title' | 'cards' | 'voting'>[];
  meetings: readonly Pick<Meeting, 'id' | 'kind' | 'title' | 'date'>[];
}

export interface PersonDataSources {
  contact: Contact;
  organisation: Organisation | null;
  participations: readonly PersonParticipation[];
  authoredObservations: readonly PersonAuthoredObservation[];
  /** Every mission's boards; the cards and dots of the person's ids are picked out of them. */
  missionBoards: readonly PersonMissionBoards[];
  /** The contact's id and the ids of contacts merged into it: cards and dots name a contact by id. */
  contactIds: readonly string[];
  settings: GdprSettings;
  exportedAt: Date;
}

const EXCERPT_LENGTH = 240;
const UNNAMED_PERSON = 'cette personne';

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  const cut = flat.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** Dated items first, oldest first; undated ones after, in their given order. */
function byDate<T extends { date: string | null }>(items: readonly T[]): T[] {
  return [...items].sort((left, right) => {
    if (left.date === right.date) return 0;
    if (left.date === null) return 1;
    if (right.date === null) return -1;
    return left.date.localeCompare(right.date);
  });
}

function contactFields(contact: Contact): ExtractField[] {
  return [
    { key: 'civility', label: 'Civilité', value: CIVILITIES.find((entry) => entry.id === contact.civility)?.label ?? '' },
    { key: 'lastName', label: 'Nom', value: contact.lastName },
    { key: 'firstName', label: 'Prénom', value: contact.firstName },
    { key: 'jobTitle', label: 'Fonction', value: contact.jobTitle },
    { key: 'category', label: 'Catégorie', value: contactCategoryLabel(contact.category) },
    { key: 'communeName', label: 'Commune', value: contact.communeName },
    { key: 'communeCode', label: 'Code INSEE de la commune', value: contact.communeCode ?? '' },
    { key: 'email', label: 'Courriel', value: contact.email },
    { key: 'phone', label: 'Téléphone', value: contact.phone },
    { key: 'notes', label: 'Notes', value: contact.notes },
  ];
}

function organisationFields(organisation: Organisation): ExtractField[] {
  return [
    { key: 'name', label: 'Nom', value: organisation.name },
    { key: 'kind', label: 'Type', value: organisationKindLabel(organisation.kind) },
    { key: 'communeName', label: 'Commune', value: organisation.communeName },
  ];
}

function processingFields(contact: Contact): ExtractField[] {
  return [
    { key: 'legalBasis', label: 'Base légale', value: legalBasisLabel(contact.legalBasis) },
    { key: 'consentDate', label: 'Date du consentement', value: formatIsoDate(contact.consentDate) },
    { key: 'dataSource', label: 'Origine des données', value: contact.dataSource },
    { key: 'retentionUntil', label: 'Conservation jusqu’au', value: formatIsoDate(contact.retentionUntil) },
    { key: 'createdAt', label: 'Fiche créée le', value: formatDateTime(contact.createdAt) },
    { key: 'updatedAt', label: 'Dernière modification le', value: formatDateTime(contact.updatedAt) },
  ];
}

function extractMeeting({ missionId, missionTitle, meeting, participant }: PersonParticipation): ExtractMeeting {
  return {
    missionId,
    missionTitle,
    meetingId: meeting.id,
    kind: meetingKindLabel(meeting.kind),
    title: meeting.title,
    date: meeting.date,
    place: meetingPlaceText(meeting.communeName, meeting.room),
    invitation: invitationLabel(participant.invited),
    attendance: attendanceStatusLabel(participant.attendance),
    signatures: meeting.slots
      .filter((slot) => participant.signatures[slot.id] !== undefined)
      .map((slot) => ({ slotId: slot.id, slot: slot.label, status: SIGNATURE_RECORDED })),
    photoConsent: consentAnswerLabel(participant.photoConsent),
    recordingConsent: consentAnswerLabel(participant.recordingConsent),
  };
}

function meetingLabel(meeting: Pick<Meeting, 'kind' | 'title'> | undefined): string {
  if (!meeting) return '';
  return [meetingKindLabel(meeting.kind), meeting.title.trim()].filter((part) => part !== '').join(' – ');
}

/** The cards the person wrote and the dots they put, board by board, in capture order. */
function boardContributions(sources: PersonDataSources): { cards: ExtractBoardCard[]; dots: ExtractBoardDots[] } {
  const ids = new Set(sources.contactIds);
  const cards: ExtractBoardCard[] = [];
  const dots: ExtractBoardDots[] = [];
  for (const { missionId, missionTitle, boards, meetings } of sources.missionBoards) {
    for (const board of boards) {
      const meeting = meetings.find((candidate) => candidate.id === board.meetingId);
      const place = { missionId, missionTitle, boardId: board.id, boardTitle: board.title, meeting: meetingLabel(meeting), date: meeting?.date ?? null };
      const countByCard = new Map<string, number>();
      for (const vote of board.voting.dots) {
        if (ids.has(vote.voterId)) countByCard.set(vote.cardId, (countByCard.get(vote.cardId) ?? 0) + vote.count);
      }
      for (const card of board.cards) {
        if (card.authorId !== null && ids.has(card.authorId)) cards.push({ ...place, text: card.text });
        const count = countByCard.get(card.id);
        if (count !== undefined) dots.push({ ...place, cardText: card.text, count });
      }
    }
  }
  return { cards: byDate(cards), dots: byDate(dots) };
}

/** Gathers what the directory and the missions hold on the person into one extract. */
export function buildPersonDataExtract(sources: PersonDataSources): PersonDataExtract {
  const { contact, settings } = sources;
  const rights = [rightsSentence(settings)];
  if (contact.legalBasis === 'consent') rights.push('Vous pouvez retirer votre consentement à tout moment.');
  rights.push(CNIL_COMPLAINT);
  const contributions = boardContributions(sources);
  return {
    schema: PERSON_DATA_SCHEMA,
    exportedAt: sources.exportedAt.toISOString(),
    subject: contactDisplayName(contact) || UNNAMED_PERSON,
    controller: settings.controllerName.trim(),
    contact: contactFields(contact),
    organisation: sources.organisation ? organisationFields(sources.organisation) : null,
    processing: processingFields(contact),
    meetings: byDate(sources.participations.map(extractMeeting)),
    authoredObservations: byDate(
      sources.authoredObservations.map(({ missionId, missionTitle, observation }) => ({
        missionId,
        missionTitle,
        date: observation.date,
        excerpt: excerpt(observation.text),
      })),
    ),
    boardCards: contributions.cards,
    boardDots: contributions.dots,
    rights,
  };
}

/** A copy with every key in a fixed order, whatever order the extract was built in. */
function canonical(extract: PersonDataExtract): PersonDataExtract {
  const field = ({ key, label, value }: ExtractField): ExtractField => ({ key, label, value });
  return {
    schema: extract.schema,
    exportedAt: extract.exportedAt,
    subject: extract.subject,
    controller: extract.controller,
    contact: extract.contact.map(field),
    organisation: extract.organisation ? extract.organisation.map(field) : null,
    processing: extract.processing.map(field),
    meetings: extract.meetings.map((meeting) => ({
      missionId: meeting.missionId,
      missionTitle: meeting.missionTitle,
      meetingId: meeting.meetingId,
      kind: meeting.kind,
      title: meeting.title,
      date: meeting.date,
      place: meeting.place,
      invitation: meeting.invitation,
      attendance: meeting.attendance,
      signatures: meeting.signatures.map(({ slotId, slot, status }) => ({ slotId, slot, status })),
      photoConsent: meeting.photoConsent,
      recordingConsent: meeting.recordingConsent,
    })),
    authoredObservations: extract.authoredObservations.map(({ missionId, missionTitle, date, excerpt: text }) => ({
      missionId,
      missionTitle,
      date,
      excerpt: text,
    })),
    boardCards: extract.boardCards.map((card) => ({
      missionId: card.missionId,
      missionTitle: card.missionTitle,
      boardId: card.boardId,
      boardTitle: card.boardTitle,
      meeting: card.meeting,
      date: card.date,
      text: card.text,
    })),
    boardDots: extract.boardDots.map((entry) => ({
      missionId: entry.missionId,
      missionTitle: entry.missionTitle,
      boardId: entry.boardId,
      boardTitle: entry.boardTitle,
      meeting: entry.meeting,
      date: entry.date,
      cardText: entry.cardText,
      count: entry.count,
    })),
    rights: [...extract.rights],
  };
}

/** The extract as UTF-8 JSON, indented, keys in a fixed order; signatures are named, never embedded. */
export function personDataJson(extract: PersonDataExtract): Uint8Array {
  return encodeUtf8(`${JSON.stringify(canonical(extract), null, 2)}\n`);
}

/** A drawn signature to show in the Word version, found by mission, meeting and slot. */
export interface PersonSignatureImage {
  missionId: string;
  meetingId: string;
  slotId: string;
  png: Uint8Array;
}

export interface PersonDataDocxOptions {
  signatureImages?: readonly PersonSignatureImage[];
}

const NOT_PROVIDED = 'Non renseigné';
/** A signature drawn in the Word version: at most 6 × 2 cm, in pixels at 96 per inch. */
const SIGNATURE_BOX = { width: 227, height: 76 };

function fieldRows(fields: readonly ExtractField[]): LabelledValue[] {
  return fields.map((field) => ({ label: field.label, value: field.value.trim() || NOT_PROVIDED }));
}

function signatureParagraphs(meeting: ExtractMeeting, images: readonly PersonSignatureImage[]): Paragraph[] {
  if (meeting.signatures.length === 0) return [new Paragraph({ children: [new TextRun('Aucune')] })];
  return meeting.signatures.flatMap((signature) => {
    const image = images.find(
      (candidate) => candidate.missionId === meeting.missionId && candidate.meetingId === meeting.meetingId && candidate.slotId === signature.slotId,
    );
    const caption = new Paragraph({ children: [new TextRun(`${signature.slot} : ${signature.status}`)] });
    if (!image) return [caption];
    const altText = `Signature (${signature.slot})`;
    return [
      caption,
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [
          new ImageRun({
            type: 'png',
            data: image.png,
            transformation: fitInBox(pngSize(image.png), SIGNATURE_BOX),
            altText: { name: altText, description: altText, title: altText },
          }),
        ],
      }),
    ];
  });
}

function meetingHeading(meeting: ExtractMeeting): string {
  return [meeting.kind, meeting.title.trim()].filter((part) => part !== '').join(' – ');
}

/** "Démarche — Atelier – Petite enfance (12/03/2026) — tableau « AFOM »": where a card was written. */
function boardPlaceText(entry: Pick<ExtractBoardCard, 'missionTitle' | 'meeting' | 'date' | 'boardTitle'>): string {
  const when = formatIsoDate(entry.date);
  const meeting = [entry.meeting, when ? `(${when})` : ''].filter((part) => part !== '').join(' ');
  return [entry.missionTitle.trim(), meeting, entry.boardTitle.trim() ? `tableau « ${entry.boardTitle.trim()} »` : '']
    .filter((part) => part !== '')
    .join(' — ');
}

function meetingSection(meeting: ExtractMeeting, images: readonly PersonSignatureImage[]) {
  return [
    heading(meetingHeading(meeting), 3),
    labelValueTable([
      { label: 'Démarche', value: meeting.missionTitle.trim() || NOT_PROVIDED },
      { label: 'Date', value: formatLongIsoDate(meeting.date) || NOT_PROVIDED },
      { label: 'Lieu', value: meeting.place || NOT_PROVIDED },
      { label: 'Inscription', value: meeting.invitation },
      { label: 'Présence', value: meeting.attendance },
      { label: 'Signatures', value: signatureParagraphs(meeting, images) },
      { label: 'Accord photo', value: meeting.photoConsent },
      { label: 'Accord enregistrement', value: meeting.recordingConsent },
    ]),
  ];
}

function provenance(extract: PersonDataExtract): string {
  const when = formatDateTime(new Date(extract.exportedAt).getTime());
  const by = extract.controller ? ` par ${extract.controller}` : '';
  return `Extrait établi le ${when}${by}, en réponse à une demande d’accès (article 15 du RGPD).`;
}

/** The extract as a Word document a person can read: their record, meetings, constats, board cards and dots, and rights. */
export function personDataDocx(extract: PersonDataExtract, options: PersonDataDocxOptions = {}): Promise<Uint8Array> {
  const images = options.signatureImages ?? [];
  const title = `Données détenues sur ${extract.subject}`;
  const observationWidths = [2800, 1700, CONTENT_WIDTH - 4500];
  const cardWidths = [3800, CONTENT_WIDTH - 3800];
  const dotWidths = [3800, CONTENT_WIDTH - 5200, 1400];
  return packGdprDocument({
    title,
    subject: 'Droit d’accès (article 15 du RGPD)',
    footerLabel: title,
    children: [
      heading(title, 1),
      note(provenance(extract)),
      heading('Identité et coordonnées', 2),
      labelValueTable(fieldRows(extract.contact)),
      heading('Organisation', 2),
      extract.organisation ? labelValueTable(fieldRows(extract.organisation)) : bodyParagraph('Aucune organisation enregistrée.'),
      heading('Base légale et conservation', 2),
      labelValueTable(fieldRows(extract.processing)),
      heading('Réunions', 2),
      ...(extract.meetings.length === 0
        ? [bodyParagraph('Aucune réunion enregistrée.')]
        : extract.meetings.flatMap((meeting) => meetingSection(meeting, images))),
      heading('Constats dont la personne est l’auteur', 2),
      extract.authoredObservations.length === 0
        ? bodyParagraph('Aucun constat.')
        : gridTable(
            ['Démarche', 'Date', 'Extrait'],
            extract.authoredObservations.map((observation) => [
              observation.missionTitle,
              formatIsoDate(observation.date) || NOT_PROVIDED,
              observation.excerpt,
            ]),
            observationWidths,
          ),
      heading('Cartes écrites sur les tableaux d’atelier', 2),
      extract.boardCards.length === 0
        ? bodyParagraph('Aucune carte.')
        : gridTable(
            ['Réunion et tableau', 'Texte de la carte'],
            extract.boardCards.map((card) => [boardPlaceText(card), card.text]),
            cardWidths,
          ),
      heading('Gommettes posées lors des votes', 2),
      extract.boardDots.length === 0
        ? bodyParagraph('Aucune gommette.')
        : gridTable(
            ['Réunion et tableau', 'Carte', 'Gommettes'],
            extract.boardDots.map((entry) => [boardPlaceText(entry), entry.cardText, String(entry.count)]),
            dotWidths,
          ),
      heading('Vos droits', 2),
      ...extract.rights.map(bodyParagraph),
    ],
  });
}
