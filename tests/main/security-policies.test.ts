import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createAppUrlPolicy } from '../../src-main/app-origin';
import { BUILT_PAGE_CONTENT_SECURITY_POLICY, DEV_SERVER_CONTENT_SECURITY_POLICY } from '../../src-main/content-security-policy';
import { guardSession, guardWebContents, secureWebPreferences, type GuardedSession, type GuardedWebContents } from '../../src-main/security-policies';

type Listener = (event: { url?: string; isMainFrame?: boolean; preventDefault(): void }) => void;

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: typeof windowOpenHandler) => {
      windowOpenHandler = handler;
    },
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  } as GuardedWebContents;
  const emit = (event: string, url = '', isMainFrame = true) => {
    const preventDefault = vi.fn();
    const listener = listeners.get(event);
    if (!listener) throw new Error(`No listener for ${event}`);
    listener({ url, isMainFrame, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, emit, openWindow: (url: string) => windowOpenHandler?.({ url }) };
}

function guardedWindow() {
  const openExternal = vi.fn<(url: string) => void>();
  const fake = fakeWebContents();
  guardWebContents(fake.contents, createAppUrlPolicy(null), openExternal);
  return { ...fake, openExternal };
}

describe('new windows', () => {
  it('are never opened by the app, so no page outside it ever gets a window', () => {
    const { openWindow, openExternal } = guardedWindow();
    for (const url of ['bocage://app/index.html', 'https://example.org/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(openWindow(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/');
  });
});

describe('navigation', () => {
  it('stays inside the app: another origin is prevented and only a plain https link goes to the browser', () => {
    const { emit, openExternal } = guardedWindow();
    expect(emit('will-frame-navigate', 'https://example.org/phishing')).toBe(true);
    expect(emit('will-frame-navigate', 'file:///home/claire/rapport.html')).toBe(true);
    expect(emit('will-frame-navigate', 'http://insecure.example.org/')).toBe(true);
    expect(emit('will-frame-navigate', 'bocage://app/index.html')).toBe(false);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://example.org/phishing');
  });

  it('blocks a frame inside the page leading elsewhere without opening it in the browser', () => {
    const { emit, openExternal } = guardedWindow();
    expect(emit('will-frame-navigate', 'https://example.org/', false)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('also blocks will-navigate and redirects leading elsewhere, without opening them twice', () => {
    const { emit, openExternal } = guardedWindow();
    expect(emit('will-navigate', 'https://example.org/')).toBe(true);
    expect(emit('will-redirect', 'https://example.org/')).toBe(true);
    expect(emit('will-navigate', 'bocage://app/index.html')).toBe(false);
    expect(emit('will-redirect', 'bocage://app/index.html')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('never attaches a <webview>', () => {
    expect(guardedWindow().emit('will-attach-webview')).toBe(true);
  });
});

function fakeSession() {
  const handlers: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0];
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0];
    device?: Parameters<GuardedSession['setDevicePermissionHandler']>[0];
    headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[1];
    headersFilter?: { urls: string[] };
  } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => (handlers.request = handler),
    setPermissionCheckHandler: (handler) => (handlers.check = handler),
    setDevicePermissionHandler: (handler) => (handlers.device = handler),
    webRequest: {
      onHeadersReceived: (filter, listener) => {
        handlers.headersFilter = filter;
        handlers.headers = listener;
      },
    },
  };
  const request = (permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    handlers.request!(null, permission, callback, { requestingUrl });
    return callback.mock.calls[0]?.[0] as boolean;
  };
  return { session, handlers, request };
}

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen'])(
    'refuses %s, even to the app, so a compromised page cannot reach the camera, location or devices',
    (permission) => {
      const { session, handlers, request } = fakeSession();
      guardSession(session, createAppUrlPolicy(null), null);
      expect(request(permission, 'bocage://app/index.html')).toBe(false);
      expect(handlers.check!(null, permission, 'bocage://app', {})).toBe(false);
      expect(handlers.device!()).toBe(false);
    },
  );

  it('lets only the app keep its offline data from eviction', () => {
    const { session, handlers, request } = fakeSession();
    guardSession(session, createAppUrlPolicy(null), null);
    expect(request('persistent-storage', 'bocage://app/index.html')).toBe(true);
    expect(request('persistent-storage', 'https://example.org/')).toBe(false);
    expect(handlers.check!(null, 'persistent-storage', 'https://example.org', {})).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  it('sent by main is the one the page build injects, so the two cannot drift apart', () => {
    const rendererConfig = readFileSync(new URL('../../scripts/vite/renderer-config.ts', import.meta.url), 'utf8');
    expect(rendererConfig).toContain("content: CONTENT_SECURITY_POLICY");
    expect(BUILT_PAGE_CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(BUILT_PAGE_CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it('is added to dev server responses, replacing any policy the server sent', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, createAppUrlPolicy('http://localhost:5173'), 'http://localhost:5173');
    expect(handlers.headersFilter).toEqual({ urls: ['http://localhost:5173/*'] });
    const callback = vi.fn();
    handlers.headers!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [DEV_SERVER_CONTENT_SECURITY_POLICY] },
    });
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(DEV_SERVER_CONTENT_SECURITY_POLICY).toContain("frame-src 'none'");
  });

  it('is not touched by main for a built app, which serves it itself', () => {
    const { session, handlers } = fakeSession();
    guardSession(session, createAppUrlPolicy(null), null);
    expect(handlers.headers).toBeUndefined();
  });
});

describe('window options', () => {
  it('isolate the page from Node and Electron, as the security checklist requires', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', true)).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      devTools: false,
    });
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(true);
  });
});
