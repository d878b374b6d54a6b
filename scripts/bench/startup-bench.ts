import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { MISSION_LIST, missionLink, returnHome, SEARCH_FIELD } from './app-pages';
import { coldStart, type ProfileFolders } from './bench-browser';
import { loadAverage1m, runCount, type Log } from './bench-environment';
import { BENCH_MISSION_COUNT, benchMissionTitle } from './bench-missions';
import type { BenchPages } from './bench-servers';
import { homeTimings, missionFicheShown, timeClick, type ClickTimings, type HomeTimings } from './page-probe';
import { seedMissions } from './seed-missions';
import { ratio, roundMs, summarize, summarizeAll } from './statistics';

/** Odd, for a plain median; 11 pairs of cold starts keep the whole benchmark near a minute here. */
const DEFAULT_RUNS = 11;
/** Further missions opened per run after the first, each for the first time in that session. */
const FURTHER_MISSIONS_PER_RUN = 3;

interface ColdStartSample extends HomeTimings {
  launchMs: number;
}

interface MissionOpenSamples {
  fromIndexedDb: ClickTimings;
  furtherFirstOpensMs: number[];
  reopenMs: number;
}

async function timeMissionOpen(page: Page, title: string): Promise<ClickTimings> {
  return timeClick(page, missionFicheShown(title), () => missionLink(page, title).click(), `ouverture de « ${title} »`);
}

/**
 * One cold start of a home screen (Bocage's or the bare baseline's), timed until it has filtered
 * its list on `query`. `then` goes on from there.
 */
async function coldStartHome<T>(
  url: string,
  query: string,
  profiles: ProfileFolders,
  then: (page: Page) => Promise<T>,
): Promise<{ sample: ColdStartSample; result: T }> {
  const home = { listSelector: MISSION_LIST, itemCount: BENCH_MISSION_COUNT, searchSelector: SEARCH_FIELD, query };
  const { launchMs, result } = await coldStart(url, profiles, { probe: { home } }, async (page) => {
    const timings = await homeTimings(page);
    return { timings, after: await then(page) };
  });
  return { sample: { launchMs, ...result.timings }, result: result.after };
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
    const { clickMs, doneMs } = await timeMissionOpen(page, title);
    furtherFirstOpensMs.push(doneMs - clickMs);
  }
  await returnHome(page);
  const reopen = await timeMissionOpen(page, first);
  return { fromIndexedDb, furtherFirstOpensMs, reopenMs: reopen.doneMs - reopen.clickMs };
}

function summarizeColdStarts(samples: readonly ColdStartSample[]) {
  const pick = (read: (sample: ColdStartSample) => number | null) => summarizeAll(samples.map(read));
  return {
    interactiveMs: pick((sample) => sample.interactiveMs),
    listVisibleMs: pick((sample) => sample.listVisibleMs),
    firstContentfulPaintMs: pick((sample) => sample.firstContentfulPaintMs),
    domContentLoadedMs: pick((sample) => sample.domContentLoadedMs),
    launchMs: pick((sample) => sample.launchMs),
  };
}

type ColdStartSummary = ReturnType<typeof summarizeColdStarts>;

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
    fromIndexedDbAfterColdStartMs: summarize(opens.map(({ fromIndexedDb }) => fromIndexedDb.doneMs - fromIndexedDb.clickMs)),
    // Should stay 0: a document opened before the click would not be a read from IndexedDB.
    documentAlreadyRequestedAtClick: opens.filter(({ fromIndexedDb }) => fromIndexedDb.documentRequestedBeforeClick).length,
    furtherFirstOpensMs: summarize(opens.flatMap((open) => open.furtherFirstOpensMs)),
    reopenMs: summarize(opens.map((open) => open.reopenMs)),
  };
}

/** Seeds a profile with 50 missions through the UI, then times cold starts of the home screen and mission opens. */
export async function runStartupBench(pages: BenchPages, workDir: string, log: Log) {
  const runs = runCount(DEFAULT_RUNS);
  const startedAt = performance.now();
  const loadAverageAtStart = loadAverage1m();
  const { app, bare } = pages;

  log(`Création de ${BENCH_MISSION_COUNT} missions par l’interface (${app.url})…`);
  const seedStart = performance.now();
  const profiles = { seeded: join(workDir, 'startup-profile'), workDir };
  await seedMissions(profiles.seeded, app.url, log);
  const seedMs = performance.now() - seedStart;

  // The first launches after seeding run slower (files not yet in the OS cache): one of each is
  // left out.
  log('Démarrages d’échauffement (non comptés)…');
  const warmupQuery = benchMissionTitle(0);
  await coldStartHome(app.url, warmupQuery, profiles, async () => undefined);
  await coldStartHome(bare.url, warmupQuery, profiles, async () => undefined);

  const appSamples: ColdStartSample[] = [];
  const bareSamples: ColdStartSample[] = [];
  const opens: MissionOpenSamples[] = [];
  for (let run = 0; run < runs; run += 1) {
    log(`Démarrage à froid ${run + 1}/${runs}…`);
    // Searched on the home screen, then opened: a different mission each run.
    const first = benchMissionTitle(run % BENCH_MISSION_COUNT);
    const further = Array.from({ length: FURTHER_MISSIONS_PER_RUN }, (_, offset) => benchMissionTitle((run + 1 + offset) % BENCH_MISSION_COUNT));
    const measureApp = async () => {
      const { sample, result } = await coldStartHome(app.url, first, profiles, (page) => openMissions(page, first, further));
      appSamples.push(sample);
      opens.push(result);
    };
    const measureBare = async () => {
      bareSamples.push((await coldStartHome(bare.url, first, profiles, async () => undefined)).sample);
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
    loadAverage1mAtStart: loadAverageAtStart,
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
      seedMs: roundMs(seedMs),
      totalMs: roundMs(performance.now() - startedAt),
    },
  };
}
