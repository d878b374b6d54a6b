import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './scripts/vite/renderer-config.ts';

const alias = { '@shared': fileURLToPath(new URL('./src-shared', import.meta.url)) };

const webRenderer = rendererConfig(fileURLToPath(new URL('./out/renderer', import.meta.url)));
const desktopRenderer = {
  ...webRenderer,
  build: {
    ...webRenderer.build,
    // electron-vite leaves the renderer unminified unless told: ship the same bundle as the web build.
    minify: true,
    rolldownOptions: { input: fileURLToPath(new URL('./src-renderer/index.html', import.meta.url)) },
  },
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: { outDir: 'out/main', rolldownOptions: { input: { index: 'src-main/index.ts' } } },
  },
  // A sandboxed preload cannot require anything but `electron`: it must be one self-contained CommonJS
  // file, so nothing is left external (electron-vite externalizes package dependencies by default).
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rolldownOptions: { input: { index: 'src-preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: desktopRenderer,
});
