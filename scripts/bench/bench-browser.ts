import { cpSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/chromium';

/**
 * Chromium's HTTP and compiled-code caches: left out of every copy so that each cold start
 * fetches and compiles its scripts afresh, the app and the baseline alike.
 */
const CACHE_FOLDERS = new Set(['Cache', 'Code Cache', 'GPUCache', 'GrShaderCache', 'GraphiteDawnCache', 'ShaderCache', 'DawnGraphiteCache', 'DawnWebGPUCache']);

/** Debian's Chromium with the flags this closed network needs, headless, on a profile folder of its own. */
export function launchProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    headless: true,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1280, height: 800 },
  });
}

/** The seeded profile (IndexedDB included) without its caches: every cold run starts from the same state. */
export function copyProfile(seededDir: string, targetDir: string): void {
  cpSync(seededDir, targetDir, { recursive: true, filter: (source) => !CACHE_FOLDERS.has(basename(source)) });
}
