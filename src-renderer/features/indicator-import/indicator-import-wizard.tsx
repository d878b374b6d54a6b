import { useEffect, useId, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'wouter';
import * as Comlink from 'comlink';
import { missionTerritoryKeys } from '@shared/diagnostic/comparison-territories';
import { findIndicator } from '@shared/diagnostic/indicator-catalogue';
import { applyIndicatorImport } from '@shared/diagnostic/indicator-operations';
import type { TerritoryLevel } from '@shared/diagnostic/territory-ref';
import { formatInteger } from '@shared/format/french-format';
import type { GeoMapping, ImportReport, IndicatorMapping } from '@shared/import/indicator-import';
import { newId } from '@shared/model/ids';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { useGeography } from '../territory/use-geography';
import { useDiagnosticData } from '../indicators/use-diagnostic-data';
import { ColumnMappingTable, type ColumnChoice } from './column-mapping-table';
import { ImportReportView } from './import-report-view';
import { InspectionSummaryView } from './inspection-summary-view';
import { startImportWorker, type ImportWorker } from './import-worker-client';
import type { InspectionSummary } from './import-worker';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string; progress: number }
  | { kind: 'mapping'; fileName: string; summary: InspectionSummary }
  | { kind: 'importing'; fileName: string; summary: InspectionSummary }
  | { kind: 'done'; fileName: string; report: ImportReport; written: number; keptManual: number };

const LEVEL_LABELS: Record<TerritoryLevel | 'auto', string> = {
  auto: 'reconnu d’après chaque code',
  commune: 'communes',
  epci: 'EPCI',
  departement: 'départements',
  region: 'régions',
  france: 'France',
};

function geoKey(geo: GeoMapping | null): string {
  if (!geo) return '';
  return geo.kind === 'code' ? `code:${geo.column}:${geo.level}` : `split:${geo.departementColumn}:${geo.communeColumn}`;
}

function geoOptions(summary: InspectionSummary): { key: string; label: string; geo: GeoMapping }[] {
  const name = (index: number) => {
    const column = summary.columns[index];
    return column ? (column.code ?? column.label) : `colonne ${index + 1}`;
  };
  const options: { key: string; label: string; geo: GeoMapping }[] = [];
  for (const candidate of summary.geo.codeColumns) {
    if (candidate.level === 'commune-suffix') continue;
    const level: TerritoryLevel | 'auto' = candidate.level === 'mixed' || summary.geo.levelColumn !== null ? 'auto' : candidate.level;
    const geo: GeoMapping = { kind: 'code', column: candidate.column, level };
    options.push({ key: geoKey(geo), label: `« ${name(candidate.column)} » (${LEVEL_LABELS[level]})`, geo });
  }
  for (const split of summary.geo.splitCodes) {
    const geo: GeoMapping = { kind: 'split', ...split };
    options.push({ key: geoKey(geo), label: `« ${name(split.departementColumn)} » + « ${name(split.communeColumn)} » (code commune en deux colonnes)`, geo });
  }
  return options;
}

/** The source captions will cite: the usual source of the first indicator recognised, with its year. */
function suggestedSource(summary: InspectionSummary, fileName: string): string {
  const first = summary.suggestion.columns.find((column) => column.indicator !== null);
  const definition = first?.indicator ? findIndicator(first.indicator) : undefined;
  if (!definition) return fileName.replace(/\.[^.]+$/, '');
  return first?.year ? `${definition.source}, ${first.year}` : definition.source;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Importing a statistical file: choose it, see what was understood, match its columns to
 * indicators and years, then read the report. Nothing is written before "Importer", and then
 * everything at once (one undoable step).
 */
export function IndicatorImportWizard({ mission, snapshot, readOnly }: MissionSectionProps) {
  const prefix = useId();
  const { loaded } = useGeography();
  const data = useDiagnosticData(mission.doc);
  const workerRef = useRef<ImportWorker | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState('');
  const [geo, setGeo] = useState('');
  const [choices, setChoices] = useState<ColumnChoice[]>([]);
  const [source, setSource] = useState('');

  useEffect(
    () => () => {
      workerRef.current?.terminate();
      workerRef.current = null;
    },
    [],
  );

  function worker(): ImportWorker {
    workerRef.current ??= startImportWorker();
    return workerRef.current;
  }

  async function read(file: File, sheetName?: string) {
    setError('');
    setStep({ kind: 'reading', fileName: file.name, progress: 0 });
    try {
      const bytes = await file.arrayBuffer();
      const summary = await worker().api.inspect(
        Comlink.transfer(bytes, [bytes]),
        file.name,
        sheetName,
        // Progress arrives on its own channel and may land after the result: it must not reopen the reading step.
        Comlink.proxy((progress: number) => setStep((current) => (current.kind === 'reading' ? { ...current, progress } : current))),
      );
      setGeo(geoKey(summary.suggestion.geo));
      setChoices(
        summary.suggestion.columns.map((column) => ({
          column: column.column,
          indicator: column.indicator ?? '',
          year: column.year === null ? '' : String(column.year),
        })),
      );
      setSource(suggestedSource(summary, file.name));
      setStep({ kind: 'mapping', fileName: file.name, summary });
    } catch (failure) {
      setError(message(failure));
      setStep({ kind: 'choose' });
    }
  }

  const fileRef = useRef<File | null>(null);

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    fileRef.current = file;
    void read(file);
  }

  async function runImport(event: FormEvent) {
    event.preventDefault();
    if (step.kind !== 'mapping' || !loaded) return;
    const option = geoOptions(step.summary).find((candidate) => candidate.key === geo);
    const mapped = choices.filter((choice) => choice.indicator !== '');
    if (!option) {
      setError('Choisissez la colonne qui donne le code géographique de chaque ligne.');
      return;
    }
    const mapping: IndicatorMapping = {
      geo: option.geo,
      ...(step.summary.geo.levelColumn !== null ? { levelColumn: step.summary.geo.levelColumn } : {}),
      columns: mapped.map((choice) => ({ column: choice.column, indicator: choice.indicator, year: Number(choice.year) })),
    };
    setError('');
    setStep({ kind: 'importing', fileName: step.fileName, summary: step.summary });
    try {
      const importId = newId();
      const now = Date.now();
      const plan = await worker().api.plan({ mapping, keep: [...missionTerritoryKeys(snapshot, loaded.geography)], source, importId, now });
      let written = 0;
      let keptManual = 0;
      if (plan.values.length > 0) {
        const result = applyIndicatorImport(
          mission.doc,
          {
            importId,
            fileName: step.fileName,
            source,
            importedAt: now,
            values: plan.values,
            summary: {
              rowsKept: plan.report.rowsKept,
              rowsSkipped: plan.report.rowsSkipped,
              indicators: plan.report.series.map(({ indicator, year }) => ({ indicator, year })),
            },
          },
          LOCAL_ORIGIN,
        );
        written = result.written;
        keptManual = result.keptManual;
      }
      setStep({ kind: 'done', fileName: step.fileName, report: plan.report, written, keptManual });
    } catch (failure) {
      setError(message(failure));
      setStep({ kind: 'mapping', fileName: step.fileName, summary: step.summary });
    }
  }

  if (readOnly) return <p>Cette mission est en lecture seule : aucun fichier ne peut y être importé.</p>;

  return (
    <section aria-labelledby={`${prefix}-title`} className="import-wizard">
      <p className="breadcrumb">
        <Link href={ROUTES.missionSection(snapshot.id, 'indicateurs')}>Indicateurs</Link> › Importer un fichier
      </p>
      <h2 id={`${prefix}-title`}>Importer un fichier de données</h2>
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <div className="field">
          <label htmlFor={`${prefix}-file`}>Fichier de données (CSV, TSV ou XLSX)</label>
          <input
            id={`${prefix}-file`}
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.xls,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={step.kind === 'reading'}
            aria-describedby={`${prefix}-file-hint`}
            onChange={chooseFile}
          />
          <p id={`${prefix}-file-hint`} className="hint">
            Un fichier de l’INSEE, de la CAF, de l’Observatoire des territoires… avec une ligne par territoire. Seules les lignes des
            communes de la mission, de leurs EPCI, département, région et de la France sont gardées.
          </p>
        </div>
      )}
      {step.kind === 'reading' && (
        <div className="progress" role="status">
          <label htmlFor={`${prefix}-progress`}>Lecture de « {step.fileName} »</label>
          <progress id={`${prefix}-progress`} max={1} value={step.progress} />
          <span>{Math.round(step.progress * 100)} %</span>
        </div>
      )}
      {error !== '' && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {(step.kind === 'mapping' || step.kind === 'importing') && (
        <form className="form" onSubmit={(event) => void runImport(event)} noValidate>
          <InspectionSummaryView
            fileName={step.fileName}
            summary={step.summary}
            onSheetChange={(sheet) => fileRef.current && void read(fileRef.current, sheet)}
          />
          <div className="field">
            <label htmlFor={`${prefix}-geo`}>Colonne des codes géographiques</label>
            <select id={`${prefix}-geo`} value={geo} onChange={(event) => setGeo(event.target.value)}>
              <option value="">Choisir…</option>
              {geoOptions(step.summary).map((option) => (
                <option key={option.key} value={option.key}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          <ColumnMappingTable
            summary={step.summary}
            choices={choices}
            definitions={data.definitions}
            onChange={setChoices}
          />
          <div className="field">
            <label htmlFor={`${prefix}-source`}>Source citée sous les tableaux et graphiques</label>
            <input id={`${prefix}-source`} type="text" value={source} onChange={(event) => setSource(event.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={step.kind === 'importing' || !loaded}>
              {step.kind === 'importing' ? 'Import en cours…' : 'Importer'}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
              Choisir un autre fichier
            </button>
          </div>
        </form>
      )}
      {step.kind === 'done' && (
        <>
          <ImportReportView fileName={step.fileName} report={step.report} written={step.written} keptManual={step.keptManual} />
          <div className="actions">
            <Link className="button button--primary" href={ROUTES.missionSection(snapshot.id, 'indicateurs')}>
              Voir les indicateurs
            </Link>
            <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
              Importer un autre fichier
            </button>
          </div>
        </>
      )}
      <p className="hint">{formatInteger(data.index.size)} valeurs dans la mission.</p>
    </section>
  );
}
