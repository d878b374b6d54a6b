import { useState } from 'react';
import type { BoardCluster } from '@shared/boards/board-model';
import type { BoardGeometry } from './board-geometry';
import type { AuthorDirectory } from './board-people';

interface BoardCardListProps {
  geometry: BoardGeometry;
  clusters: readonly BoardCluster[];
  authors: AuthorDirectory;
}

/**
 * Every card as text, zone after zone: the board read from top to bottom in a screen reader's
 * browse mode, or checked at a glance. Drawn only while open, so a large board costs nothing here.
 */
export function BoardCardList({ geometry, clusters, authors }: BoardCardListProps) {
  const [open, setOpen] = useState(false);
  const clusterTitles = new Map(clusters.map((cluster) => [cluster.id, cluster.title]));
  return (
    <details className="board-card-list" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Liste des cartes ({geometry.cards.length})</summary>
      {open &&
        geometry.groups.map((group) => (
          <div key={group.zoneId ?? ''}>
            <h2 className="board-card-list__zone">
              {group.title} ({group.cardIds.length})
            </h2>
            {group.cardIds.length > 0 && (
              <ul aria-label={group.title}>
                {group.cardIds.map((cardId) => {
                  const card = geometry.cardsById.get(cardId)!;
                  const details = [
                    authors.of(card.authorId)?.name,
                    card.clusterId === null ? undefined : `regroupement « ${clusterTitles.get(card.clusterId) ?? ''} »`,
                  ].filter(Boolean);
                  return (
                    <li key={cardId}>
                      {card.text}
                      {details.length > 0 && <span className="hint"> — {details.join(' — ')}</span>}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        ))}
    </details>
  );
}
