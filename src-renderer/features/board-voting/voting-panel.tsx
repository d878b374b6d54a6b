import { useId, useMemo, useRef, useState } from 'react';
import { clearVotes, setVotesRevealed } from '@shared/boards/board-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import type { BoardPanelProps } from '../boards/board-panel-props';
import { attempt } from '../diagnostic-links/operation-error';
import { listCards } from './card-groups';
import { PaperTally } from './paper-tally';
import { VoteResults } from './vote-results';
import { VoterBallot, presentVoters } from './voter-ballot';
import { VotingRules } from './voting-rules';

type VotingMode = 'voter' | 'paper';

const MODES: readonly { id: VotingMode; label: string }[] = [
  { id: 'voter', label: 'Vote par participant' },
  { id: 'paper', label: 'Vote sur papier' },
];

/**
 * Dot voting (gommettes) beside a board, for a village hall with one laptop and a projector:
 * participants come to the laptop one at a time, or the dots stuck on the paper board are
 * counted and typed in. Nobody's dots but the current voter's are shown until the facilitator
 * reveals the results, since the screen is projected.
 */
export function VotingPanel({ doc, board, meeting, directory, readOnly }: BoardPanelProps) {
  const headingId = useId();
  const filterId = useId();
  const resultsId = useId();
  const dialogTitleId = useId();
  const [mode, setMode] = useState<VotingMode>('voter');
  const [filter, setFilter] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const newVoteButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const voters = useMemo(() => presentVoters(meeting, directory), [meeting, directory]);
  const listed = listCards(board, filter);
  const revealed = board.voting.revealed;

  function reveal(next: boolean) {
    const refusal = attempt(() => setVotesRevealed(doc, LOCAL_ORIGIN, board.id, next, Date.now()));
    setError(refusal);
    if (!refusal) setAnnouncement(next ? 'Résultats révélés.' : 'Résultats masqués.');
  }

  function startNewVote() {
    const refusal = attempt(() => clearVotes(doc, LOCAL_ORIGIN, board.id, Date.now()));
    setError(refusal);
    if (!refusal) setAnnouncement('Toutes les gommettes ont été retirées : un nouveau vote peut commencer.');
    dialog.current?.close();
  }

  return (
    <section className="voting-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Gommettes</h2>
      <VotingRules doc={doc} boardId={board.id} voting={board.voting} readOnly={readOnly} />
      <fieldset className="voting-mode">
        <legend>Mode de vote</legend>
        {MODES.map((entry) => (
          <label key={entry.id} className="checkbox">
            <input type="radio" name={`${headingId}-mode`} value={entry.id} checked={mode === entry.id} onChange={() => setMode(entry.id)} />
            {entry.label}
          </label>
        ))}
      </fieldset>
      {board.cards.length > 0 && (
        <div className="field">
          <label htmlFor={filterId}>Filtrer les cartes</label>
          <input
            id={filterId}
            type="search"
            autoComplete="off"
            aria-describedby={`${filterId}-hint`}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <p id={`${filterId}-hint`} className="hint">
            Quelques mots de la carte suffisent, sans accents ni majuscules.
          </p>
        </div>
      )}
      {mode === 'voter' ? (
        <VoterBallot doc={doc} board={board} voters={voters} listed={listed} readOnly={readOnly} />
      ) : (
        <PaperTally doc={doc} board={board} listed={listed} readOnly={readOnly} />
      )}
      <section className="voting-results-section" aria-labelledby={resultsId}>
        <h3 id={resultsId}>Résultats</h3>
        <p className="hint">
          {revealed
            ? 'Les résultats sont visibles, y compris sur la projection.'
            : 'Les résultats sont masqués : ni l’écran ni la projection ne montrent les gommettes des autres participants.'}
        </p>
        <div className="actions">
          <button type="button" className="button button--primary" disabled={readOnly} onClick={() => reveal(!revealed)}>
            {revealed ? 'Masquer les résultats' : 'Révéler les résultats'}
          </button>
          <button
            ref={newVoteButton}
            type="button"
            className="button button--danger"
            aria-haspopup="dialog"
            disabled={readOnly}
            onClick={() => {
              dialog.current?.showModal();
              // Removing every dot is a heavy step: Enter must not confirm it by default.
              cancelButton.current?.focus();
            }}
          >
            Nouveau vote…
          </button>
        </div>
        <p role="status" className="confirmation">
          {announcement}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {revealed && <VoteResults board={board} />}
      </section>
      <dialog ref={dialog} className="dialog" aria-labelledby={dialogTitleId} onClose={() => newVoteButton.current?.focus()}>
        <h3 id={dialogTitleId}>Recommencer le vote ?</h3>
        <p>
          Toutes les gommettes de ce tableau seront retirées, celles des participants comme celles comptées sur papier, et les
          résultats seront de nouveau masqués. Les cartes restent.
        </p>
        <div className="actions">
          <button type="button" className="button button--danger" onClick={startNewVote}>
            Retirer toutes les gommettes
          </button>
          <button ref={cancelButton} type="button" className="button" onClick={() => dialog.current?.close()}>
            Annuler
          </button>
        </div>
      </dialog>
    </section>
  );
}
