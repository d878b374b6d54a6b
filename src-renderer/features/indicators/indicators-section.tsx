import { useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { comparisonTerritories } from '@shared/diagnostic/comparison-territories';
import { INDICATOR_THEMES, type IndicatorThemeId } from '@shared/diagnostic/indicator-definition';
import { buildIndicatorTable } from '@shared/diagnostic/indicator-table';
import { formatDateTime, formatInteger } from '@shared/format/french-format';
import { ROUTES } from '../../app/routes';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { IndicatorImportWizard } from '../indicator-import/indicator-import-wizard';
import { useGeography } from '../territory/use-geography';
import { AgePyramid } from './age-pyramid';
import { CustomIndicatorForm } from './custom-indicator-form';
import { IndicatorDetail } from './indicator-detail';
import { IndicatorOptions } from './indicator-options';
import { IndicatorTableView } from './indicator-table-view';
import { ManualValueForm } from './manual-value-form';
import { useDiagnosticData, type DiagnosticData } from './use-diagnostic-data';

/** Above this many communes the per-commune columns start hidden: the comparison stays readable. */
const COMMUNE_COLUMNS_SHOWN_UP_TO = 12;

function DataSources({ data }: { data: DiagnosticData }) {
  const { imports } = data;
  const label = (code: string) => data.definitions.find((definition) => definition.code === code)?.label ?? code;
  if (imports.length === 0) return null;
  return (
    <section aria-labelledby="data-sources">
      <h3 id="data-sources">Sources des données importées</h3>
      <div className="table-wrapper" role="region" aria-label="Sources des données importées" tabIndex={0}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Fichier</th>
              <th scope="col">Source</th>
              <th scope="col">Importé le</th>
              <th scope="col">Valeurs</th>
              <th scope="col">Indicateurs et années</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((record) => (
              <tr key={record.id}>
                <th scope="row">{record.fileName}</th>
                <td>{record.source}</td>
                <td>{formatDateTime(record.importedAt)}</td>
                <td className="numeric">{formatInteger(record.valueCount)}</td>
                <td>{record.indicators.map(({ indicator, year }) => `${label(indicator)} (${year})`).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function IndicatorsOverview({ mission, snapshot, readOnly, itemId }: MissionSectionProps) {
  const prefix = useId();
  const data = useDiagnosticData(mission.doc);
  const { loaded, failed } = useGeography();
  const [theme, setTheme] = useState<IndicatorThemeId | ''>('');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [showCommunes, setShowCommunes] = useState(snapshot.communes.length <= COMMUNE_COLUMNS_SHOWN_UP_TO);
  const [, navigate] = useLocation();
  const selected = itemId;
  const [entryIndicator, setEntryIndicator] = useState('');
  const [creatingIndicator, setCreatingIndicator] = useState(false);

  const territories = useMemo(() => (loaded ? comparisonTerritories(snapshot, loaded.geography) : []), [loaded, snapshot]);
  const groups = useMemo(
    () => buildIndicatorTable({ definitions: data.definitions, index: data.index, territories, year }),
    [data, territories, year],
  );
  const shownGroups = theme === '' ? groups : groups.filter((group) => group.theme === theme);
  const years = useMemo(() => [...new Set(data.index.indicators().flatMap((code) => data.index.years(code)))].sort((a, b) => b - a), [data]);
  const selectedRow = groups.flatMap((group) => group.rows).find((row) => row.definition.code === selected) ?? null;
  const selectedDefinition = data.definitions.find((definition) => definition.code === selected);
  const entryDefinition = data.definitions.find((definition) => definition.code === entryIndicator);

  if (failed) return <p role="alert">Le découpage administratif n’a pas pu être chargé : rechargez la page.</p>;
  if (!loaded) return <p>Chargement du découpage administratif…</p>;
  const communes = territories.filter((territory) => territory.role === 'commune');
  const comparisons = territories.filter((territory) => territory.role === 'comparison');

  return (
    <>
      <div className="page-heading">
        <h2>Indicateurs</h2>
        {!readOnly && (
          <div className="toolbar">
            <Link className="button button--primary" href={ROUTES.missionSection(snapshot.id, 'indicateurs', 'importer')}>
              Importer un fichier de données
            </Link>
            <button type="button" className="button" aria-expanded={creatingIndicator} onClick={() => setCreatingIndicator(!creatingIndicator)}>
              Nouvel indicateur
            </button>
          </div>
        )}
      </div>
      {snapshot.communes.length === 0 && (
        <p className="notice">
          Le territoire de la mission n’a pas encore de commune : ajoutez-les dans la{' '}
          <Link href={ROUTES.mission(snapshot.id)}>fiche mission</Link> pour calculer ses indicateurs et les comparer.
        </p>
      )}
      {creatingIndicator && <CustomIndicatorForm mission={mission} definitions={data.definitions} onDone={() => setCreatingIndicator(false)} />}
      {selectedDefinition ? (
        <IndicatorDetail
          key={selectedDefinition.code}
          mission={mission}
          missionId={snapshot.id}
          readOnly={readOnly}
          definition={selectedDefinition}
          row={selectedRow}
          index={data.index}
          definitions={data.definitions}
          territories={territories}
        />
      ) : (
        selected !== null && (
          <p className="notice" role="status">
            L’indicateur « {selected} » n’existe pas dans cette mission.
          </p>
        )
      )}
      {groups.length === 0 ? (
        <p>
          Aucune valeur pour l’instant. Importez un fichier de l’INSEE, de la CAF ou de l’Observatoire des territoires, ou saisissez une
          valeur ci-dessous.
        </p>
      ) : (
        <>
          <div className="filters" role="group" aria-label="Filtrer les indicateurs">
            <div className="field">
              <label htmlFor={`${prefix}-theme`}>Thème</label>
              <select id={`${prefix}-theme`} value={theme} onChange={(event) => setTheme(event.target.value as IndicatorThemeId | '')}>
                <option value="">Tous les thèmes</option>
                {INDICATOR_THEMES.filter((candidate) => groups.some((group) => group.theme === candidate.id)).map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${prefix}-year`}>Année</label>
              <select
                id={`${prefix}-year`}
                value={year === undefined ? '' : String(year)}
                onChange={(event) => setYear(event.target.value === '' ? undefined : Number(event.target.value))}
              >
                <option value="">La plus récente</option>
                {years.map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {candidate}
                  </option>
                ))}
              </select>
            </div>
            <label className="checkbox">
              <input type="checkbox" checked={showCommunes} onChange={(event) => setShowCommunes(event.target.checked)} />
              Afficher chaque commune
            </label>
          </div>
          <p className="hint">
            Choisissez un indicateur pour voir sa définition, ses graphiques, son évolution et les enjeux qu’il fonde. « partiel » : des
            communes sont en secret statistique ou sans valeur ; le chiffre de la mission ne couvre que les autres.
          </p>
          <IndicatorTableView
            groups={shownGroups}
            communes={communes}
            comparisons={comparisons}
            showCommunes={showCommunes}
            selected={selected}
            onSelect={(code) =>
              navigate(code === selected ? ROUTES.missionSection(snapshot.id, 'indicateurs') : ROUTES.missionSection(snapshot.id, 'indicateurs', code))
            }
          />
          <AgePyramid index={data.index} territories={territories} year={year} />
        </>
      )}
      {!readOnly && (
        <section aria-labelledby={`${prefix}-entry`} className="manual-entry">
          <h3 id={`${prefix}-entry`}>Saisir une valeur</h3>
          <div className="field">
            <label htmlFor={`${prefix}-entry-indicator`}>Indicateur</label>
            <select id={`${prefix}-entry-indicator`} value={entryIndicator} onChange={(event) => setEntryIndicator(event.target.value)}>
              <option value="">Choisir un indicateur…</option>
              <IndicatorOptions definitions={data.definitions} />
            </select>
          </div>
          {entryDefinition && (
            <ManualValueForm
              key={entryDefinition.code}
              mission={mission}
              definition={entryDefinition}
              index={data.index}
              territories={territories}
              defaultYear={data.index.years(entryDefinition.code).at(-1) ?? new Date().getFullYear() - 3}
            />
          )}
        </section>
      )}
      <DataSources data={data} />
    </>
  );
}

/** The quantitative diagnostic: figures by theme, with the import wizard at …/indicateurs/importer. */
export function IndicatorsSection(props: MissionSectionProps) {
  if (props.itemId === 'importer') return <IndicatorImportWizard {...props} />;
  return <IndicatorsOverview {...props} />;
}
