import { useId } from 'react';
import type * as Y from 'yjs';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { createAfomItem } from '@shared/qualitative/afom-operations';
import type { AfomItem, Observation } from '@shared/qualitative/qualitative-model';
import { validateAfomText } from '@shared/qualitative/qualitative-validation';
import type { AFOM_QUADRANTS } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { InlineAddForm, useInlineAdd } from '../diagnostic-links/inline-add-form';
import { TextField } from '../diagnostic-links/text-field';
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
  const wording = ADD_WORDING[quadrant.id];
  const { values, error, change, submit } = useInlineAdd({
    empty: { text: '' },
    validate: ({ text }) => validateAfomText(text),
    add: ({ text }) => createAfomItem(doc, { quadrant: quadrant.id, text }, LOCAL_ORIGIN),
  });

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
        <InlineAddForm submitLabel={wording.button} onSubmit={submit}>
          <TextField id={`${id}-new`} label={wording.field} value={values.text} error={error} onChange={(text) => change('text', text)} />
        </InlineAddForm>
      )}
    </section>
  );
}
