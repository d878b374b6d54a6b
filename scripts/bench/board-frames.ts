import { roundMs, summarize, type Summary } from './statistics';

/** What board-probe.js records during a gesture, on the page's clock. */
export interface GestureRecording {
  /** The timestamp of every animation frame, in order. */
  frameTimes: number[];
  longTasks: { startTime: number; duration: number }[];
}

/** One gesture's frames: how long the screen waited between two frames, and the main thread's long tasks. */
export interface FrameSample {
  frames: number;
  p50IntervalMs: number;
  p95IntervalMs: number;
  maxIntervalMs: number;
  /** Intervals above 1.5 frames at 60 Hz: at least one frame was missed. */
  slowFrames: number;
  longTasks: number;
  longTaskMs: number;
}

const FRAME_AT_60_HZ_MS = 1000 / 60;

/** Nearest-rank percentile: a value that occurred, never one interpolated between two frames. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) throw new Error('Aucune mesure : le centile est indéfini.');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
  return sorted[rank - 1]!;
}

/**
 * The frames that started within [from, to] and the long tasks that overlapped it. Intervals are
 * taken between consecutive frames, so a window of n frames gives n − 1 intervals.
 */
export function frameSample(recording: GestureRecording, from: number, to: number): FrameSample {
  const times = recording.frameTimes.filter((time) => time >= from && time <= to);
  const intervals = times.slice(1).map((time, index) => time - times[index]!);
  if (intervals.length === 0) throw new Error('Aucune image entre le début et la fin du geste : le navigateur n’a rien affiché.');
  const tasks = recording.longTasks.filter((task) => task.startTime <= to && task.startTime + task.duration >= from);
  return {
    frames: times.length,
    p50IntervalMs: roundMs(percentile(intervals, 0.5)),
    p95IntervalMs: roundMs(percentile(intervals, 0.95)),
    maxIntervalMs: roundMs(Math.max(...intervals)),
    slowFrames: intervals.filter((interval) => interval > 1.5 * FRAME_AT_60_HZ_MS).length,
    longTasks: tasks.length,
    longTaskMs: roundMs(tasks.reduce((total, task) => total + task.duration, 0)),
  };
}

export type FrameSummary = { [Key in keyof FrameSample]: Summary };

/** Each measure of the gestures summarised over the runs: the median of the runs' p95, and so on. */
export function summarizeFrames(samples: readonly FrameSample[]): FrameSummary {
  const keys: (keyof FrameSample)[] = ['p50IntervalMs', 'p95IntervalMs', 'maxIntervalMs', 'slowFrames', 'frames', 'longTasks', 'longTaskMs'];
  return Object.fromEntries(keys.map((key) => [key, summarize(samples.map((sample) => sample[key]))])) as FrameSummary;
}

