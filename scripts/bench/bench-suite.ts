import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineInfo, type Log } from './bench-environment';
import { withBenchPages } from './bench-servers';
import { runBoardsBench } from './board-bench';
import { runImportBench } from './import-bench';
import { runIndicatorsBench } from './indicators-bench';
import { runStartupBench } from './startup-bench';
import { roundMs } from './statistics';

export const BENCHMARKS = ['startup', 'import', 'indicators', 'boards'] as const;
export type BenchmarkName = (typeof BENCHMARKS)[number];

function isBenchmarkName(name: string): name is BenchmarkName {
  return BENCHMARKS.some((known) => known === name);
}

/** `npm run bench -- import indicators` runs those two; no name runs them all. */
export function parseSelection(names: readonly string[]): BenchmarkName[] {
  const unknown = names.filter((name) => !isBenchmarkName(name));
  if (unknown.length > 0) {
    throw new Error(`Benchmark inconnu : ${unknown.join(', ')}. Choisissez parmi : ${BENCHMARKS.join(', ')} (aucun nom : tous).`);
  }
  return names.length === 0 ? [...BENCHMARKS] : BENCHMARKS.filter((name) => names.includes(name));
}

/**
 * Runs the chosen benchmarks into one report. The web builds are made once and shared by the
 * browser benchmarks; profiles and generated files go to a temporary folder removed at the end.
 */
export async function runBenchmarks(selection: readonly BenchmarkName[], log: Log) {
  const startedAt = performance.now();
  const usesBrowser = selection.some((name) => name !== 'import');
  const workDir = mkdtempSync(join(tmpdir(), 'bocage-bench-'));
  try {
    const benchmarks: Partial<Record<BenchmarkName, unknown>> = {};
    let buildMs: number | null = null;
    if (selection.includes('import')) benchmarks.import = await runImportBench(workDir, log);
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
