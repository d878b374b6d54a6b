import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/chromium';
import { installProbe, type ProbeConfig } from './page-probe';

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

export interface ProfileFolders {
  /** Written once by the benchmark's seeding, never launched again. */
  seeded: string;
  /** Where each run's copy goes. */
  workDir: string;
}

export interface ColdStartOptions {
  probe: ProbeConfig;
  /** Handed to the page as `window.__bocageBenchPageData` before its scripts run (the bare baselines' inline data). */
  pageData?: unknown;
}

/**
 * One cold start: a fresh browser on a fresh copy of the seeded profile, the probe installed, the
 * page opened at `url`. `then` measures from there; the browser and the copy are removed after.
 */
export async function coldStart<T>(
  url: string,
  profiles: ProfileFolders,
  options: ColdStartOptions,
  then: (page: Page) => Promise<T>,
): Promise<{ launchMs: number; result: T }> {
  const profile = mkdtempSync(join(profiles.workDir, 'run-'));
  copyProfile(profiles.seeded, profile);
  try {
    const launchStart = performance.now();
    const context = await launchProfile(profile);
    const launchMs = performance.now() - launchStart;
    try {
      context.setDefaultTimeout(20_000);
      if (options.pageData !== undefined) {
        await context.addInitScript({ content: `window.__bocageBenchPageData = ${JSON.stringify(options.pageData)};` });
      }
      await installProbe(context, options.probe);
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url, { waitUntil: 'commit' });
      return { launchMs, result: await then(page) };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
