import { binaryContentError } from './file-format';
import { ImportError } from './import-error';

/** Windows-1252 is reported for ISO-8859-1 files too: it is the superset every browser decodes them with. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  byteOrderMark: boolean;
  /** Plain French notes for the user, e.g. accents that look doubly encoded. */
  warnings: string[];
}

const SAMPLE_BYTES = 64 * 1024;

function byteOrderMark(bytes: Uint8Array): TextEncodingName | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 text written without a mark: ASCII characters leave a zero byte on every other position. */
function unmarkedUtf16(bytes: Uint8Array): TextEncodingName | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 8) return null;
  let zeroAtEven = 0;
  let zeroAtOdd = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) zeroAtEven += 1;
    if (bytes[index + 1] === 0) zeroAtOdd += 1;
  }
  const pairs = length / 2;
  if (zeroAtOdd > pairs * 0.3 && zeroAtEven < pairs * 0.05) return 'utf-16le';
  if (zeroAtEven > pairs * 0.3 && zeroAtOdd < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters that never occur in a text table (tab, line breaks and the DOS end-of-file mark do). */
function isForeignControl(code: number): boolean {
  return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c && code !== 0x0b && code !== 0x1a;
}

function looksBinary(codes: ArrayLike<number>): boolean {
  let controls = 0;
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] ?? 0;
    if (code === 0) return true;
    if (isForeignControl(code)) controls += 1;
  }
  return controls > codes.length * 0.01;
}

function textCodes(text: string): number[] {
  const sample = text.slice(0, SAMPLE_BYTES);
  const codes: number[] = new Array<number>(sample.length);
  for (let index = 0; index < sample.length; index += 1) codes[index] = sample.charCodeAt(index);
  return codes;
}

/** The five bytes Windows-1252 leaves unassigned: text holding them is in some other encoding. */
const UNASSIGNED_IN_WINDOWS_1252 = /[\u0081\u008d\u008f\u0090\u009d]/;
/** "Ã©" for "é": UTF-8 bytes read as Windows-1252, the mark of a file that mixes both. */
const DOUBLY_ENCODED_ACCENT = /Ã[\u00a0-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

function strictDecode(bytes: Uint8Array, encoding: TextEncodingName, fileName: string, declared: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'undecodable',
      `« ${fileName} » ${declared} mais contient des caractères invalides : il est sans doute abîmé ou mal converti. Ouvrez-le dans votre tableur et enregistrez-le de nouveau en CSV UTF-8.`,
    );
  }
}

/**
 * Reads the bytes of a text table as a string: a byte order mark decides (UTF-8, UTF-16 of Excel's
 * "Texte Unicode"); otherwise UTF-8 when every byte sequence is valid, else Windows-1252, which
 * is how French files from older tools (and ISO-8859-1 exports) are written.
 */
export function decodeTableText(bytes: Uint8Array, fileName: string): DecodedText {
  const marked = byteOrderMark(bytes);
  const utf16 = marked === 'utf-16le' || marked === 'utf-16be' ? marked : marked === null ? unmarkedUtf16(bytes) : null;
  if (utf16) {
    const text = strictDecode(bytes, utf16, fileName, 'est annoncé en UTF-16 (Texte Unicode)');
    if (looksBinary(textCodes(text))) throw binaryContentError(fileName);
    return { text, encoding: utf16, byteOrderMark: marked !== null, warnings: [] };
  }
  if (looksBinary(bytes.subarray(0, SAMPLE_BYTES))) throw binaryContentError(fileName);
  if (marked === 'utf-8') {
    return { text: strictDecode(bytes, 'utf-8', fileName, 'est annoncé en UTF-8'), encoding: 'utf-8', byteOrderMark: true, warnings: [] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', byteOrderMark: false, warnings: [] };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    if (UNASSIGNED_IN_WINDOWS_1252.test(text)) {
      throw new ImportError(
        'undecodable',
        `« ${fileName} » n’est ni en UTF-8 ni en Windows-1252 (ISO-8859-1) : ses lettres accentuées ne peuvent pas être lues. Ouvrez-le dans votre tableur et enregistrez-le en CSV UTF-8.`,
      );
    }
    const warnings = DOUBLY_ENCODED_ACCENT.test(text)
      ? ['Certaines lettres accentuées semblent mal encodées (« Ã© » au lieu de « é ») : le fichier mélange sans doute deux encodages. Vérifiez les noms après l’import.']
      : [];
    return { text, encoding: 'windows-1252', byteOrderMark: false, warnings };
  }
}
