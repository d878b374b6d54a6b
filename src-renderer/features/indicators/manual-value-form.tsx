import { useId, useState, type FormEvent } from 'react';
import type { DiagnosticTerritory } from '@shared/diagnostic/comparison-territories';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { clearIndicatorValue, setIndicatorValue } from '@shared/diagnostic/indicator-operations';
import type { ValueStatus } from '@shared/diagnostic/indicator-value';
import type { IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';
import type { TerritoryKey } from '@shared/diagnostic/territory-ref';
import { parseNumber } from '@shared/import/cell-values';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import type { OpenDocument } from '../../storage/document-store';
import { attempt } from '../diagnostic-links/operation-error';

interface ManualValueFormProps {
  mission: OpenDocument;
  definition: IndicatorDefinition;
  index: IndicatorValueIndex;
  territories: readonly DiagnosticTerritory[];
  defaultYear: number;
}

const STATUS_CHOICES: { id: ValueStatus; label: string }[] = [
  { id: 'ok', label: 'Valeur connue' },
  { id: 'secret', label: 'Secret statistique' },
  { id: 'missing', label: 'Non disponible' },
];

interface Draft {
  territory: TerritoryKey;
  year: string;
  status: ValueStatus;
  value: string;
  source: string;
}

function draftFor(definition: IndicatorDefinition, index: IndicatorValueIndex, territory: TerritoryKey, year: string): Draft {
  const stored = index.get(definition.code, Number(year), territory);
  return {
    territory,
    year,
    status: stored?.status ?? 'ok',
    value: stored?.value === null || stored === undefined ? '' : String(stored.value).replace('.', ','),
    source: stored?.source ?? `${definition.source}, ${year}`,
  };
}

/** Types or corrects one figure, with its source and year; a typed figure survives later imports. */
export function ManualValueForm({ mission, definition, index, territories, defaultYear }: ManualValueFormProps) {
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const firstTerritory = territories[0]?.key ?? 'france:FR';
  const [draft, setDraft] = useState<Draft>(() => draftFor(definition, index, firstTerritory, String(defaultYear)));
  const [error, setError] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const stored = index.get(definition.code, Number(draft.year), draft.territory);

  function reset(territory: TerritoryKey, year: string) {
    setDraft(draftFor(definition, index, territory, year));
    setError('');
    setConfirmation('');
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const value = draft.status === 'ok' ? parseNumber(draft.value.trim(), 'comma') : null;
    if (draft.status === 'ok' && value === null) {
      setError('Saisissez un nombre, par exemple 12,5 ou 1 250.');
      return;
    }
    const refusal = attempt(() =>
      setIndicatorValue(
        mission.doc,
        { indicator: definition.code, year: Number(draft.year), territory: draft.territory, status: draft.status, value, source: draft.source },
        LOCAL_ORIGIN,
      ),
    );
    setError(refusal ?? '');
    setConfirmation(refusal === null ? 'Valeur enregistrée.' : '');
  }

  function remove() {
    clearIndicatorValue(mission.doc, { indicator: definition.code, year: Number(draft.year), territory: draft.territory }, LOCAL_ORIGIN);
    reset(draft.territory, draft.year);
    setConfirmation('Valeur supprimée.');
  }

  return (
    <form className="form manual-value-form" onSubmit={save} noValidate aria-labelledby={id('title')}>
      <h4 id={id('title')}>Saisir ou corriger une valeur</h4>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('territory')}>Territoire</label>
          <select id={id('territory')} value={draft.territory} onChange={(event) => reset(event.target.value as TerritoryKey, draft.year)}>
            {territories.map((territory) => (
              <option key={territory.key} value={territory.key}>
                {territory.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('year')}>Année</label>
          <input
            id={id('year')}
            type="number"
            inputMode="numeric"
            min={1900}
            max={2100}
            value={draft.year}
            onChange={(event) => reset(draft.territory, event.target.value)}
          />
        </div>
      </div>
      <fieldset className="field">
        <legend>État</legend>
        {STATUS_CHOICES.map((choice) => (
          <label key={choice.id} className="checkbox">
            <input
              type="radio"
              name={id('status')}
              checked={draft.status === choice.id}
              onChange={() => setDraft({ ...draft, status: choice.id })}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {draft.status === 'ok' && (
        <div className="field">
          <label htmlFor={id('value')}>Valeur</label>
          <input
            id={id('value')}
            type="text"
            inputMode="decimal"
            value={draft.value}
            aria-invalid={error !== '' ? true : undefined}
            aria-describedby={error !== '' ? id('error') : undefined}
            onChange={(event) => setDraft({ ...draft, value: event.target.value })}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={id('source')}>Source</label>
        <input id={id('source')} type="text" value={draft.source} onChange={(event) => setDraft({ ...draft, source: event.target.value })} />
      </div>
      {error !== '' && (
        <p id={id('error')} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary">
          Enregistrer la valeur
        </button>
        {stored && (
          <button type="button" className="button" onClick={remove}>
            Supprimer cette valeur
          </button>
        )}
      </div>
      <p className="confirmation" aria-live="polite">
        {confirmation}
      </p>
    </form>
  );
}
