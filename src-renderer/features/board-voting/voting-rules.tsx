import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardVoting } from '@shared/boards/board-model';
import { setVotingRules } from '@shared/boards/board-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';

interface RuleFieldProps {
  label: string;
  hint: string;
  value: number;
  readOnly: boolean;
  /** Writes the rule; throws the operation's refusal when the number is not acceptable. */
  onSave: (value: number) => void;
}

/**
 * A number saved as it is typed. A value the operation refuses (0, 150, "3,5") stays on screen
 * with the reason, and the rule in force is untouched until a valid number is typed.
 */
function RuleField({ label, hint, value, readOnly, onSave }: RuleFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  function change(next: string) {
    const refusal = attempt(() => onSave(next.trim() === '' ? Number.NaN : Number(next)));
    setDraft(refusal ? next : null);
    setError(refusal);
  }

  return (
    <div className="field voting-rules__field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={1}
        max={99}
        step={1}
        value={draft ?? String(value)}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(event) => change(event.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** How many dots each participant has, and how many of them one card may receive. */
export function VotingRules({ doc, boardId, voting, readOnly }: { doc: Y.Doc; boardId: string; voting: BoardVoting; readOnly: boolean }) {
  return (
    <fieldset className="voting-rules">
      <legend>Règles du vote</legend>
      <div className="field-row">
        <RuleField
          label="Gommettes par participant"
          hint="Le nombre de gommettes que chacun peut poser en tout."
          value={voting.budget}
          readOnly={readOnly}
          onSave={(budget) => setVotingRules(doc, LOCAL_ORIGIN, boardId, { budget, maxPerCard: voting.maxPerCard }, Date.now())}
        />
        <RuleField
          label="Maximum par carte"
          hint="Le nombre de gommettes qu’un même participant peut poser sur une carte."
          value={voting.maxPerCard}
          readOnly={readOnly}
          onSave={(maxPerCard) => setVotingRules(doc, LOCAL_ORIGIN, boardId, { budget: voting.budget, maxPerCard }, Date.now())}
        />
      </div>
    </fieldset>
  );
}
