import { describe, expect, it } from 'vitest';
import {
  MAX_ZOOM,
  ensureVisible,
  fitRect,
  followedViewport,
  panBy,
  screenToBoard,
  viewportCentre,
  zoomAround,
} from '../../../src-renderer/features/boards/viewport';

const SIZE = { width: 1000, height: 600 };

describe('the board view moves and zooms where the facilitator points', () => {
  it('zooming with the wheel keeps the point under the pointer in place', () => {
    const viewport = { x: 120, y: -40, zoom: 0.8 };
    const before = screenToBoard(viewport, 300, 200);
    const zoomed = zoomAround(viewport, 1.6, 300, 200);
    const after = screenToBoard(zoomed, 300, 200);
    expect(zoomed.zoom).toBeCloseTo(1.28);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    expect(zoomAround(viewport, 100, 0, 0).zoom).toBe(MAX_ZOOM);
  });

  it('dragging the background to the right shows what lies to the left', () => {
    expect(panBy({ x: 500, y: 500, zoom: 2 }, 100, -40)).toEqual({ x: 450, y: 520, zoom: 2 });
  });

  it('a card already in view does not move the view; one off screen brings it just inside', () => {
    const viewport = { x: 0, y: 0, zoom: 1 };
    expect(ensureVisible(viewport, { x: 100, y: 100, width: 180, height: 110 }, SIZE, 48)).toBe(viewport);
    const moved = ensureVisible(viewport, { x: 1500, y: 100, width: 180, height: 110 }, SIZE, 48);
    expect(moved.x + SIZE.width).toBe(1500 + 180 + 48);
    expect(moved.y).toBe(0);
  });

  it('« Ajuster » shows the whole board, centred', () => {
    const board = { x: 0, y: 0, width: 2440, height: 1560 };
    const viewport = fitRect(board, SIZE, 24);
    const centre = viewportCentre(viewport, SIZE);
    expect(board.width * viewport.zoom).toBeLessThanOrEqual(SIZE.width - 48);
    expect(board.height * viewport.zoom).toBeLessThanOrEqual(SIZE.height - 48);
    expect(centre.x).toBeCloseTo(1220);
    expect(centre.y).toBeCloseTo(780);
  });

  it('the projector shows the facilitator’s area around the same centre, scaled to its own screen', () => {
    const facilitator = { x: 400, y: 300, zoom: 1 };
    const followed = { viewport: { ...viewportCentre(facilitator, SIZE), zoom: 1 }, viewWidth: SIZE.width, viewHeight: SIZE.height };
    const projector = { width: 1920, height: 1080 };
    const presenter = followedViewport(followed, projector);
    expect(viewportCentre(presenter, projector)).toEqual({ x: 900, y: 600 });
    // The 1000 × 600 board units the facilitator sees fill the projector's 1920 × 1080 pixels.
    expect(presenter.zoom).toBeCloseTo(1.8);
    expect(SIZE.width * presenter.zoom).toBeLessThanOrEqual(projector.width);
    expect(SIZE.height * presenter.zoom).toBeCloseTo(projector.height);
  });
});
