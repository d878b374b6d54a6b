import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './scripts/vite/renderer-config';

const alias = { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) };

export default defineConfig({
  main: {
    resolve: { alias },
    build: { outDir: 'out/main', rollupOptions: { input: { index: 'src-main/index.ts' } } },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: 'src-preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig(fileURLToPath(new URL('./out/renderer', import.meta.url))),
    build: {
      ...rendererConfig(fileURLToPath(new URL('./out/renderer', import.meta.url))).build,
      rollupOptions: { input: fileURLToPath(new URL('./src-renderer/index.html', import.meta.url)) },
    },
  },
});
