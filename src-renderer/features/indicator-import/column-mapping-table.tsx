import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { formatInteger } from '@shared/format/french-format';
import { IndicatorOptions } from '../indicators/indicator-options';
import type { InspectionSummary } from './import-worker';

export interface ColumnChoice {
  column: number;
  /** '' when the column is left out. */
  indicator: string;
  year: string;
}

interface ColumnMappingTableProps {
  summary: InspectionSummary;
  choices: readonly ColumnChoice[];
  definitions: readonly IndicatorDefinition[];
  onChange: (choices: ColumnChoice[]) => void;
}

/** One line per column of figures: which indicator and which year it gives, pre-filled from INSEE codes. */
export function ColumnMappingTable({ summary, choices, definitions, onChange }: ColumnMappingTableProps) {
  function update(column: number, change: Partial<ColumnChoice>) {
    onChange(choices.map((choice) => (choice.column === column ? { ...choice, ...change } : choice)));
  }

  if (choices.length === 0) {
    return <p role="alert">Ce tableau n’a aucune colonne de chiffres à importer.</p>;
  }
  return (
    <div className="table-wrapper" role="region" aria-label="Correspondance des colonnes" tabIndex={0}>
      <table className="data-table mapping-table">
        <caption>Colonnes de chiffres : choisissez l’indicateur et l’année de chacune (« Ne pas importer » pour l’ignorer)</caption>
        <thead>
          <tr>
            <th scope="col">Colonne</th>
            <th scope="col">Exemples</th>
            <th scope="col">Secret / non disponible</th>
            <th scope="col">Indicateur</th>
            <th scope="col">Année</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((choice) => {
            const column = summary.columns[choice.column];
            if (!column) return null;
            const name = column.code && column.code !== column.label ? `${column.label} (${column.code})` : column.label;
            const examples = summary.preview.map((row) => row[choice.column] ?? '').filter((cell) => cell !== '').slice(0, 3);
            return (
              <tr key={choice.column}>
                <th scope="row" id={`mapping-column-${choice.column}`}>
                  {name}
                </th>
                <td>{examples.join(' · ')}</td>
                <td className="numeric">
                  {formatInteger(column.counts.secret)} / {formatInteger(column.counts.missing)}
                </td>
                <td>
                  <select
                    aria-label={`Indicateur de la colonne ${name}`}
                    value={choice.indicator}
                    onChange={(event) => update(choice.column, { indicator: event.target.value })}
                  >
                    <option value="">Ne pas importer</option>
                    <IndicatorOptions definitions={definitions} />
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1900}
                    max={2100}
                    className="year-input"
                    aria-label={`Année de la colonne ${name}`}
                    value={choice.year}
                    onChange={(event) => update(choice.column, { year: event.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
