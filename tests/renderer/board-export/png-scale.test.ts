import { describe, expect, test } from 'vitest';
import { MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE, PREFERRED_SCALE, pngScale } from '../../../src-renderer/features/board-export/svg-to-png';

function canvasOf(width: number, height: number) {
  const scale = pngScale(width, height);
  return { scale, width: Math.floor(width * scale), height: Math.floor(height * scale) };
}

describe('the size of a board exported as PNG', () => {
  test('an ordinary board is drawn at twice its size, so its cards stay sharp when zoomed or printed', () => {
    expect(canvasOf(2504, 1700)).toEqual({ scale: PREFERRED_SCALE, width: 5008, height: 3400 });
  });

  test('a very tall board is scaled down to the tallest canvas Chromium draws', () => {
    const canvas = canvasOf(2464, 21_000);
    expect(canvas.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(canvas.width * canvas.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(canvas.scale).toBeGreaterThan(0.5);
  });

  test('a huge board stays within the pixel budget a modest laptop can encode', () => {
    const canvas = canvasOf(12_000, 12_000);
    expect(canvas.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(canvas.width * canvas.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(canvas.width * canvas.height).toBeGreaterThan(MAX_CANVAS_PIXELS * 0.99);
  });

  test('a very wide free board is capped on its width', () => {
    const canvas = canvasOf(40_000, 800);
    expect(canvas.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(canvas.scale).toBeCloseTo(MAX_CANVAS_SIDE / 40_000);
  });
});
