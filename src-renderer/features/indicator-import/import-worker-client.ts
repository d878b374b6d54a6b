import * as Comlink from 'comlink';
import type { ImportWorkerApi } from './import-worker';

/** One worker per wizard: closing the wizard frees the file it holds. */
export interface ImportWorker {
  api: Comlink.Remote<ImportWorkerApi>;
  terminate(): void;
}

export function startImportWorker(): ImportWorker {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'import-donnees' });
  return { api: Comlink.wrap<ImportWorkerApi>(worker), terminate: () => worker.terminate() };
}
