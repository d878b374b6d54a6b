import type { IndicatorCell, IndicatorRow, IndicatorThemeGroup, MissionCell } from '@shared/diagnostic/indicator-table';
import type { DiagnosticTerritory } from '@shared/diagnostic/comparison-territories';

interface IndicatorTableViewProps {
  groups: readonly IndicatorThemeGroup[];
  communes: readonly DiagnosticTerritory[];
  comparisons: readonly DiagnosticTerritory[];
  showCommunes: boolean;
  selected: string | null;
  onSelect: (code: string) => void;
}

const STATUS_CLASS: Record<IndicatorCell['status'], string> = {
  ok: '',
  partial: 'figure--partial',
  secret: 'figure--unknown',
  missing: 'figure--unknown',
  'not-aggregable': 'figure--unknown',
};

function FigureCell({ cell }: { cell: IndicatorCell }) {
  return (
    <td className={`figure ${STATUS_CLASS[cell.status]}`} title={cell.source || undefined}>
      {cell.formatted}
      {cell.origin === 'manual' && <span className="figure__badge"> (saisie)</span>}
    </td>
  );
}

function MissionFigureCell({ cell }: { cell: MissionCell }) {
  return (
    <td className={`figure figure--mission ${STATUS_CLASS[cell.status]}`}>
      {cell.formatted}
      {cell.status === 'partial' && <span className="figure__badge"> partiel</span>}
      {cell.note !== '' && <span className="figure__note">{cell.note}</span>}
    </td>
  );
}

function Row({ row, showCommunes, selected, onSelect }: { row: IndicatorRow; showCommunes: boolean; selected: boolean; onSelect: (code: string) => void }) {
  return (
    <tr className={selected ? 'indicator-row--selected' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" aria-pressed={selected} onClick={() => onSelect(row.definition.code)}>
          {row.definition.label}
        </button>
      </th>
      <td>{row.year}</td>
      <MissionFigureCell cell={row.mission} />
      {row.comparisons.map((territory) => (
        <FigureCell key={territory.key} cell={territory.cell} />
      ))}
      {showCommunes && row.communes.map((territory) => <FigureCell key={territory.key} cell={territory.cell} />)}
    </tr>
  );
}

/**
 * One table per theme: the mission's figure (recomputed from its communes), the comparison
 * territories, then each commune. Secret and missing figures are written as such, never as 0.
 */
export function IndicatorTableView({ groups, communes, comparisons, showCommunes, selected, onSelect }: IndicatorTableViewProps) {
  return (
    <>
      {groups.map((group) => (
        <section key={group.theme} className="indicator-theme" aria-labelledby={`theme-${group.theme}`}>
          <h3 id={`theme-${group.theme}`}>{group.label}</h3>
          <div className="table-wrapper" role="region" aria-label={`Tableau : ${group.label}`} tabIndex={0}>
            <table className="data-table indicator-table">
              <caption className="visually-hidden">
                {group.label} : le territoire de la mission, les territoires de comparaison
                {showCommunes ? ' et chaque commune' : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Indicateur</th>
                  <th scope="col">Année</th>
                  <th scope="col">Territoire de la mission</th>
                  {comparisons.map((territory) => (
                    <th scope="col" key={territory.key}>
                      {territory.name}
                    </th>
                  ))}
                  {showCommunes &&
                    communes.map((territory) => (
                      <th scope="col" key={territory.key}>
                        {territory.name}
                      </th>
                    ))}
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <Row
                    key={row.definition.code}
                    row={row}
                    showCommunes={showCommunes}
                    selected={row.definition.code === selected}
                    onSelect={onSelect}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
