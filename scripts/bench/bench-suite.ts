import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineInfo, type Log } from './bench-environment';
import { withBenchPages } from './bench-servers';
import { runBoardsBench } from './board-bench';
import { runDocxBench } from './docx-bench';
import { runImportBench } from './import-bench';
import { runIndicatorsBench } from './indicators-bench';
import { runStartupBench } from './startup-bench';
import { roundMs } from './statistics';
import { parseSyncLoadArguments, runSyncLoadBench, type SyncLoadSettings } from './sync-load-bench';
import { runXlsxStreamBench } from './xlsx-stream-bench';

export const BENCHMARKS = ['startup', 'import', 'indicators', 'boards', 'sync-load', 'xlsx-stream', 'docx'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

function isBenchmarkName(name: string): name is BenchmarkName {
  return BENCHMARKS.some((known) => known === name);
}

/** Benchmarks that need no browser nor web build. */
const WITHOUT_BROWSER: readonly BenchmarkName[] = ['import', 'sync-load', 'xlsx-stream', 'docx'];

export interface BenchArguments {
  selection: BenchmarkName[];
  syncLoad: SyncLoadSettings;
}

/**
 * `npm run bench -- import indicators` runs those two; no name runs them all.
 * `npm run bench -- sync-load --clients 20 --missions 2 --seconds 5` shrinks the load benchmark.
 */
export function parseArguments(args: readonly string[]): BenchArguments {
  const { names, settings } = parseSyncLoadArguments(args);
  const unknown = names.filter((name) => !isBenchmarkName(name));
  if (unknown.length > 0) {
    throw new Error(`Benchmark inconnu : ${unknown.join(', ')}. Choisissez parmi : ${BENCHMARKS.join(', ')} (aucun nom : tous).`);
  }
  const selection = names.length === 0 ? [...BENCHMARKS] : BENCHMARKS.filter((name) => names.includes(name));
  return { selection, syncLoad: settings };
}

/**
 * Runs the chosen benchmarks into one report. The web builds are made once and shared by the
 * browser benchmarks; profiles and generated files go to a temporary folder removed at the end.
 */
export async function runBenchmarks({ selection, syncLoad }: BenchArguments, log: Log) {
  const startedAt = performance.now();
  const usesBrowser = selection.some((name) => !WITHOUT_BROWSER.includes(name));
  const workDir = mkdtempSync(join(tmpdir(), 'bocage-bench-'));
  try {
    const benchmarks: Partial<Record<BenchmarkName, unknown>> = {};
    let buildMs: number | null = null;
    if (selection.includes('import')) benchmarks.import = await runImportBench(workDir, log);
    if (selection.includes('sync-load')) benchmarks['sync-load'] = await runSyncLoadBench(syncLoad, workDir, log);
    if (selection.includes('docx')) benchmarks.docx = await runDocxBench(workDir, log);
    if (selection.includes('xlsx-stream')) benchmarks['xlsx-stream'] = await runXlsxStreamBench(workDir, log);
    if (usesBrowser) {
      log('Construction de Bocage (vite.web.config.ts) et des pages React nues…');
      await withBenchPages(async (pages, builtInMs) => {
        buildMs = roundMs(builtInMs);
        if (selection.includes('startup')) benchmarks.startup = await runStartupBench(pages, workDir, log);
        if (selection.includes('indicators')) benchmarks.indicators = await runIndicatorsBench(pages, workDir, log);
        if (selection.includes('boards')) benchmarks.boards = await runBoardsBench(pages, workDir, log);
      });
    }
    return {
      date: new Date().toISOString(),
      machine: machineInfo(usesBrowser),
      benchmarks,
      durations: { buildMs, totalMs: roundMs(performance.now() - startedAt) },
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
