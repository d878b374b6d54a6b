import { intersects, type Rect } from './viewport';

/**
 * A bucket grid over the cards' rectangles, built once per change of the cards, so that what the
 * canvas mounts, paints or hit-tests costs what is on screen, not what the board holds.
 */

export interface GridItem extends Rect {
  id: string;
}

export interface CellRange {
  minColumn: number;
  maxColumn: number;
  minRow: number;
  maxRow: number;
}

/** Board units per cell: a few cards wide, so a viewport spans a handful of cells. */
export const DEFAULT_CELL_SIZE = 512;

export function sameRange(a: CellRange | null, b: CellRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.minColumn === b.minColumn && a.maxColumn === b.maxColumn && a.minRow === b.minRow && a.maxRow === b.maxRow;
}

export class SpatialGrid {
  private readonly cells = new Map<string, number[]>();
  /** Items in the order given: the later one is drawn above, and wins a hit test. */
  readonly items: readonly GridItem[];
  private readonly indexById = new Map<string, number>();

  constructor(
    items: readonly GridItem[],
    readonly cellSize = DEFAULT_CELL_SIZE,
  ) {
    this.items = items;
    items.forEach((item, index) => {
      this.indexById.set(item.id, index);
      const range = this.rangeOf(item);
      for (let row = range.minRow; row <= range.maxRow; row += 1) {
        for (let column = range.minColumn; column <= range.maxColumn; column += 1) {
          const key = `${column}:${row}`;
          const bucket = this.cells.get(key);
          if (bucket) bucket.push(index);
          else this.cells.set(key, [index]);
        }
      }
    });
  }

  item(id: string): GridItem | undefined {
    const index = this.indexById.get(id);
    return index === undefined ? undefined : this.items[index];
  }

  /** The cells a rectangle touches. Two rectangles in the same cells give the same candidates. */
  rangeOf(rect: Rect): CellRange {
    return {
      minColumn: Math.floor(rect.x / this.cellSize),
      maxColumn: Math.floor((rect.x + Math.max(rect.width, 0)) / this.cellSize),
      minRow: Math.floor(rect.y / this.cellSize),
      maxRow: Math.floor((rect.y + Math.max(rect.height, 0)) / this.cellSize),
    };
  }

  /** Every item stored in the cells of the range, in the items' order, each once. */
  itemsInRange(range: CellRange): GridItem[] {
    const found = new Set<number>();
    for (let row = range.minRow; row <= range.maxRow; row += 1) {
      for (let column = range.minColumn; column <= range.maxColumn; column += 1) {
        const bucket = this.cells.get(`${column}:${row}`);
        if (bucket) for (const index of bucket) found.add(index);
      }
    }
    return [...found].sort((left, right) => left - right).map((index) => this.items[index]!);
  }

  /** The items that overlap the rectangle, in the items' order. */
  query(rect: Rect): GridItem[] {
    return this.itemsInRange(this.rangeOf(rect)).filter((item) => intersects(item, rect));
  }

  /** The topmost item under a point, or null. */
  hitTest(x: number, y: number): GridItem | null {
    const bucket = this.cells.get(`${Math.floor(x / this.cellSize)}:${Math.floor(y / this.cellSize)}`);
    if (!bucket) return null;
    for (let position = bucket.length - 1; position >= 0; position -= 1) {
      const item = this.items[bucket[position]!]!;
      if (x >= item.x && x < item.x + item.width && y >= item.y && y < item.y + item.height) return item;
    }
    return null;
  }
}
