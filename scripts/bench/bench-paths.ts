import { fileURLToPath } from 'node:url';

/** Ignored by git; kept apart from dist-web so a benchmark never overwrites what end-to-end tests serve. */
export const APP_OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/bocage-bench/app', import.meta.url));
export const APP_VITE_CONFIG = fileURLToPath(new URL('../../vite.web.config.ts', import.meta.url));
export const BARE_REACT_VITE_CONFIG = fileURLToPath(new URL('./bare-react/vite.config.ts', import.meta.url));
export const PAGE_PROBE_SCRIPT = fileURLToPath(new URL('./page-probe.js', import.meta.url));
export const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const IMPORT_RUN_SCRIPT = fileURLToPath(new URL('./import-run.ts', import.meta.url));
export const SYNC_LOAD_SERVER_SCRIPT = fileURLToPath(new URL('./sync-load-server.ts', import.meta.url));
/** Real INSEE data shared beside the repository (never copied into it): measured when present. */
export const REAL_FILOSOFI_FILE = fileURLToPath(new URL('../../../shared/data/real/insee_filosofi_2021_com.csv', import.meta.url));
