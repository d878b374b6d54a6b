import type * as Y from 'yjs';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { moveAfomItem, setAfomIndicatorLink, setAfomObservationLink, updateAfomItem } from '@shared/qualitative/afom-operations';
import type { AfomItem, Observation } from '@shared/qualitative/qualitative-model';
import { excerpt } from '@shared/qualitative/qualitative-snapshot';
import { validateAfomText } from '@shared/qualitative/qualitative-validation';
import { AFOM_QUADRANTS, type AfomQuadrant } from '@shared/qualitative/qualitative-vocabulary';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { IndicatorChecklist } from '../diagnostic-links/indicator-checklist';
import { MoveButtons } from '../diagnostic-links/move-buttons';
import { RecordChecklist } from '../diagnostic-links/record-checklist';
import { SavedSelect, SavedTextField } from '../diagnostic-links/saved-fields';
import { observationDetail, observationTitle } from '../observations/observation-labels';

interface AfomItemCardProps {
  doc: Y.Doc;
  item: AfomItem;
  /** "Atout 2". */
  label: string;
  position: number;
  count: number;
  observations: readonly Observation[];
  indicators: readonly IndicatorDefinition[];
  readOnly: boolean;
  onTrash: (item: AfomItem) => void;
}

function sourcesSummary(item: AfomItem): string {
  const parts = [
    item.observationIds.length > 0 ? `${item.observationIds.length} constat${item.observationIds.length > 1 ? 's' : ''}` : '',
    item.indicatorCodes.length > 0 ? `${item.indicatorCodes.length} indicateur${item.indicatorCodes.length > 1 ? 's' : ''}` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'aucune' : parts.join(', ');
}

/** One item of a quadrant, edited in place, with its sources behind a disclosure. */
export function AfomItemCard({ doc, item, label, position, count, observations, indicators, readOnly, onTrash }: AfomItemCardProps) {
  const name = excerpt(item.text, 40) || label;
  return (
    <li className="afom-item">
      <SavedTextField
        label={label}
        value={item.text}
        multiline
        rows={2}
        required
        readOnly={readOnly}
        validate={validateAfomText}
        onSave={(text) => updateAfomItem(doc, item.id, { text }, LOCAL_ORIGIN)}
      />
      <div className="afom-item__tools">
        <MoveButtons name={name} position={position} count={count} readOnly={readOnly} onMove={(direction) => moveAfomItem(doc, item.id, direction, LOCAL_ORIGIN)} />
        <SavedSelect<AfomQuadrant>
          label={
            <>
              Classer dans<span className="visually-hidden"> (« {name} »)</span>
            </>
          }
          value={item.quadrant}
          options={AFOM_QUADRANTS}
          readOnly={readOnly}
          onSave={(quadrant) => updateAfomItem(doc, item.id, { quadrant }, LOCAL_ORIGIN)}
        />
        {!readOnly && (
          <button type="button" className="button" aria-label={`Mettre à la corbeille « ${name} »`} onClick={() => onTrash(item)}>
            Mettre à la corbeille
          </button>
        )}
      </div>
      <details className="afom-item__sources">
        <summary>
          Sources<span className="visually-hidden"> de « {name} »</span> : {sourcesSummary(item)}
        </summary>
        <RecordChecklist
          legend="Constats"
          options={observations.map((observation) => ({ id: observation.id, label: observationTitle(observation), detail: observationDetail(observation) }))}
          selected={item.observationIds}
          readOnly={readOnly}
          empty="Aucun constat dans la mission pour le moment."
          onToggle={(observationId, linked) => setAfomObservationLink(doc, item.id, observationId, linked, LOCAL_ORIGIN)}
        />
        <IndicatorChecklist
          legend="Indicateurs"
          definitions={indicators}
          selected={item.indicatorCodes}
          readOnly={readOnly}
          onToggle={(code, linked) => setAfomIndicatorLink(doc, item.id, code, linked, LOCAL_ORIGIN)}
        />
      </details>
    </li>
  );
}
