import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { findChromium } from '../../tests/e2e/chromium';
import { MISSION_LIST, missionLink, returnHome, SEARCH_FIELD } from './app-pages';
import { copyProfile, launchProfile } from './bench-browser';
import { BENCH_MISSION_COUNT, benchMissionTitle } from './bench-missions';
import { serveApp, serveBareReact, type ServedPage } from './bench-servers';
import {
  armMissionOpen,
  homeTimings,
  installProbe,
  missionOpened,
  type HomeTimings,
  type MissionOpenTimings,
} from './page-probe';
import { seedMissions } from './seed-missions';
import { roundMs, summarize, type Summary } from './statistics';

/** Odd, for a plain median; 11 pairs of cold starts keep the whole benchmark near a minute here. */
const DEFAULT_RUNS = 11;
/** Further missions opened per run after the first, each for the first time in that session. */
const FURTHER_MISSIONS_PER_RUN = 3;
const MISSION_DATABASE_PREFIX = missionDocumentName('');

type Log = (message: string) => void;

interface ColdStartSample extends HomeTimings {
  launchMs: number;
}

interface MissionOpenSamples {
  fromIndexedDb: MissionOpenTimings;
  furtherFirstOpensMs: number[];
  reopenMs: number;
}

function runCount(): number {
  const requested = process.env.BOCAGE_BENCH_RUNS;
  if (requested === undefined) return DEFAULT_RUNS;
  const runs = Number.parseInt(requested, 10);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`BOCAGE_BENCH_RUNS doit être un entier positif (reçu : « ${requested} »).`);
  }
  return runs;
}

function chromiumVersion(): string {
  // Debian's launcher script prints a harmless shell error on stderr on this machine; only stdout matters.
  return execFileSync(findChromium(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

async function timeMissionOpen(page: Page, title: string): Promise<MissionOpenTimings> {
  await armMissionOpen(page, title);
  await missionLink(page, title).click();
  return missionOpened(page, title);
}

/**
 * One cold start: a fresh browser on a fresh copy of the seeded profile, straight to the page,
 * timed until the home screen has filtered its list on `query`. `then` goes on from there.
 */
async function coldStart<T>(
  url: string,
  query: string,
  profiles: { seeded: string; workDir: string },
  then: (page: Page) => Promise<T>,
): Promise<{ sample: ColdStartSample; result: T }> {
  const profile = mkdtempSync(join(profiles.workDir, 'run-'));
  copyProfile(profiles.seeded, profile);
  try {
    const launchStart = performance.now();
    const context = await launchProfile(profile);
    const launchMs = performance.now() - launchStart;
    try {
      context.setDefaultTimeout(20_000);
      await installProbe(context, {
        listSelector: MISSION_LIST,
        itemCount: BENCH_MISSION_COUNT,
        searchSelector: SEARCH_FIELD,
        query,
        missionDatabasePrefix: MISSION_DATABASE_PREFIX,
      });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url, { waitUntil: 'commit' });
      const sample = { launchMs, ...(await homeTimings(page)) };
      return { sample, result: await then(page) };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * From the filtered home screen of a cold start: the searched mission (its document read from
 * IndexedDB), further missions opened for the first time, then the first again (now in memory).
 * Without a sync server the app opens a mission document only when the user opens the mission.
 */
async function openMissions(page: Page, first: string, further: readonly string[]): Promise<MissionOpenSamples> {
  const fromIndexedDb = await timeMissionOpen(page, first);
  const furtherFirstOpensMs: number[] = [];
  for (const title of further) {
    await returnHome(page);
    const { clickMs, openedMs } = await timeMissionOpen(page, title);
    furtherFirstOpensMs.push(openedMs - clickMs);
  }
  await returnHome(page);
  const reopen = await timeMissionOpen(page, first);
  return { fromIndexedDb, furtherFirstOpensMs, reopenMs: reopen.openedMs - reopen.clickMs };
}

function summarizeColdStarts(samples: readonly ColdStartSample[]) {
  const pick = (read: (sample: ColdStartSample) => number | null): Summary | null => {
    const values = samples.map(read);
    return values.every((value): value is number => value !== null) ? summarize(values) : null;
  };
  return {
    interactiveMs: pick((sample) => sample.interactiveMs),
    listVisibleMs: pick((sample) => sample.listVisibleMs),
    firstContentfulPaintMs: pick((sample) => sample.firstContentfulPaintMs),
    domContentLoadedMs: pick((sample) => sample.domContentLoadedMs),
    launchMs: pick((sample) => sample.launchMs),
  };
}

type ColdStartSummary = ReturnType<typeof summarizeColdStarts>;

function ratio(app: Summary | null, baseline: Summary | null): number | null {
  return app && baseline && baseline.median > 0 ? Math.round((app.median / baseline.median) * 100) / 100 : null;
}

function ratios(app: ColdStartSummary, baseline: ColdStartSummary) {
  return {
    interactiveMs: ratio(app.interactiveMs, baseline.interactiveMs),
    listVisibleMs: ratio(app.listVisibleMs, baseline.listVisibleMs),
    firstContentfulPaintMs: ratio(app.firstContentfulPaintMs, baseline.firstContentfulPaintMs),
    domContentLoadedMs: ratio(app.domContentLoadedMs, baseline.domContentLoadedMs),
  };
}

function summarizeOpens(opens: readonly MissionOpenSamples[]) {
  return {
    fromIndexedDbAfterColdStartMs: summarize(opens.map(({ fromIndexedDb }) => fromIndexedDb.openedMs - fromIndexedDb.clickMs)),
    // Should stay 0: a document opened before the click would not be a read from IndexedDB.
    documentAlreadyRequestedAtClick: opens.filter(({ fromIndexedDb }) => fromIndexedDb.documentRequestedBeforeClick).length,
    furtherFirstOpensMs: summarize(opens.flatMap((open) => open.furtherFirstOpensMs)),
    reopenMs: summarize(opens.map((open) => open.reopenMs)),
  };
}

/** Builds both pages, seeds a profile with 50 missions through the UI, then times cold starts and mission opens. */
export async function runStartupBench(log: Log) {
  const runs = runCount();
  const startedAt = performance.now();
  const loadAverageAtStart = loadavg()[0] ?? 0;
  const workDir = mkdtempSync(join(tmpdir(), 'bocage-bench-'));
  const servers: ServedPage[] = [];
  try {
    log('Construction de Bocage (vite.web.config.ts) et de la page React nue…');
    const buildStart = performance.now();
    const app = await serveApp();
    servers.push(app);
    const bare = await serveBareReact();
    servers.push(bare);
    const buildMs = performance.now() - buildStart;

    log(`Création de ${BENCH_MISSION_COUNT} missions par l’interface (${app.url})…`);
    const seedStart = performance.now();
    const profiles = { seeded: join(workDir, 'seeded-profile'), workDir };
    await seedMissions(profiles.seeded, app.url, log);
    const seedMs = performance.now() - seedStart;

    // The first launches after seeding run slower (files not yet in the OS cache): one of each is
    // left out.
    log('Démarrages d’échauffement (non comptés)…');
    const warmupQuery = benchMissionTitle(0);
    await coldStart(app.url, warmupQuery, profiles, async () => undefined);
    await coldStart(bare.url, warmupQuery, profiles, async () => undefined);

    const appSamples: ColdStartSample[] = [];
    const bareSamples: ColdStartSample[] = [];
    const opens: MissionOpenSamples[] = [];
    for (let run = 0; run < runs; run += 1) {
      log(`Démarrage à froid ${run + 1}/${runs}…`);
      // Searched on the home screen, then opened: a different mission each run.
      const first = benchMissionTitle(run % BENCH_MISSION_COUNT);
      const further = Array.from({ length: FURTHER_MISSIONS_PER_RUN }, (_, offset) => benchMissionTitle((run + 1 + offset) % BENCH_MISSION_COUNT));
      const measureApp = async () => {
        const { sample, result } = await coldStart(app.url, first, profiles, (page) => openMissions(page, first, further));
        appSamples.push(sample);
        opens.push(result);
      };
      const measureBare = async () => {
        bareSamples.push((await coldStart(bare.url, first, profiles, async () => undefined)).sample);
      };
      // Alternating which page goes first keeps a slow drift of the machine from favouring one of them.
      if (run % 2 === 0) {
        await measureApp();
        await measureBare();
      } else {
        await measureBare();
        await measureApp();
      }
    }

    const appSummary = summarizeColdStarts(appSamples);
    const bareSummary = summarizeColdStarts(bareSamples);
    const byMeasure = ratios(appSummary, bareSummary);
    return {
      benchmark: 'startup',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'inconnu',
        totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        loadAverage1mAtStart: Math.round(loadAverageAtStart * 100) / 100,
        platform: `${process.platform} ${process.arch}`,
        node: process.version,
        chromium: chromiumVersion(),
      },
      settings: {
        runs,
        warmupRunsLeftOut: 1,
        missions: BENCH_MISSION_COUNT,
        communesPerMission: 1,
        headless: true,
        profile: 'copy of the seeded profile per run, HTTP and code caches removed',
      },
      coldStartHome50: {
        app: appSummary,
        bareReact: bareSummary,
        ratio: byMeasure.interactiveMs,
        ratioByMeasure: byMeasure,
      },
      openMission: summarizeOpens(opens),
      durations: {
        buildMs: roundMs(buildMs),
        seedMs: roundMs(seedMs),
        totalMs: roundMs(performance.now() - startedAt),
      },
    };
  } finally {
    for (const server of servers) await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}
