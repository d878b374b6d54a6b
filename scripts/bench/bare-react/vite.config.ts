import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Built with the same plugin, base and target as Bocage's web build, so only the app itself differs. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    // Next to the app's benchmark build (bench-paths.ts): ignored by git, never in the way of dist-web.
    outDir: fileURLToPath(new URL('../../../node_modules/.cache/bocage-bench/bare-react', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
