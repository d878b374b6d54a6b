/**
 * One measured write of the `xlsx-stream` benchmark, in a Node process of its own so that its peak
 * memory is its writer's: `node --expose-gc --import tsx xlsx-stream-run.ts <bocage|exceljs> <file> <rows>`.
 * Prints one JSON line on stdout (see xlsx-stream-bench.ts).
 */
import { statSync } from 'node:fs';
import { loadWriter, XLSX_STREAM_MODES, type XlsxStreamMode } from './xlsx-stream-writers';

export interface XlsxStreamRunResult {
  mode: XlsxStreamMode;
  rows: number;
  wallMs: number;
  /** Highest resident memory seen while writing (sampled every 1,000 rows and every 10 ms). */
  peakRssSampledBytes: number;
  /** The kernel's peak resident memory of the whole process (`process.resourceUsage().maxRSS`). */
  maxRssBytes: number;
  /** Resident memory once the writer's modules are loaded, just before writing. */
  rssBeforeBytes: number;
  /** The kernel's peak before writing: above `rssBeforeBytes`, module loading had peaked higher. */
  maxRssBeforeWorkBytes: number;
  fileBytes: number;
}

function isMode(value: string | undefined): value is XlsxStreamMode {
  return XLSX_STREAM_MODES.some((mode) => mode === value);
}

const [mode, file, rowsText] = process.argv.slice(2);
const rows = Number(rowsText);
if (!isMode(mode) || file === undefined || !Number.isInteger(rows) || rows < 1) {
  throw new Error('Usage : xlsx-stream-run.ts <bocage|exceljs> <fichier> <lignes>');
}
const write = await loadWriter(mode);
if (typeof globalThis.gc !== 'function') throw new Error('Lancez ce processus avec --expose-gc.');
globalThis.gc();

const rssBeforeBytes = process.memoryUsage.rss();
const maxRssBeforeWorkBytes = process.resourceUsage().maxRSS * 1024;
let peakRssSampledBytes = rssBeforeBytes;
const sample = () => {
  peakRssSampledBytes = Math.max(peakRssSampledBytes, process.memoryUsage.rss());
};
// Catches the asynchronous stretches (exceljs's zip stream); the synchronous ones sample by rows.
const timer = setInterval(sample, 10);
const started = performance.now();
await write(file, rows, sample);
const wallMs = performance.now() - started;
clearInterval(timer);
sample();

const result: XlsxStreamRunResult = {
  mode,
  rows,
  wallMs,
  peakRssSampledBytes,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
  rssBeforeBytes,
  maxRssBeforeWorkBytes,
  fileBytes: statSync(file).size,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
