import { describe, expect, it } from 'vitest';
import { createConnectionRateLimiter } from '../../src-server/http/connection-rate-limit';
import { createAddressHasher, createServerLog, describeError, type LogEntry } from '../../src-server/logging/json-log';

describe('connection rate per address', () => {
  it('an address gets its allowance at once, is refused beyond it, and gets connections back over the minute', () => {
    let now = 0;
    const limiter = createConnectionRateLimiter({ perMinute: 3, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.tryAcquire('203.0.113.7'))).toEqual([true, true, true, false]);
    expect(limiter.tryAcquire('198.51.100.1')).toBe(true);
    now = 19_000;
    expect(limiter.tryAcquire('203.0.113.7')).toBe(false);
    now = 20_000;
    expect(limiter.tryAcquire('203.0.113.7')).toBe(true);
    expect(limiter.tryAcquire('203.0.113.7')).toBe(false);
  });

  it('many addresses never make it hold more than its bound, and forget the stalest first', () => {
    const limiter = createConnectionRateLimiter({ perMinute: 1, maxTrackedAddresses: 100, now: () => 0 });
    expect(limiter.tryAcquire('busy')).toBe(true);
    for (let index = 0; index < 50; index += 1) limiter.tryAcquire(`10.0.0.${index}`);
    expect(limiter.tryAcquire('busy')).toBe(false);
    for (let index = 0; index < 5_000; index += 1) limiter.tryAcquire(`10.1.${Math.floor(index / 256)}.${index % 256}`);
    expect(limiter.trackedAddresses()).toBe(100);
    // Forgotten, it starts afresh: the bound costs a little leniency, never a refusal.
    expect(limiter.tryAcquire('busy')).toBe(true);
  });
});

describe('JSON-lines log', () => {
  it('writes one flat entry per event with time, level and event that no field can overwrite', () => {
    const entries: LogEntry[] = [];
    const log = createServerLog((entry) => entries.push(entry), () => new Date('2025-03-01T08:00:00Z'));
    log.info('connection-accepted', { userId: 'u-1', event: 'forged', level: 'debug' });
    log.error('http-request-failed', describeError(Object.assign(new Error('duplicate key (name)=(marie.durand)'), { code: '23505' })));
    expect(entries).toEqual([
      { time: '2025-03-01T08:00:00.000Z', level: 'info', event: 'connection-accepted', userId: 'u-1' },
      { time: '2025-03-01T08:00:00.000Z', level: 'error', event: 'http-request-failed', errorName: 'Error', errorCode: '23505' },
    ]);
    expect(JSON.stringify(entries)).not.toContain('marie.durand');
  });

  it('an address appears only as a salted hash, stable within one run and unrelated across runs', () => {
    const hash = createAddressHasher(new Uint8Array(16).fill(1));
    expect(hash('203.0.113.7')).toBe(hash('203.0.113.7'));
    expect(hash('203.0.113.7')).not.toBe(hash('203.0.113.8'));
    expect(hash('203.0.113.7')).toMatch(/^[0-9a-f]{16}$/);
    expect(createAddressHasher()('203.0.113.7')).not.toBe(hash('203.0.113.7'));
  });
});
