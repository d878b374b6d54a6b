import { useId, useRef, useState } from 'react';
import { indicatorThemeLabel, type IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { normalizeForSearch } from '@shared/text/normalize-search';
import { indicatorName } from './use-document-reader';
import { attempt } from './operation-error';

/** Enough to find an indicator by a word of its name without flooding the list. */
const MAX_MATCHES = 12;

interface IndicatorChecklistProps {
  legend: string;
  definitions: readonly IndicatorDefinition[];
  selected: readonly string[];
  readOnly: boolean;
  onToggle: (code: string, linked: boolean) => void;
}

function matches(definition: IndicatorDefinition, words: readonly string[]): boolean {
  const haystack = normalizeForSearch(`${definition.label} ${definition.code} ${indicatorThemeLabel(definition.theme)}`);
  return words.every((word) => haystack.includes(word));
}

/**
 * The indicators linked to a record, each a checkbox to unlink it, and a search among the
 * catalogue's and the mission's indicators with a "Lier" button for each match.
 */
export function IndicatorChecklist({ legend, definitions, selected, readOnly, onToggle }: IndicatorChecklistProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  const found = words.length === 0 ? [] : definitions.filter((definition) => !selected.includes(definition.code) && matches(definition, words));
  const shown = found.slice(0, MAX_MATCHES);

  function toggle(code: string, linked: boolean) {
    setError(attempt(() => onToggle(code, linked)));
    // The checked indicator leaves the proposals for the linked list: keep the keyboard in the search.
    if (linked) search.current?.focus();
  }

  const status =
    words.length === 0
      ? `Tapez un mot pour chercher parmi ${definitions.length} indicateurs.`
      : found.length === 0
        ? `Aucun indicateur ne correspond à « ${query.trim()} ».`
        : found.length > shown.length
          ? `${found.length} indicateurs trouvés, les ${shown.length} premiers sont proposés : précisez la recherche.`
          : `${found.length} indicateur${found.length > 1 ? 's' : ''} trouvé${found.length > 1 ? 's' : ''}.`;

  return (
    <fieldset className="field link-checklist">
      <legend>{legend}</legend>
      {selected.length === 0 ? (
        <p className="hint">Aucun indicateur lié.</p>
      ) : (
        <ul className="link-checklist__options" aria-label={`${legend} : indicateurs liés`}>
          {selected.map((code) => (
            <li key={code}>
              <label className="checkbox">
                <input type="checkbox" disabled={readOnly} checked onChange={() => toggle(code, false)} />
                {indicatorName(code, definitions)}
              </label>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="link-checklist__search">
          <label htmlFor={`${id}-search`}>Rechercher un indicateur à lier</label>
          <input
            ref={search}
            id={`${id}-search`}
            type="search"
            value={query}
            aria-describedby={`${id}-status`}
            onChange={(event) => setQuery(event.target.value)}
          />
          <p id={`${id}-status`} className="hint" role="status">
            {status}
          </p>
          {shown.length > 0 && (
            <ul className="link-checklist__options" aria-label={`${legend} : indicateurs proposés`}>
              {shown.map((definition) => (
                <li key={definition.code} className="link-checklist__proposal">
                  <span>
                    {definition.label}
                    <span className="link-checklist__detail"> — {indicatorThemeLabel(definition.theme)}</span>
                  </span>
                  <button type="button" className="button" aria-label={`Lier « ${definition.label} »`} onClick={() => toggle(definition.code, true)}>
                    Lier
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
