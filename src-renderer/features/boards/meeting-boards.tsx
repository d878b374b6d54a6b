import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type * as Y from 'yjs';
import { BOARD_TEMPLATE_LABELS, CREATABLE_TEMPLATES, MAX_TITLE_LENGTH, type BoardTemplate } from '@shared/boards/board-model';
import { createBoard, restoreBoard } from '@shared/boards/board-operations';
import { readBoardSummaries } from '@shared/boards/board-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { attempt } from '../diagnostic-links/operation-error';
import { TrashList } from '../diagnostic-links/trash';
import { useDocumentReader } from '../diagnostic-links/use-document-reader';

interface MeetingBoardsProps {
  missionId: string;
  missionDoc: Y.Doc;
  meeting: Meeting;
  readOnly: boolean;
}

function cardCount(count: number): string {
  return count === 0 ? 'aucune carte' : `${count} carte${count > 1 ? 's' : ''}`;
}

/** The boards of a meeting on its page: open one, start one from a template, bring one back from the trash. */
export function MeetingBoards({ missionId, missionDoc, meeting, readOnly }: MeetingBoardsProps) {
  const id = useId();
  const [, navigate] = useLocation();
  const summaries = useDocumentReader(missionDoc, readBoardSummaries).filter((summary) => summary.meetingId === meeting.id);
  const live = summaries.filter((summary) => !summary.trashed);
  const trashed = summaries.filter((summary) => summary.trashed);
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<BoardTemplate>('brainstorm');
  const [error, setError] = useState<string | null>(null);

  function create(event: FormEvent) {
    event.preventDefault();
    let created = '';
    const refusal = attempt(() => {
      created = createBoard(missionDoc, LOCAL_ORIGIN, { meetingId: meeting.id, template, title }, Date.now());
    });
    setError(refusal);
    if (refusal === null) navigate(ROUTES.board(missionId, created));
  }

  return (
    <section className="meeting-boards" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Tableaux de l’atelier</h3>
      {live.length === 0 ? (
        <p className="hint">Aucun tableau pour cette réunion.</p>
      ) : (
        <ul className="meeting-boards__list">
          {live.map((summary) => (
            <li key={summary.id}>
              <Link href={ROUTES.board(missionId, summary.id)}>{summary.title}</Link>{' '}
              <span className="hint">
                — {BOARD_TEMPLATE_LABELS[summary.template]}, {cardCount(summary.cardCount)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && meeting.trashedAt === null && (
        <form className="meeting-boards__new" aria-labelledby={`${id}-new`} onSubmit={create} noValidate autoComplete="off">
          <h4 id={`${id}-new`}>Nouveau tableau</h4>
          <div className="field">
            <label htmlFor={`${id}-board-title`}>Titre du tableau</label>
            <input
              id={`${id}-board-title`}
              type="text"
              maxLength={MAX_TITLE_LENGTH}
              aria-invalid={error !== null}
              aria-describedby={error ? `${id}-error` : undefined}
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
          </div>
          <fieldset className="meeting-boards__templates">
            <legend>Modèle</legend>
            {CREATABLE_TEMPLATES.map((candidate) => (
              <label key={candidate} className="checkbox">
                <input type="radio" name={`${id}-template`} value={candidate} checked={template === candidate} onChange={() => setTemplate(candidate)} />
                {BOARD_TEMPLATE_LABELS[candidate]}
              </label>
            ))}
          </fieldset>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button button--primary">
            Créer le tableau
          </button>
        </form>
      )}
      <TrashList
        title="Corbeille des tableaux"
        // A trashed board refuses every change but its restoration: its last change is its trashing.
        records={trashed.map((summary) => ({ id: summary.id, label: summary.title, trashedAt: summary.updatedAt }))}
        readOnly={readOnly}
        onRestore={(boardId) => restoreBoard(missionDoc, LOCAL_ORIGIN, boardId, Date.now())}
      />
    </section>
  );
}
