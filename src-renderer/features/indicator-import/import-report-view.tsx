import { findIndicator } from '@shared/diagnostic/indicator-catalogue';
import { formatInteger } from '@shared/format/french-format';
import type { ImportReport } from '@shared/import/indicator-import';

/** The import's account: what was kept, what was left out and why, line by line for the first cases. */
export function ImportReportView({ fileName, report, written, keptManual }: { fileName: string; report: ImportReport; written: number; keptManual: number }) {
  return (
    <section aria-labelledby="import-report-title" className="import-report" role="status">
      <h3 id="import-report-title">
        {written > 0 ? `Import de « ${fileName} » terminé` : `Rien n’a été importé de « ${fileName} »`}
      </h3>
      <ul>
        <li>{formatInteger(report.rowsRead)} lignes lues.</li>
        <li>{formatInteger(report.rowsKept)} lignes gardées : celles du territoire de la mission et de ses territoires de comparaison.</li>
        <li>{formatInteger(report.rowsOutsideTerritory)} lignes d’autres territoires, laissées de côté.</li>
        <li>{formatInteger(report.rowsSkipped)} lignes écartées (détail ci-dessous).</li>
        <li>
          {formatInteger(written)} valeurs enregistrées, dont {formatInteger(report.secretCount)} en secret statistique et{' '}
          {formatInteger(report.missingCount)} non disponibles.
        </li>
        {keptManual > 0 && <li>{formatInteger(keptManual)} valeurs saisies à la main ont été gardées telles quelles.</li>}
        {report.repairedCodes > 0 && <li>{formatInteger(report.repairedCodes)} codes dont le zéro initial avait été perdu ont été rétablis.</li>}
        {report.territoriesNotFound.length > 0 && (
          <li>{formatInteger(report.territoriesNotFound.length)} territoire(s) de la mission absent(s) du fichier : {report.territoriesNotFound.join(', ')}.</li>
        )}
      </ul>
      {report.series.length > 0 && (
        <table className="data-table">
          <caption>Indicateurs importés</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Année</th>
              <th scope="col">Valeurs</th>
              <th scope="col">Secret</th>
              <th scope="col">Non disponible</th>
            </tr>
          </thead>
          <tbody>
            {report.series.map((series) => (
              <tr key={`${series.indicator}-${series.year}`}>
                <th scope="row">{findIndicator(series.indicator)?.label ?? series.indicator}</th>
                <td>{series.year}</td>
                <td className="numeric">{formatInteger(series.ok)}</td>
                <td className="numeric">{formatInteger(series.secret)}</td>
                <td className="numeric">{formatInteger(series.missing)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(report.skipped.length > 0 || report.invalidCells.length > 0) && (
        <>
          <h4>Lignes et cellules écartées</h4>
          <ul>
            {report.skipped.map((group) => (
              <li key={group.reason}>
                {group.label} : {formatInteger(group.count)}
                {group.examples.length > 0 && ` (par exemple ${group.examples.map((example) => `ligne ${formatInteger(example.line)} : ${example.message}`).join(' ; ')})`}
              </li>
            ))}
            {report.invalidCells.map((group) => (
              <li key={group.column}>
                Colonne « {group.label} » : {formatInteger(group.count)} cellule(s) ni nombre ni marque de secret, non importée(s)
                {group.examples.length > 0 && ` (par exemple ${group.examples.map((example) => `ligne ${formatInteger(example.line)} : « ${example.text} »`).join(' ; ')})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
