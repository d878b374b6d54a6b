import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPresenterChannel,
  publishPresenterView,
  subscribePresenterView,
  type PresenterChannel,
  type PresenterView,
} from '../../src-renderer/sync/presenter-channel';

const open: PresenterChannel[] = [];
const raw: BroadcastChannel[] = [];

/** One window's end of the channel (the facilitator's or the projector's). */
function windowEnd(): PresenterChannel {
  const channel = createPresenterChannel();
  open.push(channel);
  return channel;
}

function rawChannel(): BroadcastChannel {
  const channel = new BroadcastChannel('bocage:presenter-view');
  raw.push(channel);
  return channel;
}

function view(overrides: Partial<PresenterView> = {}): PresenterView {
  return { missionId: 'mission-1', boardId: 'board-1', viewport: { x: 120, y: -40, zoom: 1.5 }, viewWidth: 1280, viewHeight: 720, ...overrides };
}

function quiet(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100));
}

afterEach(() => {
  for (const channel of open.splice(0)) channel.close();
  for (const channel of raw.splice(0)) channel.close();
});

describe('the projector following the facilitator’s view', () => {
  it('moves where the facilitator pans and zooms', async () => {
    const facilitator = windowEnd();
    const listener = vi.fn();
    windowEnd().subscribe('mission-1', 'board-1', listener);
    await quiet();

    facilitator.publish(view({ viewport: { x: 500, y: 200, zoom: 2 } }));

    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(view({ viewport: { x: 500, y: 200, zoom: 2 } })));
  });

  it('a projector opened after the facilitator last moved shows the current view at once', async () => {
    const facilitator = windowEnd();
    facilitator.publish(view({ viewport: { x: 10, y: 20, zoom: 0.5 } }));
    await quiet();

    const listener = vi.fn();
    windowEnd().subscribe('mission-1', 'board-1', listener);

    await vi.waitFor(() => expect(listener).toHaveBeenCalledExactlyOnceWith(view({ viewport: { x: 10, y: 20, zoom: 0.5 } })));
  });

  it('sends a burst of moves as the last position of the frame, so a drag does not flood the projector', async () => {
    const facilitator = windowEnd();
    const listener = vi.fn();
    windowEnd().subscribe('mission-1', 'board-1', listener);
    await quiet();

    for (let step = 0; step < 30; step += 1) facilitator.publish(view({ viewport: { x: step, y: 0, zoom: 1 } }));
    await quiet();

    expect(listener).toHaveBeenCalledExactlyOnceWith(view({ viewport: { x: 29, y: 0, zoom: 1 } }));
  });

  it('shows only its own board: another board of the meeting moving does not move the projector', async () => {
    const facilitator = windowEnd();
    const listener = vi.fn();
    windowEnd().subscribe('mission-1', 'board-1', listener);
    await quiet();

    facilitator.publish(view({ boardId: 'board-2' }));
    facilitator.publish(view({ missionId: 'mission-2' }));
    await quiet();

    expect(listener).not.toHaveBeenCalled();
  });

  it('ignores malformed messages from other windows instead of blanking the projection', async () => {
    const listener = vi.fn();
    windowEnd().subscribe('mission-1', 'board-1', listener);
    const intruder = rawChannel();

    for (const message of [
      null,
      'view',
      { kind: 'view', view: { ...view(), viewport: { x: 0, y: 0, zoom: 0 } } },
      { kind: 'view', view: { ...view(), viewport: { x: Number.NaN, y: 0, zoom: 1 } } },
      { kind: 'view', view: { ...view(), viewWidth: -5 } },
      { kind: 'view', view: { missionId: 'mission-1', boardId: 'board-1' } },
    ]) {
      intruder.postMessage(message);
    }
    await quiet();

    expect(listener).not.toHaveBeenCalled();
  });

  it('stops following once unsubscribed, so a closed projector page does not keep reacting', async () => {
    const facilitator = windowEnd();
    const listener = vi.fn();
    const unsubscribe = windowEnd().subscribe('mission-1', 'board-1', listener);
    await quiet();
    unsubscribe();

    facilitator.publish(view());
    await quiet();

    expect(listener).not.toHaveBeenCalled();
  });

  it('asks for the view when it opens, and the facilitator answers only for boards it has shown', async () => {
    const facilitator = windowEnd();
    facilitator.publish(view());
    await quiet();
    const replies: unknown[] = [];
    const observer = rawChannel();
    observer.addEventListener('message', (event: MessageEvent) => replies.push(event.data));

    observer.postMessage({ kind: 'request', missionId: 'mission-1', boardId: 'board-unknown' });
    await quiet();
    expect(replies).toEqual([]);

    observer.postMessage({ kind: 'request', missionId: 'mission-1', boardId: 'board-1' });
    await vi.waitFor(() => expect(replies).toEqual([{ kind: 'view', view: view() }]));
  });

  it('works through the window-wide functions the board and presenter pages call', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribePresenterView('mission-1', 'board-9', listener);
    await quiet();

    publishPresenterView(view({ boardId: 'board-9' }));

    await vi.waitFor(() => expect(listener).toHaveBeenCalledWith(view({ boardId: 'board-9' })));
    unsubscribe();
  });
});
