/**
 * The load benchmark's clients: Bocage's own SyncClient (one WebSocket each, as on a laptop) on
 * missions made by the app's operations, all in this process so every time is read on one clock.
 * Each edit retypes the client's card of the workshop board and, in the same transaction, writes
 * its send time to a probe map: the delay is read where the edit arrives.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SyncClient } from '../../src-renderer/sync/sync-client';
import { addCard, createBoard, editCardText } from '../../src-shared/boards/board-operations';
import { readBoard } from '../../src-shared/boards/board-snapshot';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { createMeeting, inviteContacts } from '../../src-shared/meetings/meeting-operations';
import { createMission } from '../../src-shared/operations/mission-operations';
import { benchMissionId } from './sync-load-protocol';

const ORIGIN = 'benchmark';
/** A root of its own, outside the app's schema: the measure travels in the edit's update without changing what the app reads. */
const PROBE_ROOT = 'benchmark.probe';
const SEEDED_AT = Date.UTC(2025, 2, 14, 9, 0);
const POLL_MS = 50;

interface Probe {
  seq: number;
  sentAt: number;
}

export interface MissionSeed {
  missionId: string;
  boardId: string;
  /** One card per client of the mission: the one it retypes. */
  cardIds: string[];
  /** The mission as its first client holds it before connecting. */
  update: Uint8Array;
}

/** A workshop mission as the app makes it: the mission, a meeting with its participants, an AFOM board with one card per laptop. */
export function buildMissionSeed(missionIndex: number, clientsPerMission: number): MissionSeed {
  const doc = new Y.Doc();
  const missionId = benchMissionId(missionIndex);
  createMission(
    new Y.Doc(),
    doc,
    {
      title: `Diagnostic partagé ${missionIndex + 1}`,
      sponsor: 'Conseil départemental',
      themes: ['parentalite', 'mobilite'],
      startDate: '2025-01-06',
      endDate: '2025-12-19',
      status: 'en-cours',
      description: 'Ateliers avec les habitants et les partenaires.',
    },
    ORIGIN,
    SEEDED_AT,
    missionId,
  );
  const meetingId = createMeeting(doc, { title: 'Atelier AFOM', date: '2025-03-14', startTime: '14:00', endTime: '16:30' }, ORIGIN, SEEDED_AT);
  const participants = Array.from({ length: clientsPerMission }, (_, client) => `participant-${client + 1}`);
  inviteContacts(doc, meetingId, participants, ORIGIN, SEEDED_AT);
  const boardId = createBoard(doc, ORIGIN, { meetingId, template: 'afom', title: 'AFOM du territoire' }, SEEDED_AT);
  const cardIds = participants.map((authorId, client) =>
    addCard(doc, ORIGIN, boardId, { text: `Idée du poste ${client + 1}`, authorId }, SEEDED_AT),
  );
  return { missionId, boardId, cardIds, update: Y.encodeStateAsUpdate(doc) };
}

/** Every delay measured, and what was sent, for the deliveries that never came. */
export class PropagationRecorder {
  readonly delaysMs: number[] = [];
  edits = 0;
  private readonly received = new Set<string>();

  receive(mission: number, sender: string, probe: Probe, receiver: number, now: number): void {
    const key = `${mission}:${sender}:${probe.seq}:${receiver}`;
    if (this.received.has(key)) return;
    this.received.add(key);
    this.delaysMs.push(now - probe.sentAt);
  }
}

function isProbe(value: unknown): value is Probe {
  return typeof value === 'object' && value !== null && typeof (value as Probe).seq === 'number' && typeof (value as Probe).sentAt === 'number';
}

class BenchClient {
  readonly doc = new Y.Doc();
  readonly sync: SyncClient;
  private readonly documentName: string;
  private seq = 0;

  constructor(
    private readonly seed: MissionSeed,
    private readonly mission: number,
    private readonly client: number,
    url: string,
    token: string,
    recorder: PropagationRecorder,
  ) {
    // The mission exists on one laptop before its first sync; the others get it from the server.
    if (client === 0) Y.applyUpdate(this.doc, seed.update);
    this.documentName = missionDocumentName(seed.missionId);
    this.doc.getMap<Probe>(PROBE_ROOT).observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const sender of event.keysChanged) {
        const probe = event.target.get(sender);
        if (isProbe(probe)) recorder.receive(this.mission, sender, probe, this.client, now);
      }
    });
    this.sync = new SyncClient({ url, token, WebSocketPolyfill: WebSocket });
    this.sync.attach(this.documentName, this.doc);
  }

  isReady(): boolean {
    return this.sync.getDocumentLink(this.documentName) === 'synced' && readBoard(this.doc, this.seed.boardId)?.cards.length === this.seed.cardIds.length;
  }

  /** Retypes the end of its card, as a participant rewording an idea, with the send time in the same update. */
  edit(): void {
    this.seq += 1;
    const text = `Idée du poste ${this.client + 1}, reformulée ${this.seq} fois`;
    this.doc.transact(() => {
      editCardText(this.doc, ORIGIN, this.seed.boardId, this.seed.cardIds[this.client]!, text, Date.now());
      this.doc.getMap<Probe>(PROBE_ROOT).set(String(this.client), { seq: this.seq, sentAt: performance.now() });
    }, ORIGIN);
  }

  destroy(): void {
    this.sync.destroy();
    this.doc.destroy();
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`Délai dépassé : ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export interface FleetSettings {
  url: string;
  /** tokens[mission][client] */
  tokens: readonly (readonly string[])[];
  seeds: readonly MissionSeed[];
  seconds: number;
  /** Called every `sampleEveryMs` during the edits (the server's memory). */
  onTick: () => void;
  sampleEveryMs: number;
}

export interface FleetResult {
  recorder: PropagationRecorder;
  expectedDeliveries: number;
  connectMs: number;
  /** How late this process's own timers ran during the edits: high values mean the clients, not the server, were the bottleneck. */
  clientEventLoopDelayMs: { p99: number; max: number };
}

/**
 * Connects every client, waits until each holds its whole mission, then has each edit once per
 * second for `seconds`, spread evenly over each second, and waits for the last edits to arrive.
 */
export async function runFleet(settings: FleetSettings, onConnected: () => Promise<void>): Promise<FleetResult> {
  const recorder = new PropagationRecorder();
  const clients = settings.seeds.flatMap((seed, mission) =>
    settings.tokens[mission]!.map((token, client) => new BenchClient(seed, mission, client, settings.url, token, recorder)),
  );
  const timers: ReturnType<typeof setTimeout>[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  try {
    const connectStart = performance.now();
    await waitFor(() => clients.every((client) => client.isReady()), 180_000, 'tous les postes n’ont pas reçu leur mission');
    const connectMs = performance.now() - connectStart;
    await onConnected();

    const clientsPerMission = settings.tokens[0]!.length;
    const start = performance.now() + 500;
    const end = start + settings.seconds * 1000;
    loopDelay.enable();
    clients.forEach((client, index) => {
      const phase = (index / clients.length) * 1000;
      const schedule = (due: number) => {
        if (due >= end) return;
        timers.push(
          setTimeout(() => {
            client.edit();
            recorder.edits += 1;
            schedule(due + 1000);
          }, Math.max(0, due - performance.now())),
        );
      };
      schedule(start + phase);
    });
    const sampler = setInterval(settings.onTick, settings.sampleEveryMs);
    await new Promise((resolve) => setTimeout(resolve, end - performance.now()));
    clearInterval(sampler);
    loopDelay.disable();
    const expectedDeliveries = () => recorder.edits * (clientsPerMission - 1);
    // The last edits are still on their way: a delivery that has not come after this is counted missing.
    await waitFor(() => recorder.delaysMs.length >= expectedDeliveries(), 30_000, 'dernières modifications').catch(() => undefined);
    return {
      recorder,
      expectedDeliveries: expectedDeliveries(),
      connectMs,
      clientEventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    };
  } finally {
    for (const timer of timers) clearTimeout(timer);
    for (const client of clients) client.destroy();
  }
}
