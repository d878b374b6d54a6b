import { memo, useCallback } from 'react';
import type { BoardCard } from '@shared/boards/board-model';
import { CARD_COLOUR_STYLES } from '@shared/boards/board-model';
import type { CardAuthor } from './board-people';

interface BoardCardViewProps {
  card: BoardCard;
  /** Top-left corner on the board. */
  x: number;
  y: number;
  selected: boolean;
  /** The one card of the board reached by Tab (roving tabindex). */
  tabbable: boolean;
  dragging: boolean;
  presenting: boolean;
  /** Dots on the card, or null while the votes are hidden. */
  voteCount: number | null;
  author: CardAuthor | null;
  clusterTitle: string | null;
  setSize: number;
  positionInSet: number;
  register: (cardId: string, element: HTMLElement | null) => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/** What a screen reader says of a card: its text first, then what the eye reads on it. */
function cardAccessibleName(
  card: BoardCard,
  details: { author: CardAuthor | null; clusterTitle: string | null; voteCount: number | null; presenting: boolean },
): string {
  const parts = [card.text];
  parts.push(details.author ? `de ${details.author.name}` : 'anonyme');
  if (details.clusterTitle !== null) parts.push(`regroupement « ${details.clusterTitle} »`);
  if (card.round !== null) parts.push(`tour ${card.round}`);
  if (details.voteCount !== null) parts.push(plural(details.voteCount, 'gommette', 'gommettes'));
  if (card.needsRewording) parts.push('à reformuler');
  if (card.hidden && !details.presenting) parts.push('masquée à la projection');
  return parts.join(' — ');
}

/**
 * One sticky note. Memoised on its props, all primitives or objects that keep their identity while
 * unchanged (the card itself, its author): a change elsewhere on the board does not redraw it.
 */
export const BoardCardView = memo(function BoardCardView({
  card,
  x,
  y,
  selected,
  tabbable,
  dragging,
  presenting,
  voteCount,
  author,
  clusterTitle,
  setSize,
  positionInSet,
  register,
}: BoardCardViewProps) {
  const colours = CARD_COLOUR_STYLES[card.colour];
  const cardId = card.id;
  const ref = useCallback((element: HTMLDivElement | null) => register(cardId, element), [register, cardId]);
  const classes = ['board-card'];
  if (selected) classes.push('board-card--selected');
  if (dragging) classes.push('board-card--dragging');
  if (card.hidden && !presenting) classes.push('board-card--hidden');
  return (
    <div
      ref={ref}
      id={presenting ? undefined : `board-card-${cardId}`}
      role={presenting ? 'listitem' : 'option'}
      aria-selected={presenting ? undefined : selected}
      aria-setsize={presenting ? undefined : setSize}
      aria-posinset={presenting ? undefined : positionInSet}
      aria-label={cardAccessibleName(card, { author, clusterTitle, voteCount, presenting })}
      tabIndex={presenting ? undefined : tabbable ? 0 : -1}
      data-card-id={cardId}
      className={classes.join(' ')}
      title={presenting ? undefined : card.text}
      style={{ transform: `translate(${x}px, ${y}px)`, backgroundColor: colours.background, borderColor: colours.border }}
    >
      <p className="board-card__text">{card.text}</p>
      <p className="board-card__meta">
        {author && (
          <span className="board-card__author">
            <span className="board-card__initials">{author.initials}</span> {author.name}
          </span>
        )}
        {card.round !== null && <span className="board-card__badge">Tour {card.round}</span>}
        {card.needsRewording && <span className="board-card__badge board-card__badge--warning">À reformuler</span>}
        {card.hidden && !presenting && <span className="board-card__badge">Masquée</span>}
        {voteCount !== null && voteCount > 0 && (
          <span className="board-card__votes">{voteCount}</span>
        )}
      </p>
    </div>
  );
});
