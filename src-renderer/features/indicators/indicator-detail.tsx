import { useEffect, useRef } from 'react';
import type { DiagnosticTerritory } from '@shared/diagnostic/comparison-territories';
import { formatIndicatorNumber, INDICATOR_UNITS, type IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { indicatorSeries, type IndicatorCell, type IndicatorRow } from '@shared/diagnostic/indicator-table';
import type { IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';
import { IndicatorChart } from './indicator-chart';
import { IndicatorLinks } from './indicator-links';
import { ManualValueForm } from './manual-value-form';
import type { OpenDocument } from '../../storage/document-store';

interface IndicatorDetailProps {
  mission: OpenDocument;
  missionId: string;
  readOnly: boolean;
  definition: IndicatorDefinition;
  /** Null when the mission has no figure for the indicator yet. */
  row: IndicatorRow | null;
  index: IndicatorValueIndex;
  definitions: readonly IndicatorDefinition[];
  territories: readonly DiagnosticTerritory[];
}

const MISSION_LABEL = 'Territoire de la mission';

function aggregationText(definition: IndicatorDefinition, definitions: readonly IndicatorDefinition[]): string {
  const label = (code: string) => definitions.find((candidate) => candidate.code === code)?.label ?? code;
  const { aggregation } = definition;
  switch (aggregation.kind) {
    case 'sum':
      return 'Pour le territoire de la mission : somme des valeurs des communes.';
    case 'ratio':
      return aggregation.numerator === null
        ? `Pour le territoire de la mission : moyenne des communes pondérée par « ${label(aggregation.denominator)} » (jamais une moyenne simple).`
        : `Pour le territoire de la mission : somme de « ${label(aggregation.numerator)} » divisée par la somme de « ${label(aggregation.denominator)} » des communes (jamais une moyenne des taux).`;
    case 'not-aggregable':
      return 'Cet indicateur ne s’additionne pas (médiane, variation…) : lisez-le commune par commune, ou prenez la valeur publiée pour l’EPCI.';
  }
}

function sourcesCaption(cells: readonly IndicatorCell[], years: readonly number[]): string {
  const sources = [...new Set(cells.map((cell) => cell.source).filter((source) => source !== ''))];
  const period = years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0] ?? '');
  return `Source : ${sources.length > 0 ? sources.join(' ; ') : 'non renseignée'} — ${period}.`;
}

function chartValue(cell: IndicatorCell): number | null {
  return cell.status === 'ok' || cell.status === 'partial' ? cell.value : null;
}

/** The figures of one indicator: comparison chart for its year, evolution chart and table. */
function IndicatorFigures({ row, index, definitions, territories }: Pick<IndicatorDetailProps, 'index' | 'definitions' | 'territories'> & { row: IndicatorRow }) {
  const { definition } = row;
  const formatValue = (value: number) => formatIndicatorNumber(value, definition.decimals);
  const unit = INDICATOR_UNITS[definition.unit].symbol;
  const comparisonCells = [row.mission, ...row.comparisons.map((territory) => territory.cell), ...row.communes.map((territory) => territory.cell)];
  const comparisonNames = [MISSION_LABEL, ...row.comparisons.map((territory) => territory.name), ...row.communes.map((territory) => territory.name)];
  const series = row.years.length > 1 ? indicatorSeries(definition, index, territories.filter((territory) => territory.role === 'comparison'), definitions) : null;

  return (
    <>
      <IndicatorChart
        kind="bar"
        description={`Diagramme en barres : ${definition.label} en ${row.year}, ${comparisonNames
          .map((name, position) => `${name} ${comparisonCells[position]?.formatted ?? ''}`)
          .join(', ')}.`}
        categories={comparisonNames}
        series={[{ label: `${definition.label} (${row.year}${unit ? `, ${unit}` : ''})`, values: comparisonCells.map(chartValue) }]}
        caption={sourcesCaption(comparisonCells, [row.year])}
        formatValue={formatValue}
      />
      {series && (
        <>
          <h4>Évolution</h4>
          <IndicatorChart
            kind="line"
            description={`Courbes : évolution de ${definition.label} de ${series.years[0]} à ${series.years[series.years.length - 1]}, détaillée dans le tableau qui suit.`}
            categories={series.years.map(String)}
            series={[
              { label: MISSION_LABEL, values: series.mission.map((point) => chartValue(point.cell)) },
              ...series.territories.map((territory) => ({
                label: territory.name,
                values: territory.points.map((point) => chartValue(point.cell)),
              })),
            ]}
            caption={sourcesCaption(
              [...series.mission.map((point) => point.cell), ...series.territories.flatMap((territory) => territory.points.map((point) => point.cell))],
              series.years,
            )}
            formatValue={formatValue}
          />
          <div className="table-wrapper" role="region" aria-label={`Évolution : ${definition.label}`} tabIndex={0}>
            <table className="data-table">
              <caption>Évolution de « {definition.label} »</caption>
              <thead>
                <tr>
                  <th scope="col">Territoire</th>
                  {series.years.map((year) => (
                    <th scope="col" key={year}>
                      {year}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{MISSION_LABEL}</th>
                  {series.mission.map((point) => (
                    <td key={point.year} className="figure">
                      {point.cell.formatted}
                      {point.cell.status === 'partial' && <span className="figure__badge"> partiel</span>}
                    </td>
                  ))}
                </tr>
                {series.territories.map((territory) => (
                  <tr key={territory.key}>
                    <th scope="row">{territory.name}</th>
                    {territory.points.map((point) => (
                      <td key={point.year} className="figure">
                        {point.cell.formatted}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

/** One indicator: what it means, how it combines, a comparison chart, its evolution, manual entry. */
export function IndicatorDetail({ mission, missionId, readOnly, definition, row, index, definitions, territories }: IndicatorDetailProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Choosing an indicator (in the table or from a link) brings its page into view and the focus with it.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, [definition.code]);
  return (
    <section className="indicator-detail" aria-labelledby="indicator-detail-title">
      <h3 id="indicator-detail-title" ref={headingRef} tabIndex={-1}>
        {definition.label}
      </h3>
      <dl className="definition-list">
        <dt>Définition</dt>
        <dd>{definition.definition}</dd>
        <dt>Unité</dt>
        <dd>{INDICATOR_UNITS[definition.unit].label}</dd>
        <dt>Source habituelle</dt>
        <dd>{definition.source}</dd>
        <dt>Calcul</dt>
        <dd>{aggregationText(definition, definitions)}</dd>
        {row && row.mission.note !== '' && (
          <>
            <dt>Territoire de la mission</dt>
            <dd>{row.mission.note}</dd>
          </>
        )}
      </dl>
      {row ? (
        <IndicatorFigures row={row} index={index} definitions={definitions} territories={territories} />
      ) : (
        <p className="notice">La mission n’a encore aucune valeur pour cet indicateur : importez un fichier ou saisissez une valeur.</p>
      )}
      <IndicatorLinks doc={mission.doc} missionId={missionId} code={definition.code} />
      {!readOnly && (
        <ManualValueForm mission={mission} definition={definition} index={index} territories={territories} defaultYear={row?.year ?? new Date().getFullYear() - 3} />
      )}
    </section>
  );
}
