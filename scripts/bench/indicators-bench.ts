import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { INDICATOR_TABLE_CELLS, INDICATOR_TABLE_ROWS, SHOW_COMMUNES_LABEL } from './bare-indicator-tables';
import { coldStart, type ColdStartOptions, type ProfileFolders } from './bench-browser';
import { loadAverage1m, runCount, type Log } from './bench-environment';
import { benchMissionTerritory, loadGeography } from './bench-mission-territory';
import type { BenchPages } from './bench-servers';
import { BENCH_INDICATOR_COUNT, BENCH_YEARS, buildIndicatorMission } from './indicator-mission';
import { milestoneTimings, missionFicheShown, timeClick, waitUntilSettled, type MilestoneTimings, type ProbeCondition } from './page-probe';
import { seedIndicatorMission } from './seed-indicator-mission';
import { ratio, roundMs, summarize, summarizeAll, type Summary } from './statistics';

/** Odd, for a plain median; each run is three cold starts of about three seconds. */
const DEFAULT_RUNS = 7;
const MISSION_TITLE = 'Diagnostic territorial 30 communes';

interface PageSample extends MilestoneTimings {
  launchMs: number;
}

interface InAppSamples {
  switchToIndicatorsMs: number;
  showEveryCommuneMs: number;
}

/** What the probe waits for: each theme's table, and the cells of the communes once shown. */
interface TableShape {
  rows: number;
  cellsWithCommunes: number;
}

function tablesShown(shape: TableShape): ProbeCondition[] {
  return [{ kind: 'count', selector: INDICATOR_TABLE_ROWS, count: shape.rows, visible: true }];
}

function sectionLink(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name, exact: true });
}

/**
 * From a page showing the mission's fiche, the two in-app measures: the "Indicateurs" link until
 * every row shows, then "Afficher chaque commune" until every commune's cell shows. Each starts
 * once the page has settled (Bocage's fiche loads the geography for its territory field).
 */
async function inAppMeasures(page: Page, shape: TableShape): Promise<InAppSamples> {
  await waitUntilSettled(page);
  const switched = await timeClick(page, tablesShown(shape), () => sectionLink(page, 'Indicateurs').click(), 'passage aux indicateurs');
  await waitUntilSettled(page);
  const shown = await timeClick(
    page,
    [{ kind: 'count', selector: INDICATOR_TABLE_CELLS, count: shape.cellsWithCommunes }],
    () => page.getByLabel(SHOW_COMMUNES_LABEL).check(),
    'affichage de chaque commune',
  );
  return { switchToIndicatorsMs: switched.doneMs - switched.clickMs, showEveryCommuneMs: shown.doneMs - shown.clickMs };
}

async function coldPage<T>(url: string, profiles: ProfileFolders, options: ColdStartOptions, what: string, then: (page: Page) => Promise<T>) {
  const { launchMs, result } = await coldStart(url, profiles, options, async (page) => {
    const timings = await milestoneTimings(page, what);
    return { timings, after: await then(page) };
  });
  return { sample: { launchMs, ...result.timings }, after: result.after };
}

function summarizePages<Name extends string>(samples: readonly PageSample[], milestones: readonly Name[]) {
  const pick = (read: (sample: PageSample) => number | null) => summarizeAll(samples.map(read));
  const byMilestone = Object.fromEntries(milestones.map((name) => [name, pick((sample) => sample.milestones[name] ?? null)]));
  return {
    ...(byMilestone as Record<Name, Summary | null>),
    firstContentfulPaintMs: pick((sample) => sample.firstContentfulPaintMs),
    domContentLoadedMs: pick((sample) => sample.domContentLoadedMs),
    launchMs: pick((sample) => sample.launchMs),
  };
}

function summarizeInApp(samples: readonly InAppSamples[]) {
  return {
    switchToIndicatorsMs: summarize(samples.map((sample) => sample.switchToIndicatorsMs)),
    showEveryCommuneMs: summarize(samples.map((sample) => sample.showEveryCommuneMs)),
  };
}

/**
 * Seeds one mission of 30 communes with 40 indicators over 5 years, then times its indicator view:
 * cold-opened at its address, against the same mission cold-opened on its fiche and against a bare
 * React page showing the same tables; then, in a loaded page, the switch from the fiche to the
 * indicators and the display of every commune's column, against the same clicks on the bare page.
 */
export async function runIndicatorsBench(pages: BenchPages, workDir: string, log: Log) {
  const runs = runCount(DEFAULT_RUNS);
  const startedAt = performance.now();
  const loadAverageAtStart = loadAverage1m();
  const { app, bare } = pages;

  log('Indicateurs : mission de 30 communes, 40 indicateurs sur 5 ans…');
  const seedStart = performance.now();
  const geography = loadGeography();
  const mission = benchMissionTerritory(geography);
  const data = buildIndicatorMission(geography, mission, MISSION_TITLE);
  const profiles = { seeded: join(workDir, 'indicators-profile'), workDir };
  const missionId = await seedIndicatorMission(profiles.seeded, app.url, MISSION_TITLE, mission, data);
  const seedMs = performance.now() - seedStart;

  const shape: TableShape = {
    rows: data.rows,
    // Per row: year, mission, the comparison territories and every commune (the indicator's name is a header cell).
    cellsWithCommunes: data.rows * (2 + data.territories.comparisons + data.territories.communes),
  };
  const missionAddress = `${app.url}#/missions/${encodeURIComponent(missionId)}`;
  const measure = {
    appIndicators: () =>
      coldPage(
        `${missionAddress}/indicateurs`,
        profiles,
        {
          probe: {
            milestones: [
              { name: 'missionShownMs', conditions: [{ kind: 'heading', text: MISSION_TITLE }] },
              { name: 'tablesRenderedMs', conditions: tablesShown(shape) },
            ],
          },
        },
        'vue des indicateurs ouverte à froid',
        async () => undefined,
      ),
    appFiche: () =>
      coldPage(
        missionAddress,
        profiles,
        { probe: { milestones: [{ name: 'missionShownMs', conditions: missionFicheShown(MISSION_TITLE) }] } },
        'fiche mission ouverte à froid',
        (page) => inAppMeasures(page, shape),
      ),
    bareTable: () =>
      coldPage(
        `${bare.url}indicator-table.html`,
        profiles,
        { probe: { milestones: [{ name: 'tablesRenderedMs', conditions: tablesShown(shape) }] }, pageData: data.tables },
        'tableaux de la page nue',
        async (page) => {
          await sectionLink(page, 'Fiche mission').click();
          await page.getByRole('heading', { level: 2, name: 'Fiche mission' }).waitFor();
          return inAppMeasures(page, shape);
        },
      ),
  };

  // The first launches after seeding run slower (files not yet in the OS cache): one of each is left out.
  log('Indicateurs : démarrages d’échauffement (non comptés)…');
  await measure.appIndicators();
  await measure.appFiche();
  await measure.bareTable();

  const samples = { appIndicators: [] as PageSample[], appFiche: [] as PageSample[], bareTable: [] as PageSample[] };
  const inApp = { app: [] as InAppSamples[], bare: [] as InAppSamples[] };
  const record = {
    appIndicators: async () => {
      samples.appIndicators.push((await measure.appIndicators()).sample);
    },
    appFiche: async () => {
      const { sample, after } = await measure.appFiche();
      samples.appFiche.push(sample);
      inApp.app.push(after);
    },
    bareTable: async () => {
      const { sample, after } = await measure.bareTable();
      samples.bareTable.push(sample);
      inApp.bare.push(after);
    },
  };
  const order = [record.appIndicators, record.appFiche, record.bareTable];
  for (let run = 0; run < runs; run += 1) {
    log(`Indicateurs : ouverture à froid ${run + 1}/${runs}…`);
    // Rotating which page goes first keeps a slow drift of the machine from favouring one of them.
    const shift = run % order.length;
    for (const step of [...order.slice(shift), ...order.slice(0, shift)]) await step();
  }

  const appIndicators = summarizePages(samples.appIndicators, ['tablesRenderedMs', 'missionShownMs']);
  const appFiche = summarizePages(samples.appFiche, ['missionShownMs']);
  const bareTable = summarizePages(samples.bareTable, ['tablesRenderedMs']);
  const appInApp = summarizeInApp(inApp.app);
  const bareInApp = summarizeInApp(inApp.bare);
  return {
    loadAverage1mAtStart: loadAverageAtStart,
    settings: {
      runs,
      warmupRunsLeftOut: 1,
      communes: data.territories.communes,
      comparisonTerritories: data.territories.comparisons,
      indicators: BENCH_INDICATOR_COUNT,
      years: BENCH_YEARS.length,
      valuesInMission: data.valueCount,
      missionUpdateBytes: data.update.length,
      tableRows: shape.rows,
      cellsWithEveryCommune: shape.cellsWithCommunes,
      epci: `${mission.epci.name} (${mission.epci.code})`,
    },
    coldOpen: {
      appIndicators,
      appFiche,
      bareTable,
      ratio: {
        indicatorsVsFiche: ratio(appIndicators.tablesRenderedMs, appFiche.missionShownMs),
        indicatorsVsBareTable: ratio(appIndicators.tablesRenderedMs, bareTable.tablesRenderedMs),
      },
    },
    inApp: {
      app: appInApp,
      bareTable: bareInApp,
      ratio: {
        switchToIndicators: ratio(appInApp.switchToIndicatorsMs, bareInApp.switchToIndicatorsMs),
        showEveryCommune: ratio(appInApp.showEveryCommuneMs, bareInApp.showEveryCommuneMs),
      },
    },
    durations: { seedMs: roundMs(seedMs), totalMs: roundMs(performance.now() - startedAt) },
  };
}
