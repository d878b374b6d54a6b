import { useEffect, useRef } from 'react';
import type { MoveDirection } from '@shared/qualitative/order-keys';

interface MoveButtonsProps {
  /** The record's name, so each button says what it moves. */
  name: string;
  /** 1-based position in the list. */
  position: number;
  count: number;
  readOnly: boolean;
  onMove: (direction: MoveDirection) => void;
}

/**
 * "Monter" and "Descendre", usable from the keyboard alone: after a move the focus follows the
 * record to its new place (React may have moved its element, which drops the focus), on the same
 * button, or on the other one when the record reached the top or the bottom.
 */
export function MoveButtons({ name, position, count, readOnly, onMove }: MoveButtonsProps) {
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const pending = useRef<MoveDirection | null>(null);

  useEffect(() => {
    const direction = pending.current;
    if (!direction) return;
    pending.current = null;
    const [preferred, fallback] = direction === 'up' ? [up.current, down.current] : [down.current, up.current];
    (preferred && !preferred.disabled ? preferred : fallback)?.focus();
  }, [position]);

  function move(direction: MoveDirection) {
    pending.current = direction;
    onMove(direction);
  }

  return (
    <div className="move-buttons" role="group" aria-label={`Position de « ${name} »`}>
      <button ref={up} type="button" className="button" disabled={readOnly || position <= 1} aria-label={`Monter « ${name} »`} onClick={() => move('up')}>
        Monter
      </button>
      <button
        ref={down}
        type="button"
        className="button"
        disabled={readOnly || position >= count}
        aria-label={`Descendre « ${name} »`}
        onClick={() => move('down')}
      >
        Descendre
      </button>
    </div>
  );
}
