import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from '@shared/boards/board-snapshot';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { frameSample, percentile } from '../../scripts/bench/board-frames';
import { buildBoardMission } from '../../scripts/bench/board-mission';
import { missionDoc } from '../shared/qualitative/qualitative-fixtures';

describe('boards benchmark data', () => {
  const data = buildBoardMission(Date.UTC(2025, 2, 14));

  it('the 2,000-card board and the 50-card board land in a mission made by the app, with their meeting and named authors', () => {
    const doc = missionDoc();
    const titleBefore = readMissionSnapshot(doc).title;
    Y.applyUpdate(doc, data.missionUpdate);
    const directory = new Y.Doc();
    Y.applyUpdate(directory, data.directoryUpdate);

    expect(readMissionSnapshot(doc).title).toBe(titleBefore);
    const [meeting] = readMeetings(doc);
    const contactIds = readDirectorySnapshot(directory).contacts.map((contact) => contact.id);
    expect(meeting?.participants.map((participant) => participant.contactId).sort()).toEqual([...contactIds].sort());

    const large = readBoard(doc, data.large.id)!;
    const small = readBoard(doc, data.small.id)!;
    for (const [board, expected] of [
      [large, [500, 500, 500, 500]],
      [small, [13, 13, 12, 12]],
    ] as const) {
      expect(board.meetingId).toBe(meeting?.id);
      expect(board.template).toBe('afom');
      expect(board.zones.map((zone) => board.cards.filter((card) => card.zoneId === zone.id).length)).toEqual(expected);
      const authors = new Set(board.cards.flatMap((card) => (card.authorId === null ? [] : [card.authorId])));
      expect([...authors].every((id) => contactIds.includes(id))).toBe(true);
      expect(board.cards.some((card) => card.authorId === null)).toBe(true);
      // One card per grid slot: captured cards never sit on one another.
      const slots = new Set(board.cards.map((card) => `${card.zoneId}:${card.x}:${card.y}`));
      expect(slots.size).toBe(board.cards.length);
    }
    expect(large.clusters).toHaveLength(16);
    expect(small.clusters).toHaveLength(8);
    const lengths = large.cards.map((card) => card.text.length);
    expect(Math.min(...lengths)).toBeLessThan(40);
    expect(Math.max(...lengths)).toBeGreaterThan(180);
  });

  it('both boards open on the same cards: the first slots of every quadrant hold the same text, colour and author', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, data.missionUpdate);
    const large = readBoard(doc, data.large.id)!;
    const small = readBoard(doc, data.small.id)!;
    const place = (card: { zoneId: string | null; x: number; y: number }) => `${card.zoneId}:${card.x}:${card.y}`;
    const looks = ({ text, colour, authorId, clusterId }: (typeof small.cards)[number]) => ({ text, colour, authorId, clustered: clusterId !== null });
    const largeByPlace = new Map(large.cards.map((card) => [place(card), card]));
    for (const card of small.cards) {
      const twin = largeByPlace.get(place(card));
      expect(twin && looks(twin)).toEqual(looks(card));
    }
  });
});

describe('frame statistics of the boards benchmark', () => {
  const recording = {
    // 60 Hz frames with one missed frame (a 33 ms gap) and one long frame of 80 ms.
    frameTimes: [0, 16.7, 33.3, 66.7, 83.3, 163.3, 180],
    longTasks: [
      { startTime: 90, duration: 70 },
      { startTime: 500, duration: 60 },
    ],
  };

  it('reports the frame intervals and the long tasks of the gesture’s window only', () => {
    const sample = frameSample(recording, 0, 200);
    expect(sample.frames).toBe(7);
    expect(sample.maxIntervalMs).toBe(80);
    expect(sample.p50IntervalMs).toBe(16.7);
    expect(sample.slowFrames).toBe(2);
    expect(sample).toMatchObject({ longTasks: 1, longTaskMs: 70 });
  });

  it('uses the nearest rank, so a p95 is an interval that really happened', () => {
    expect(percentile([10, 20, 30, 40], 0.95)).toBe(40);
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(20);
    expect(() => frameSample(recording, 1000, 2000)).toThrow(/Aucune image/);
  });
});
