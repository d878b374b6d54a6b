import { useId, type ReactNode } from 'react';
import type { BoardCard } from '@shared/boards/board-model';
import type { ListedCards } from './card-groups';

/** The listed cards under their zone's heading, each drawn by the mode's own row. */
export function CardList({ listed, children }: { listed: ListedCards; children: (card: BoardCard) => ReactNode }) {
  const id = useId();
  if (listed.total === 0) return <p className="hint">Ce tableau n’a pas encore de carte.</p>;
  if (listed.matching === 0) return <p className="hint">Aucune carte ne correspond au filtre.</p>;
  return (
    <div className="voting-groups">
      {listed.groups.map((group, index) => (
        <section key={group.zoneId ?? ''} className="voting-group" aria-labelledby={`${id}-${index}`}>
          <h3 id={`${id}-${index}`} className="voting-group__title">
            {group.title}
          </h3>
          <ul className="voting-group__cards">{group.cards.map(children)}</ul>
        </section>
      ))}
      {listed.omitted > 0 && (
        <p className="hint">
          {listed.omitted} autre{listed.omitted > 1 ? 's' : ''} carte{listed.omitted > 1 ? 's' : ''} non affichée
          {listed.omitted > 1 ? 's' : ''} : précisez le filtre pour les trouver.
        </p>
      )}
    </div>
  );
}
