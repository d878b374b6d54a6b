import { describe, expect, it, vi } from 'vitest';
import {
  chooseProjectorDisplay,
  createPresenterWindows,
  presenterUrl,
  type DisplayArea,
  type PresenterWindow,
  type PresenterWindowRequest,
} from '../../src-main/presenter-windows';

const LAPTOP: DisplayArea = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const PROJECTOR: DisplayArea = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };
const MONITOR: DisplayArea = { id: 3, bounds: { x: -2560, y: 0, width: 2560, height: 1440 } };

const ROUTE = '/missions/m-1/tableaux/b-1/projection';

class FakeWindow implements PresenterWindow {
  destroyed = false;
  minimized = false;
  readonly restore = vi.fn(() => (this.minimized = false));
  readonly focus = vi.fn();
  private onClosed: (() => void) | null = null;

  constructor(readonly request: PresenterWindowRequest) {}

  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  once(_event: 'closed', listener: () => void) {
    this.onClosed = listener;
  }
  close = vi.fn(() => {
    this.destroyed = true;
    this.onClosed?.();
  });
}

function setUp(displays: DisplayArea[], facilitator: DisplayArea = LAPTOP) {
  const created: FakeWindow[] = [];
  const windows = createPresenterWindows({
    entryUrl: 'bocage://app/index.html',
    getAllDisplays: () => displays,
    getPrimaryDisplay: () => LAPTOP,
    getFacilitatorDisplay: () => facilitator,
    createWindow: (request) => {
      const window = new FakeWindow(request);
      created.push(window);
      return window;
    },
  });
  return { windows, created };
}

describe('where the presenter view opens', () => {
  it('goes full screen on the projector when one is plugged in, leaving the laptop screen to the facilitator', () => {
    const { windows, created } = setUp([LAPTOP, PROJECTOR]);

    expect(windows.open(ROUTE)).toBe('external-display');

    expect(created).toHaveLength(1);
    expect(created[0]?.request).toEqual({ url: `bocage://app/index.html#${ROUTE}`, bounds: PROJECTOR.bounds, fullScreen: true });
  });

  it('opens a plain window beside the app when there is no second display, so the facilitator can still drag it', () => {
    const { windows, created } = setUp([LAPTOP]);

    expect(windows.open(ROUTE)).toBe('window');

    expect(created[0]?.request).toEqual({ url: `bocage://app/index.html#${ROUTE}`, bounds: null, fullScreen: false });
  });

  it('never covers the facilitator’s own window, even when it sits on the external display', () => {
    expect(chooseProjectorDisplay([LAPTOP, PROJECTOR], PROJECTOR.id, LAPTOP.id)).toBe(LAPTOP);
  });

  it('prefers a display other than the laptop’s screen when the facilitator works on a second monitor', () => {
    expect(chooseProjectorDisplay([LAPTOP, MONITOR, PROJECTOR], MONITOR.id, LAPTOP.id)).toBe(PROJECTOR);
    expect(chooseProjectorDisplay([LAPTOP], LAPTOP.id, LAPTOP.id)).toBeNull();
  });

  it('loads the app’s own page with the projection route, the way the router reads it', () => {
    expect(presenterUrl('http://localhost:5173/', ROUTE)).toBe(`http://localhost:5173/#${ROUTE}`);
  });
});

describe('one presenter window per board', () => {
  it('a second click brings the open window forward instead of stacking another on the projector', () => {
    const { windows, created } = setUp([LAPTOP, PROJECTOR]);
    windows.open(ROUTE);
    const first = created[0] as FakeWindow;
    first.minimized = true;

    expect(windows.open(ROUTE)).toBe('external-display');

    expect(created).toHaveLength(1);
    expect(first.restore).toHaveBeenCalledOnce();
    expect(first.focus).toHaveBeenCalledOnce();
  });

  it('another board gets its own window', () => {
    const { windows, created } = setUp([LAPTOP]);
    windows.open(ROUTE);
    windows.open('/missions/m-1/tableaux/b-2/projection');
    expect(created.map((window) => window.request.url)).toEqual([
      `bocage://app/index.html#${ROUTE}`,
      'bocage://app/index.html#/missions/m-1/tableaux/b-2/projection',
    ]);
  });

  it('reopens after the presenter window was closed', () => {
    const { windows, created } = setUp([LAPTOP]);
    windows.open(ROUTE);
    created[0]?.close();

    windows.open(ROUTE);

    expect(created).toHaveLength(2);
  });

  it('closes every presenter window with the app’s window, so no projection outlives the session', () => {
    const { windows, created } = setUp([LAPTOP]);
    windows.open(ROUTE);
    windows.open('/missions/m-1/tableaux/b-2/projection');

    windows.closeAll();

    expect(created.every((window) => window.close.mock.calls.length === 1)).toBe(true);
    windows.open(ROUTE);
    expect(created).toHaveLength(3);
  });
});
