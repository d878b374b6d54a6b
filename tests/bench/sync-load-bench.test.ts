import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { readBoard } from '@shared/boards/board-snapshot';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { buildMissionSeed } from '../../scripts/bench/sync-load-clients';
import { DEFAULT_SYNC_LOAD, parseSyncLoadArguments, runSyncLoadBench } from '../../scripts/bench/sync-load-bench';

describe('sync load benchmark settings', () => {
  test('without flags it runs what the issue asks for: 200 clients on 20 missions for a minute', () => {
    expect(parseSyncLoadArguments(['sync-load'])).toEqual({ names: ['sync-load'], settings: { clients: 200, missions: 20, seconds: 60 } });
    expect(DEFAULT_SYNC_LOAD).toEqual({ clients: 200, missions: 20, seconds: 60 });
  });

  test('flags shrink a run for a quick look, in either spelling', () => {
    expect(parseSyncLoadArguments(['sync-load', '--clients', '20', '--missions=2', '--seconds', '5'])).toEqual({
      names: ['sync-load'],
      settings: { clients: 20, missions: 2, seconds: 5 },
    });
    expect(parseSyncLoadArguments(['import', 'boards']).names).toEqual(['import', 'boards']);
  });

  test('a setting that cannot make a fair run is refused with the reason in French', () => {
    expect(() => parseSyncLoadArguments(['sync-load', '--clients', '25', '--missions', '10'])).toThrow(/multiple de --missions/);
    expect(() => parseSyncLoadArguments(['sync-load', '--clients', '10', '--missions', '10'])).toThrow(/au moins deux postes/);
    expect(() => parseSyncLoadArguments(['sync-load', '--seconds', 'soixante'])).toThrow(/entier positif/);
    expect(() => parseSyncLoadArguments(['--vitesse', '3'])).toThrow(/Option inconnue/);
  });
});

describe('sync load benchmark', () => {
  test('each mission is a real workshop mission made by the app, with one card per laptop', () => {
    const seed = buildMissionSeed(4, 10);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed.update);

    expect(readMissionSnapshot(doc).id).toBe(seed.missionId);
    expect(readMeetings(doc)[0]?.participants).toHaveLength(10);
    const board = readBoard(doc, seed.boardId);
    expect(board?.cards.map((card) => card.id).sort()).toEqual([...seed.cardIds].sort());
    expect(new Set(board?.cards.map((card) => card.authorId)).size).toBe(10);
  });

  test('a tiny run measures every edit reaching every other laptop of its mission, through Bocage and through bare Hocuspocus', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'bocage-sync-load-test-'));
    const logs: string[] = [];
    try {
      const report = await runSyncLoadBench({ clients: 6, missions: 2, seconds: 2 }, workDir, (message) => logs.push(message));

      for (const summary of [report.bocage, report.bare]) {
        const [run] = summary.runs;
        // Two edits per laptop (at its phase, then a second later), each to the two other laptops of its mission.
        expect(run?.edits).toBe(12);
        expect(run?.deliveries).toEqual({ expected: 24, received: 24, missing: 0 });
        expect(run?.propagationMs.p50).toBeGreaterThan(0);
        expect(run?.propagationMs.p99).toBeGreaterThanOrEqual(run!.propagationMs.p50);
        expect(run?.serverMemoryMiB.peak).toBeGreaterThanOrEqual(run!.serverMemoryMiB.idle);
        expect(run?.serverMemoryMiB.idle).toBeGreaterThan(10);
      }
      expect(report.ratio.p50).toBeGreaterThan(0);
      expect(report.ratio.peakRss).toBeGreaterThan(0);
      expect(logs.at(-1)).toMatch(/Délai de propagation p99 \(ms\)/);
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
