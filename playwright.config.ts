import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/chromium';
import { SYNC_PORT, SYNC_TOKEN, WEB_PORT } from './tests/e2e/e2e-environment';


/**
 * End-to-end tests drive the built web app (`npm run build:web` first) in Debian's Chromium,
 * against a real sync server on loopback with its own empty data folder.
 */
// Set once in the runner and inherited by the workers, which load this file too.
process.env.BOCAGE_E2E_SYNC_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'bocage-e2e-sync-'));

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  globalTeardown: './tests/e2e/remove-sync-data.ts',
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${WEB_PORT} --strictPort`,
      url: `http://127.0.0.1:${WEB_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The team account the tests configure in the app, created the way a deployment script
      // would (token on standard input), then the server itself, on the same empty data folder.
      command:
        `printf '%s' '${SYNC_TOKEN}' | npx tsx --tsconfig tsconfig.server.json src-server/cli.ts users add e2e --equipe --jeton-stdin` +
        ' && exec npx tsx --tsconfig tsconfig.server.json src-server/cli.ts',
      port: SYNC_PORT,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        BOCAGE_PORT: String(SYNC_PORT),
        BOCAGE_HOST: '127.0.0.1',
        BOCAGE_DATA_DIR: process.env.BOCAGE_E2E_SYNC_DATA_DIR,
      },
    },
  ],
});
