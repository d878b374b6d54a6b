import { join } from 'node:path';
import { coldStart, type ProfileFolders } from './bench-browser';
import { loadAverage1m, runCount, type Log } from './bench-environment';
import type { BenchPages } from './bench-servers';
import { summarizeFrames, type FrameSample } from './board-frames';
import { captureCards, countCardElements, dragCard, GESTURE_EVENTS, installBoardProbe, panBoard, type CaptureSample, type DragSample } from './board-interactions';
import { buildBoardMission, LARGE_BOARD_CARDS, SMALL_BOARD_CARDS, type SeededBoard } from './board-mission';
import { boardAddress, CAPTURE_READY, firstCardSelector } from './board-pages';
import { seedBoardMission } from './board-seed';
import { milestoneTimings, waitUntilSettled, type MilestoneTimings, type ProbeCondition } from './page-probe';
import { median, ratio, roundMs, summarize, summarizeAll } from './statistics';

/** Odd, for a plain median; each run is two cold starts of about 8 s with their gestures. */
const DEFAULT_RUNS = 7;
const CAPTURES_PER_RUN = 10;
const MISSION_TITLE = 'Ateliers du diagnostic partagé';

type BoardSize = 'large' | 'small';

const CAPTURE_READY_CONDITION: ProbeCondition = { kind: 'count', selector: CAPTURE_READY, count: 1, visible: true };
const FIRST_CARD_SHOWN: ProbeCondition = { kind: 'count', selector: firstCardSelector(), count: 1, visible: true };

interface BoardRunSample {
  launchMs: number;
  opening: MilestoneTimings;
  cardElements: { atOpening: number; afterPan: number; afterCaptures: number };
  drag: DragSample;
  pan: FrameSample;
  captures: CaptureSample[];
}

/** Texts a facilitator types while the room speaks: one per capture, unique so the probe knows its card. */
function captureTexts(run: string): string[] {
  return Array.from({ length: CAPTURES_PER_RUN }, (_, index) => `Idée de la salle ${run}.${index + 1} : un minibus partagé entre les communes pour les rendez-vous médicaux.`);
}

/**
 * One cold start on a board's address, timed until it is usable; then, once the page has settled,
 * a card dragged, the board panned and ten cards captured, with the number of cards in the DOM.
 */
async function measureBoard(address: string, profiles: ProfileFolders, run: string): Promise<BoardRunSample> {
  const probe = {
    milestones: [
      { name: 'interactiveMs', conditions: [CAPTURE_READY_CONDITION, FIRST_CARD_SHOWN] },
      { name: 'captureReadyMs', conditions: [CAPTURE_READY_CONDITION] },
      { name: 'firstCardShownMs', conditions: [FIRST_CARD_SHOWN] },
    ],
  };
  const { launchMs, result } = await coldStart(address, profiles, { probe }, async (page) => {
    const opening = await milestoneTimings(page, 'tableau ouvert à froid, champ « Nouvelle carte » prêt');
    await waitUntilSettled(page);
    const atOpening = await countCardElements(page);
    await installBoardProbe(page);
    const drag = await dragCard(page);
    await waitUntilSettled(page);
    const pan = await panBoard(page);
    const afterPan = await countCardElements(page);
    await waitUntilSettled(page);
    const captures = await captureCards(page, captureTexts(run));
    return { opening, drag, pan, captures, cardElements: { atOpening, afterPan, afterCaptures: await countCardElements(page) } };
  });
  return { launchMs, ...result };
}

function summarizeBoard(samples: readonly BoardRunSample[]) {
  const milestone = (name: string) => summarizeAll(samples.map((sample) => sample.opening.milestones[name] ?? null));
  const captureMedian = (read: (capture: CaptureSample) => number) => summarize(samples.map((sample) => median(sample.captures.map(read))));
  return {
    coldOpen: {
      interactiveMs: milestone('interactiveMs'),
      captureReadyMs: milestone('captureReadyMs'),
      firstCardShownMs: milestone('firstCardShownMs'),
      firstContentfulPaintMs: summarizeAll(samples.map((sample) => sample.opening.firstContentfulPaintMs)),
      domContentLoadedMs: summarizeAll(samples.map((sample) => sample.opening.domContentLoadedMs)),
      launchMs: summarize(samples.map((sample) => sample.launchMs)),
    },
    drag: {
      frames: summarizeFrames(samples.map((sample) => sample.drag.moving)),
      longTaskMsWithDrop: summarize(samples.map((sample) => sample.drag.longTaskMsWithDrop)),
      dropInDomMs: summarize(samples.map((sample) => sample.drag.dropInDomMs)),
      dropPaintedMs: summarize(samples.map((sample) => sample.drag.dropPaintedMs)),
    },
    pan: summarizeFrames(samples.map((sample) => sample.pan)),
    capture: {
      inDomMs: captureMedian((capture) => capture.inDomMs),
      paintedMs: captureMedian((capture) => capture.paintedMs),
      slowestPaintedMs: summarize(samples.map((sample) => Math.max(...sample.captures.map((capture) => capture.paintedMs)))),
    },
    cardElementsInDom: {
      atOpening: summarize(samples.map((sample) => sample.cardElements.atOpening)),
      afterPan: summarize(samples.map((sample) => sample.cardElements.afterPan)),
      afterCaptures: summarize(samples.map((sample) => sample.cardElements.afterCaptures)),
    },
  };
}

type BoardSummary = ReturnType<typeof summarizeBoard>;

/** Large board over small board, on the medians: 1 means the cost does not grow with the board. */
function ratios(large: BoardSummary, small: BoardSummary) {
  return {
    interactiveMs: ratio(large.coldOpen.interactiveMs, small.coldOpen.interactiveMs),
    dragP50IntervalMs: ratio(large.drag.frames.p50IntervalMs, small.drag.frames.p50IntervalMs),
    dragP95IntervalMs: ratio(large.drag.frames.p95IntervalMs, small.drag.frames.p95IntervalMs),
    dragMaxIntervalMs: ratio(large.drag.frames.maxIntervalMs, small.drag.frames.maxIntervalMs),
    dropPaintedMs: ratio(large.drag.dropPaintedMs, small.drag.dropPaintedMs),
    panP50IntervalMs: ratio(large.pan.p50IntervalMs, small.pan.p50IntervalMs),
    panP95IntervalMs: ratio(large.pan.p95IntervalMs, small.pan.p95IntervalMs),
    panMaxIntervalMs: ratio(large.pan.maxIntervalMs, small.pan.maxIntervalMs),
    captureInDomMs: ratio(large.capture.inDomMs, small.capture.inDomMs),
    capturePaintedMs: ratio(large.capture.paintedMs, small.capture.paintedMs),
  };
}

function boardSettings(board: SeededBoard) {
  return { cards: board.cards, cardsPerZone: board.cardsPerZone, clusters: board.clusters, authoredCards: board.authoredCards };
}

/**
 * Seeds one mission with a workshop meeting and two AFOM boards (2,000 and 50 cards, laid out the
 * same way), then, for each board, cold-opens it at its address and times how soon it is usable,
 * the frames while a card is dragged and while the board is panned, and cards captured by keyboard.
 */
export async function runBoardsBench(pages: BenchPages, workDir: string, log: Log) {
  const runs = runCount(DEFAULT_RUNS);
  const startedAt = performance.now();
  const loadAverageAtStart = loadAverage1m();

  log(`Tableaux : réunion et tableaux AFOM de ${LARGE_BOARD_CARDS} et ${SMALL_BOARD_CARDS} cartes…`);
  const seedStart = performance.now();
  const data = buildBoardMission();
  const profiles = { seeded: join(workDir, 'boards-profile'), workDir };
  const missionId = await seedBoardMission(profiles.seeded, pages.app.url, MISSION_TITLE, data);
  const seedMs = performance.now() - seedStart;

  const boards: Record<BoardSize, SeededBoard> = { large: data.large, small: data.small };
  const measure = (size: BoardSize, run: string) => measureBoard(boardAddress(pages.app.url, missionId, boards[size].id), profiles, run);

  // The first launches after seeding run slower (files not yet in the OS cache): one of each is left out.
  log('Tableaux : ouvertures d’échauffement (non comptées)…');
  await measure('large', 'échauffement');
  await measure('small', 'échauffement');

  const samples: Record<BoardSize, BoardRunSample[]> = { large: [], small: [] };
  for (let run = 0; run < runs; run += 1) {
    log(`Tableaux : mesure ${run + 1}/${runs}…`);
    // Alternating which board goes first keeps a slow drift of the machine from favouring one of them.
    const order: BoardSize[] = run % 2 === 0 ? ['large', 'small'] : ['small', 'large'];
    for (const size of order) samples[size].push(await measure(size, String(run + 1)));
  }

  const large = summarizeBoard(samples.large);
  const small = summarizeBoard(samples.small);
  return {
    loadAverage1mAtStart: loadAverageAtStart,
    settings: {
      runs,
      warmupRunsLeftOut: 1,
      template: 'afom',
      largeBoard: boardSettings(data.large),
      smallBoard: boardSettings(data.small),
      participants: data.participants,
      missionUpdateBytes: data.missionUpdate.length,
      gestureEvents: GESTURE_EVENTS,
      capturesPerRun: CAPTURES_PER_RUN,
      viewport: '1280×800',
    },
    large,
    small,
    ratio: ratios(large, small),
    durations: { seedMs: roundMs(seedMs), totalMs: roundMs(performance.now() - startedAt) },
  };
}
