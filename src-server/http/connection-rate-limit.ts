/**
 * A token bucket per remote address: each address may open `perMinute` connections at once, then
 * gets them back steadily over the minute. An office behind one address keeps working as long as
 * its people together stay under the limit; a script hammering the server is refused early, before
 * any authentication or WebSocket work.
 */
export interface ConnectionRateLimiter {
  /** Takes one connection from the address's allowance; false when there is none left. */
  tryAcquire(address: string): boolean;
  /** How many addresses are tracked: bounded by `maxTrackedAddresses`. */
  trackedAddresses(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MINUTE_MS = 60_000;

export function createConnectionRateLimiter(options: {
  perMinute: number;
  /** Memory bound: past it the least recently seen address is forgotten (and so starts afresh). */
  maxTrackedAddresses?: number;
  now?: () => number;
}): ConnectionRateLimiter {
  const { perMinute, maxTrackedAddresses = 10_000, now = Date.now } = options;
  const refillPerMs = perMinute / MINUTE_MS;
  // A Map iterates in insertion order; re-inserting on every use keeps the stalest address first.
  const buckets = new Map<string, Bucket>();

  const refilled = (bucket: Bucket, at: number): number => Math.min(perMinute, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);

  return {
    tryAcquire(address) {
      const at = now();
      const existing = buckets.get(address);
      const tokens = existing ? refilled(existing, at) : perMinute;
      buckets.delete(address);
      if (tokens < 1) {
        buckets.set(address, { tokens, updatedAt: at });
        return false;
      }
      buckets.set(address, { tokens: tokens - 1, updatedAt: at });
      if (buckets.size > maxTrackedAddresses) {
        const stalest = buckets.keys().next();
        if (stalest.done !== true) buckets.delete(stalest.value);
      }
      return true;
    },
    trackedAddresses: () => buckets.size,
  };
}
