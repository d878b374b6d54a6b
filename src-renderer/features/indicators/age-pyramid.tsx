import { aggregateForCommunes } from '@shared/diagnostic/aggregation';
import type { DiagnosticTerritory } from '@shared/diagnostic/comparison-territories';
import { AGE_PYRAMID_GROUPS } from '@shared/diagnostic/age-pyramid';
import { findIndicator } from '@shared/diagnostic/indicator-catalogue';
import { formatIndicatorNumber } from '@shared/diagnostic/indicator-definition';
import { MISSING_TEXT } from '@shared/diagnostic/indicator-table';
import type { IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';
import { IndicatorChart } from './indicator-chart';

interface AgePyramidProps {
  index: IndicatorValueIndex;
  territories: readonly DiagnosticTerritory[];
  year: number | undefined;
}

/**
 * Men and women of the mission's territory by age group, summed over its communes. Shown only
 * when the file imported had the census's age-by-sex counts.
 */
export function AgePyramid({ index, territories, year: requestedYear }: AgePyramidProps) {
  const communeCodes = territories.filter((territory) => territory.role === 'commune').map((territory) => territory.ref.code);
  const years = AGE_PYRAMID_GROUPS.flatMap((group) => [...index.years(group.men), ...index.years(group.women)]);
  if (communeCodes.length === 0 || years.length === 0) return null;
  const year = requestedYear !== undefined && years.includes(requestedYear) ? requestedYear : Math.max(...years);
  const sum = (code: string) => {
    const definition = findIndicator(code);
    return definition ? aggregateForCommunes(definition, year, communeCodes, index, findIndicator) : null;
  };
  const rows = AGE_PYRAMID_GROUPS.map((group) => ({ label: group.label, men: sum(group.men), women: sum(group.women) }));
  const partial = rows.some((row) => row.men?.status !== 'complete' || row.women?.status !== 'complete');
  const sources = [...new Set(rows.flatMap((row) => [...(row.men?.sources ?? []), ...(row.women?.sources ?? [])]))];
  const format = (value: number) => formatIndicatorNumber(value, 0);
  const text = (value: number | null | undefined) => (value === null || value === undefined ? MISSING_TEXT : format(value));

  return (
    <section aria-labelledby="age-pyramid-title" className="age-pyramid">
      <h3 id="age-pyramid-title">Pyramide des âges du territoire de la mission ({year})</h3>
      {partial && <p className="hint">Partiel : des communes sont en secret statistique ou sans valeur pour certains âges.</p>}
      <IndicatorChart
        kind="pyramid"
        description={`Pyramide des âges ${year} : ${rows.map((row) => `${row.label}, hommes ${text(row.men?.value)}, femmes ${text(row.women?.value)}`).join(' ; ')}.`}
        categories={[...rows].reverse().map((row) => row.label)}
        series={[
          { label: 'Hommes', values: [...rows].reverse().map((row) => row.men?.value ?? null) },
          { label: 'Femmes', values: [...rows].reverse().map((row) => row.women?.value ?? null) },
        ]}
        caption={`Source : ${sources.length > 0 ? sources.join(' ; ') : 'non renseignée'} — ${year}.`}
        formatValue={format}
      />
      <div className="table-wrapper" role="region" aria-label="Pyramide des âges en chiffres" tabIndex={0}>
        <table className="data-table">
          <caption>Population par âge et par sexe ({year})</caption>
          <thead>
            <tr>
              <th scope="col">Âge</th>
              <th scope="col">Hommes</th>
              <th scope="col">Femmes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td className="numeric">{text(row.men?.value)}</td>
                <td className="numeric">{text(row.women?.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
