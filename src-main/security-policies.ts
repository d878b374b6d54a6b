import type { WebPreferences } from 'electron';
import { toSafeExternalUrl, type AppUrlPolicy } from './app-origin';
import { DEV_SERVER_CONTENT_SECURITY_POLICY } from './content-security-policy';

/**
 * The parts of Electron's WebContents and Session the policies touch, narrowed so that Node tests
 * can hand in fakes. Electron's own objects satisfy these interfaces (index.ts passes them).
 */
interface NavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  preventDefault(): void;
}

interface PreventableEvent {
  preventDefault(): void;
}

export interface GuardedWebContents {
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

type ResponseHeaders = Record<string, string | string[]>;

export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: { readonly requestingUrl: string }) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: { readonly requestingUrl?: string }) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  readonly webRequest: {
    onHeadersReceived(
      filter: { urls: string[] },
      listener: (
        details: { readonly responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: ResponseHeaders }) => void,
      ) => void,
    ): void;
  };
}

/** Hands a validated https address to the system browser. */
export type OpenExternal = (url: string) => void;

/**
 * Chromium asks this permission when the page calls navigator.storage.persist(): granting it to the
 * app's own page keeps the offline data (IndexedDB) from being evicted when the disk runs low.
 * Everything else (camera, microphone, notifications, geolocation, clipboard reading, devices…)
 * is refused.
 */
const PERMISSIONS_GRANTED_TO_THE_APP = new Set(['persistent-storage']);

/** Options every window of the app is created with; each one is an item of Electron's security checklist. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    devTools: !isPackaged,
  };
}

/**
 * No new windows and no navigation away from the app. A plain https link (a data source, the help)
 * opens in the user's browser instead, where it cannot reach the desktop API.
 */
export function guardWebContents(contents: GuardedWebContents, policy: AppUrlPolicy, openExternal: OpenExternal): void {
  const openInBrowserIfSafe = (url: string) => {
    const externalUrl = toSafeExternalUrl(url);
    if (externalUrl) openExternal(externalUrl);
  };
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowserIfSafe(url);
    return { action: 'deny' };
  });
  // Electron emits will-frame-navigate first, for every frame, and skips will-navigate once it is
  // prevented: the link of the main frame is sent to the browser here, the other events only block.
  contents.on('will-frame-navigate', (event) => {
    if (policy.isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openInBrowserIfSafe(event.url);
  });
  const blockForeignNavigation = (event: NavigationEvent) => {
    if (!policy.isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function replaceContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

/**
 * Permissions refused unless listed above, device access refused, and, during development, the
 * CSP header added to every dev-server response (the built page gets it from app-protocol.ts).
 */
export function guardSession(session: GuardedSession, policy: AppUrlPolicy, devServerOrigin: string | null): void {
  const isGranted = (permission: string, requestingUrl: string) =>
    PERMISSIONS_GRANTED_TO_THE_APP.has(permission) && policy.isAppUrl(requestingUrl);
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(isGranted(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isGranted(permission, details.requestingUrl ?? requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  if (devServerOrigin) {
    session.webRequest.onHeadersReceived({ urls: [`${devServerOrigin}/*`] }, (details, callback) =>
      callback({ responseHeaders: replaceContentSecurityPolicy(details.responseHeaders, DEV_SERVER_CONTENT_SECURITY_POLICY) }),
    );
  }
}
