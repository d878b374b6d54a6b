import { describe, expect, it } from 'vitest';
import { guardUnloadWhilePending } from '../../src-renderer/sync/quit-guard';

/** A tab about to close: true when a handler asked the browser to confirm. */
function closeTab(target: EventTarget): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

function pendingSource(initial: number) {
  let pending = initial;
  const listeners = new Set<() => void>();
  return {
    set(count: number) {
      pending = count;
      for (const listener of listeners) listener();
    },
    hasPending: () => pending > 0,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners,
  };
}

describe('the warning before closing with unsent changes', () => {
  it('asks only while changes have not reached the server', () => {
    const tab = new EventTarget();
    const source = pendingSource(0);
    guardUnloadWhilePending(tab as unknown as Window, source.hasPending, source.subscribe);
    expect(closeTab(tab)).toBe(false);
    source.set(3);
    expect(closeTab(tab)).toBe(true);
    source.set(0);
    expect(closeTab(tab)).toBe(false);
  });

  it('asks from the start when changes were left unsent before the page opened', () => {
    const tab = new EventTarget();
    const source = pendingSource(2);
    const stop = guardUnloadWhilePending(tab as unknown as Window, source.hasPending, source.subscribe);
    expect(closeTab(tab)).toBe(true);
    stop();
    expect(closeTab(tab)).toBe(false);
    expect(source.listeners.size).toBe(0);
  });
});
