import * as Comlink from 'comlink';
import type { TerritoryKey } from '@shared/diagnostic/territory-ref';
import { planIndicatorImport, suggestMapping, type ImportPlan, type IndicatorMapping, type SuggestedMapping } from '@shared/import/indicator-import';
import { inspectTableFile } from '@shared/import/inspect-table-file';
import type { TableInspection } from '@shared/import/table-inspection';

/** Rows shown to the user while mapping columns. */
const PREVIEW_ROWS = 5;

/** What the wizard needs of an inspection: everything but the rows, which stay in the worker. */
export interface InspectionSummary extends Omit<TableInspection, 'rows' | 'rowLines'> {
  rowCount: number;
  preview: string[][];
  suggestion: SuggestedMapping;
}

export interface PlanRequest {
  mapping: IndicatorMapping;
  keep: TerritoryKey[];
  source: string;
  importId: string;
  now: number;
}

let inspection: TableInspection | null = null;

/**
 * Reading and planning run here, off the window's thread: a 35,000-row national file never
 * freezes the page, and its rows never cross to the page (only what the user looks at does).
 */
const api = {
  async inspect(bytes: ArrayBuffer, fileName: string, sheetName: string | undefined, onProgress: (fraction: number) => void): Promise<InspectionSummary> {
    inspection = null;
    const result = await inspectTableFile(new Uint8Array(bytes), { fileName, sheetName, onProgress });
    inspection = result;
    const { rows, rowLines: _rowLines, ...rest } = result;
    return { ...rest, rowCount: rows.length, preview: rows.slice(0, PREVIEW_ROWS), suggestion: suggestMapping(result) };
  },
  plan(request: PlanRequest): ImportPlan {
    if (!inspection) throw new Error('Aucun fichier n’est ouvert : choisissez de nouveau le fichier.');
    return planIndicatorImport(inspection, request.mapping, {
      keep: new Set(request.keep),
      source: request.source,
      importId: request.importId,
      now: request.now,
    });
  },
};

export type ImportWorkerApi = typeof api;

Comlink.expose(api);
