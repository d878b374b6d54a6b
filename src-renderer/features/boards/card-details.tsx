import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import { CARD_COLOURS, CARD_COLOUR_STYLES, MAX_CARD_TEXT_LENGTH, MAX_TITLE_LENGTH, type Board, type BoardCard } from '@shared/boards/board-model';
import {
  addCardsToCluster,
  editCardText,
  moveCards,
  renameCluster,
  revealCards,
  sendCardsToZone,
  setCardAuthor,
  setCardsColour,
  ungroupCards,
} from '@shared/boards/board-operations';
import { isCardColour } from '@shared/boards/board-snapshot';
import { MATRIX_SCALE, matrixPosition, matrixScores } from '@shared/boards/board-templates';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { ANONYMOUS_LABEL, type AuthorDirectory } from './board-people';

interface CardDetailsProps {
  doc: Y.Doc;
  board: Board;
  /** The selected cards, in selection order. */
  cards: readonly BoardCard[];
  authors: AuthorDirectory;
  readOnly: boolean;
  onGroup: (cardIds: readonly string[]) => void;
  onDelete: (cardIds: readonly string[]) => void;
}

/** How many selected cards the panel names one by one; the rest are counted. */
const LISTED_CARDS = 12;

/** The « Carte » tab: the selected card's every field, or what applies to several selected cards at once. */
export function CardDetails({ doc, board, cards, authors, readOnly, onGroup, onDelete }: CardDetailsProps) {
  const [error, setError] = useState<string | null>(null);
  const run = (operation: () => void) => setError(attempt(operation));
  const ids = cards.map((card) => card.id);

  if (cards.length === 0) {
    return (
      <div className="card-details">
        <h2 className="board-side__title">Carte</h2>
        <p className="hint">
          Sélectionnez une carte (clic, ou Espace sur la carte qui a le focus) pour voir et modifier son texte, sa couleur, son auteur, sa zone et son
          regroupement.
        </p>
      </div>
    );
  }

  const shared = (
    <>
      <ColourField
        value={cards.every((card) => card.colour === cards[0]!.colour) ? cards[0]!.colour : ''}
        disabled={readOnly}
        onChange={(colour) => run(() => setCardsColour(doc, LOCAL_ORIGIN, board.id, ids, colour, Date.now()))}
      />
      {board.zones.length > 1 && (
        <ZoneField
          zones={board.zones}
          value={cards.every((card) => card.zoneId === cards[0]!.zoneId) ? (cards[0]!.zoneId ?? '') : ''}
          disabled={readOnly}
          onChange={(zoneId) => run(() => sendCardsToZone(doc, LOCAL_ORIGIN, board.id, ids, zoneId, Date.now()))}
        />
      )}
      <ClusterField
        board={board}
        value={cards.every((card) => card.clusterId === cards[0]!.clusterId) ? (cards[0]!.clusterId ?? '') : null}
        disabled={readOnly}
        onJoin={(clusterId) => run(() => addCardsToCluster(doc, LOCAL_ORIGIN, board.id, ids, clusterId, Date.now()))}
        onLeave={() => run(() => ungroupCards(doc, LOCAL_ORIGIN, board.id, ids, Date.now()))}
        onNew={() => onGroup(ids)}
      />
    </>
  );

  if (cards.length > 1) {
    return (
      <div className="card-details">
        <h2 className="board-side__title">{cards.length} cartes sélectionnées</h2>
        <ul className="card-details__list">
          {cards.slice(0, LISTED_CARDS).map((card) => (
            <li key={card.id}>{card.text}</li>
          ))}
          {cards.length > LISTED_CARDS && <li>… et {cards.length - LISTED_CARDS} autres</li>}
        </ul>
        {shared}
        {!readOnly && (
          <p className="actions">
            <button type="button" className="button" onClick={() => onDelete(ids)}>
              Supprimer les {cards.length} cartes
            </button>
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    );
  }

  const card = cards[0]!;
  const author = authors.of(card.authorId);
  const eligible = author && !authors.eligible.some((candidate) => candidate.contactId === author.contactId) ? [author, ...authors.eligible] : authors.eligible;
  const cluster = card.clusterId === null ? undefined : board.clusters.find((candidate) => candidate.id === card.clusterId);
  return (
    <div className="card-details">
      <h2 className="board-side__title">Carte sélectionnée</h2>
      {card.needsRewording && <p className="notice notice--warning">À reformuler : cette carte vient de l’arbre à problèmes. Réécrivez-la comme un objectif.</p>}
      <DraftForm
        key={card.id}
        label="Texte"
        value={card.text}
        multiline
        maxLength={MAX_CARD_TEXT_LENGTH}
        saveLabel="Enregistrer le texte"
        disabled={readOnly}
        onSave={(text) => attempt(() => editCardText(doc, LOCAL_ORIGIN, board.id, card.id, text, Date.now()))}
      />
      {shared}
      <SelectField
        label="Auteur"
        value={card.authorId ?? ''}
        disabled={readOnly}
        options={[{ value: '', label: ANONYMOUS_LABEL }, ...eligible.map((candidate) => ({ value: candidate.contactId, label: candidate.name }))]}
        onChange={(value) => run(() => setCardAuthor(doc, LOCAL_ORIGIN, board.id, card.id, value || null, Date.now()))}
      />
      {board.template === 'impact-feasibility' && card.zoneId !== null && (
        <MatrixFields
          card={card}
          disabled={readOnly}
          onMove={(position) => run(() => moveCards(doc, LOCAL_ORIGIN, board.id, [{ cardId: card.id, zoneId: card.zoneId, ...position }], Date.now()))}
        />
      )}
      {cluster && (
        <DraftForm
          key={cluster.id}
          label="Titre du regroupement"
          value={cluster.title}
          multiline={false}
          maxLength={MAX_TITLE_LENGTH}
          saveLabel="Renommer le regroupement"
          disabled={readOnly}
          onSave={(title) => attempt(() => renameCluster(doc, LOCAL_ORIGIN, board.id, cluster.id, title, Date.now()))}
        />
      )}
      {card.hidden && (
        <p className="actions">
          <span className="hint">Cette carte est masquée à la projection (phase silencieuse).</span>
          <button type="button" className="button" disabled={readOnly} onClick={() => run(() => revealCards(doc, LOCAL_ORIGIN, board.id, [card.id], Date.now()))}>
            Révéler cette carte
          </button>
        </p>
      )}
      {!readOnly && (
        <p className="actions">
          <button type="button" className="button" onClick={() => onDelete([card.id])}>
            Supprimer la carte
          </button>
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function SelectField({
  label,
  value,
  options,
  disabled,
  onChange,
}: {
  label: string;
  value: string;
  /** A `placeholder` option says the selected cards differ; it cannot be chosen. */
  options: readonly { value: string; label: string; placeholder?: boolean }[];
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.placeholder}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ColourField({ value, disabled, onChange }: { value: string; disabled: boolean; onChange: (colour: BoardCard['colour']) => void }) {
  return (
    <SelectField
      label="Couleur"
      value={value}
      disabled={disabled}
      options={[...(value === '' ? [{ value: '', label: 'Couleurs différentes', placeholder: true }] : []), ...CARD_COLOURS.map((colour) => ({ value: colour, label: CARD_COLOUR_STYLES[colour].label }))]}
      onChange={(colour) => isCardColour(colour) && onChange(colour)}
    />
  );
}

function ZoneField({ zones, value, disabled, onChange }: { zones: Board['zones']; value: string; disabled: boolean; onChange: (zoneId: string) => void }) {
  return (
    <SelectField
      label="Zone"
      value={value}
      disabled={disabled}
      options={[...(value === '' ? [{ value: '', label: 'Zones différentes', placeholder: true }] : []), ...zones.map((zone) => ({ value: zone.id, label: zone.title }))]}
      onChange={onChange}
    />
  );
}

/** Option values no cluster id can take (ids are uuids). */
const NEW_CLUSTER = '\u0000new';
const MIXED_CLUSTERS = '\u0000mixed';

function ClusterField({
  board,
  value,
  disabled,
  onJoin,
  onLeave,
  onNew,
}: {
  board: Board;
  /** The cluster all the cards share, '' for none, null when they differ. */
  value: string | null;
  disabled: boolean;
  onJoin: (clusterId: string) => void;
  onLeave: () => void;
  onNew: () => void;
}) {
  const options = [
    ...(value === null ? [{ value: MIXED_CLUSTERS, label: 'Regroupements différents', placeholder: true }] : []),
    { value: '', label: 'Aucun' },
    ...board.clusters.map((cluster) => ({ value: cluster.id, label: cluster.title })),
    { value: NEW_CLUSTER, label: 'Nouveau regroupement…' },
  ];
  return (
    <SelectField
      label="Regroupement"
      value={value ?? MIXED_CLUSTERS}
      disabled={disabled}
      options={options}
      onChange={(choice) => {
        if (choice === NEW_CLUSTER) onNew();
        else if (choice === '') onLeave();
        else if (choice !== MIXED_CLUSTERS) onJoin(choice);
      }}
    />
  );
}

/**
 * A field of the selected card, edited as a draft: the draft holds what is typed until it is saved,
 * and the field shows the card's current value otherwise (a colleague's change included). The form
 * stays mounted when it saves, so the keyboard focus stays where it was.
 */
function useDraft(current: string) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    value: draft ?? current,
    error,
    change: (value: string) => setDraft(value),
    save: (save: (value: string) => string | null) => {
      const refusal = save(draft ?? current);
      setError(refusal);
      if (refusal === null) setDraft(null);
    },
  };
}

interface DraftFormProps {
  label: string;
  /** The saved value the draft starts from and compares with. */
  value: string;
  /** A card's text takes several lines; a cluster's title one. */
  multiline: boolean;
  maxLength: number;
  saveLabel: string;
  disabled: boolean;
  onSave: (value: string) => string | null;
}

/** One field of the selection edited as a draft, saved by its button (or Enter in a one-line field). */
function DraftForm({ label, value, multiline, maxLength, saveLabel, disabled, onSave }: DraftFormProps) {
  const id = useId();
  const draft = useDraft(value);
  const fieldProps = {
    id,
    maxLength,
    readOnly: disabled,
    'aria-invalid': draft.error !== null,
    value: draft.value,
  };
  return (
    <form
      className="field"
      noValidate
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        draft.save(onSave);
      }}
    >
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...fieldProps} rows={4} onChange={(event) => draft.change(event.target.value)} />
      ) : (
        <input {...fieldProps} type="text" onChange={(event) => draft.change(event.target.value)} />
      )}
      {draft.error && (
        <p className="field-error" role="alert">
          {draft.error}
        </p>
      )}
      {!disabled && (
        <button type="submit" className="button" disabled={draft.value.trim() === value.trim()}>
          {saveLabel}
        </button>
      )}
    </form>
  );
}

/**
 * On the matrix a card's place is its score: typing a score moves the card. While a field has the
 * focus it shows what is typed; afterwards, the score the card's place gives.
 */
function MatrixFields({ card, disabled, onMove }: { card: BoardCard; disabled: boolean; onMove: (position: { x: number; y: number }) => void }) {
  const id = useId();
  const scores = matrixScores(card);
  const [draft, setDraft] = useState<{ axis: 'impact' | 'feasibility'; text: string } | null>(null);
  function change(axis: 'impact' | 'feasibility', text: string) {
    setDraft({ axis, text });
    const value = Number(text.replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > MATRIX_SCALE) return;
    onMove(matrixPosition({ ...scores, [axis]: value }));
  }
  const shown = (axis: 'impact' | 'feasibility') => (draft?.axis === axis ? draft.text : String(scores[axis]));
  return (
    <fieldset className="card-details__matrix">
      <legend>Position sur la matrice (notes de 0 à {MATRIX_SCALE})</legend>
      {(['impact', 'feasibility'] as const).map((axis) => (
        <div key={axis} className="field">
          <label htmlFor={`${id}-${axis}`}>{axis === 'impact' ? 'Impact' : 'Faisabilité'}</label>
          <input
            id={`${id}-${axis}`}
            type="number"
            min={0}
            max={MATRIX_SCALE}
            step={0.5}
            readOnly={disabled}
            value={shown(axis)}
            onChange={(event) => change(axis, event.target.value)}
            onBlur={() => setDraft(null)}
          />
        </div>
      ))}
    </fieldset>
  );
}
