import { useId } from 'react';
import { formatInteger } from '@shared/format/french-format';
import type { InspectionSummary } from './import-worker';

const ENCODING_LABELS: Record<NonNullable<InspectionSummary['encoding']>, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (Excel « Texte Unicode »)',
  'utf-16be': 'UTF-16',
  'windows-1252': 'Windows-1252 / ISO-8859-1',
};

const SEPARATOR_LABELS: Record<NonNullable<InspectionSummary['separator']>, string> = {
  ';': 'point-virgule',
  ',': 'virgule',
  '\t': 'tabulation',
  '|': 'barre verticale',
};

function markerText(marker: string): string {
  return marker === '' ? 'cellule vide' : `« ${marker} »`;
}

/** What the importer understood of the file, in words, and the first rows as read. */
export function InspectionSummaryView({
  fileName,
  summary,
  onSheetChange,
}: {
  fileName: string;
  summary: InspectionSummary;
  onSheetChange: (sheet: string) => void;
}) {
  const prefix = useId();
  const secret = summary.missingMarkers.filter((marker) => marker.meaning === 'secret');
  const missing = summary.missingMarkers.filter((marker) => marker.meaning === 'missing');
  return (
    <section aria-labelledby={`${prefix}-title`} className="inspection-summary">
      <h3 id={`${prefix}-title`}>Ce que Bocage a compris de « {fileName} »</h3>
      <ul>
        <li>
          {summary.format === 'xlsx'
            ? `Classeur Excel, feuille « ${summary.sheet?.name ?? ''} »`
            : `Texte ${summary.encoding ? ENCODING_LABELS[summary.encoding] : ''}, séparateur ${summary.separator ? SEPARATOR_LABELS[summary.separator] : 'inconnu'}`}
          {summary.decimalMark ? `, décimales avec une ${summary.decimalMark === 'comma' ? 'virgule' : 'un point'}` : ''}.
        </li>
        <li>
          En-tête à la ligne {formatInteger(summary.headerLine)}
          {summary.codeRowLine !== null ? `, codes des variables à la ligne ${formatInteger(summary.codeRowLine)}` : ''}
          {summary.titleLines.length > 0 ? ` ; ${formatInteger(summary.titleLines.length)} ligne(s) de titre au-dessus` : ''}.
        </li>
        <li>
          {formatInteger(summary.rowCount)} lignes de données, {formatInteger(summary.columns.length)} colonnes
          {summary.skippedRows.length > 0 ? ` ; ${formatInteger(summary.skippedRows.length)} ligne(s) écartée(s) à la lecture` : ''}.
        </li>
        {secret.length > 0 && (
          <li>
            Secret statistique : {secret.map((marker) => `${markerText(marker.marker)} (${formatInteger(marker.count)})`).join(', ')} — gardé comme
            « secret », jamais comme zéro.
          </li>
        )}
        {missing.length > 0 && (
          <li>
            Valeurs non disponibles : {missing.map((marker) => `${markerText(marker.marker)} (${formatInteger(marker.count)})`).join(', ')}.
          </li>
        )}
        {summary.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      {summary.sheet && summary.sheet.names.length > 1 && (
        <div className="field">
          <label htmlFor={`${prefix}-sheet`}>Feuille du classeur</label>
          <select id={`${prefix}-sheet`} value={summary.sheet.name} onChange={(event) => onSheetChange(event.target.value)}>
            {summary.sheet.names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="table-wrapper" role="region" aria-label="Premières lignes du fichier" tabIndex={0}>
        <table className="data-table preview-table">
          <caption>Premières lignes telles que lues</caption>
          <thead>
            <tr>
              {summary.columns.map((column) => (
                <th scope="col" key={column.index}>
                  {column.code ?? column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.preview.map((row, rowIndex) => (
              <tr key={rowIndex}>
                {summary.columns.map((column) => (
                  <td key={column.index}>{row[column.index] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
