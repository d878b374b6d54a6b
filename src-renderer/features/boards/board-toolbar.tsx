import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { BOARD_TEMPLATE_LABELS, MAX_TITLE_LENGTH, type Board } from '@shared/boards/board-model';
import {
  addZone,
  convertProblemTree,
  renameBoard,
  revealCards,
  setActiveZone,
  setSilentPhase,
  startNextRound,
} from '@shared/boards/board-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { BoardTimer } from './board-timer';
import type { BoardUndo } from './board-undo';

interface BoardTitleProps {
  doc: Y.Doc;
  board: Board;
  readOnly: boolean;
}

/** The page's title, renamed in place. */
export function BoardTitle({ doc, board, readOnly }: BoardTitleProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(board.title);
  const [error, setError] = useState<string | null>(null);
  if (editing) {
    return (
      <form
        className="board-title board-title--editing"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const refusal = attempt(() => renameBoard(doc, LOCAL_ORIGIN, board.id, value, Date.now()));
          setError(refusal);
          if (refusal === null) setEditing(false);
        }}
      >
        <label htmlFor={`${id}-title`}>Titre du tableau</label>
        <input
          id={`${id}-title`}
          type="text"
          maxLength={MAX_TITLE_LENGTH}
          aria-invalid={error !== null}
          autoFocus
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setEditing(false);
          }}
        />
        <button type="submit" className="button button--primary">
          Enregistrer
        </button>
        <button type="button" className="button" onClick={() => setEditing(false)}>
          Annuler
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    );
  }
  return (
    <div className="board-title">
      <h1>{board.title}</h1>
      <p className="board-title__template">{BOARD_TEMPLATE_LABELS[board.template]}</p>
      {!readOnly && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            setValue(board.title);
            setError(null);
            setEditing(true);
          }}
        >
          Renommer<span className="visually-hidden"> le tableau</span>
        </button>
      )}
    </div>
  );
}

interface BoardToolbarProps {
  doc: Y.Doc;
  board: Board;
  readOnly: boolean;
  undo: BoardUndo;
  zoom: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onConverted: (boardId: string) => void;
  onProject: () => void;
}

/** Everything the facilitator runs the workshop with, above the board. */
export function BoardToolbar({ doc, board, readOnly, undo, zoom, onZoomIn, onZoomOut, onFit, onConverted, onProject }: BoardToolbarProps) {
  const [error, setError] = useState<string | null>(null);
  const run = (operation: () => void) => setError(attempt(operation));
  const hiddenCount = board.cards.filter((card) => card.hidden).length;
  const activeIndex = board.zones.findIndex((zone) => zone.id === board.activeZoneId);
  const activeZone = activeIndex >= 0 ? board.zones[activeIndex] : undefined;
  const nextZone = board.zones[(activeIndex + 1) % Math.max(board.zones.length, 1)];

  return (
    <div className="board-toolbar" role="group" aria-label="Outils du tableau">
      <div className="board-toolbar__group" role="group" aria-label="Historique">
        <button type="button" className="button" disabled={!undo.canUndo} onClick={undo.undo} aria-keyshortcuts="Control+Z">
          Annuler
        </button>
        <button type="button" className="button" disabled={!undo.canRedo} onClick={undo.redo} aria-keyshortcuts="Control+Shift+Z Control+Y">
          Rétablir
        </button>
      </div>
      <div className="board-toolbar__group" role="group" aria-label="Zoom">
        <button type="button" className="button" onClick={onZoomOut} aria-label="Dézoomer" aria-keyshortcuts="-">
          −
        </button>
        <span className="board-toolbar__zoom" aria-live="off">
          <span className="visually-hidden">Zoom : </span>
          {Math.round(zoom * 100)} %
        </span>
        <button type="button" className="button" onClick={onZoomIn} aria-label="Zoomer" aria-keyshortcuts="Plus">
          +
        </button>
        <button type="button" className="button" onClick={onFit}>
          Ajuster
        </button>
      </div>
      {!readOnly && (
        <div className="board-toolbar__group" role="group" aria-label="Phase silencieuse">
          <button
            type="button"
            className="button"
            aria-pressed={board.silentPhase}
            onClick={() => run(() => setSilentPhase(doc, LOCAL_ORIGIN, board.id, !board.silentPhase, Date.now()))}
          >
            Phase silencieuse
          </button>
          {hiddenCount > 0 && (
            <button type="button" className="button" onClick={() => run(() => revealCards(doc, LOCAL_ORIGIN, board.id, 'all', Date.now()))}>
              Révéler les cartes ({hiddenCount})
            </button>
          )}
        </div>
      )}
      {board.template === 'six-hats' && (
        <div className="board-toolbar__group" role="group" aria-label="Chapeaux">
          <span className="board-toolbar__status">Chapeau actuel : {activeZone?.title ?? 'aucun'}</span>
          {!readOnly && nextZone && (
            <button type="button" className="button" onClick={() => run(() => setActiveZone(doc, LOCAL_ORIGIN, board.id, nextZone.id, Date.now()))}>
              Chapeau suivant
            </button>
          )}
        </div>
      )}
      {board.template === 'world-cafe' && (
        <div className="board-toolbar__group" role="group" aria-label="World Café">
          <span className="board-toolbar__status">Tour {board.round}</span>
          {!readOnly && (
            <>
              <button type="button" className="button" onClick={() => run(() => startNextRound(doc, LOCAL_ORIGIN, board.id, Date.now()))}>
                Tour suivant
              </button>
              <button type="button" className="button" onClick={() => run(() => addZone(doc, LOCAL_ORIGIN, board.id, '', Date.now()))}>
                Ajouter une table
              </button>
            </>
          )}
        </div>
      )}
      {board.template === 'problem-tree' && !readOnly && (
        <button
          type="button"
          className="button"
          onClick={() => {
            let created = '';
            const refusal = attempt(() => {
              created = convertProblemTree(doc, LOCAL_ORIGIN, board.id, Date.now());
            });
            setError(refusal);
            if (refusal === null) onConverted(created);
          }}
        >
          Convertir en arbre à objectifs
        </button>
      )}
      <BoardTimer doc={doc} boardId={board.id} timer={board.timer} readOnly={readOnly} />
      <button type="button" className="button button--primary" onClick={onProject}>
        Projeter
      </button>
      {error && (
        <p className="field-error board-toolbar__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
