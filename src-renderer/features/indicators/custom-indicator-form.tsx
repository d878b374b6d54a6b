import { useId, useState, type FormEvent } from 'react';
import { INDICATOR_THEMES, INDICATOR_UNITS, type IndicatorDefinition, type IndicatorThemeId, type IndicatorUnit } from '@shared/diagnostic/indicator-definition';
import { defineCustomIndicator } from '@shared/diagnostic/indicator-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import type { OpenDocument } from '../../storage/document-store';
import { attempt } from '../diagnostic-links/operation-error';
import { IndicatorOptions } from './indicator-options';

type AggregationKind = 'sum' | 'ratio' | 'not-aggregable';

const AGGREGATION_CHOICES: { id: AggregationKind; label: string }[] = [
  { id: 'sum', label: 'Un effectif : les valeurs des communes s’additionnent' },
  { id: 'ratio', label: 'Un taux : rapport de deux effectifs' },
  { id: 'not-aggregable', label: 'Ni l’un ni l’autre (médiane, indice…) : non agrégeable' },
];

interface CustomIndicatorFormProps {
  mission: OpenDocument;
  definitions: readonly IndicatorDefinition[];
  onDone: () => void;
}

/** A mission's own indicator (a local survey, a partner's figure), defined like the catalogue's. */
export function CustomIndicatorForm({ mission, definitions, onDone }: CustomIndicatorFormProps) {
  const prefix = useId();
  const id = (name: string) => `${prefix}-${name}`;
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const [theme, setTheme] = useState<IndicatorThemeId>(INDICATOR_THEMES[0].id);
  const [unit, setUnit] = useState<IndicatorUnit>('count');
  const [kind, setKind] = useState<AggregationKind>('sum');
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [definition, setDefinition] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState('');
  const counts = definitions.filter((candidate) => candidate.aggregation.kind === 'sum');

  function save(event: FormEvent) {
    event.preventDefault();
    const refusal = attempt(() =>
      defineCustomIndicator(
        mission.doc,
        {
          code: code.trim().toUpperCase(),
          label,
          theme,
          unit,
          definition,
          source,
          aggregation:
            kind === 'ratio'
              ? { kind, numerator: numerator === '' ? null : numerator, denominator, scale: unit === 'percent' ? 100 : 1 }
              : { kind },
        },
        LOCAL_ORIGIN,
      ),
    );
    if (refusal === null) onDone();
    else setError(refusal);
  }

  return (
    <form className="form custom-indicator-form" onSubmit={save} noValidate aria-labelledby={id('title')}>
      <h3 id={id('title')}>Nouvel indicateur de la mission</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('code')}>Code</label>
          <input id={id('code')} type="text" value={code} aria-describedby={id('code-hint')} onChange={(event) => setCode(event.target.value)} />
          <p id={id('code-hint')} className="hint">
            Lettres majuscules, chiffres et « _ », par exemple ENQ_MOBILITE.
          </p>
        </div>
        <div className="field">
          <label htmlFor={id('label')}>Libellé</label>
          <input id={id('label')} type="text" value={label} onChange={(event) => setLabel(event.target.value)} />
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={id('theme')}>Thème</label>
          <select id={id('theme')} value={theme} onChange={(event) => setTheme(event.target.value as IndicatorThemeId)}>
            {INDICATOR_THEMES.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('unit')}>Unité</label>
          <select id={id('unit')} value={unit} onChange={(event) => setUnit(event.target.value as IndicatorUnit)}>
            {Object.entries(INDICATOR_UNITS).map(([unitId, candidate]) => (
              <option key={unitId} value={unitId}>
                {candidate.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="field">
        <legend>Calcul pour le territoire de la mission</legend>
        {AGGREGATION_CHOICES.map((choice) => (
          <label key={choice.id} className="checkbox">
            <input type="radio" name={id('kind')} checked={kind === choice.id} onChange={() => setKind(choice.id)} />
            {choice.label}
          </label>
        ))}
      </fieldset>
      {kind === 'ratio' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={id('numerator')}>Numérateur</label>
            <select id={id('numerator')} value={numerator} onChange={(event) => setNumerator(event.target.value)}>
              <option value="">Aucun : le fichier ne donne que le taux</option>
              <IndicatorOptions definitions={counts} />
            </select>
          </div>
          <div className="field">
            <label htmlFor={id('denominator')}>Dénominateur</label>
            <select id={id('denominator')} value={denominator} onChange={(event) => setDenominator(event.target.value)}>
              <option value="">Choisir…</option>
              <IndicatorOptions definitions={counts} />
            </select>
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={id('definition')}>Définition</label>
        <textarea id={id('definition')} rows={3} value={definition} onChange={(event) => setDefinition(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={id('source')}>Source</label>
        <input id={id('source')} type="text" value={source} onChange={(event) => setSource(event.target.value)} />
      </div>
      {error !== '' && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary">
          Créer l’indicateur
        </button>
        <button type="button" className="button" onClick={onDone}>
          Annuler
        </button>
      </div>
    </form>
  );
}
