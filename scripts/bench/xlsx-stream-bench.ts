import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage1m, runCount, runMeasureInFreshProcess, type Log } from './bench-environment';
import { ratio, roundMs, summarize } from './statistics';
import type { XlsxStreamRunResult } from './xlsx-stream-run';
import { readBack, XLSX_STREAM_MODES, type XlsxStreamMode } from './xlsx-stream-writers';

/** The sheet: 100,000 rows. */
export const XLSX_STREAM_ROWS = 100_000;
/** Odd, for a plain median; each run is two fresh Node processes of a few seconds. */
const DEFAULT_RUNS = 5;
const MIB = 2 ** 20;
const RUN_SCRIPT = fileURLToPath(new URL('./xlsx-stream-run.ts', import.meta.url));

/** One measured write in a fresh Node process (xlsx-stream-run.ts): its peak memory is its writer's. */
function runInFreshProcess(mode: XlsxStreamMode, file: string, rows: number): Promise<XlsxStreamRunResult> {
  return runMeasureInFreshProcess<XlsxStreamRunResult>(RUN_SCRIPT, [mode, file, String(rows)], (code) => `L’écriture « ${mode} » de ${rows} lignes a échoué (code ${code}).`);
}

function summarizeRuns(results: readonly XlsxStreamRunResult[]) {
  const inMiB = (read: (result: XlsxStreamRunResult) => number) => summarize(results.map((result) => read(result) / MIB));
  return {
    wallMs: summarize(results.map((result) => result.wallMs)),
    peakRssSampledMiB: inMiB((result) => result.peakRssSampledBytes),
    maxRssMiB: inMiB((result) => result.maxRssBytes),
    peakRssDeltaMiB: inMiB((result) => result.maxRssBytes - result.rssBeforeBytes),
    rssBeforeMiB: inMiB((result) => result.rssBeforeBytes),
    fileMiB: inMiB((result) => result.fileBytes),
    /** Runs whose module loading had pushed resident memory higher than the write's starting point. */
    runsWithHigherPeakBeforeWork: results.filter((result) => result.maxRssBeforeWorkBytes > result.rssBeforeBytes).length,
  };
}

/**
 * A 100,000-row, 8-column sheet (codes and names as text, a year, a count and a share with their
 * number formats, a date, a source; 8 % of the shares under statistical secret, in grey italics)
 * written to a file by Bocage's streaming writer and by exceljs's stream.xlsx.WorkbookWriter, each
 * in its own process, alternating which goes first. Both files are then read back by exceljs,
 * outside the timing, to check that they hold every row.
 */
export async function runXlsxStreamBench(workDir: string, log: Log) {
  const runs = runCount(DEFAULT_RUNS);
  const startedAt = performance.now();
  const loadAverageAtStart = loadAverage1m();
  const results: Record<XlsxStreamMode, XlsxStreamRunResult[]> = { bocage: [], exceljs: [] };
  const files: Record<XlsxStreamMode, string> = { bocage: join(workDir, 'bocage.xlsx'), exceljs: join(workDir, 'exceljs.xlsx') };
  for (let run = 0; run < runs; run += 1) {
    log(`  xlsx-stream ${run + 1}/${runs}…`);
    const order: XlsxStreamMode[] = run % 2 === 0 ? ['bocage', 'exceljs'] : ['exceljs', 'bocage'];
    for (const mode of order) {
      rmSync(files[mode], { force: true });
      results[mode].push(await runInFreshProcess(mode, files[mode], XLSX_STREAM_ROWS));
    }
  }

  log('  xlsx-stream : relecture des deux fichiers par exceljs…');
  const readBackResults = Object.fromEntries(
    await Promise.all(
      XLSX_STREAM_MODES.map(async (mode) => {
        const { dataRows, lastRow } = await readBack(files[mode]);
        if (dataRows !== XLSX_STREAM_ROWS) throw new Error(`Le fichier « ${mode} » relu compte ${dataRows} lignes au lieu de ${XLSX_STREAM_ROWS}.`);
        return [mode, { dataRows, lastRow }] as const;
      }),
    ),
  );

  const ours = summarizeRuns(results.bocage);
  const baseline = summarizeRuns(results.exceljs);
  return {
    loadAverage1mAtStart: loadAverageAtStart,
    settings: {
      runs,
      rows: XLSX_STREAM_ROWS,
      columns: 8,
      process: 'one fresh Node process per measure (node --expose-gc --import tsx), modes alternating',
      bocage: 'createStreamingWorkbook (src-shared/export/xlsx-stream), onData → fs.writeSync',
      baseline: "exceljs stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false }), row.commit() for each row",
    },
    bocage: ours,
    exceljs: baseline,
    readBack: readBackResults,
    ratio: {
      wallMs: ratio(ours.wallMs, baseline.wallMs),
      maxRss: ratio(ours.maxRssMiB, baseline.maxRssMiB),
      peakRssSampled: ratio(ours.peakRssSampledMiB, baseline.peakRssSampledMiB),
      peakRssDelta: ratio(ours.peakRssDeltaMiB, baseline.peakRssDeltaMiB),
      fileSize: ratio(ours.fileMiB, baseline.fileMiB),
    },
    durations: { totalMs: roundMs(performance.now() - startedAt) },
  };
}
