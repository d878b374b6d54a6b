import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { SyncClient } from '../../src-renderer/sync/sync-client';

const HOUR_MS = 60 * 60 * 1000;

/** A network with no server behind it: every connection fails at once, as against a closed port. */
class UnreachableWebSocket extends EventTarget {
  static attempts: number[] = [];
  readyState = 0;
  binaryType = 'arraybuffer';

  constructor(readonly url: string) {
    super();
    UnreachableWebSocket.attempts.push(Date.now());
    setTimeout(() => {
      this.readyState = 3;
      this.dispatchEvent(new Event('error'));
      this.dispatchEvent(Object.assign(new Event('close'), { code: 1006, reason: '' }));
    }, 0);
  }

  send(): void {}
  close(): void {}
}

afterEach(() => {
  vi.useRealTimers();
  UnreachableWebSocket.attempts = [];
});

describe('a machine offline for a long time', () => {
  it('keeps trying to reach the server, but a bounded number of times: no busy loop', async () => {
    vi.useFakeTimers();
    const client = new SyncClient({ url: 'ws://127.0.0.1:9', token: 'jeton', WebSocketPolyfill: UnreachableWebSocket });
    client.attach('bocage.mission.m-1', new Y.Doc());
    const start = Date.now();
    try {
      await vi.advanceTimersByTimeAsync(6 * HOUR_MS);
    } finally {
      client.destroy();
    }
    const { attempts } = UnreachableWebSocket;
    const lastHour = attempts.filter((time) => time >= start + 5 * HOUR_MS).length;
    // The delay doubles up to half a minute, with jitter between one second and the ceiling:
    // about 230 attempts an hour, never thousands.
    expect(lastHour).toBeGreaterThan(60);
    expect(lastHour).toBeLessThan(400);
    expect(attempts.length).toBeLessThan((6 * HOUR_MS) / 10_000);
    expect(client.getState().status).toBe('offline');
  });
});
