import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Built with the same plugin, base and target as Bocage's web build, so only the app itself differs. */
export default defineConfig({
  root: page('.'),
  base: './',
  plugins: [react()],
  build: {
    // Next to the app's benchmark build (bench-paths.ts): ignored by git, never in the way of dist-web.
    outDir: page('../../../node_modules/.cache/bocage-bench/bare-react'),
    emptyOutDir: true,
    target: 'es2022',
    // The bare home screen (startup benchmark) and the bare indicator view (indicators benchmark).
    rolldownOptions: { input: { home: page('index.html'), indicators: page('indicator-table.html') } },
  },
});
