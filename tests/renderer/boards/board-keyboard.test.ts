import { describe, expect, it } from 'vitest';
import type { BoardCard } from '@shared/boards/board-model';
import { layoutBoard, templateZones } from '@shared/boards/board-templates';
import { FREE_GROUP_TITLE, buildBoardGeometry, clusterOutlines } from '../../../src-renderer/features/boards/board-geometry';
import { boardCommandForKey, focusTarget, translatedMoves, type KeyInput } from '../../../src-renderer/features/boards/board-keyboard';

const AFOM_ZONES = templateZones('afom').map((zone, index) => ({ id: zone.id, title: zone.title, order: `a${index}` }));

function card(id: string, zoneId: string | null, x: number, y: number, overrides: Partial<BoardCard> = {}): BoardCard {
  return {
    id,
    text: id,
    colour: 'yellow',
    authorId: null,
    zoneId,
    x,
    y,
    clusterId: null,
    hidden: false,
    round: null,
    sourceCardId: null,
    needsRewording: false,
    links: [],
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

function key(input: Partial<KeyInput> & { key: string }): KeyInput {
  return { code: '', altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, ...input };
}

/** Captured in a scattered order: reading order must come from positions, not from capture. */
const CARDS = [
  card('atout-bas', 'atouts', 0, 126),
  card('menace', 'menaces', 0, 0),
  card('atout-droite', 'atouts', 196, 0),
  card('libre', null, -400, -300),
  card('atout-gauche', 'atouts', 0, 0),
  card('faiblesse', 'faiblesses', 0, 0),
  // Nudged 20 points down with Alt+↓: still read in the first row.
  card('atout-decale', 'atouts', 392, 20),
];

describe('keys on the board', () => {
  it('arrows move the focus, Alt+arrows move the cards by 10 points and by 50 with Shift', () => {
    expect(boardCommandForKey(key({ key: 'ArrowRight' }))).toEqual({ kind: 'focus', target: 'next' });
    expect(boardCommandForKey(key({ key: 'ArrowUp' }))).toEqual({ kind: 'focus', target: 'previous' });
    expect(boardCommandForKey(key({ key: 'ArrowLeft', altKey: true }))).toEqual({ kind: 'nudge', dx: -10, dy: 0 });
    expect(boardCommandForKey(key({ key: 'ArrowDown', altKey: true, shiftKey: true }))).toEqual({ kind: 'nudge', dx: 0, dy: 50 });
  });

  it('digits send to a zone from the physical key, so « & é " » on a French keyboard are 1, 2, 3', () => {
    expect(boardCommandForKey(key({ key: '&', code: 'Digit1' }))).toEqual({ kind: 'send-to-zone', zoneIndex: 0 });
    expect(boardCommandForKey(key({ key: '"', code: 'Digit3' }))).toEqual({ kind: 'send-to-zone', zoneIndex: 2 });
    expect(boardCommandForKey(key({ key: '4', code: 'Numpad4' }))).toEqual({ kind: 'send-to-zone', zoneIndex: 3 });
    expect(boardCommandForKey(key({ key: '0', code: 'Digit0' }))).toBeNull();
  });

  it('G groups, Suppr deletes, Entrée and F2 edit, Ctrl+A selects all; Ctrl+Z is left to undo', () => {
    expect(boardCommandForKey(key({ key: 'g', code: 'KeyG' }))).toEqual({ kind: 'group' });
    expect(boardCommandForKey(key({ key: 'Delete' }))).toEqual({ kind: 'delete' });
    expect(boardCommandForKey(key({ key: 'Enter' }))).toEqual({ kind: 'edit' });
    expect(boardCommandForKey(key({ key: 'F2' }))).toEqual({ kind: 'edit' });
    expect(boardCommandForKey(key({ key: 'a', ctrlKey: true }))).toEqual({ kind: 'select-all' });
    expect(boardCommandForKey(key({ key: 'z', ctrlKey: true }))).toBeNull();
    expect(boardCommandForKey(key({ key: 'g', ctrlKey: true }))).toBeNull();
  });

  it('the focus reads the board zone after zone, each row left to right, the cards outside zones last', () => {
    const geometry = buildBoardGeometry('afom', AFOM_ZONES, CARDS);
    expect(geometry.readingOrder).toEqual(['atout-gauche', 'atout-droite', 'atout-decale', 'atout-bas', 'faiblesse', 'menace', 'libre']);
    expect(geometry.groups.map((group) => group.title)).toEqual(['Atouts', 'Faiblesses', 'Opportunités', 'Menaces', FREE_GROUP_TITLE]);
    expect(geometry.places.get('atout-bas')).toEqual({ group: 0, position: 4 });
    expect(focusTarget(geometry, null, 'next')).toBe('atout-gauche');
    expect(focusTarget(geometry, 'atout-bas', 'next')).toBe('faiblesse');
    expect(focusTarget(geometry, 'atout-gauche', 'previous')).toBe('atout-gauche');
    expect(focusTarget(geometry, 'atout-droite', 'next-zone')).toBe('faiblesse');
    expect(focusTarget(geometry, 'faiblesse', 'next-zone')).toBe('menace');
    expect(focusTarget(geometry, 'menace', 'previous-zone')).toBe('faiblesse');
    expect(focusTarget(geometry, 'faiblesse', 'last')).toBe('libre');
  });

  it('the projection leaves out hidden cards but keeps the facilitator’s zones where they are', () => {
    const tall = [...CARDS, card('secret', 'atouts', 0, 1400, { hidden: true })];
    const facilitator = buildBoardGeometry('afom', AFOM_ZONES, tall);
    const projection = buildBoardGeometry('afom', AFOM_ZONES, tall, (candidate) => !candidate.hidden);
    expect(projection.cardsById.has('secret')).toBe(false);
    expect(projection.readingOrder).not.toContain('secret');
    expect(projection.layout).toEqual(facilitator.layout);
  });

  it('a cluster’s outline surrounds all of its cards, with room for its title above them', () => {
    const clustered = CARDS.map((candidate) => (candidate.zoneId === 'atouts' ? { ...candidate, clusterId: 'famille' } : candidate));
    const geometry = buildBoardGeometry('afom', AFOM_ZONES, clustered);
    const [outline] = clusterOutlines(geometry, [{ id: 'famille', title: 'Famille', createdAt: 0, links: [] }]);
    expect(outline?.cardIds.sort()).toEqual(['atout-bas', 'atout-decale', 'atout-droite', 'atout-gauche']);
    for (const id of outline!.cardIds) {
      const item = geometry.grid.item(id)!;
      expect(item.x).toBeGreaterThan(outline!.x);
      expect(item.x + item.width).toBeLessThan(outline!.x + outline!.width);
      expect(item.y).toBeGreaterThan(outline!.y + 30);
      expect(item.y + item.height).toBeLessThan(outline!.y + outline!.height);
    }
  });
});

describe('moves computed from a drag or from Alt+arrows', () => {
  const geometry = buildBoardGeometry('afom', AFOM_ZONES, CARDS);
  const layout = layoutBoard('afom', AFOM_ZONES, CARDS);

  it('Alt+→ moves the card 10 points within its zone', () => {
    expect(translatedMoves('afom', layout, geometry.grid, ['atout-bas'], 10, 0)).toEqual([{ cardId: 'atout-bas', zoneId: 'atouts', x: 10, y: 126 }]);
  });

  it('a card never leaves its zone by the left edge: it stops there', () => {
    expect(translatedMoves('afom', layout, geometry.grid, ['atout-gauche'], -50, 0)).toEqual([{ cardId: 'atout-gauche', zoneId: 'atouts', x: 0, y: 0 }]);
  });

  it('a card dragged over the next quadrant lands in it, at the place it was dropped', () => {
    const faiblesses = layout.zones.find((zone) => zone.id === 'faiblesses')!;
    const atouts = layout.zones.find((zone) => zone.id === 'atouts')!;
    const dx = faiblesses.x - atouts.x + 300;
    const [move] = translatedMoves('afom', layout, geometry.grid, ['atout-gauche'], dx, 40);
    expect(move).toEqual({ cardId: 'atout-gauche', zoneId: 'faiblesses', x: 300, y: 40 });
  });

  it('dragging several cards keeps their spacing', () => {
    const moves = translatedMoves('afom', layout, geometry.grid, ['atout-gauche', 'atout-droite'], 20, 30);
    expect(moves.map((move) => [move.x, move.y])).toEqual([
      [20, 30],
      [216, 30],
    ]);
  });
});
