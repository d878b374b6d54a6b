import { describe, expect, it } from 'vitest';
import { SpatialGrid, sameRange, type GridItem } from '../../../src-renderer/features/boards/spatial-grid';
import { intersects, visibleRect, type Rect } from '../../../src-renderer/features/boards/viewport';

const CARD = { width: 180, height: 110 };

/** A board of `count` cards laid out like captured ones: rows of 6 in columns of zones. */
function cards(count: number): GridItem[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `card-${index}`,
    x: (index % 24) * 196 + Math.floor(index / 24) * 3,
    y: Math.floor(index / 24) * 126,
    ...CARD,
  }));
}

function bruteForce(items: readonly GridItem[], rect: Rect): string[] {
  return items.filter((item) => intersects(item, rect)).map((item) => item.id);
}

describe('the spatial grid makes the canvas cost what is on screen', () => {
  it('finds exactly the cards a view overlaps, in capture order, like a scan of the whole board would', () => {
    const items = cards(2000);
    const grid = new SpatialGrid(items);
    const views: Rect[] = [
      { x: 0, y: 0, width: 1280, height: 720 },
      { x: 2500, y: 4000, width: 900, height: 500 },
      { x: -300, y: -300, width: 400, height: 400 },
      { x: 4000, y: 9000, width: 1600, height: 900 },
    ];
    for (const view of views) expect(grid.query(view).map((item) => item.id)).toEqual(bruteForce(items, view));
  });

  it('a view of a 2,000-card board hands back as many cards as the same view of a board four times smaller', () => {
    const view = visibleRect({ x: 0, y: 0, zoom: 1 }, { width: 1280, height: 720 });
    const small = new SpatialGrid(cards(500)).query(view).length;
    const large = new SpatialGrid(cards(2000)).query(view).length;
    expect(large).toBeGreaterThan(0);
    expect(large).toBe(small);
  });

  it('a short pan stays in the same cells, so nothing is mounted or unmounted', () => {
    const grid = new SpatialGrid(cards(500));
    const before = grid.rangeOf({ x: 10, y: 10, width: 900, height: 400 });
    const after = grid.rangeOf({ x: 60, y: 50, width: 900, height: 400 });
    const farther = grid.rangeOf({ x: 700, y: 30, width: 900, height: 400 });
    expect(sameRange(before, after)).toBe(true);
    expect(sameRange(before, farther)).toBe(false);
    expect(grid.itemsInRange(before).map((item) => item.id)).toEqual(grid.itemsInRange(after).map((item) => item.id));
  });

  it('a press on overlapping cards picks the one drawn on top, and nothing on empty board', () => {
    const grid = new SpatialGrid([
      { id: 'below', x: 0, y: 0, ...CARD },
      { id: 'above', x: 100, y: 50, ...CARD },
    ]);
    expect(grid.hitTest(150, 80)?.id).toBe('above');
    expect(grid.hitTest(20, 20)?.id).toBe('below');
    expect(grid.hitTest(600, 600)).toBeNull();
  });

  it('cards at negative positions (a free board) are found like the others', () => {
    const grid = new SpatialGrid([{ id: 'left', x: -900, y: -700, ...CARD }]);
    expect(grid.query({ x: -1000, y: -800, width: 200, height: 200 }).map((item) => item.id)).toEqual(['left']);
    expect(grid.hitTest(-850, -650)?.id).toBe('left');
  });
});
