import { execFileSync, spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { findChromium } from '../../tests/e2e/chromium';
import { REPOSITORY_ROOT } from './bench-paths';

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

/**
 * Runs one measuring script in a fresh Node process (with tsx and an exposed GC) and returns the
 * JSON it prints: the process's peak memory is then the measured work's alone.
 */
export function runMeasureInFreshProcess<Result>(script: string, args: readonly string[], failure: (code: number | null) => string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(failure(code)));
      else resolve(JSON.parse(output) as Result);
    });
  });
}
