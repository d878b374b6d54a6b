import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAverage1m, runCount, runMeasureInFreshProcess, type Log } from './bench-environment';
import { benchMissionScope, loadGeography } from './bench-mission-territory';
import { IMPORT_RUN_SCRIPT, REAL_FILOSOFI_FILE } from './bench-paths';
import type { ImportMode } from './import-modes';
import type { ImportRunResult } from './import-run';
import { ratio, roundMs, summarize } from './statistics';
import { SYNTHETIC_ROWS, syntheticInseeFile } from './synthetic-insee-file';

/** Odd, for a plain median; each run is two fresh Node processes of a second or so. */
const DEFAULT_RUNS = 5;
const MIB = 2 ** 20;

/** One measured import in a fresh Node process (import-run.ts): its peak memory is its own. */
function runInFreshProcess(mode: ImportMode, file: string, keep: readonly string[]): Promise<ImportRunResult> {
  return runMeasureInFreshProcess<ImportRunResult>(IMPORT_RUN_SCRIPT, [mode, file, JSON.stringify(keep)], (code) => `La mesure « ${mode} » de ${file} a échoué (code ${code}).`);
}

function summarizeRuns(results: readonly ImportRunResult[]) {
  const inMiB = (read: (result: ImportRunResult) => number) => summarize(results.map((result) => read(result) / MIB));
  return {
    wallMs: summarize(results.map((result) => result.wallMs)),
    peakRssDeltaMiB: inMiB((result) => result.peakRssDeltaBytes),
    retainedHeapMiB: inMiB((result) => result.retainedHeapBytes),
    rssBeforeMiB: inMiB((result) => result.rssBeforeBytes),
    /** Runs whose module loading had pushed resident memory higher than the work's starting point. */
    runsWithHigherPeakBeforeWork: results.filter((result) => result.maxRssBeforeWorkBytes > result.rssBeforeBytes).length,
  };
}

/** Both modes on one file, alternating which goes first so that a slow drift of the machine favours neither. */
async function measureFile(file: string, runs: number, keep: readonly string[], log: Log) {
  const bocage: ImportRunResult[] = [];
  const papaparse: ImportRunResult[] = [];
  for (let run = 0; run < runs; run += 1) {
    log(`  import ${run + 1}/${runs}…`);
    const order: ImportMode[] = run % 2 === 0 ? ['bocage', 'papaparse'] : ['papaparse', 'bocage'];
    for (const mode of order) {
      const result = await runInFreshProcess(mode, file, keep);
      (mode === 'bocage' ? bocage : papaparse).push(result);
    }
  }
  const ours = summarizeRuns(bocage);
  const baseline = summarizeRuns(papaparse);
  const phases = bocage.flatMap((result) => (result.phasesMs ? [result.phasesMs] : []));
  return {
    file: { bytes: statSync(file).size, rowsRead: bocage[0]?.rowsRead ?? null },
    bocage: {
      ...ours,
      phasesMs: {
        inspect: summarize(phases.map((phase) => phase.inspect)),
        plan: summarize(phases.map((phase) => phase.plan)),
        apply: summarize(phases.map((phase) => phase.apply)),
      },
      import: bocage[0]?.import ?? null,
    },
    papaparse: baseline,
    ratio: {
      wallMs: ratio(ours.wallMs, baseline.wallMs),
      peakRssDelta: ratio(ours.peakRssDeltaMiB, baseline.peakRssDeltaMiB),
      retainedHeap: ratio(ours.retainedHeapMiB, baseline.retainedHeapMiB),
    },
  };
}

/**
 * Bocage's import of a national INSEE file for a 30-commune mission against parsing the same file
 * with papaparse alone: a synthetic 35,000 × 28 file, and INSEE's real Filosofi 2021 file when present.
 */
export async function runImportBench(workDir: string, log: Log) {
  const runs = runCount(DEFAULT_RUNS);
  const startedAt = performance.now();
  const loadAverageAtStart = loadAverage1m();
  const keep = benchMissionScope(loadGeography());

  log(`Import : fichier synthétique de ${SYNTHETIC_ROWS} lignes × 28 colonnes…`);
  const synthetic = join(workDir, 'insee-synthetique.csv');
  writeFileSync(synthetic, syntheticInseeFile());
  const syntheticResult = await measureFile(synthetic, runs, keep, log);

  let realResult: Awaited<ReturnType<typeof measureFile>> | { skipped: string };
  if (existsSync(REAL_FILOSOFI_FILE)) {
    log('Import : fichier réel Filosofi 2021 de l’INSEE…');
    realResult = await measureFile(REAL_FILOSOFI_FILE, runs, keep, log);
  } else {
    const skipped = `Fichier absent, mesure sautée : ${REAL_FILOSOFI_FILE}`;
    log(`Import : ${skipped}`);
    realResult = { skipped };
  }

  return {
    loadAverage1mAtStart: loadAverageAtStart,
    settings: {
      runs,
      process: 'one fresh Node process per measure (node --expose-gc --import tsx), modes alternating',
      missionTerritories: keep.length,
      baseline: "TextDecoder().decode(bytes) then Papa.parse(text, { delimiter: ';' })",
    },
    synthetic35000x28: syntheticResult,
    realFilosofi2021: realResult,
    durations: { totalMs: roundMs(performance.now() - startedAt) },
  };
}
