import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { PAGE_PROBE_SCRIPT } from './bench-paths';

/** What the in-page probe waits for on a home screen: the app's and the baseline's share it. */
export interface HomeProbeConfig {
  listSelector: string;
  itemCount: number;
  searchSelector: string;
  /** A full item title: once typed in the search field, the list must shrink to that item. */
  query: string;
}

/** Something the probe can see in the page, checked after every DOM change and every frame. */
export type ProbeCondition =
  | { kind: 'count'; selector: string; count: number; /** The last counted element must be visible. */ visible?: boolean }
  | { kind: 'heading'; text: string }
  | { kind: 'field'; label: string; value: string };

/** A named moment of a page load: the first time all its conditions hold. */
export interface Milestone {
  name: string;
  conditions: ProbeCondition[];
}

export interface ProbeConfig {
  home?: HomeProbeConfig;
  milestones?: Milestone[];
}

interface LoadTimings {
  domContentLoadedMs: number | null;
  firstContentfulPaintMs: number | null;
}

/** Milliseconds on the page's clock, from navigation start. */
export interface HomeTimings extends LoadTimings {
  listVisibleMs: number;
  interactiveMs: number;
}

export interface MilestoneTimings extends LoadTimings {
  milestones: Record<string, number>;
}

export interface ClickTimings {
  clickMs: number;
  doneMs: number;
  /** False when the click found the mission's document still on disk only: the open read it from IndexedDB. */
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

/** A mission page is shown: its title in the heading and in the visible "Titre" field of the fiche. */
export function missionFicheShown(title: string): ProbeCondition[] {
  return [
    { kind: 'heading', text: title },
    { kind: 'field', label: 'Titre', value: title },
  ];
}

/**
 * Loads page-probe.js into every page of the context before the page's own scripts. The probe is
 * plain JavaScript handed over as text, and is called with string expressions: functions compiled
 * by tsx carry helpers that do not exist in the page.
 */
export async function installProbe(context: BrowserContext, config: ProbeConfig): Promise<void> {
  const source = await readFile(PAGE_PROBE_SCRIPT, 'utf8');
  const fullConfig = { ...config, missionDatabasePrefix: missionDocumentName('') };
  await context.addInitScript({ content: `window.__bocageBenchConfig = ${JSON.stringify(fullConfig)};\n${source}` });
}

export function homeTimings(page: Page): Promise<HomeTimings> {
  return withTimeout(page.evaluate<HomeTimings>('window.__bocageBench.homeTimings()'), 'liste affichée puis filtrée par la recherche');
}

export function milestoneTimings(page: Page, what: string): Promise<MilestoneTimings> {
  return withTimeout(page.evaluate<MilestoneTimings>('window.__bocageBench.milestoneTimings()'), what);
}

/** Long enough to see a pending task start (a chunk arriving, then parsed); short enough to keep runs brief. */
const QUIET_MS = 500;

/**
 * Waits until the page has loaded what it loads in the background (no request for 500 ms, then no
 * long task for 500 ms), so that a measure that follows times its own work only.
 */
export async function waitUntilSettled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await withTimeout(page.evaluate<void>(`window.__bocageBench.settled(${QUIET_MS})`), 'fin du chargement en arrière-plan');
}

/** Times from the next click's own event timestamp until every condition holds. */
export async function timeClick(page: Page, conditions: readonly ProbeCondition[], click: () => Promise<void>, what: string): Promise<ClickTimings> {
  await page.evaluate<void>(`window.__bocageBench.armClick(${JSON.stringify(conditions)})`);
  await click();
  return withTimeout(page.evaluate<ClickTimings>('window.__bocageBench.clickMeasured()'), what);
}
