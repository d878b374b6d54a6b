/** The small pieces of SpreadsheetML the streaming writer needs: escaping, cell addresses, sheet names, dates. */

/**
 * Characters XML 1.0 forbids (control characters other than tab and line breaks, lone surrogates,
 * U+FFFE and U+FFFF): a single one makes Excel declare the whole file corrupt.
 */
const FORBIDDEN_XML_CHARACTERS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const NEEDS_ESCAPING = /[&<>"\r]|[^\t\n\u0020-\uD7FF\uE000-\uFFFD]/u;

/** Excel refuses a cell of more text than this. */
export const MAX_CELL_TEXT_LENGTH = 32_767;

/** Text safe inside an XML element or a double-quoted attribute. */
export function escapeXml(text: string): string {
  // Most cells are plain words: the test is much cheaper than the replacements.
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(FORBIDDEN_XML_CHARACTERS, '')
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Cut to `length` UTF-16 units, as Excel counts, never between the halves of a surrogate pair. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text;
  const head = text.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

/** A cell's text cut to what Excel accepts. */
export function cellText(text: string): string {
  return cut(text, MAX_CELL_TEXT_LENGTH);
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(columnNumber: number): string {
  let letters = '';
  let rest = columnNumber;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

const MILLISECONDS_PER_DAY = 86_400_000;
/** Days from Excel's day zero (30 December 1899, in its 1900 date system) to 1 January 1970. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * A date as Excel's serial number. Excel dates have no time zone: like exceljs, the date's UTC
 * fields are the ones shown, so a caller that wants a local wall-clock time shifts the date first.
 */
export function excelDateSerial(date: Date): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError('Date invalide : elle ne peut pas être écrite dans le classeur.');
  return time / MILLISECONDS_PER_DAY + UNIX_EPOCH_SERIAL;
}

export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN_SHEET_NAME_CHARACTERS = /[[\]:*?/\\]/g;
/** Excel keeps this name for its change history. */
const RESERVED_SHEET_NAME = 'history';

function truncate(text: string, length: number): string {
  return cut(text, length).trimEnd();
}

/**
 * A name Excel and LibreOffice accept for a new sheet: at most 31 characters, none of []:*?/\,
 * no apostrophe at either end, different from the other sheets' names whatever the case (a
 * number is added: "Logement (2)").
 */
export function uniqueSheetName(requested: string, taken: ReadonlySet<string>, fallback: string): string {
  const cleaned = requested
    .replace(FORBIDDEN_XML_CHARACTERS, '')
    .replace(FORBIDDEN_SHEET_NAME_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  const base = truncate(cleaned === '' || cleaned.toLocaleLowerCase('fr-FR') === RESERVED_SHEET_NAME ? fallback : cleaned, MAX_SHEET_NAME_LENGTH);
  const isFree = (name: string) => !taken.has(name.toLocaleLowerCase('fr-FR'));
  if (isFree(base)) return base;
  for (let copy = 2; ; copy += 1) {
    const suffix = ` (${copy})`;
    const candidate = `${truncate(base, MAX_SHEET_NAME_LENGTH - suffix.length)}${suffix}`;
    if (isFree(candidate)) return candidate;
  }
}

/** A sheet name as formulas and defined names quote it: 'Données d''INSEE'. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
