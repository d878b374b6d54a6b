/**
 * Signatures drawn on screen (pen, finger or mouse), stored as compact text in the mission
 * document so they sync and are erased with the attendance they prove.
 *
 * Format "v1:" then the strokes separated by ".". A stroke is its first point then the step to each
 * next point, every number written like the "encoded polyline" format of map services: zigzag
 * (sign in the lowest bit), then 5 bits per character of the base64url alphabet, the 6th bit
 * saying "more follows". Points are whole pixels of a fixed drawing box, whatever the size of the
 * screen they were drawn on. Plain text, no byte decoding: it reads the same in a page, a worker
 * or Node.
 */
import { InvalidOperationError } from '../operations/document-guards';

export interface SignaturePoint {
  x: number;
  y: number;
}

export type SignatureStroke = readonly SignaturePoint[];

/** The drawing box every signature is recorded in; pads scale to it. */
export const SIGNATURE_BOX = { width: 600, height: 200 } as const;

/** A signature longer than this is not a signature (about 20 kB of text). */
export const MAX_SIGNATURE_LENGTH = 20_000;

const VERSION_PREFIX = 'v1:';
const STROKE_SEPARATOR = '.';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUES = new Map([...ALPHABET].map((character, value) => [character, value]));
const CONTINUES = 0b100000;
const DIGIT_BITS = 5;
/** Three digits hold 15 bits, far above any step inside the box: a longer number is damage. */
const MAX_DIGITS_PER_NUMBER = 3;
/** Points closer than this to the previous one add size, not legibility. */
const MIN_POINT_DISTANCE = 1.5;

const MALFORMED = 'Cette signature est illisible : effacez-la et signez à nouveau.';
const TOO_LONG = 'Cette signature est trop longue (plus de 20 ko) : effacez-la et signez à nouveau, d’un trait plus simple.';
const EMPTY = 'La signature est vide : signez dans le cadre avant de la valider.';

function clamp(value: number, max: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(Math.max(Math.round(value), 0), max);
}

/** Whole pixels inside the box; points too close to the last one kept are dropped, the stroke's end is kept. */
export function simplifyStroke(stroke: SignatureStroke): SignaturePoint[] {
  const kept: SignaturePoint[] = [];
  stroke.forEach((point, position) => {
    const rounded = { x: clamp(point.x, SIGNATURE_BOX.width), y: clamp(point.y, SIGNATURE_BOX.height) };
    const last = kept.at(-1);
    if (!last) {
      kept.push(rounded);
      return;
    }
    const distance = Math.hypot(rounded.x - last.x, rounded.y - last.y);
    const isEnd = position === stroke.length - 1;
    if (distance >= MIN_POINT_DISTANCE || (isEnd && distance > 0)) kept.push(rounded);
  });
  return kept;
}

function writeNumber(value: number): string {
  let zigzag = value < 0 ? -2 * value - 1 : 2 * value;
  let digits = '';
  while (zigzag >= CONTINUES) {
    digits += ALPHABET[(zigzag % CONTINUES) | CONTINUES];
    zigzag = Math.floor(zigzag / CONTINUES);
  }
  return digits + ALPHABET[zigzag];
}

function writeStroke(stroke: readonly SignaturePoint[]): string {
  let previous = { x: 0, y: 0 };
  let text = '';
  for (const point of stroke) {
    text += writeNumber(point.x - previous.x) + writeNumber(point.y - previous.y);
    previous = point;
  }
  return text;
}

/** Encodes strokes drawn in SIGNATURE_BOX coordinates; refuses an empty or an oversized signature. */
export function encodeSignature(strokes: readonly SignatureStroke[]): string {
  const simplified = strokes.map(simplifyStroke).filter((stroke) => stroke.length > 0);
  if (simplified.length === 0) throw new InvalidOperationError(EMPTY);
  const encoded = VERSION_PREFIX + simplified.map(writeStroke).join(STROKE_SEPARATOR);
  if (encoded.length > MAX_SIGNATURE_LENGTH) throw new InvalidOperationError(TOO_LONG);
  return encoded;
}

function readNumbers(text: string): number[] {
  const numbers: number[] = [];
  let zigzag = 0;
  let scale = 1;
  let digits = 0;
  for (const character of text) {
    const digit = DIGIT_VALUES.get(character);
    if (digit === undefined || digits === MAX_DIGITS_PER_NUMBER) throw new InvalidOperationError(MALFORMED);
    zigzag += (digit % CONTINUES) * scale;
    digits += 1;
    if (digit & CONTINUES) {
      scale *= 2 ** DIGIT_BITS;
      continue;
    }
    numbers.push(zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2);
    zigzag = 0;
    scale = 1;
    digits = 0;
  }
  if (digits > 0) throw new InvalidOperationError(MALFORMED);
  return numbers;
}

function readStroke(text: string): SignaturePoint[] {
  const numbers = readNumbers(text);
  if (numbers.length === 0 || numbers.length % 2 !== 0) throw new InvalidOperationError(MALFORMED);
  const stroke: SignaturePoint[] = [];
  let previous = { x: 0, y: 0 };
  for (let index = 0; index < numbers.length; index += 2) {
    const point = { x: previous.x + (numbers[index] ?? 0), y: previous.y + (numbers[index + 1] ?? 0) };
    if (point.x < 0 || point.x > SIGNATURE_BOX.width || point.y < 0 || point.y > SIGNATURE_BOX.height) {
      throw new InvalidOperationError(MALFORMED);
    }
    stroke.push(point);
    previous = point;
  }
  return stroke;
}

/** The strokes of an encoded signature; refuses anything this version did not write, or too long. */
export function decodeSignature(encoded: string): SignaturePoint[][] {
  if (encoded.length > MAX_SIGNATURE_LENGTH) throw new InvalidOperationError(TOO_LONG);
  if (!encoded.startsWith(VERSION_PREFIX)) throw new InvalidOperationError(MALFORMED);
  const payload = encoded.slice(VERSION_PREFIX.length);
  if (payload === '') throw new InvalidOperationError(EMPTY);
  return payload.split(STROKE_SEPARATOR).map(readStroke);
}

/** The message a malformed signature is refused with, or null when it is acceptable. */
export function validateSignature(encoded: string): string | null {
  try {
    decodeSignature(encoded);
    return null;
  } catch (error) {
    if (error instanceof InvalidOperationError) return error.message;
    throw error;
  }
}

/** SVG path data of a signature in SIGNATURE_BOX coordinates; a single-point stroke draws a dot. */
export function signatureToSvgPath(encoded: string): string {
  return decodeSignature(encoded)
    .map((stroke) => {
      const [first, ...rest] = stroke;
      if (!first) return '';
      const lines = rest.length > 0 ? rest.map((point) => `L${point.x} ${point.y}`).join('') : 'l0 0';
      return `M${first.x} ${first.y}${lines}`;
    })
    .join('');
}

export interface SignatureSvgOptions {
  width: number;
  height: number;
  /** Line colour; black prints best. */
  color?: string;
}

/** A standalone SVG image of the signature, scaled into width × height with its proportions kept. */
export function signatureToSvg(encoded: string, { width, height, color = '#000000' }: SignatureSvgOptions): string {
  const path = signatureToSvgPath(encoded);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${SIGNATURE_BOX.width} ${SIGNATURE_BOX.height}" preserveAspectRatio="xMidYMid meet">` +
    `<path d="${path}" fill="none" stroke="${color.replace(/[^#a-zA-Z0-9]/g, '')}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/>` +
    '</svg>'
  );
}
