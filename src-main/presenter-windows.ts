import type { PresenterPlacement } from '@shared/ipc/ipc-contract';

/** What the placement reads of Electron's Display. */
export interface DisplayArea {
  readonly id: number;
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

/** What the manager uses of a BrowserWindow; index.ts passes real ones, tests fakes. */
export interface PresenterWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  close(): void;
  once(event: 'closed', listener: () => void): unknown;
}

export interface PresenterWindowRequest {
  /** The full address to load: the app's page with the projection route as its hash. */
  readonly url: string;
  /** Where to put the window; absent for a plain window the system places. */
  readonly bounds: DisplayArea['bounds'] | null;
  /** Full screen once shown, on the display the bounds point to. */
  readonly fullScreen: boolean;
}

export interface PresenterWindowDependencies<W extends PresenterWindow> {
  readonly entryUrl: string;
  getAllDisplays(): readonly DisplayArea[];
  getPrimaryDisplay(): DisplayArea;
  /** The display of the facilitator's window (the main one); the primary display when it is closed. */
  getFacilitatorDisplay(): DisplayArea;
  /** Builds the window with the same security settings as the main one, and loads the URL. */
  createWindow(request: PresenterWindowRequest): W;
}

export interface PresenterWindows {
  /** Opens the presenter window of a board, or brings forward the one already open for it. */
  open(route: string): PresenterPlacement;
  /** Closes every presenter window: a projector showing a board nobody facilitates any more only confuses the room. */
  closeAll(): void;
}

/** The app's page with a hash route, the way the renderer's router reads it. */
export function presenterUrl(entryUrl: string, route: string): string {
  return `${entryUrl}#${route}`;
}

/**
 * The projector: a display that does not hold the facilitator's window. When the facilitator works
 * on a second monitor and a third display exists, a display other than the laptop's own screen
 * (the primary one) is the likelier projector.
 */
export function chooseProjectorDisplay(displays: readonly DisplayArea[], facilitatorDisplayId: number, primaryDisplayId: number): DisplayArea | null {
  const others = displays.filter((display) => display.id !== facilitatorDisplayId);
  return others.find((display) => display.id !== primaryDisplayId) ?? others[0] ?? null;
}

export function createPresenterWindows<W extends PresenterWindow>(dependencies: PresenterWindowDependencies<W>): PresenterWindows {
  const open = new Map<string, { window: W; placement: PresenterPlacement }>();

  return {
    open(route) {
      const existing = open.get(route);
      if (existing && !existing.window.isDestroyed()) {
        if (existing.window.isMinimized()) existing.window.restore();
        existing.window.focus();
        return existing.placement;
      }
      const projector = chooseProjectorDisplay(
        dependencies.getAllDisplays(),
        dependencies.getFacilitatorDisplay().id,
        dependencies.getPrimaryDisplay().id,
      );
      const url = presenterUrl(dependencies.entryUrl, route);
      const window = dependencies.createWindow(
        projector ? { url, bounds: projector.bounds, fullScreen: true } : { url, bounds: null, fullScreen: false },
      );
      const placement: PresenterPlacement = projector ? 'external-display' : 'window';
      open.set(route, { window, placement });
      window.once('closed', () => {
        if (open.get(route)?.window === window) open.delete(route);
      });
      return placement;
    },

    closeAll() {
      for (const { window } of open.values()) if (!window.isDestroyed()) window.close();
      open.clear();
    },
  };
}
