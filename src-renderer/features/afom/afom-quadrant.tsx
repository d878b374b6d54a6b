import { useId, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { createAfomItem } from '@shared/qualitative/afom-operations';
import type { AfomItem, Observation } from '@shared/qualitative/qualitative-model';
import { validateAfomText } from '@shared/qualitative/qualitative-validation';
import type { AFOM_QUADRANTS } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { attempt } from '../diagnostic-links/operation-error';
import { AfomItemCard } from './afom-item-card';

/** French wording of each quadrant's "add" field and button. */
const ADD_WORDING: Record<(typeof AFOM_QUADRANTS)[number]['id'], { field: string; button: string }> = {
  atouts: { field: 'Nouvel atout', button: 'Ajouter un atout' },
  faiblesses: { field: 'Nouvelle faiblesse', button: 'Ajouter une faiblesse' },
  opportunites: { field: 'Nouvelle opportunité', button: 'Ajouter une opportunité' },
  menaces: { field: 'Nouvelle menace', button: 'Ajouter une menace' },
};

interface AfomQuadrantProps {
  doc: Y.Doc;
  quadrant: (typeof AFOM_QUADRANTS)[number];
  items: readonly AfomItem[];
  observations: readonly Observation[];
  indicators: readonly IndicatorDefinition[];
  readOnly: boolean;
  onTrash: (item: AfomItem) => void;
}

/** One labelled region of the grid: its items in order and a field to add one. */
export function AfomQuadrantRegion({ doc, quadrant, items, observations, indicators, readOnly, onTrash }: AfomQuadrantProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const wording = ADD_WORDING[quadrant.id];

  function add(event: FormEvent) {
    event.preventDefault();
    const refusal = validateAfomText(draft) ?? attempt(() => createAfomItem(doc, { quadrant: quadrant.id, text: draft }, LOCAL_ORIGIN));
    setError(refusal);
    if (!refusal) setDraft('');
  }

  return (
    <section className={`afom-quadrant afom-quadrant--${quadrant.id}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {quadrant.label} <span className="afom-quadrant__count">({items.length})</span>
      </h3>
      {items.length === 0 ? (
        <p className="hint">Rien pour le moment.</p>
      ) : (
        <ol className="afom-quadrant__items" aria-label={quadrant.label}>
          {items.map((item, index) => (
            <AfomItemCard
              key={item.id}
              doc={doc}
              item={item}
              label={`${quadrant.itemLabel} ${index + 1}`}
              position={index + 1}
              count={items.length}
              observations={observations}
              indicators={indicators}
              readOnly={readOnly}
              onTrash={onTrash}
            />
          ))}
        </ol>
      )}
      {!readOnly && (
        <form className="inline-add" onSubmit={add} noValidate>
          <div className="field">
            <label htmlFor={`${id}-new`}>{wording.field}</label>
            <input
              id={`${id}-new`}
              type="text"
              value={draft}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setDraft(event.target.value)}
            />
            {error && (
              <p id={`${id}-error`} className="field-error">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button">
            {wording.button}
          </button>
        </form>
      )}
    </section>
  );
}
