import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { PAGE_PROBE_SCRIPT } from './bench-paths';

/** What the in-page probe waits for on a home screen: the app's and the baseline's share it. */
export interface HomeProbeConfig {
  listSelector: string;
  itemCount: number;
  searchSelector: string;
  /** A full item title: once typed in the search field, the list must shrink to that item. */
  query: string;
  /** A mission document's IndexedDB database is this prefix followed by the mission id. */
  missionDatabasePrefix: string;
}

/** Milliseconds on the page's clock, from navigation start. */
export interface HomeTimings {
  listVisibleMs: number;
  interactiveMs: number;
  domContentLoadedMs: number | null;
  firstContentfulPaintMs: number | null;
}

export interface MissionOpenTimings {
  clickMs: number;
  openedMs: number;
  /** False when the click found the document still on disk only: the open read it from IndexedDB. */
  documentRequestedBeforeClick: boolean;
}

const PAGE_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Délai dépassé (${PAGE_TIMEOUT_MS / 1000} s) : ${what}.`)), PAGE_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Loads page-probe.js into every page of the context before the page's own scripts. The probe is
 * plain JavaScript handed over as text, and is called with string expressions: functions compiled
 * by tsx carry helpers that do not exist in the page.
 */
export async function installProbe(context: BrowserContext, config: HomeProbeConfig): Promise<void> {
  const source = await readFile(PAGE_PROBE_SCRIPT, 'utf8');
  await context.addInitScript({ content: `window.__bocageBenchConfig = ${JSON.stringify(config)};\n${source}` });
}

export function homeTimings(page: Page): Promise<HomeTimings> {
  return withTimeout(page.evaluate<HomeTimings>('window.__bocageBench.homeTimings()'), 'liste affichée puis filtrée par la recherche');
}

export function armMissionOpen(page: Page, title: string): Promise<void> {
  return page.evaluate<void>(`window.__bocageBench.armMissionOpen(${JSON.stringify(title)})`);
}

export function missionOpened(page: Page, title: string): Promise<MissionOpenTimings> {
  return withTimeout(page.evaluate<MissionOpenTimings>('window.__bocageBench.missionOpened()'), `ouverture de « ${title} »`);
}
