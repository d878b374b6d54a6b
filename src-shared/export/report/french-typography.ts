/**
 * French typography for free text typed by users, applied before it is printed: the spaces French
 * wants before high punctuation and inside guillemets, and typographic apostrophes. Those spaces
 * never break, so a colon or a question mark is never thrown alone onto the next line of a page.
 */

const NO_BREAK_SPACE = '\u00a0';
const NARROW_NO_BREAK_SPACE = '\u202f';

/** Spaces a user (or an earlier pass) may have put before a mark; a line break is kept as it is. */
const SPACES = '[ \\t\\u00a0\\u202f\\u2009]';

/**
 * Web and mail addresses are left exactly as typed: "https://" or "a;b" inside them is not prose.
 * A bare domain needs its "www.", so that a sentence ending without a space is not taken for one.
 */
const PROTECTED = /(?:https?:\/\/|www\.)[^\s<>«»"]+|[^\s<>«»"@]+@[^\s<>«»"@]+\.[^\s<>«»"@]+/giu;

/**
 * A mark gets its space when it ends a word ("Pourquoi?") and is followed by a space, the end or
 * more punctuation: "14:30", "1:2" or "a;b" are not prose and stay as typed.
 */
function markAfterWord(marks: string): RegExp {
  return new RegExp(`([\\p{L}\\p{N}»)\\]’"'%])(${marks})(?=$|\\s|[?!;:.,…»)\\]"'’])`, 'gu');
}

const ELISION = /(?<=\p{L})'(?=\p{L})/gu;
const SPACED_NARROW_MARK = new RegExp(`${SPACES}+([;!?])`, 'gu');
const UNSPACED_NARROW_MARK = markAfterWord('[;!?]');
const SPACED_COLON = new RegExp(`${SPACES}+:`, 'gu');
const UNSPACED_COLON = markAfterWord(':');
const OPENING_GUILLEMET = new RegExp(`«${SPACES}*`, 'gu');
const CLOSING_GUILLEMET = new RegExp(`${SPACES}*»`, 'gu');

function typesetProse(text: string): string {
  return (
    text
      // aujourd'hui → aujourd’hui: an apostrophe between two letters is an elision, never a quotation mark.
      .replace(ELISION, '’')
      .replace(SPACED_NARROW_MARK, `${NARROW_NO_BREAK_SPACE}$1`)
      .replace(UNSPACED_NARROW_MARK, `$1${NARROW_NO_BREAK_SPACE}$2`)
      .replace(SPACED_COLON, `${NO_BREAK_SPACE}:`)
      .replace(UNSPACED_COLON, `$1${NO_BREAK_SPACE}$2`)
      .replace(OPENING_GUILLEMET, `«${NO_BREAK_SPACE}`)
      .replace(CLOSING_GUILLEMET, `${NO_BREAK_SPACE}»`)
  );
}

/** Applies French typography to a user's text; running it again changes nothing more. */
export function frenchTypography(text: string): string {
  let result = '';
  let from = 0;
  for (const match of text.matchAll(PROTECTED)) {
    result += typesetProse(text.slice(from, match.index)) + match[0];
    from = match.index + match[0].length;
  }
  return result + typesetProse(text.slice(from));
}
