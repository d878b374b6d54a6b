import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { frameSample, type FrameSample, type GestureRecording } from './board-frames';
import { CANVAS, CAPTURE_LABEL, CARD_ELEMENTS, firstCardSelector } from './board-pages';

/**
 * The gestures the boards benchmark times in a loaded board page, as a facilitator makes them: a
 * card dragged with the mouse, the board panned by dragging its background, cards typed in
 * « Nouvelle carte ». The measures are taken in the page by board-probe.js.
 */

const BOARD_PROBE_SCRIPT = fileURLToPath(new URL('./board-probe.js', import.meta.url));

/** A gesture of about a second: 60 pointer moves, one per frame at 60 Hz. */
export const GESTURE_EVENTS = 60;
const GESTURE_MS = 1000;
/** The dragged card: third of the first zone's top row, outside the clusters. */
const DRAGGED_CARD_POSITION = 3;
/** Screen pixels the card travels: it stays in its zone and in view, on every board. */
const DRAG_BY = { x: 220, y: 150 };
/** Screen pixels the background is dragged leftwards: half the board's width at the opening zoom. */
const PAN_BY_X = 600;
/** Screen pixels from the canvas's corner to the point pressed to pan. */
const PAN_HANDLE_INSET = 12;
/** A facilitator types the next card in a second or two; the pause lets the previous one be saved first. */
const PAUSE_BETWEEN_CAPTURES_MS = 300;

export interface DragSample {
  /** The frames from the press to the release. */
  moving: FrameSample;
  /** Long tasks from the press until the dropped card is painted at its new place. */
  longTaskMsWithDrop: number;
  /** From the pointerup event to the card drawn at its new place in the DOM, then painted. */
  dropInDomMs: number;
  dropPaintedMs: number;
}

export interface CaptureSample {
  /** From the Enter keydown event to the new card in the DOM, then painted. */
  inDomMs: number;
  paintedMs: number;
}

export async function installBoardProbe(page: Page): Promise<void> {
  await page.evaluate(await readFile(BOARD_PROBE_SCRIPT, 'utf8'));
}

export function countCardElements(page: Page): Promise<number> {
  return page.locator(CARD_ELEMENTS).count();
}

/** Calls `step(index)` for 1…GESTURE_EVENTS, each at its own time over GESTURE_MS, whatever each call costs. */
async function paced(step: (index: number) => Promise<void>): Promise<void> {
  const start = performance.now();
  for (let index = 1; index <= GESTURE_EVENTS; index += 1) {
    await step(index);
    const wait = start + (index * GESTURE_MS) / GESTURE_EVENTS - performance.now();
    if (wait > 0) await sleep(wait);
  }
}

/** Presses on a card of the first zone, drags it for about a second, releases it. */
export async function dragCard(page: Page): Promise<DragSample> {
  const card = page.locator(firstCardSelector(DRAGGED_CARD_POSITION));
  const cardId = await card.getAttribute('data-card-id');
  const box = await card.boundingBox();
  if (!cardId || !box) throw new Error('La carte à déplacer n’est pas affichée.');
  const from = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.evaluate('window.__bocageBoardBench.startRecording()');
  const pressedAt = await page.evaluate<number>('performance.now()');
  await page.mouse.down();
  await paced((index) => page.mouse.move(from.x + (DRAG_BY.x * index) / GESTURE_EVENTS, from.y + (DRAG_BY.y * index) / GESTURE_EVENTS));
  await page.evaluate(`window.__bocageBoardBench.armDrop(${JSON.stringify(cardId)})`);
  await page.mouse.up();
  const drop = await page.evaluate<{ releaseMs: number; renderedMs: number; paintedMs: number }>('window.__bocageBoardBench.dropMeasured()');
  const recording = await page.evaluate<GestureRecording>('window.__bocageBoardBench.stopRecording()');
  return {
    moving: frameSample(recording, pressedAt, drop.releaseMs),
    longTaskMsWithDrop: frameSample(recording, pressedAt, drop.paintedMs).longTaskMs,
    dropInDomMs: drop.renderedMs - drop.releaseMs,
    dropPaintedMs: drop.paintedMs - drop.releaseMs,
  };
}

/**
 * Where a press pans the board: the top-right corner of the canvas, in the margin the view keeps
 * above the board when it opens. Plain JavaScript run in the page (see page-probe.ts); null when a
 * card or a cluster's title is there after all.
 */
const PAN_HANDLE = `(() => {
  const canvas = document.querySelector(${JSON.stringify(CANVAS)})?.getBoundingClientRect();
  if (!canvas) return null;
  const point = { x: canvas.right - ${PAN_HANDLE_INSET}, y: canvas.top + ${PAN_HANDLE_INSET} };
  const target = document.elementFromPoint(point.x, point.y);
  const background = target !== null && target.closest(${JSON.stringify(CANVAS)}) !== null && target.closest('[data-card-id], [data-cluster-id]') === null;
  return background ? point : null;
})()`;

/** Drags the board's background leftwards: the view travels from the first quadrant to the second, along their top rows. */
export async function panBoard(page: Page): Promise<FrameSample> {
  const from = await page.evaluate<{ x: number; y: number } | null>(PAN_HANDLE);
  if (!from) throw new Error('Aucun endroit libre du tableau où le faire glisser.');
  await page.mouse.move(from.x, from.y);
  await page.evaluate('window.__bocageBoardBench.startRecording()');
  const pressedAt = await page.evaluate<number>('performance.now()');
  await page.mouse.down();
  await paced((index) => page.mouse.move(from.x - (PAN_BY_X * index) / GESTURE_EVENTS, from.y));
  await page.mouse.up();
  const releasedAt = await page.evaluate<number>('performance.now()');
  const recording = await page.evaluate<GestureRecording>('window.__bocageBoardBench.stopRecording()');
  return frameSample(recording, pressedAt, releasedAt);
}

/** Types `texts` one after the other in « Nouvelle carte », each sent with Enter. */
export async function captureCards(page: Page, texts: readonly string[]): Promise<CaptureSample[]> {
  const field = page.getByLabel(CAPTURE_LABEL, { exact: true });
  const samples: CaptureSample[] = [];
  for (const text of texts) {
    await field.fill(text);
    await page.evaluate(`window.__bocageBoardBench.armCapture(${JSON.stringify(text)})`);
    await field.press('Enter');
    const measured = await page.evaluate<{ keydownMs: number; inDomMs: number; paintedMs: number }>('window.__bocageBoardBench.captureMeasured()');
    samples.push({ inDomMs: measured.inDomMs - measured.keydownMs, paintedMs: measured.paintedMs - measured.keydownMs });
    await sleep(PAUSE_BETWEEN_CAPTURES_MS);
  }
  return samples;
}
