import { formatInteger } from '@shared/format/french-format';
import { territoryPopulation, type TerritoryCommune } from '@shared/model/mission';

/** The communes of a territory with their population and the total, as elected officials expect it. */
export function TerritoryCommunesTable({ communes, vintage }: { communes: readonly TerritoryCommune[]; vintage: string }) {
  if (communes.length === 0) return <p className="hint">Aucune commune dans le territoire pour le moment.</p>;
  const unknown = communes.filter((commune) => commune.population === null).length;
  return (
    <div className="table-wrapper">
      <table className="data-table">
        <caption>
          Communes du territoire ({communes.length}) — population municipale, {vintage}
        </caption>
        <thead>
          <tr>
            <th scope="col">Commune</th>
            <th scope="col">Code INSEE</th>
            <th scope="col">Département</th>
            <th scope="col" className="numeric">
              Population
            </th>
          </tr>
        </thead>
        <tbody>
          {communes.map((commune) => (
            <tr key={commune.code}>
              <th scope="row">{commune.name}</th>
              <td>{commune.code}</td>
              <td>{commune.departement}</td>
              <td className="numeric">{commune.population === null ? 'non disponible' : formatInteger(commune.population)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total{unknown > 0 ? ` (hors ${unknown} commune${unknown > 1 ? 's' : ''} sans population connue)` : ''}
            </th>
            <td className="numeric">{formatInteger(territoryPopulation(communes))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
