import { memo, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { Board, BoardCard } from '@shared/boards/board-model';
import { setPaperDots } from '@shared/boards/board-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { shortCardText, type ListedCards } from './card-groups';
import { CardList } from './card-list';

interface PaperRowProps {
  doc: Y.Doc;
  boardId: string;
  card: BoardCard;
  count: number;
  readOnly: boolean;
}

/**
 * The dots counted on one paper card. An empty field counts as none; a refused value ("2,5")
 * stays on screen with the reason and the saved count is untouched.
 */
const PaperRow = memo(function PaperRow({ doc, boardId, card, count, readOnly }: PaperRowProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function change(next: string) {
    const value = next.trim() === '' ? 0 : Number(next);
    const refusal = attempt(() => setPaperDots(doc, LOCAL_ORIGIN, boardId, card.id, value, Date.now()));
    setDraft(refusal || next.trim() === '' ? next : null);
    setError(refusal);
  }

  return (
    <li className="voting-card">
      <span className="voting-card__text">{card.text}</span>
      <span className="field voting-card__paper">
        <label htmlFor={id}>
          Gommettes comptées sur le papier<span className="visually-hidden"> pour “{shortCardText(card.text)}”</span>
        </label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={0}
          max={9999}
          step={1}
          value={draft ?? String(count)}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => change(event.target.value)}
        />
        {error && (
          <span id={`${id}-error`} className="field-error">
            {error}
          </span>
        )}
      </span>
    </li>
  );
});

/** After a vote on the paper board: the facilitator types each card's count. */
export function PaperTally({ doc, board, listed, readOnly }: { doc: Y.Doc; board: Board; listed: ListedCards; readOnly: boolean }) {
  return (
    <div className="voting-paper">
      <p className="hint">
        Comptez les gommettes collées sur chaque carte du tableau papier et saisissez leur nombre. Elles s’ajoutent aux gommettes
        posées dans Bocage.
      </p>
      <CardList listed={listed}>
        {(card) => <PaperRow key={card.id} doc={doc} boardId={board.id} card={card} count={board.voting.tallies[card.id] ?? 0} readOnly={readOnly} />}
      </CardList>
    </div>
  );
}
