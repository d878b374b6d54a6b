/** The two ways the import benchmark reads a file: Bocage's import, and the CSV parser alone. */
import Papa from 'papaparse';
import * as Y from 'yjs';
import { applyIndicatorImport } from '../../src-shared/diagnostic/indicator-operations';
import type { TerritoryKey } from '../../src-shared/diagnostic/territory-ref';
import { planIndicatorImport, suggestMapping, type MappedColumn } from '../../src-shared/import/indicator-import';
import { inspectTableFile } from '../../src-shared/import/inspect-table-file';

export type ImportMode = 'bocage' | 'papaparse';

/** What the app does with a file: the worker's inspection and plan, then the one transaction that writes the values. */
export async function importWithBocage(bytes: Uint8Array, fileName: string, keep: ReadonlySet<TerritoryKey>) {
  let progressReports = 0;
  const started = performance.now();
  const inspection = await inspectTableFile(bytes, { fileName, onProgress: () => (progressReports += 1) });
  const inspected = performance.now();
  const suggestion = suggestMapping(inspection);
  if (!suggestion.geo) throw new Error(`Aucune colonne de codes géographiques reconnue dans ${fileName}.`);
  const columns = suggestion.columns.flatMap(({ column, indicator, year }): MappedColumn[] =>
    indicator !== null && year !== null ? [{ column, indicator, year }] : [],
  );
  const now = Date.now();
  const plan = planIndicatorImport(inspection, { geo: suggestion.geo, columns }, { keep, source: 'INSEE', importId: 'bench', now });
  const planned = performance.now();
  const doc = new Y.Doc();
  applyIndicatorImport(
    doc,
    {
      importId: 'bench',
      fileName,
      source: 'INSEE',
      importedAt: now,
      values: plan.values,
      summary: {
        rowsKept: plan.report.rowsKept,
        rowsSkipped: plan.report.rowsSkipped,
        indicators: columns.map(({ indicator, year }) => ({ indicator, year })),
      },
    },
    'import',
  );
  const applied = performance.now();
  return {
    /** Held by the caller until it has measured the heap the import retains. */
    kept: { inspection, plan, doc, progressReports },
    phasesMs: { inspect: inspected - started, plan: planned - inspected, apply: applied - planned },
    rowsRead: plan.report.rowsRead,
    import: {
      mappedColumns: columns.length,
      rowsKept: plan.report.rowsKept,
      valuesWritten: plan.report.valuesWritten,
      territoriesNotFound: plan.report.territoriesNotFound.length,
    },
  };
}

/** The baseline: the same bytes decoded and split into rows by the CSV parser alone. */
export function parseWithPapa(bytes: Uint8Array) {
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ';' });
  return { kept: parsed, phasesMs: null, rowsRead: parsed.data.length, import: null };
}
