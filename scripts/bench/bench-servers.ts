import { createServer } from 'node:net';
import { build, preview, type PreviewServer } from 'vite';
import { APP_OUT_DIR, APP_VITE_CONFIG, BARE_REACT_VITE_CONFIG } from './bench-paths';

export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/** A port free right now on loopback; Vite then binds it with strictPort so a clash fails loudly. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('Aucun port libre.'))));
    });
  });
}

/** Builds with a Vite config and serves the result with `vite preview`, as `npm run start:web` does. */
async function buildAndServe(configFile: string, outDir?: string): Promise<ServedPage> {
  const overrides = outDir ? { build: { outDir } } : {};
  await build({ configFile, logLevel: 'warn', ...overrides });
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    ...overrides,
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Bocage's web build (vite.web.config.ts), in the benchmark's own folder rather than dist-web. */
export function serveApp(): Promise<ServedPage> {
  return buildAndServe(APP_VITE_CONFIG, APP_OUT_DIR);
}

/** The baseline: a bare React 19 page built and served the same way. */
export function serveBareReact(): Promise<ServedPage> {
  return buildAndServe(BARE_REACT_VITE_CONFIG);
}
