import { describe, expect, test } from 'vitest';
import { InvalidOperationError } from '@shared/operations/document-guards';
import {
  MAX_SIGNATURE_LENGTH,
  SIGNATURE_BOX,
  decodeSignature,
  encodeSignature,
  signatureToSvg,
  signatureToSvgPath,
  simplifyStroke,
  validateSignature,
} from '@shared/meetings/signature';
import { wavyStroke } from './meeting-fixtures';

describe('signatures drawn on screen', () => {
  test('a signature reads back as the strokes that were drawn, in whole pixels', () => {
    const strokes = [
      [
        { x: 10.4, y: 20.6 },
        { x: 40, y: 25 },
        { x: 80.2, y: 60.9 },
      ],
      [{ x: 300, y: 100 }],
      [
        { x: 599, y: 199 },
        { x: 500, y: 0 },
      ],
    ];
    const encoded = encodeSignature(strokes);

    expect(encoded.startsWith('v1:')).toBe(true);
    expect(decodeSignature(encoded)).toEqual([
      [
        { x: 10, y: 21 },
        { x: 40, y: 25 },
        { x: 80, y: 61 },
      ],
      [{ x: 300, y: 100 }],
      [
        { x: 599, y: 199 },
        { x: 500, y: 0 },
      ],
    ]);
  });

  test('encoding a decoded signature gives the same text, so a re-saved signature never looks changed', () => {
    const encoded = encodeSignature([wavyStroke(10, 120), wavyStroke(200, 80)]);
    expect(encodeSignature(decodeSignature(encoded))).toBe(encoded);
  });

  test('points closer than a pixel and a half are dropped but the end of the stroke stays', () => {
    const stroke = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 3, y: 0 },
      { x: 3.6, y: 0.4 },
      { x: 4, y: 0 },
    ];
    expect(simplifyStroke(stroke)).toEqual([
      { x: 0, y: 0 },
      { x: 3, y: 0 },
      { x: 4, y: 0 },
    ]);
  });

  test('a pen stroke that leaves the pad is kept on its edge rather than refused', () => {
    const encoded = encodeSignature([[{ x: -15, y: 50 }, { x: 700, y: 260 }]]);
    expect(decodeSignature(encoded)).toEqual([[{ x: 0, y: 50 }, { x: SIGNATURE_BOX.width, y: SIGNATURE_BOX.height }]]);
  });

  test('a typical hand-written signature stays small enough to sync quickly', () => {
    const strokes = Array.from({ length: 6 }, (_, index) => wavyStroke(index * 90, 150).map((point) => ({ x: point.x / 1.6, y: point.y })));
    expect(encodeSignature(strokes).length).toBeLessThan(2_500);
  });

  test('validating an empty pad is refused with a French message', () => {
    expect(() => encodeSignature([])).toThrow(InvalidOperationError);
    expect(() => encodeSignature([[]])).toThrow('La signature est vide');
  });

  test('a scribble too long to be a signature is refused rather than bloating the mission', () => {
    const scribble = Array.from({ length: 400 }, (_, line) =>
      Array.from({ length: 40 }, (_, step) => ({ x: (step * 15) % 600, y: (line * 7 + step * 37) % 200 })),
    );
    expect(() => encodeSignature(scribble)).toThrow('trop longue');
    expect(validateSignature(`v1:${'A'.repeat(MAX_SIGNATURE_LENGTH)}`)).toMatch(/trop longue/);
  });

  test.each([
    ['no version prefix', 'AAAA'],
    ['a future version', 'v2:AAAA'],
    ['characters outside the alphabet', 'v1:AA$A'],
    ['an odd number of coordinates', 'v1:AAA'],
    ['a number cut in the middle', 'v1:AAg'],
    ['a point outside the drawing box', 'v1:_fAA'],
    ['a number too long to be a step', 'v1:gggggA'],
    ['an empty stroke', 'v1:AA..AA'],
  ])('a damaged signature (%s) is refused with a French message instead of drawing garbage', (_, encoded) => {
    expect(validateSignature(encoded)).toMatch(/illisible/);
    expect(() => signatureToSvgPath(encoded)).toThrow(InvalidOperationError);
  });

  test('an empty payload is refused as an empty signature', () => {
    expect(validateSignature('v1:')).toMatch(/vide/);
  });

  test('a signature shows as an SVG path in the drawing box, a single tap as a dot', () => {
    const encoded = encodeSignature([
      [
        { x: 10, y: 20 },
        { x: 30, y: 40 },
      ],
      [{ x: 100, y: 100 }],
    ]);
    expect(signatureToSvgPath(encoded)).toBe('M10 20L30 40M100 100l0 0');
    const svg = signatureToSvg(encoded, { width: 180, height: 60 });
    expect(svg).toContain('viewBox="0 0 600 200"');
    expect(svg).toContain('width="180" height="60"');
    expect(svg).toContain('d="M10 20L30 40M100 100l0 0"');
  });
});
