// `npm run bench [-- startup|import|indicators|boards|sync-load|xlsx-stream|docx … [--clients N --missions N --seconds N]]`: the benchmarks named, or all of them. The
// JSON report goes to stdout, progress and errors to stderr (see scripts/bench/README.md).
import { tsImport } from 'tsx/esm/api';

// Vite and other libraries may print on stdout, which must carry the JSON report alone.
console.log = console.error;
console.info = console.error;

try {
  const { parseArguments, runBenchmarks } = await tsImport('./bench-suite.ts', import.meta.url);
  const report = await runBenchmarks(parseArguments(process.argv.slice(2)), (message) => console.error(message));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} catch (error) {
  console.error(`Le benchmark a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
