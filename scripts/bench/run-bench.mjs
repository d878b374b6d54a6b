// `npm run bench`: startup benchmarks of the web build in Chromium. The JSON report goes to
// stdout, progress and errors to stderr (see scripts/bench/README.md).
import { tsImport } from 'tsx/esm/api';

// Vite and other libraries may print on stdout, which must carry the JSON report alone.
console.log = console.error;
console.info = console.error;

try {
  const { runStartupBench } = await tsImport('./startup-bench.ts', import.meta.url);
  const report = await runStartupBench((message) => console.error(message));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} catch (error) {
  console.error(`Le benchmark a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
