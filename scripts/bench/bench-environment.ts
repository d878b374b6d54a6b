import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { findChromium } from '../../tests/e2e/chromium';

export type Log = (message: string) => void;

/** The counted runs of a benchmark: its own default, or `BOCAGE_BENCH_RUNS` for every benchmark. */
export function runCount(defaultRuns: number): number {
  const requested = process.env.BOCAGE_BENCH_RUNS;
  if (requested === undefined) return defaultRuns;
  const runs = Number.parseInt(requested, 10);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`BOCAGE_BENCH_RUNS doit être un entier positif (reçu : « ${requested} »).`);
  }
  return runs;
}

/** Above the CPU count, other work competed with the benchmark: ratios hold up better than times. */
export function loadAverage1m(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}

function chromiumVersion(): string {
  // Debian's launcher script prints a harmless shell error on stderr on this machine; only stdout matters.
  return execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

export function machineInfo(withBrowser: boolean) {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'inconnu',
    totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    node: process.version,
    chromium: withBrowser ? chromiumVersion() : null,
  };
}
