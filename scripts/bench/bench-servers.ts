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

/** Bocage's web build and the bare React baselines, built once and shared by the browser benchmarks. */
export interface BenchPages {
  app: ServedPage;
  /** Its root is the bare home screen; `indicator-table.html` is the bare indicator view. */
  bare: ServedPage;
}

/**
 * Bocage's web build (vite.web.config.ts) goes to the benchmark's own folder rather than
 * dist-web; the baseline is a bare React 19 page built and served the same way. `use` runs while
 * both are served.
 */
export async function withBenchPages<T>(use: (pages: BenchPages, buildMs: number) => Promise<T>): Promise<T> {
  const buildStart = performance.now();
  const servers: ServedPage[] = [];
  try {
    const app = await buildAndServe(APP_VITE_CONFIG, APP_OUT_DIR);
    servers.push(app);
    const bare = await buildAndServe(BARE_REACT_VITE_CONFIG);
    servers.push(bare);
    return await use({ app, bare }, performance.now() - buildStart);
  } finally {
    for (const server of servers) await server.close();
  }
}
