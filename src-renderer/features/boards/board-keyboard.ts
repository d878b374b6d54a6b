import type { BoardTemplate } from '@shared/boards/board-model';
import type { CardMove } from '@shared/boards/board-operations';
import { placeAtBoardPosition, type BoardLayout } from '@shared/boards/board-templates';
import type { BoardGeometry } from './board-geometry';

/** What each key does on the board, and the moves it computes, as pure functions. */

export const NUDGE_STEP = 10;
export const LARGE_NUDGE_STEP = 50;

export type FocusTarget = 'next' | 'previous' | 'first' | 'last' | 'next-zone' | 'previous-zone';

export type BoardCommand =
  | { kind: 'focus'; target: FocusTarget }
  | { kind: 'toggle-selection' }
  | { kind: 'edit' }
  | { kind: 'nudge'; dx: number; dy: number }
  /** 0-based index of the zone in the board's order. */
  | { kind: 'send-to-zone'; zoneIndex: number }
  | { kind: 'group' }
  | { kind: 'delete' }
  | { kind: 'zoom'; direction: 'in' | 'out' }
  | { kind: 'select-all' }
  | { kind: 'clear-selection' };

export interface KeyInput {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

const ARROWS: Record<string, { dx: number; dy: number; focus: FocusTarget }> = {
  ArrowLeft: { dx: -1, dy: 0, focus: 'previous' },
  ArrowUp: { dx: 0, dy: -1, focus: 'previous' },
  ArrowRight: { dx: 1, dy: 0, focus: 'next' },
  ArrowDown: { dx: 0, dy: 1, focus: 'next' },
};

/**
 * The digit of a key press from its physical key: on a French AZERTY keyboard the top row gives
 * « & é " ' » without Shift, and the facilitator must not have to think about it.
 */
export function digitOfKey(event: Pick<KeyInput, 'code'>): number | null {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  return match ? Number(match[1]) : null;
}

export function boardCommandForKey(event: KeyInput): BoardCommand | null {
  const command = event.ctrlKey || event.metaKey;
  const arrow = ARROWS[event.key];
  if (arrow && !command) {
    if (event.altKey) {
      const step = event.shiftKey ? LARGE_NUDGE_STEP : NUDGE_STEP;
      return { kind: 'nudge', dx: arrow.dx * step, dy: arrow.dy * step };
    }
    return { kind: 'focus', target: arrow.focus };
  }
  if (event.altKey) return null;
  if (command) return event.key.toLowerCase() === 'a' && !event.shiftKey ? { kind: 'select-all' } : null;
  switch (event.key) {
    case 'Home':
      return { kind: 'focus', target: 'first' };
    case 'End':
      return { kind: 'focus', target: 'last' };
    case 'PageDown':
      return { kind: 'focus', target: 'next-zone' };
    case 'PageUp':
      return { kind: 'focus', target: 'previous-zone' };
    case ' ':
      return { kind: 'toggle-selection' };
    case 'Enter':
    case 'F2':
      return { kind: 'edit' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'delete' };
    case 'Escape':
      return { kind: 'clear-selection' };
    case '+':
    case '=':
      return { kind: 'zoom', direction: 'in' };
    case '-':
      return { kind: 'zoom', direction: 'out' };
    case 'g':
    case 'G':
      return { kind: 'group' };
  }
  if (event.code === 'NumpadAdd') return { kind: 'zoom', direction: 'in' };
  if (event.code === 'NumpadSubtract') return { kind: 'zoom', direction: 'out' };
  const digit = digitOfKey(event);
  return digit === null ? null : { kind: 'send-to-zone', zoneIndex: digit - 1 };
}

/** The card the focus goes to; the first card when nothing had the focus; null on an empty board. */
export function focusTarget(geometry: Pick<BoardGeometry, 'groups' | 'places' | 'readingOrder'>, current: string | null, target: FocusTarget): string | null {
  const order = geometry.readingOrder;
  if (order.length === 0) return null;
  const place = current === null ? undefined : geometry.places.get(current);
  if (!place || target === 'first') return order[0]!;
  if (target === 'last') return order[order.length - 1]!;
  if (target === 'next' || target === 'previous') {
    const index = order.indexOf(current!);
    return order[Math.min(order.length - 1, Math.max(0, index + (target === 'next' ? 1 : -1)))]!;
  }
  const step = target === 'next-zone' ? 1 : -1;
  for (let group = place.group + step; group >= 0 && group < geometry.groups.length; group += step) {
    const first = geometry.groups[group]!.cardIds[0];
    if (first !== undefined) return first;
  }
  return current;
}

/**
 * The moves that carry cards by (dx, dy) board units, from a drag or from Alt+arrows: each card's
 * new centre decides its zone, and its position is clamped inside that zone.
 */
export function translatedMoves(
  template: BoardTemplate,
  layout: BoardLayout,
  positions: Pick<BoardGeometry['grid'], 'item'>,
  cardIds: readonly string[],
  dx: number,
  dy: number,
): CardMove[] {
  const moves: CardMove[] = [];
  for (const cardId of cardIds) {
    const position = positions.item(cardId);
    if (!position) continue;
    moves.push({ cardId, ...placeAtBoardPosition(template, layout, { x: position.x + dx, y: position.y + dy }) });
  }
  return moves;
}
