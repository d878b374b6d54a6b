import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CARD_HEIGHT, CARD_WIDTH } from '@shared/boards/board-templates';
import { MAX_CARD_TEXT_LENGTH, MAX_TITLE_LENGTH } from '@shared/boards/board-model';
import { CLUSTER_TITLE_HEIGHT } from './board-geometry';

interface CardEditorProps {
  text: string;
  x: number;
  y: number;
  /** Returns the refusal to show, or null once saved. */
  onSave: (text: string) => string | null;
  /** `returnFocus` after Enter or Escape; not when the user left the field for something else. */
  onClose: (returnFocus: boolean) => void;
}

/**
 * What both in-place editors share: the field takes the focus with its text selected; on Enter a
 * refusal keeps the field open with its reason; on leaving the field the record keeps its old value;
 * Escape gives up.
 */
function useInPlaceEdit<Field extends HTMLInputElement | HTMLTextAreaElement>(
  initial: string,
  unchanged: (value: string) => boolean,
  onSave: (value: string) => string | null,
  onClose: (returnFocus: boolean) => void,
) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<Field>(null);
  const done = useRef(false);

  useEffect(() => {
    field.current?.focus({ preventScroll: true });
    field.current?.select();
  }, []);

  function save(leaving: boolean) {
    if (done.current) return;
    const refusal = unchanged(value) ? null : onSave(value);
    if (refusal !== null && !leaving) {
      setError(refusal);
      return;
    }
    done.current = true;
    onClose(!leaving);
  }

  function cancel() {
    done.current = true;
    onClose(true);
  }

  return { value, setValue, error, field, save, cancel };
}

/**
 * A card's text edited where the card is: Enter saves, Shift+Enter starts a new line, Escape
 * gives up. Leaving the field saves, as a paper note keeps what was written on it.
 */
export function CardEditor({ text, x, y, onSave, onClose }: CardEditorProps) {
  const { value, setValue, error, field, save, cancel } = useInPlaceEdit<HTMLTextAreaElement>(text, (typed) => typed === text, onSave, onClose);

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      save(false);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  }

  return (
    <div className="board-editor" style={{ transform: `translate(${x}px, ${y}px)`, width: CARD_WIDTH * 1.5, minHeight: CARD_HEIGHT }}>
      <textarea
        ref={field}
        className="board-editor__field"
        aria-label="Texte de la carte"
        aria-describedby="board-editor-hint"
        aria-invalid={error !== null}
        maxLength={MAX_CARD_TEXT_LENGTH}
        value={value}
        rows={4}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => save(true)}
      />
      <p id="board-editor-hint" className="board-editor__hint">
        Entrée : enregistrer · Maj+Entrée : nouvelle ligne · Échap : annuler
      </p>
      {error && (
        <p className="field-error board-editor__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ClusterTitleEditorProps {
  title: string;
  x: number;
  y: number;
  width: number;
  onSave: (title: string) => string | null;
  onClose: (returnFocus: boolean) => void;
}

/** A cluster's title renamed on its outline (double click); the « Carte » panel offers the same by keyboard. */
export function ClusterTitleEditor({ title, x, y, width, onSave, onClose }: ClusterTitleEditorProps) {
  const { value, setValue, error, field, save, cancel } = useInPlaceEdit<HTMLInputElement>(title, (typed) => typed.trim() === title, onSave, onClose);

  return (
    <div className="board-editor" style={{ transform: `translate(${x}px, ${y}px)`, width: Math.max(width, CARD_WIDTH) }}>
      <input
        ref={field}
        type="text"
        className="board-editor__field"
        aria-label="Titre du regroupement"
        aria-invalid={error !== null}
        maxLength={MAX_TITLE_LENGTH}
        value={value}
        style={{ height: CLUSTER_TITLE_HEIGHT }}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') {
            event.preventDefault();
            save(false);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            cancel();
          }
        }}
        onBlur={() => save(true)}
      />
      {error && (
        <p className="field-error board-editor__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
