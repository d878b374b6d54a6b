import type { MissionSnapshot } from '../model/mission';
import type { SavableFileKind } from '../ipc/ipc-contract';

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
  const cleanedTitle = [...mission.title.normalize('NFC')]
    .map((character) => (isControlCharacter(character) ? ' ' : character))
    .join('')
    .replace(FORBIDDEN_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const maxTitleLength = MAX_BASE_NAME_LENGTH - TITLE_PREFIX.length;
  // Windows drops trailing dots and spaces from a name, so a title ending in "..." would not round-trip.
  const shortTitle = [...cleanedTitle].slice(0, maxTitleLength).join('').replace(/[.\s]+$/, '');
  return `${shortTitle ? TITLE_PREFIX + shortTitle : FALLBACK_BASE_NAME}.${kind}`;
}
