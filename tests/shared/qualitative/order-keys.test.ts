import { describe, expect, test } from 'vitest';
import { compareOrdered, indexAfterMove, isOrderKey, keyAfterLast, placementAt, type Ordered } from '@shared/qualitative/order-keys';

function applied(others: Ordered[], id: string, index: number): string[] {
  const placement = placementAt(others, index);
  const rekeyed = new Map(placement.rekeyed.map((item) => [item.id, item.order]));
  return [...others.map((item) => ({ id: item.id, order: rekeyed.get(item.id) ?? item.order })), { id, order: placement.key }]
    .sort(compareOrdered)
    .map((item) => item.id);
}

describe('fractional order keys', () => {
  test('a key after the last goes after every existing key, damaged keys ignored', () => {
    const key = keyAfterLast([
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a5' },
      { id: 'c', order: 'pas une clé' },
    ]);
    expect(key > 'a5').toBe(true);
    expect(keyAfterLast([])).toBe('a0');
  });

  test('an item lands exactly where asked, re-keying only neighbours that share a key', () => {
    const others = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a1' },
      { id: 'd', order: 'a2' },
    ];
    expect(applied(others, 'x', 0)).toEqual(['x', 'a', 'b', 'c', 'd']);
    expect(applied(others, 'x', 2)).toEqual(['a', 'b', 'x', 'c', 'd']);
    expect(placementAt(others, 2).rekeyed.map((item) => item.id)).toEqual(['c']);
    expect(placementAt(others, 1).rekeyed).toEqual([]);
    expect(applied(others, 'x', 4)).toEqual(['a', 'b', 'c', 'd', 'x']);
  });

  test('damaged keys from an old or broken replica are all replaced so the move still lands where asked', () => {
    const others = [
      { id: 'a', order: '' },
      { id: 'b', order: 'a1' },
    ];
    const placement = placementAt(others, 1);
    expect(placement.rekeyed.map((item) => item.id)).toEqual(['a', 'b']);
    expect(applied(others, 'x', 1)).toEqual(['a', 'x', 'b']);
    expect([placement.key, ...placement.rekeyed.map((item) => item.order)].every(isOrderKey)).toBe(true);
  });

  test('"Monter" on the first item and "Descendre" on the last do nothing', () => {
    const sorted = [
      { id: 'a', order: 'a0' },
      { id: 'b', order: 'a1' },
    ];
    expect(indexAfterMove(sorted, 'a', 'up')).toBeNull();
    expect(indexAfterMove(sorted, 'b', 'down')).toBeNull();
    expect(indexAfterMove(sorted, 'a', 'down')).toBe(1);
    expect(indexAfterMove(sorted, 'absent', 'down')).toBeNull();
  });
});
