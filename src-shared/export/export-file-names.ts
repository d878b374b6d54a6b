import type { MissionSnapshot } from '../model/mission';
import type { SavableFileKind } from '../ipc/ipc-contract';
import type { Meeting } from '../meetings/meeting-model';
import { isIsoDate } from '../validation/mission-validation';

const MAX_BASE_NAME_LENGTH = 100;
const FALLBACK_BASE_NAME = 'mission';
const TITLE_PREFIX = 'Mission - ';

/** Characters Windows, macOS or Linux refuse in a file name. */
const FORBIDDEN_CHARACTERS = /[/\\:*?"<>|]/g;

function isControlCharacter(character: string): boolean {
  const codePoint = character.codePointAt(0) ?? 0;
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f);
}

/**
 * The file name offered when saving a mission export, e.g. "Mission - Diagnostic CTG.docx".
 * Accents stay (every current system takes them); what a file system would refuse goes.
 */
export function missionExportFileName(mission: Pick<MissionSnapshot, 'title'>, kind: SavableFileKind): string {
  const shortTitle = fileNameTitle(mission.title, MAX_BASE_NAME_LENGTH - TITLE_PREFIX.length);
  return `${shortTitle ? TITLE_PREFIX + shortTitle : FALLBACK_BASE_NAME}.${kind}`;
}

/** A title as a file name accepts it, at most `maxLength` characters; "" when nothing is left. */
function fileNameTitle(title: string, maxLength: number): string {
  const cleanedTitle = [...title.normalize('NFC')]
    .map((character) => (isControlCharacter(character) ? ' ' : character))
    .join('')
    .replace(FORBIDDEN_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Windows drops trailing dots and spaces from a name, so a title ending in "..." would not round-trip.
  return [...cleanedTitle].slice(0, maxLength).join('').replace(/[.\s]+$/, '');
}

/** The deliverables of a mission, each with the words its file name starts with. */
export const MISSION_DELIVERABLES = {
  'pre-diagnostic': { label: 'Pré-diagnostic', extension: 'docx' },
  indicators: { label: 'Indicateurs', extension: 'xlsx' },
  'action-plan': { label: 'Plan d’action', extension: 'xlsx' },
  participation: { label: 'Réunions et participants', extension: 'xlsx' },
  'workshop-boards': { label: 'Ateliers, cartes et votes', extension: 'xlsx' },
} as const satisfies Record<string, { label: string; extension: 'docx' | 'xlsx' }>;

export type MissionDeliverableKind = keyof typeof MISSION_DELIVERABLES;

/** "Pré-diagnostic – Mission exemple.docx": what the deliverable is, then the mission, as a folder lists them. */
export function missionDeliverableFileName(mission: Pick<MissionSnapshot, 'title'>, kind: MissionDeliverableKind): string {
  const { label, extension } = MISSION_DELIVERABLES[kind];
  const prefix = `${label} – `;
  const shortTitle = fileNameTitle(mission.title, MAX_BASE_NAME_LENGTH - prefix.length);
  return `${shortTitle ? prefix + shortTitle : label}.${extension}`;
}

const MAX_SLUG_LENGTH = 60;
/** Letters NFD does not split into a base letter and an accent. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss' };

/**
 * "Comité de pilotage n°2" → "comite-de-pilotage-n-2": ASCII only, for files that are mailed,
 * put on USB keys and opened by older office software.
 */
function asciiSlug(text: string): string {
  return [...text.normalize('NFD')]
    .map((character) => LIGATURES[character] ?? character)
    .join('')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
}

function joinedName(parts: readonly string[], extension: string): string {
  return `${parts.filter((part) => part !== '').join('-')}.${extension}`;
}

function isoDatePart(date: string | null): string {
  return date !== null && isIsoDate(date) ? date : '';
}

/**
 * "emargement-2026-03-12-copil.docx"; the signed record after the meeting is
 * "emargement-signe-2026-03-12-copil.docx".
 */
export function signInSheetFileName(
  meeting: Pick<Meeting, 'date' | 'kind'>,
  kind: SavableFileKind,
  variant: 'blank' | 'signed' = 'blank',
): string {
  return joinedName([variant === 'signed' ? 'emargement-signe' : 'emargement', isoDatePart(meeting.date), meeting.kind], kind);
}

/** "participants-diagnostic-ctg-pays-de-mormal.xlsx" for a mission. */
export function missionParticipantListFileName(mission: Pick<MissionSnapshot, 'title'>): string {
  return joinedName(['participants', asciiSlug(mission.title)], 'xlsx');
}

/** "participants-2026-03-12-copil.xlsx" for a meeting. */
export function meetingParticipantListFileName(meeting: Pick<Meeting, 'date' | 'kind'>): string {
  return joinedName(['participants', isoDatePart(meeting.date), meeting.kind], 'xlsx');
}

/** "registre-traitement-participants.docx". */
export function processingRegisterFileName(kind: SavableFileKind): string {
  return `registre-traitement-participants.${kind}`;
}

/** "donnees-dupont-claire.json": the right-of-access export of one person. */
export function personDataFileName(person: { lastName: string; firstName: string }, kind: 'docx' | 'json'): string {
  return joinedName(['donnees', asciiSlug(`${person.lastName} ${person.firstName}`) || 'personne'], kind);
}

/** "tableau-atelier-afom-2026-03-12.png": a workshop board's title and its meeting's date. */
export function boardExportFileName(board: { title: string }, meeting: Pick<Meeting, 'date'>, extension: 'png' | 'svg' | 'xlsx'): string {
  return joinedName(['tableau', asciiSlug(board.title), isoDatePart(meeting.date)], extension);
}
