import { memo, useCallback, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { Board, BoardCard } from '@shared/boards/board-model';
import { addDot, removeDot } from '@shared/boards/board-operations';
import { voterDots } from '@shared/boards/board-results';
import { contactDisplayName } from '@shared/directory/contact-model';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { shortCardText, type ListedCards } from './card-groups';
import { CardList } from './card-list';

export interface Voter {
  contactId: string;
  name: string;
}

/** The participants marked present, by name: only people in the room vote. */
export function presentVoters(meeting: Meeting, directory: DirectorySnapshot): Voter[] {
  return meeting.participants
    .filter((participant) => participant.attendance === 'present')
    .map((participant) => {
      const contactId = directory.aliases.get(participant.contactId) ?? participant.contactId;
      const contact = directory.contacts.find((candidate) => candidate.id === contactId);
      return { contactId: participant.contactId, name: (contact && contactDisplayName(contact)) || 'Participant·e sans nom' };
    })
    .sort((left, right) => left.name.localeCompare(right.name, 'fr'));
}

/** "2 gommettes restantes sur 3"; zero takes the singular in French. */
export function remainingDots(remaining: number, budget: number): string {
  return remaining > 1 ? `${remaining} gommettes restantes sur ${budget}` : `${remaining} gommette restante sur ${budget}`;
}

interface DotRowProps {
  card: BoardCard;
  count: number;
  readOnly: boolean;
  onAdd: (cardId: string) => void;
  onRemove: (cardId: string) => void;
}

/** One card with the voter's own dots on it and the ± pair; memoised so a vote redraws one row. */
const DotRow = memo(function DotRow({ card, count, readOnly, onAdd, onRemove }: DotRowProps) {
  const label = shortCardText(card.text);
  return (
    <li className="voting-card">
      <span className="voting-card__text">{card.text}</span>
      <span className="voting-card__controls">
        <button
          type="button"
          className="button voting-card__step"
          aria-label={`Retirer une gommette de “${label}”`}
          disabled={readOnly || count === 0}
          onClick={() => onRemove(card.id)}
        >
          −
        </button>
        <span className="voting-card__count">
          {count}
          <span className="visually-hidden"> gommette{count > 1 ? 's' : ''}</span>
        </span>
        <button
          type="button"
          className="button voting-card__step"
          aria-label={`Ajouter une gommette à “${label}”`}
          disabled={readOnly}
          onClick={() => onAdd(card.id)}
        >
          +
        </button>
      </span>
    </li>
  );
});

interface VoterBallotProps {
  doc: Y.Doc;
  board: Board;
  voters: readonly Voter[];
  listed: ListedCards;
  readOnly: boolean;
}

/**
 * One participant votes at a time on the facilitator's laptop: only that person's dots are shown,
 * never the others' (the screen is projected), until the results are revealed.
 */
export function VoterBallot({ doc, board, voters, listed, readOnly }: VoterBallotProps) {
  const selectId = useId();
  const [chosenId, setChosenId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const voter = voters.find((candidate) => candidate.contactId === chosenId) ?? null;
  const boardId = board.id;
  const voterId = voter?.contactId ?? null;

  const onAdd = useCallback(
    (cardId: string) => {
      if (voterId) setError(attempt(() => addDot(doc, LOCAL_ORIGIN, boardId, voterId, cardId, Date.now())));
    },
    [doc, boardId, voterId],
  );
  const onRemove = useCallback(
    (cardId: string) => {
      if (voterId) setError(attempt(() => removeDot(doc, LOCAL_ORIGIN, boardId, voterId, cardId, Date.now())));
    },
    [doc, boardId, voterId],
  );

  if (voters.length === 0) {
    return (
      <p className="notice notice--warning">
        Aucun participant n’est marqué présent à cette réunion. Pointez les présences sur l’écran d’émargement, ou comptez les
        gommettes sur papier.
      </p>
    );
  }

  const { used, byCard } = voterId ? voterDots(board, voterId) : { used: 0, byCard: new Map<string, number>() };
  return (
    <div className="voting-ballot">
      <div className="field">
        <label htmlFor={selectId}>Participant qui vote</label>
        <select
          id={selectId}
          value={voter?.contactId ?? ''}
          onChange={(event) => {
            setChosenId(event.target.value);
            setError(null);
          }}
        >
          <option value="">Choisir un participant présent</option>
          {voters.map((candidate) => (
            <option key={candidate.contactId} value={candidate.contactId}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <p role="status" className="voting-ballot__remaining">
        {voter ? `${voter.name} : ${remainingDots(Math.max(0, board.voting.budget - used), board.voting.budget)}` : ''}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {voter && (
        <CardList listed={listed}>
          {(card) => <DotRow key={card.id} card={card} count={byCard.get(card.id) ?? 0} readOnly={readOnly} onAdd={onAdd} onRemove={onRemove} />}
        </CardList>
      )}
    </div>
  );
}
