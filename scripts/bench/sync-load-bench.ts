import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAverage1m, runCount, type Log } from './bench-environment';
import { REPOSITORY_ROOT, SYNC_LOAD_SERVER_SCRIPT } from './bench-paths';
import { percentile } from './board-frames';
import { ratio, roundMs, summarize } from './statistics';
import { buildMissionSeed, runFleet } from './sync-load-clients';
import type { ServerKind, ServerMessage, ServerResources } from './sync-load-protocol';

/** What the issue asks for: 200 clients on 20 missions, one edit per second each for a minute. */
export const DEFAULT_SYNC_LOAD = { clients: 200, missions: 20, seconds: 60 } as const;
export type SyncLoadSettings = { clients: number; missions: number; seconds: number };

const SAMPLE_EVERY_MS = 500;
const MIB = 2 ** 20;
const SERVER_LABEL: Record<ServerKind, string> = { bocage: 'Bocage', bare: 'Hocuspocus nu' };

const FLAGS = ['clients', 'missions', 'seconds'] as const;

/**
 * `--clients 20 --missions 2 --seconds 5` (or `--clients=20`) for a quick run; the rest are the
 * benchmark names. Every client count must split evenly over the missions, at least two per mission.
 */
export function parseSyncLoadArguments(args: readonly string[]): { names: string[]; settings: SyncLoadSettings } {
  const settings: SyncLoadSettings = { ...DEFAULT_SYNC_LOAD };
  const names: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (!arg.startsWith('--')) {
      names.push(arg);
      continue;
    }
    const [flag, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const known = FLAGS.find((name) => name === flag);
    if (!known) throw new Error(`Option inconnue : ${arg}. Options : ${FLAGS.map((name) => `--${name}`).join(', ')}.`);
    const raw = inline ?? args[(index += 1)];
    const value = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${known} attend un entier positif (reçu : « ${raw ?? ''} »).`);
    settings[known] = value;
  }
  if (settings.clients % settings.missions !== 0 || settings.clients / settings.missions < 2) {
    throw new Error(
      `--clients (${settings.clients}) doit être un multiple de --missions (${settings.missions}), avec au moins deux postes par mission : une modification doit avoir quelqu’un à qui arriver.`,
    );
  }
  return { names, settings };
}

class ServerProcess {
  private readonly child: ChildProcess;
  /** Answers awaited, in the order asked: the server answers in that order. */
  private readonly waiting: { resolve: (message: ServerMessage) => void; reject: (error: Error) => void }[] = [];
  private sampling = false;

  constructor(kind: ServerKind, dataDir: string, missions: number, clientsPerMission: number) {
    this.child = spawn(process.execPath, ['--import', 'tsx', SYNC_LOAD_SERVER_SCRIPT, kind, dataDir, String(missions), String(clientsPerMission)], {
      cwd: REPOSITORY_ROOT,
      // The server's JSON log is written as in production, then discarded.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    this.child.on('message', (message: ServerMessage) => this.waiting.shift()?.resolve(message));
    this.child.on('exit', (code) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`Le serveur du benchmark s’est arrêté (code ${code}).`));
    });
  }

  next(timeoutMs: number): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Le serveur du benchmark ne répond pas.')), timeoutMs);
      this.waiting.push({
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  /** A sample during the edits; skipped while the previous one is still unanswered (a busy server answers late). */
  sampleInBackground(record: (resources: ServerResources) => void): void {
    if (this.sampling) return;
    this.sampling = true;
    this.sample().then(record, () => undefined).finally(() => (this.sampling = false));
  }

  async sample(): Promise<ServerResources> {
    const answer = this.next(30_000);
    this.child.send('sample');
    const message = await answer;
    if (message.kind !== 'sample') throw new Error('Réponse inattendue du serveur du benchmark.');
    return message.resources;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      if (this.child.connected) this.child.send('stop');
      else this.child.kill();
    });
  }
}

interface ServerRun {
  propagationMs: { p50: number; p90: number; p99: number; max: number };
  /** `missing`: not arrived 30 s after the last edit; the percentiles cover the arrived ones only. */
  deliveries: { expected: number; received: number; missing: number };
  edits: number;
  connectMs: number;
  /** `growth`: the peak over the idle server, what the clients and their edits cost. */
  serverMemoryMiB: { idle: number; connected: number; medianDuringEdits: number; peak: number; growth: number };
  /** CPU the server process used while the clients edited, in percent of one core (100 = one core busy all along). */
  serverCpuPercent: number;
  clientEventLoopDelayMs: { p99: number; max: number };
  /** Taken as the edits end: above the CPU count, other work competed with the clients and the server. */
  loadAverage1mAtEnd: number;
}

const toMiB = (bytes: number) => roundMs(bytes / MIB);

/** One server in its own process, the whole fleet of clients against it, then the server stopped. */
async function measureServer(kind: ServerKind, settings: SyncLoadSettings, workDir: string, run: number): Promise<ServerRun> {
  const clientsPerMission = settings.clients / settings.missions;
  const dataDir = join(workDir, `sync-load-${kind}-${run}`);
  mkdirSync(dataDir, { recursive: true });
  const server = new ServerProcess(kind, dataDir, settings.missions, clientsPerMission);
  try {
    const ready = await server.next(120_000);
    if (ready.kind !== 'ready') throw new Error('Le serveur du benchmark n’a pas annoncé son port.');
    const seeds = Array.from({ length: settings.missions }, (_, mission) => buildMissionSeed(mission, clientsPerMission));
    const marks: { connected?: ServerResources } = {};
    const during: number[] = [];
    const fleet = await runFleet(
      {
        url: `ws://127.0.0.1:${ready.port}`,
        tokens: ready.tokens,
        seeds,
        seconds: settings.seconds,
        sampleEveryMs: SAMPLE_EVERY_MS,
        onTick: () => server.sampleInBackground((sample) => during.push(sample.rssBytes)),
      },
      async () => {
        marks.connected = await server.sample();
      },
    );
    const end = await server.sample();
    const delays = fleet.recorder.delaysMs;
    if (delays.length === 0) throw new Error(`Aucune modification n’est arrivée par le serveur ${SERVER_LABEL[kind]}.`);
    const atConnect = marks.connected;
    if (!atConnect) throw new Error('Mesure du serveur manquante.');
    return {
      propagationMs: {
        p50: roundMs(percentile(delays, 0.5)),
        p90: roundMs(percentile(delays, 0.9)),
        p99: roundMs(percentile(delays, 0.99)),
        max: roundMs(delays.reduce((longest, delay) => Math.max(longest, delay), 0)),
      },
      deliveries: { expected: fleet.expectedDeliveries, received: delays.length, missing: Math.max(0, fleet.expectedDeliveries - delays.length) },
      edits: fleet.recorder.edits,
      connectMs: roundMs(fleet.connectMs),
      serverMemoryMiB: {
        idle: toMiB(ready.resources.rssBytes),
        connected: toMiB(atConnect.rssBytes),
        medianDuringEdits: toMiB(during.length > 0 ? percentile(during, 0.5) : end.rssBytes),
        peak: toMiB(end.maxRssBytes),
        growth: toMiB(end.maxRssBytes - ready.resources.rssBytes),
      },
      serverCpuPercent: roundMs(((end.cpuMicros - atConnect.cpuMicros) / 1e6 / settings.seconds) * 100),
      clientEventLoopDelayMs: { p99: roundMs(fleet.clientEventLoopDelayMs.p99), max: roundMs(fleet.clientEventLoopDelayMs.max) },
      loadAverage1mAtEnd: loadAverage1m(),
    };
  } finally {
    await server.stop();
  }
}

function summarizeServer(runs: readonly ServerRun[]) {
  return {
    p50Ms: summarize(runs.map((run) => run.propagationMs.p50)),
    p99Ms: summarize(runs.map((run) => run.propagationMs.p99)),
    peakRssMiB: summarize(runs.map((run) => run.serverMemoryMiB.peak)),
    rssGrowthMiB: summarize(runs.map((run) => run.serverMemoryMiB.growth)),
    cpuPercent: summarize(runs.map((run) => run.serverCpuPercent)),
    runs,
  };
}

type ServerSummary = ReturnType<typeof summarizeServer>;

function formatNumber(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

/** The comparison as a table for the terminal; the JSON report carries every figure. */
export function formatSyncLoadTable(settings: SyncLoadSettings, bocage: ServerSummary, bare: ServerSummary): string {
  const lastRun = (summary: ServerSummary) => summary.runs.at(-1)!;
  const rows: [string, number | null, number | null, number | null][] = [
    ['Délai de propagation p50 (ms)', bocage.p50Ms.median, bare.p50Ms.median, ratio(bocage.p50Ms, bare.p50Ms)],
    ['Délai de propagation p99 (ms)', bocage.p99Ms.median, bare.p99Ms.median, ratio(bocage.p99Ms, bare.p99Ms)],
    ['Mémoire du serveur, pic (Mio)', bocage.peakRssMiB.median, bare.peakRssMiB.median, ratio(bocage.peakRssMiB, bare.peakRssMiB)],
    ['Mémoire du serveur, au repos (Mio)', lastRun(bocage).serverMemoryMiB.idle, lastRun(bare).serverMemoryMiB.idle, null],
    ['Mémoire ajoutée par la charge (Mio)', bocage.rssGrowthMiB.median, bare.rssGrowthMiB.median, ratio(bocage.rssGrowthMiB, bare.rssGrowthMiB)],
    ['CPU du serveur (% d’un cœur)', bocage.cpuPercent.median, bare.cpuPercent.median, ratio(bocage.cpuPercent, bare.cpuPercent)],
    ['Livraisons non arrivées 30 s après la fin', lastRun(bocage).deliveries.missing, lastRun(bare).deliveries.missing, null],
  ];
  const header = ['', SERVER_LABEL.bocage, SERVER_LABEL.bare, 'ratio'];
  const cells = [header, ...rows.map(([label, ours, baseline, factor]) => [label, formatNumber(ours), formatNumber(baseline), formatNumber(factor)])];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const lines = cells.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('   '));
  return [
    `Charge de synchronisation : ${settings.clients} postes sur ${settings.missions} missions, une modification par seconde chacun pendant ${settings.seconds} s`,
    ...lines,
  ].join('\n');
}

/**
 * Bocage's sync server and a bare Hocuspocus server, each in a process of its own, under the same
 * fleet of clients on loopback: propagation delay of each edit to the other clients of its mission,
 * and the server's memory and CPU. With several runs, the order of the two servers alternates.
 */
export async function runSyncLoadBench(settings: SyncLoadSettings, workDir: string, log: Log) {
  const runs = runCount(1);
  const startedAt = performance.now();
  const loadAverageAtStart = loadAverage1m();
  const results: Record<ServerKind, ServerRun[]> = { bocage: [], bare: [] };
  for (let run = 0; run < runs; run += 1) {
    const order: ServerKind[] = run % 2 === 0 ? ['bocage', 'bare'] : ['bare', 'bocage'];
    for (const kind of order) {
      log(`Charge de synchronisation : ${SERVER_LABEL[kind]}, ${settings.clients} postes, ${settings.seconds} s (mesure ${run + 1}/${runs})…`);
      results[kind].push(await measureServer(kind, settings, workDir, run));
    }
  }
  const bocage = summarizeServer(results.bocage);
  const bare = summarizeServer(results.bare);
  log(formatSyncLoadTable(settings, bocage, bare));
  return {
    loadAverage1mAtStart: loadAverageAtStart,
    settings: { ...settings, clientsPerMission: settings.clients / settings.missions, runs, editsPerClientPerSecond: 1, transport: 'ws://127.0.0.1' },
    bocage,
    bare,
    ratio: {
      p50: ratio(bocage.p50Ms, bare.p50Ms),
      p99: ratio(bocage.p99Ms, bare.p99Ms),
      peakRss: ratio(bocage.peakRssMiB, bare.peakRssMiB),
      rssGrowth: ratio(bocage.rssGrowthMiB, bare.rssGrowthMiB),
      cpu: ratio(bocage.cpuPercent, bare.cpuPercent),
    },
    durations: { totalMs: roundMs(performance.now() - startedAt) },
  };
}
