import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { rendererConfig } from './scripts/vite/renderer-config.ts';

/** The web twin of the desktop renderer: the same code, built for a plain browser. */
export default defineConfig(rendererConfig(fileURLToPath(new URL('./dist-web', import.meta.url))));
