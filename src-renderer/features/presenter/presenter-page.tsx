import { useEffect, useMemo, useState } from 'react';
import type { Board } from '@shared/boards/board-model';
import { formatCountdown, rankCards } from '@shared/boards/board-results';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { subscribePresenterView } from '../../sync/presenter-channel';
import { BoardCanvas } from '../boards/board-canvas';
import { buildBoardGeometry, clusterOutlines } from '../boards/board-geometry';
import { authorDirectoryFor } from '../boards/board-people';
import { useCountdown } from '../boards/board-timer';
import { CanvasController } from '../boards/canvas-controller';
import { useBoard } from '../boards/use-board';
import { useDirectoryDocument } from '../directory/use-directory-document';
import { useDirectorySnapshot, useMeetings } from '../meetings/use-meetings';
import { useMissionDocument } from '../mission-editor/use-mission-document';

const NO_CARDS: ReadonlySet<string> = new Set();
/** The ranking shows the cards the room can read at a glance. */
const RANKED_CARDS = 10;

const isShown = (card: Board['cards'][number]) => !card.hidden;

function PresenterTimer({ board }: { board: Board }) {
  const countdown = useCountdown(board.timer);
  if (countdown.phase === 'idle') return null;
  return (
    <div className={`presenter__timer presenter__timer--${countdown.phase}`} role="timer" aria-label="Temps restant">
      {countdown.phase === 'ended' ? 'Temps écoulé' : formatCountdown(countdown.remainingMs)}
      {countdown.phase === 'paused' && <span className="presenter__timer-state"> (en pause)</span>}
    </div>
  );
}

function FullScreenButton() {
  const [fullScreen, setFullScreen] = useState(() => document.fullscreenElement !== null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const onChange = () => setFullScreen(document.fullscreenElement !== null);
    // Browsers leave full screen on Escape themselves; an embedded window may not, so the page does too.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && document.fullscreenElement) void document.exitFullscreen();
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
  if (fullScreen) return null;
  return (
    <div className="presenter__fullscreen">
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          document.documentElement.requestFullscreen().then(
            () => setError(null),
            () => setError('Le plein écran a été refusé par le navigateur : utilisez la touche F11.'),
          );
        }}
      >
        Plein écran
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function PresenterScreen({ missionId, board, meeting, directory }: { missionId: string; board: Board; meeting: Meeting; directory: DirectorySnapshot }) {
  const [controller] = useState(() => new CanvasController({ presenting: true, canMove: false }));
  const [rankingShown, setRankingShown] = useState(true);
  const authors = authorDirectoryFor(meeting, directory);
  const zonesJson = JSON.stringify(board.zones);
  const zones = useMemo(() => JSON.parse(zonesJson) as Board['zones'], [zonesJson]);
  const geometry = useMemo(() => buildBoardGeometry(board.template, zones, board.cards, isShown), [board.template, zones, board.cards]);
  const outlines = useMemo(() => clusterOutlines(geometry, board.clusters), [geometry, board.clusters]);
  const ranking = useMemo(
    () => (board.voting.revealed ? rankCards({ voting: board.voting, cards: [...geometry.cards] }).slice(0, RANKED_CARDS) : []),
    [board.voting, geometry.cards],
  );
  usePageTitle(`Projection — ${board.title}`);

  useEffect(() => subscribePresenterView(missionId, board.id, (view) => controller.follow(view)), [missionId, board.id, controller]);

  return (
    <div className="presenter__screen">
      <h1 className="presenter__title">{board.title}</h1>
      <BoardCanvas
        controller={controller}
        board={board}
        geometry={geometry}
        outlines={outlines}
        presenting
        label={`Tableau « ${board.title} »`}
        authors={authors}
        selection={NO_CARDS}
        tabStopId={null}
        draggingIds={NO_CARDS}
        editingId={null}
      />
      <PresenterTimer board={board} />
      {ranking.length > 0 && (
        <div className="presenter__ranking-area">
          <button type="button" className="button" aria-expanded={rankingShown} onClick={() => setRankingShown(!rankingShown)}>
            {rankingShown ? 'Masquer le classement' : 'Afficher le classement'}
          </button>
          {rankingShown && (
            <section className="presenter__ranking" aria-labelledby="presenter-ranking-title">
              <h2 id="presenter-ranking-title">Résultats du vote</h2>
              <ol>
                {ranking.map((result) => (
                  <li key={result.card.id}>
                    <span className="presenter__ranking-text">{result.card.text}</span>{' '}
                    <span className="presenter__ranking-count">
                      {result.total} gommette{result.total > 1 ? 's' : ''}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </div>
      )}
      <FullScreenButton />
    </div>
  );
}

function PresenterBoard({ missionId, mission, directory, boardId }: { missionId: string; mission: OpenDocument; directory: OpenDocument; boardId: string }) {
  const board = useBoard(mission.doc, boardId);
  const meetings = useMeetings(mission.doc);
  const contacts = useDirectorySnapshot(directory.doc);
  const meeting = board ? meetings.find((candidate) => candidate.id === board.meetingId) : undefined;
  if (!board || !meeting || board.trashed) {
    return (
      <p className="presenter__message" role="alert">
        {board?.trashed ? 'Ce tableau a été mis à la corbeille.' : 'Ce tableau n’est pas (encore) disponible sur cet ordinateur.'}
      </p>
    );
  }
  return <PresenterScreen missionId={missionId} board={board} meeting={meeting} directory={contacts} />;
}

/**
 * The projector's window: the facilitator's board, read-only, in large type, following the
 * facilitator's view. Cards written during a silent phase stay off it until revealed.
 */
export function PresenterPage({ missionId, boardId }: { missionId: string; boardId: string }) {
  const missionLoad = useMissionDocument(missionId);
  const directoryLoad = useDirectoryDocument();
  let content;
  if (missionLoad.state === 'failed' || directoryLoad.state === 'failed') {
    const message = missionLoad.state === 'failed' ? missionLoad.message : directoryLoad.state === 'failed' ? directoryLoad.message : '';
    content = (
      <p className="presenter__message" role="alert">
        La projection n’a pas pu ouvrir la mission : {message}
      </p>
    );
  } else if (missionLoad.state === 'loading' || directoryLoad.state === 'loading') {
    content = (
      <p className="presenter__message" role="status">
        Ouverture de la projection…
      </p>
    );
  } else {
    content = <PresenterBoard missionId={missionId} mission={missionLoad.mission} directory={directoryLoad.directory} boardId={boardId} />;
  }
  return <main className="presenter">{content}</main>;
}
