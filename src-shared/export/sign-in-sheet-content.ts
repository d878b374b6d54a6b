/**
 * What the Word and Excel sign-in sheets share: their input, wording and layout decisions, so both
 * files print the same sheet.
 */
import { isIsoDate } from '../validation/mission-validation';
import { meetingKindLabel, type MeetingKind, type MeetingSlot } from '../meetings/meeting-model';
import type { GdprNotice } from '../gdpr/gdpr-notice';
import { NOT_PROVIDED } from './mission-summary';

/** One invited person: plain strings, already worded for print. */
export interface SignInSheetRow {
  /** "DUPONT Claire": how the sheet prints and sorts names. */
  sortName: string;
  /** "Mme Claire Dupont": names a drawn signature for screen readers. */
  displayName: string;
  organisation: string;
  /** "Élu·e", "Habitant·e"… */
  category: string;
  /** Slot id → PNG bytes of the signature drawn for that slot; makes the after-meeting record. */
  signatures?: Readonly<Record<string, Uint8Array>>;
}

export interface SignInSheet {
  missionTitle: string;
  organiser: string;
  /** The meeting's title, printed as its purpose. */
  purpose: string;
  meetingKind: MeetingKind;
  /** ISO date (YYYY-MM-DD), null when not chosen yet. */
  date: string | null;
  communeName: string;
  room: string;
  slots: readonly MeetingSlot[];
  /** In print order. */
  rows: readonly SignInSheetRow[];
  /** Empty rows for people who come without an invitation. */
  blankRows: number;
  gdpr: GdprNotice;
}

export interface SignInSheetOptions {
  /** "Feuille d'émargement" by default; e.g. "Feuille de présence" for the signed record. */
  title?: string;
}

const DEFAULT_SIGN_IN_SHEET_TITLE = 'Feuille d’émargement';
export const WALK_IN_HEADING = 'Personnes présentes sans inscription préalable';
export const FOOTER_NOTICE_POINTER = 'Protection des données : voir la mention en fin de feuille';

/** More blank rows than this is a typo, not a meeting: it would print dozens of empty pages. */
const MAX_BLANK_ROWS = 200;

export const SIGN_IN_COLUMN_LABELS = {
  number: 'N°',
  name: 'Nom et prénom',
  organisation: 'Structure',
  category: 'Catégorie',
} as const;

/**
 * Two signature boxes next to name, organisation and category need more than the 18 cm of a
 * portrait A4 line to stay about 5 cm wide each, so a morning-and-afternoon sheet prints in
 * landscape. A single sitting prints in portrait, which holds about half as many rows again per page.
 */
export function signInSheetOrientation(slots: readonly MeetingSlot[]): 'portrait' | 'landscape' {
  return slots.length > 1 ? 'landscape' : 'portrait';
}

export function signInSheetTitle(options: SignInSheetOptions): string {
  return options.title?.trim() || DEFAULT_SIGN_IN_SHEET_TITLE;
}

export function blankRowCount(sheet: Pick<SignInSheet, 'blankRows'>): number {
  if (!Number.isFinite(sheet.blankRows)) return 0;
  return Math.min(MAX_BLANK_ROWS, Math.max(0, Math.floor(sheet.blankRows)));
}

/** The slots to sign, never none: a sheet without a box to sign would be useless. */
export function signInSlots(sheet: Pick<SignInSheet, 'slots'>): readonly MeetingSlot[] {
  return sheet.slots.length > 0 ? sheet.slots : [{ id: 'single', label: 'Séance' }];
}

export function signatureColumnLabel(slot: MeetingSlot, slotCount: number): string {
  return slotCount === 1 ? `Signature (${slot.label})` : `Signature – ${slot.label}`;
}

const longDateFormat = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-12" → "jeudi 12 mars 2026"; an empty or invalid date gives "". */
export function formatLongIsoDate(isoDate: string | null): string {
  if (!isoDate || !isIsoDate(isoDate)) return '';
  return longDateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export function meetingPlaceText(communeName: string, room: string): string {
  return [room.trim(), communeName.trim()].filter((part) => part !== '').join(', ');
}

interface InfoField {
  label: string;
  value: string;
}

/** The header block, in reading order; an empty field reads "Non renseigné" rather than a blank. */
export function signInSheetInfoFields(sheet: SignInSheet): InfoField[] {
  const orNotProvided = (value: string) => value.trim() || NOT_PROVIDED;
  const slots = signInSlots(sheet);
  return [
    { label: 'Démarche', value: orNotProvided(sheet.missionTitle) },
    { label: 'Organisateur', value: orNotProvided(sheet.organiser) },
    { label: 'Objet', value: orNotProvided(sheet.purpose) },
    { label: 'Type de réunion', value: meetingKindLabel(sheet.meetingKind) },
    { label: 'Date', value: orNotProvided(formatLongIsoDate(sheet.date)) },
    { label: 'Lieu', value: orNotProvided(meetingPlaceText(sheet.communeName, sheet.room)) },
    { label: slots.length === 1 ? 'Horaire' : 'Séances', value: slots.map((slot) => slot.label).join(' / ') },
  ];
}

/** "COPIL · jeudi 12 mars 2026": identifies a loose page in its footer. */
export function signInSheetPageLabel(sheet: SignInSheet, title: string): string {
  return [title, sheet.purpose.trim() || meetingKindLabel(sheet.meetingKind), formatLongIsoDate(sheet.date)]
    .filter((part) => part !== '')
    .join(' · ');
}

export function signatureAltText(row: SignInSheetRow, slot: MeetingSlot): string {
  return `Signature de ${row.displayName || row.sortName} (${slot.label})`;
}

export interface Size {
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the PNG header (the IHDR chunk always comes first). */
export function pngSize(png: Uint8Array): Size {
  const isPng = png.length >= 24 && PNG_SIGNATURE.every((byte, index) => png[index] === byte);
  if (!isPng) throw new Error('Une signature enregistrée n’est pas une image PNG lisible.');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const size = { width: view.getUint32(16), height: view.getUint32(20) };
  if (size.width === 0 || size.height === 0) throw new Error('Une signature enregistrée est une image vide.');
  return size;
}

/** The largest size with the image's proportions that fits in the box. */
export function fitInBox(image: Size, box: Size): Size {
  const scale = Math.min(box.width / image.width, box.height / image.height);
  return { width: Math.max(1, Math.floor(image.width * scale)), height: Math.max(1, Math.floor(image.height * scale)) };
}
