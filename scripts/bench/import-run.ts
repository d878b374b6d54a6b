/**
 * One measured import, in a Node process of its own so that its peak memory is its own:
 * `node --expose-gc --import tsx import-run.ts <bocage|papaparse> <file> <territory keys as JSON>`.
 * Prints one JSON line on stdout (see import-bench.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TerritoryKey } from '../../src-shared/diagnostic/territory-ref';
import { importWithBocage, parseWithPapa, type ImportMode } from './import-modes';

export interface ImportRunResult {
  mode: ImportMode;
  wallMs: number;
  /** Bocage only: reading and understanding the file, planning the mission's values, writing them to a mission document. */
  phasesMs: { inspect: number; plan: number; apply: number } | null;
  /** Highest resident memory of the process during the work, minus the resident memory just before it. */
  peakRssDeltaBytes: number;
  /** The process's highest resident memory before the work (module loading): above `rssBeforeBytes`, the delta understates the peak. */
  maxRssBeforeWorkBytes: number;
  rssBeforeBytes: number;
  /** Heap still used by the result after a forced collection, relative to just before the work. */
  retainedHeapBytes: number;
  rowsRead: number;
  /** Bocage only: the mission's rows kept, values written, territories of the mission missing from the file. */
  import: { mappedColumns: number; rowsKept: number; valuesWritten: number; territoriesNotFound: number } | null;
}

function collectGarbage(): void {
  if (typeof globalThis.gc !== 'function') throw new Error('Lancez ce processus avec --expose-gc.');
  globalThis.gc();
}

const [mode, file, keepJson] = process.argv.slice(2);
if ((mode !== 'bocage' && mode !== 'papaparse') || file === undefined || keepJson === undefined) {
  throw new Error('Usage : import-run.ts <bocage|papaparse> <fichier> <clés de territoire en JSON>');
}
const keep = new Set(JSON.parse(keepJson) as TerritoryKey[]);
const bytes = new Uint8Array(await readFile(file));

collectGarbage();
const heapBefore = process.memoryUsage().heapUsed;
const rssBeforeBytes = process.memoryUsage.rss();
const maxRssBeforeWorkBytes = process.resourceUsage().maxRSS * 1024;
const started = performance.now();
// A module-level binding: the result stays alive through the collection that measures what it retains.
const outcome = mode === 'bocage' ? await importWithBocage(bytes, basename(file), keep) : parseWithPapa(bytes);
const wallMs = performance.now() - started;
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
collectGarbage();
const retainedHeapBytes = process.memoryUsage().heapUsed - heapBefore;

const result: ImportRunResult = {
  mode,
  wallMs,
  phasesMs: outcome.phasesMs,
  peakRssDeltaBytes: peakRssBytes - rssBeforeBytes,
  maxRssBeforeWorkBytes,
  rssBeforeBytes,
  retainedHeapBytes,
  rowsRead: outcome.rowsRead,
  import: outcome.import,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
