import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CARD_COLOURS, CARD_COLOUR_STYLES, MAX_CARD_TEXT_LENGTH, type BoardZone, type CardColour } from '@shared/boards/board-model';
import { isCardColour } from '@shared/boards/board-snapshot';
import { digitOfKey } from './board-keyboard';
import { ANONYMOUS_LABEL, type CardAuthor } from './board-people';

export interface CapturedCard {
  text: string;
  zoneId: string | null;
  authorId: string | null;
  colour: CardColour;
}

interface CaptureBarProps {
  zones: readonly BoardZone[];
  /** Where cards go unless the facilitator chose another zone since it became active. */
  activeZoneId: string | null;
  authors: readonly CardAuthor[];
  disabled: boolean;
  /** Adds the card; returns the refusal to show, or null once added. */
  onCapture: (card: CapturedCard) => string | null;
}

/**
 * The facilitator's typing line under the board: type what the room says, Enter, and the next
 * card. The field keeps the focus and empties; zone, author and colour stay as set. Alt+1…9 sends
 * the typed card straight to zone 1…9.
 */
export function CaptureBar({ zones, activeZoneId, authors, disabled, onCapture }: CaptureBarProps) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  /** A zone chosen in the list holds while the active zone stays the one it was chosen under. */
  const [zoneChoice, setZoneChoice] = useState<{ zoneId: string; underActive: string | null } | null>(null);
  const [authorId, setAuthorId] = useState<string | null>(null);
  const [colour, setColour] = useState<CardColour>('yellow');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    field.current?.focus();
  }, []);

  const defaultZone = activeZoneId ?? zones[0]?.id ?? null;
  const chosen = zoneChoice && zoneChoice.underActive === activeZoneId && zones.some((zone) => zone.id === zoneChoice.zoneId) ? zoneChoice.zoneId : null;
  const zoneId = chosen ?? defaultZone;
  const author = authorId !== null && authors.some((candidate) => candidate.contactId === authorId) ? authorId : null;

  function capture(toZone: string | null) {
    if (text.trim() === '') {
      setError('Écrivez le texte de la carte avant de l’ajouter.');
      return;
    }
    const refusal = onCapture({ text, zoneId: toZone, authorId: author, colour });
    setError(refusal);
    if (refusal === null) setText('');
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    capture(zoneId);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const digit = digitOfKey(event);
    if (digit === null) return;
    event.preventDefault();
    const zone = zones[digit - 1];
    if (!zone) {
      setError(`Ce tableau n’a pas de zone ${digit}.`);
      return;
    }
    capture(zone.id);
  }

  return (
    <form className="capture-bar" aria-label="Saisie rapide des cartes" onSubmit={onSubmit} autoComplete="off" noValidate>
      <div className="capture-bar__text">
        <label htmlFor={`${id}-text`}>Nouvelle carte</label>
        <input
          ref={field}
          id={`${id}-text`}
          type="text"
          data-board-capture=""
          maxLength={MAX_CARD_TEXT_LENGTH}
          aria-describedby={`${id}-hint`}
          aria-invalid={error !== null}
          disabled={disabled}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            if (error) setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <p id={`${id}-hint`} className="hint">
          Entrée : ajouter la carte{zones.length > 1 ? ` · Alt+1 à Alt+${Math.min(zones.length, 9)} : l’ajouter dans la zone 1 à ${Math.min(zones.length, 9)}` : ''}
        </p>
      </div>
      {zones.length > 0 && (
        <div className="capture-bar__option">
          <label htmlFor={`${id}-zone`}>Zone</label>
          <select
            id={`${id}-zone`}
            disabled={disabled}
            value={zoneId ?? ''}
            onChange={(event) => setZoneChoice({ zoneId: event.target.value, underActive: activeZoneId })}
          >
            {zones.map((zone, index) => (
              <option key={zone.id} value={zone.id}>
                {index < 9 ? `${index + 1}. ` : ''}
                {zone.title}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="capture-bar__option">
        <label htmlFor={`${id}-author`}>Auteur</label>
        <select id={`${id}-author`} disabled={disabled} value={author ?? ''} onChange={(event) => setAuthorId(event.target.value || null)}>
          <option value="">{ANONYMOUS_LABEL}</option>
          {authors.map((candidate) => (
            <option key={candidate.contactId} value={candidate.contactId}>
              {candidate.name}
            </option>
          ))}
        </select>
      </div>
      <div className="capture-bar__option">
        <label htmlFor={`${id}-colour`}>Couleur</label>
        <span className="capture-bar__colour">
          <span className="colour-swatch" aria-hidden="true" style={{ backgroundColor: CARD_COLOUR_STYLES[colour].background, borderColor: CARD_COLOUR_STYLES[colour].border }} />
          <select id={`${id}-colour`} disabled={disabled} value={colour} onChange={(event) => isCardColour(event.target.value) && setColour(event.target.value)}>
            {CARD_COLOURS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {CARD_COLOUR_STYLES[candidate].label}
              </option>
            ))}
          </select>
        </span>
      </div>
      <button type="submit" className="button button--primary capture-bar__submit" disabled={disabled}>
        Ajouter
      </button>
      {error && (
        <p className="field-error capture-bar__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
