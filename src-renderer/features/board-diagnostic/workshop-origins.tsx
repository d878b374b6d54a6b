import { Link } from 'wouter';
import type * as Y from 'yjs';
import { resolveBoardSource } from '@shared/boards/board-diagnostic-links';
import { boardSourceKey, type BoardSource } from '@shared/qualitative/qualitative-structure';
import { ROUTES } from '../../app/routes';

interface WorkshopOriginsProps {
  doc: Y.Doc;
  missionId: string;
  sources: readonly BoardSource[];
}

/**
 * « Issu de l’atelier : <tableau> » on the page of a record made from workshop cards, with a link
 * back to the board; a card deleted since is said to be, so the origin is never silently lost.
 */
export function WorkshopOrigins({ doc, missionId, sources }: WorkshopOriginsProps) {
  if (sources.length === 0) return null;
  return (
    <ul className="board-origins" aria-label="Origine en atelier">
      {sources.map((source) => {
        const origin = resolveBoardSource(doc, source);
        return (
          <li key={boardSourceKey(source)}>
            Issu de l’atelier :{' '}
            {origin.boardTitle === null ? (
              origin.detail
            ) : (
              <>
                <Link href={ROUTES.board(missionId, source.boardId)}>{origin.boardTitle}</Link>
                <span className={origin.present ? 'board-origins__detail' : 'board-origins__detail board-origins__detail--gone'}> — {origin.detail}</span>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
