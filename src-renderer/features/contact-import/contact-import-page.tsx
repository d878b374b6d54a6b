import { useDeferredValue, useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import {
  applyContactImport,
  planContactImport,
  type ContactImportOptions,
  type ContactImportPlan,
  type ContactImportResult,
  type DuplicateDecision,
} from '@shared/directory/contact-import';
import { suggestContactImportDefaults, suggestContactMapping, type ContactMapping } from '@shared/directory/contact-import-mapping';
import { CONTACT_CATEGORIES, LEGAL_BASES } from '@shared/directory/contact-model';
import { defaultRetentionDate, localIsoDate } from '@shared/directory/contact-retention';
import { validateContactInput } from '@shared/directory/contact-validation';
import { readDirectorySnapshot, type DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readGdprSettings } from '@shared/directory/gdpr-settings';
import { formatInteger } from '@shared/format/french-format';
import { inspectTableFile } from '@shared/import/inspect-table-file';
import { isImportError } from '@shared/import/import-error';
import type { TableInspection } from '@shared/import/table-inspection';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { usePageTitle } from '../../app/use-page-title';
import type { OpenDocument } from '../../storage/document-store';
import { refusalMessage } from '../diagnostic-links/operation-error';
import { TextField } from '../diagnostic-links/text-field';
import { useDocumentReader } from '../diagnostic-links/use-document-reader';
import { useCommuneCodeOf } from '../directory/directory-data';
import { SelectField } from '../directory/select-field';
import { useDirectoryDocument } from '../directory/use-directory-document';
import { ContactMappingTable } from './contact-mapping-table';
import { ImportPlanPreview } from './import-plan-preview';

type ImportOptionsDraft = Omit<ContactImportOptions, 'existing' | 'communeCodeOf'>;

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'planning'; inspection: TableInspection }
  | { kind: 'done'; fileName: string; result: ContactImportResult; skippedRows: number };

const ENCODINGS: Record<NonNullable<TableInspection['encoding']>, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
  'windows-1252': 'ISO-8859-1 / Windows-1252',
};

const SEPARATORS: Record<NonNullable<TableInspection['separator']>, string> = {
  ';': 'point-virgule',
  ',': 'virgule',
  '\t': 'tabulation',
  '|': 'barre verticale',
};

/** What the importer understood of the file, in words. */
function InspectionSummary({ inspection }: { inspection: TableInspection }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="inspection-summary">
      <h2 id={`${id}-title`}>Ce que Bocage a compris de « {inspection.fileName} »</h2>
      <ul>
        <li>
          {inspection.format === 'xlsx'
            ? `Classeur Excel, feuille « ${inspection.sheet?.name ?? ''} »`
            : `Texte ${inspection.encoding ? ENCODINGS[inspection.encoding] : ''}, séparateur ${inspection.separator ? SEPARATORS[inspection.separator] : 'inconnu'}`}
          .
        </li>
        <li>
          En-tête à la ligne {formatInteger(inspection.headerLine)}
          {inspection.titleLines.length > 0 ? ` ; ${formatInteger(inspection.titleLines.length)} ligne(s) de titre au-dessus` : ''}.
        </li>
        <li>
          {formatInteger(inspection.rows.length)} lignes de données, {formatInteger(inspection.columns.length)} colonnes.
        </li>
        {inspection.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </section>
  );
}

function defaultOptions(inspection: TableInspection, doc: Y.Doc): ImportOptionsDraft {
  const defaults = suggestContactImportDefaults(inspection);
  return {
    ...defaults,
    legalBasis: 'public-interest',
    consentDate: null,
    retentionUntil: defaultRetentionDate(localIsoDate(new Date()), readGdprSettings(doc).retentionMonths),
  };
}

function optionsErrors(options: ImportOptionsDraft) {
  const { legalBasis, consentDate, dataSource, retentionUntil } = options;
  return validateContactInput({ legalBasis, consentDate, dataSource, retentionUntil }, false);
}

/** The plan, or why the mapping cannot work; null while an option is invalid (its field says why). */
function planOrRefusal(
  inspection: TableInspection,
  mapping: ContactMapping,
  options: ImportOptionsDraft,
  existing: DirectorySnapshot,
  communeCodeOf: (name: string) => string | null,
): { plan: ContactImportPlan } | { refusal: string } | null {
  if (Object.keys(optionsErrors(options)).length > 0) return null;
  try {
    return { plan: planContactImport(inspection, mapping, { ...options, existing, communeCodeOf }) };
  } catch (failure) {
    if (isImportError(failure)) return { refusal: failure.message };
    throw failure;
  }
}

function resultText(fileName: string, result: ContactImportResult, skippedRows: number): string {
  const parts = [
    `${formatInteger(result.created)} contact(s) créé(s)`,
    `${formatInteger(result.merged)} fiche(s) complétée(s)`,
    `${formatInteger(result.skipped + skippedRows)} ligne(s) non importée(s)`,
    `${formatInteger(result.organisationsCreated)} organisation(s) ajoutée(s)`,
  ];
  return `Import de « ${fileName} » terminé : ${parts.join(', ')}.`;
}

/** Importing contacts from a CSV, TXT or XLSX file: choose, check the columns and options, decide on duplicates, import. */
export function ContactImportPage() {
  usePageTitle('Importer des contacts');
  const load = useDirectoryDocument();
  return (
    <>
      <p className="breadcrumb">
        <Link href={ROUTES.directory}>Annuaire</Link> › Importer des contacts
      </p>
      <h1>Importer des contacts</h1>
      {load.state === 'loading' && <p role="status">Ouverture de l’annuaire…</p>}
      {load.state === 'failed' && (
        <p role="alert" className="notice notice--error">
          L’annuaire n’a pas pu être ouvert : {load.message}
        </p>
      )}
      {load.state === 'ready' && <ContactImportWizard directory={load.directory} />}
    </>
  );
}

function ContactImportWizard({ directory }: { directory: OpenDocument }) {
  const id = useId();
  const doc = directory.doc;
  const snapshot = useDocumentReader(doc, readDirectorySnapshot);
  const communeCodeOf = useCommuneCodeOf();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState('');
  const [mapping, setMapping] = useState<ContactMapping>({ columns: {}, splitCommuneCode: null });
  const [options, setOptions] = useState<ImportOptionsDraft | null>(null);
  const [decisions, setDecisions] = useState<Record<number, DuplicateDecision>>({});
  const inspection = step.kind === 'planning' ? step.inspection : null;

  // Planning a thousand rows takes a moment: typing in the options stays fluid, the preview follows.
  const deferredInspection = useDeferredValue(inspection);
  const deferredMapping = useDeferredValue(mapping);
  const deferredOptions = useDeferredValue(options);
  const deferredSnapshot = useDeferredValue(snapshot);
  const deferredCommuneCodeOf = useDeferredValue(communeCodeOf);
  const optionErrors = useMemo(() => (options ? optionsErrors(options) : {}), [options]);
  const planned = useMemo(
    () =>
      deferredInspection && deferredOptions ? planOrRefusal(deferredInspection, deferredMapping, deferredOptions, deferredSnapshot, deferredCommuneCodeOf) : null,
    [deferredInspection, deferredMapping, deferredOptions, deferredSnapshot, deferredCommuneCodeOf],
  );

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setError('');
    setStep({ kind: 'reading', fileName: file.name });
    try {
      const read = await inspectTableFile(new Uint8Array(await file.arrayBuffer()), { fileName: file.name });
      setMapping(suggestContactMapping(read));
      setOptions(defaultOptions(read, doc));
      setDecisions({});
      setStep({ kind: 'planning', inspection: read });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setStep({ kind: 'choose' });
    }
  }

  function runImport(event: FormEvent) {
    event.preventDefault();
    if (!inspection || !options) return;
    // Planned again from what is on screen now, against the directory as it is now (a colleague may have synced meanwhile).
    const current = planOrRefusal(inspection, mapping, options, snapshot, communeCodeOf);
    if (!current || 'refusal' in current) return;
    try {
      const result = applyContactImport(doc, current.plan, decisions, LOCAL_ORIGIN);
      setStep({ kind: 'done', fileName: current.plan.fileName, result, skippedRows: current.plan.skipped.length });
    } catch (failure) {
      setError(refusalMessage(failure));
    }
  }

  function setOption<K extends keyof ImportOptionsDraft>(field: K, value: ImportOptionsDraft[K]) {
    setOptions((current) => (current ? { ...current, [field]: value } : current));
  }

  if (directory.isReadOnly()) {
    return <p className="notice notice--warning">L’annuaire a été enregistré par une version plus récente de Bocage : aucun contact ne peut y être importé.</p>;
  }

  if (step.kind === 'done') {
    return (
      <div role="status" className="notice">
        <p>{resultText(step.fileName, step.result, step.skippedRows)}</p>
        <p className="actions">
          <Link href={ROUTES.directory}>Voir l’annuaire</Link>
          <button type="button" className="button" onClick={() => setStep({ kind: 'choose' })}>
            Importer un autre fichier
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="contact-import">
      <p className="hint">
        Une liste d’élus du Répertoire national des élus, une feuille d’émargement recopiée, un export de tableur… Rien n’est enregistré avant « Importer ».
      </p>
      <div className="field">
        <label htmlFor={`${id}-file`}>Fichier de contacts (CSV, TXT, XLSX)</label>
        <input id={`${id}-file`} type="file" accept=".csv,.txt,.tsv,.xlsx,text/csv,text/plain" onChange={(event) => void chooseFile(event)} />
      </div>
      {step.kind === 'reading' && <p role="status">Lecture de « {step.fileName} »…</p>}
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {inspection && options && (
        <form autoComplete="off" onSubmit={runImport} noValidate>
          <InspectionSummary inspection={inspection} />
          <ContactMappingTable inspection={inspection} mapping={mapping} onChange={setMapping} />
          <fieldset className="form directory-fieldset">
            <legend>Valeurs données à chaque contact importé</legend>
            <div className="field-row">
              <SelectField
                id={`${id}-category`}
                label="Catégorie par défaut"
                options={CONTACT_CATEGORIES}
                value={options.category}
                onChange={(category) => setOption('category', category)}
              />
              <TextField
                id={`${id}-job`}
                label="Fonction par défaut"
                hint="Pour les lignes qui n’en donnent pas (« Maire » pour une liste de maires)."
                value={options.jobTitle}
                onChange={(jobTitle) => setOption('jobTitle', jobTitle)}
              />
            </div>
            <div className="field-row">
              <SelectField
                id={`${id}-basis`}
                label="Base légale"
                options={LEGAL_BASES}
                value={options.legalBasis}
                onChange={(legalBasis) =>
                  setOptions((current) => (current ? { ...current, legalBasis, consentDate: legalBasis === 'consent' ? current.consentDate : null } : current))
                }
              />
              {options.legalBasis === 'consent' && (
                <TextField
                  id={`${id}-consent`}
                  label="Date du consentement"
                  type="date"
                  required
                  value={options.consentDate ?? ''}
                  error={optionErrors.consentDate}
                  onChange={(consentDate) => setOption('consentDate', consentDate || null)}
                />
              )}
            </div>
            <div className="field-row">
              <TextField
                id={`${id}-source`}
                label="Origine des données"
                value={options.dataSource}
                error={optionErrors.dataSource}
                onChange={(dataSource) => setOption('dataSource', dataSource)}
              />
              <TextField
                id={`${id}-retention`}
                label="Date de conservation"
                type="date"
                hint="Passé cette date, chaque contact importé est proposé au réexamen."
                value={options.retentionUntil ?? ''}
                error={optionErrors.retentionUntil}
                onChange={(retentionUntil) => setOption('retentionUntil', retentionUntil || null)}
              />
            </div>
          </fieldset>
          {planned && 'refusal' in planned && (
            <p role="alert" className="notice notice--error">
              {planned.refusal}
            </p>
          )}
          {planned && 'plan' in planned && (
            <>
              <ImportPlanPreview plan={planned.plan} decisions={decisions} onDecide={(line, decision) => setDecisions((current) => ({ ...current, [line]: decision }))} />
              <button type="submit" className="button button--primary">
                Importer
              </button>
            </>
          )}
        </form>
      )}
    </div>
  );
}
