/**
 * How a cell of a statistical table reads: a number, a marker for a value that is secret or
 * missing, or text. A marker is never read as zero: a "s" in Filosofi means the figure exists but
 * may not be published, which a report must say, and an empty cell means nobody knows it.
 */

export type MarkerMeaning = 'secret' | 'missing';

export type DecimalMark = 'comma' | 'point';

/**
 * The markers the producers of French public data write, lower-cased, with their meaning.
 * "c" is read as secret: it is the confidentiality flag of Eurostat and of the ministries'
 * statistical services ("c : confidentiel"), and a lone letter is never a figure, so the only
 * alternative would be calling it invalid and losing the information that the value is secret.
 */
const MARKERS: ReadonlyMap<string, MarkerMeaning> = new Map<string, MarkerMeaning>([
  ['s', 'secret'],
  ['secret', 'secret'],
  ['secret statistique', 'secret'],
  ['n/a - secret statistique', 'secret'],
  ['c', 'secret'],
  ['', 'missing'],
  ['nd', 'missing'],
  ['n.d.', 'missing'],
  ['n.d', 'missing'],
  ['n/d', 'missing'],
  ['na', 'missing'],
  ['n/a', 'missing'],
  ['n.a.', 'missing'],
  ['#n/a', 'missing'],
  ['n/a - résultat non disponible', 'missing'],
  ['n/a - resultat non disponible', 'missing'],
  ['résultat non disponible', 'missing'],
  ['non disponible', 'missing'],
  ['nc', 'missing'],
  ['n.c.', 'missing'],
  ['ns', 'missing'],
  ['-', 'missing'],
  ['–', 'missing'],
  ['—', 'missing'],
  ['…', 'missing'],
  ['...', 'missing'],
  ['/', 'missing'],
]);

const LONGEST_MARKER = Math.max(...[...MARKERS.keys()].map((marker) => marker.length));

/** What the marker means, or null when the cell is not a marker. Empty cells are "missing". */
export function markerMeaning(cell: string): MarkerMeaning | null {
  if (cell.length > LONGEST_MARKER + 4) return null;
  return MARKERS.get(cell) ?? MARKERS.get(cell.toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/** Spaces used between thousands: plain, no-break and narrow no-break (what French locales write). */
const SPACES = /[\s\u00a0\u202f]/g;
const HAS_SPACE = /[\s\u00a0\u202f]/;
const GROUPED_BY_SPACES = /^[-+\u2212]?\d{1,3}(?:[\s\u00a0\u202f]\d{3})+(?:[.,]\d+)?$/;
const TRAILING_PERCENT = /[\s\u00a0\u202f]*%$/;
const PLAIN_INTEGER = /^-?\d+$/;
const PLAIN_COMMA_DECIMAL = /^-?\d+,\d+$/;
const PLAIN_POINT_DECIMAL = /^-?\d+\.\d+$/;
const EXPONENT = /^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i;
const SHAPE = /^([-+]?)([\d.,]+)$/;

function separatorChar(mark: DecimalMark): ',' | '.' {
  return mark === 'comma' ? ',' : '.';
}

function digitsAndGroups(body: string, group: string): string | null {
  const parts = body.split(group);
  const [first = '', ...rest] = parts;
  if (!/^\d{1,3}$/.test(first) || rest.some((part) => !/^\d{3}$/.test(part))) return null;
  return parts.join('');
}

/**
 * The number a cell holds, or null. `decimalMark` is the file's convention; a lone separator of
 * the other kind is still read as decimal unless it can only be a thousands separator ("1.234"
 * in a decimal-comma file is 1234), so "42.5" in a French file stays 42.5 rather than invalid.
 */
export function parseNumber(cell: string, decimalMark: DecimalMark): number | null {
  if (cell.length === 0) return null;
  // Fast paths for the shapes that fill statistical files ("25820", "42,0"); the rest below is rarer.
  if (PLAIN_INTEGER.test(cell)) return Number(cell);
  if (decimalMark === 'comma' ? PLAIN_COMMA_DECIMAL.test(cell) : PLAIN_POINT_DECIMAL.test(cell)) return Number(cell.replace(',', '.'));
  let text = cell.replace(TRAILING_PERCENT, '');
  if (HAS_SPACE.test(text)) {
    if (!GROUPED_BY_SPACES.test(text)) return null;
    text = text.replace(SPACES, '');
  }
  text = text.replace('\u2212', '-');
  if (EXPONENT.test(text)) return Number(text);
  const shape = SHAPE.exec(text);
  if (!shape) return null;
  const [, sign = '', body = ''] = shape;
  const lastComma = body.lastIndexOf(',');
  const lastPoint = body.lastIndexOf('.');
  let integerPart: string | null;
  let fraction = '';
  if (lastComma >= 0 && lastPoint >= 0) {
    const decimal = lastComma > lastPoint ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const decimalAt = body.lastIndexOf(decimal);
    if (body.indexOf(decimal) !== decimalAt) return null;
    integerPart = digitsAndGroups(body.slice(0, decimalAt), group);
    fraction = body.slice(decimalAt + 1);
  } else if (lastComma >= 0 || lastPoint >= 0) {
    const separator = lastComma >= 0 ? ',' : '.';
    const occurrences = body.split(separator).length - 1;
    const asGroups = digitsAndGroups(body, separator);
    if (occurrences > 1 || (separator !== separatorChar(decimalMark) && asGroups !== null)) {
      integerPart = asGroups;
    } else {
      const at = body.indexOf(separator);
      integerPart = body.slice(0, at);
      fraction = body.slice(at + 1);
      if (!/^\d*$/.test(integerPart) || (integerPart === '' && fraction === '')) return null;
    }
  } else {
    integerPart = body;
  }
  if (integerPart === null || !/^\d*$/.test(fraction)) return null;
  const value = Number(`${sign}${integerPart === '' ? '0' : integerPart}.${fraction === '' ? '0' : fraction}`);
  return Number.isFinite(value) ? value : null;
}

const COMMA_DECIMAL = /^[-+\u2212]?\d*(?:[\s\u00a0\u202f.]\d{3})*,(?!\d{3}$)\d+\s?%?$/;
const POINT_DECIMAL = /^[-+\u2212]?\d*(?:[\s\u00a0\u202f,]\d{3})*\.(?!\d{3}$)\d+\s?%?$/;

/** Counts the cells that can only be read one way ("42,0", "1 234,5" vs "42.5"), to pick the file's decimal mark. */
export class DecimalMarkCounter {
  comma = 0;
  point = 0;

  add(cell: string): void {
    if (cell.length === 0 || cell.length > 24) return;
    const first = cell.charCodeAt(0);
    const startsNumeric = (first >= 48 && first <= 57) || first === 45 || first === 43 || first === 0x2212 || first === 44 || first === 46;
    if (!startsNumeric) return;
    if (COMMA_DECIMAL.test(cell)) this.comma += 1;
    else if (POINT_DECIMAL.test(cell)) this.point += 1;
  }

  /** Null when no cell tells (whole numbers only). */
  result(): DecimalMark | null {
    if (this.comma === 0 && this.point === 0) return null;
    return this.comma > this.point ? 'comma' : 'point';
  }
}
