import { useEffect, useId, useRef, useState } from 'react';
import { MAX_TITLE_LENGTH } from '@shared/boards/board-model';

interface GroupDialogProps {
  count: number;
  /** Groups the cards; returns the refusal to show, or null once grouped. */
  onGroup: (title: string) => string | null;
  /** Closes the dialog; the caller gives the focus back to the board. */
  onClose: () => void;
}

/** Asks the title of the cluster made from the selected cards (G on the board). Mounted only while open. */
export function GroupDialog({ count, onGroup, onClose }: GroupDialogProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const refusal = onGroup(title);
          setError(refusal);
          if (refusal === null) onClose();
        }}
      >
        <h2 id={`${id}-title`}>Regrouper {count > 1 ? `${count} cartes` : 'la carte'}</h2>
        <div className="field">
          <label htmlFor={`${id}-name`}>Titre du regroupement</label>
          <input
            id={`${id}-name`}
            type="text"
            maxLength={MAX_TITLE_LENGTH}
            autoComplete="off"
            aria-invalid={error !== null}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <p className="actions">
          <button type="submit" className="button button--primary">
            Regrouper
          </button>
          <button type="button" className="button" onClick={onClose}>
            Annuler
          </button>
        </p>
      </form>
    </dialog>
  );
}
