import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/** Anything placed in a list by a fractional-index key. */
export interface Ordered {
  id: string;
  order: string;
}

/**
 * Keys compare by code unit, as fractional-indexing requires (never localeCompare). Two replicas
 * that moved items to the same place offline may hand out the same key: the id breaks the tie, so
 * every replica shows the same order.
 */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

export function isOrderKey(value: unknown): value is string {
  if (typeof value !== 'string' || value === '') return false;
  try {
    generateKeyBetween(value, null);
    return true;
  } catch {
    return false;
  }
}

/** A key after every item of the list: where a new record goes. */
export function keyAfterLast(items: readonly Ordered[]): string {
  const last = items.map((item) => item.order).filter(isOrderKey).sort().at(-1) ?? null;
  return generateKeyBetween(last, null);
}

/** New keys for the moved item and for the neighbours that must be re-keyed to make room for it. */
export interface Placement {
  key: string;
  rekeyed: Ordered[];
}

/**
 * The key that puts an item at `index` among the other items (sorted, without the moved one).
 * Neighbours that share the key just before the gap (left by concurrent moves) are re-keyed after
 * the moved item, as are all items when a key is damaged, so the result is always where asked.
 */
export function placementAt(others: readonly Ordered[], index: number): Placement {
  const position = Math.min(Math.max(index, 0), others.length);
  if (!others.every((item) => isOrderKey(item.order))) {
    const keys = generateNKeysBetween(null, null, others.length + 1);
    return {
      key: keys[position] as string,
      rekeyed: others.map((item, i) => ({ id: item.id, order: keys[i < position ? i : i + 1] as string })),
    };
  }
  const lower = position > 0 ? (others[position - 1] as Ordered).order : null;
  let tiedEnd = position;
  while (lower !== null && tiedEnd < others.length && (others[tiedEnd] as Ordered).order <= lower) tiedEnd += 1;
  const upper = tiedEnd < others.length ? (others[tiedEnd] as Ordered).order : null;
  const keys = generateNKeysBetween(lower, upper, 1 + tiedEnd - position);
  return {
    key: keys[0] as string,
    rekeyed: others.slice(position, tiedEnd).map((item, i) => ({ id: item.id, order: keys[i + 1] as string })),
  };
}

export type MoveDirection = 'up' | 'down';

/**
 * Where "Monter" or "Descendre" puts the item among the others, or null when it is already first
 * or last.
 */
export function indexAfterMove(sorted: readonly Ordered[], id: string, direction: MoveDirection): number | null {
  const current = sorted.findIndex((item) => item.id === id);
  if (current < 0) return null;
  const target = direction === 'up' ? current - 1 : current + 1;
  if (target < 0 || target > sorted.length - 1) return null;
  return target;
}
