import type { Board } from '@shared/boards/board-model';
import { rankCards, type CardResult } from '@shared/boards/board-results';

export interface RankedResult extends CardResult {
  /** 1 for the most dots; cards with as many dots share a rank ("1, 1, 3"). */
  rank: number;
  tied: boolean;
}

/** The standard competition ranking: a tie shares its rank and the next rank skips accordingly. */
export function sharedRanks(results: readonly CardResult[]): RankedResult[] {
  return results.map((result, index) => {
    let first = index;
    while (first > 0 && results[first - 1]?.total === result.total) first -= 1;
    const tied = results[index - 1]?.total === result.total || results[index + 1]?.total === result.total;
    return { ...result, rank: first + 1, tied };
  });
}

function dots(count: number): string {
  return `${count} gommette${count > 1 ? 's' : ''}`;
}

function voters(count: number): string {
  if (count === 0) return 'aucun votant nommé';
  return `${count} votant${count > 1 ? 's' : ''}`;
}

/** Once revealed: the cards with dots, most first, ties sharing a rank. */
export function VoteResults({ board }: { board: Board }) {
  const ranked = sharedRanks(rankCards(board));
  if (ranked.length === 0) return <p>Aucune gommette n’a été posée pour l’instant.</p>;
  return (
    <ol className="voting-results">
      {ranked.map((result) => (
        <li key={result.card.id} className="voting-result">
          <span className="voting-result__rank">
            {result.rank === 1 ? '1er' : `${result.rank}e`}
            {result.tied && <span className="voting-result__tie"> ex æquo</span>}
          </span>
          <span className="voting-result__text">{result.card.text}</span>
          <span className="voting-result__figures">
            <strong>{dots(result.total)}</strong>, {voters(result.voters)}
          </span>
        </li>
      ))}
    </ol>
  );
}
