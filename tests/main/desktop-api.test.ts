import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_API_GLOBAL, EVENT_CHANNELS, INVOKE_CHANNELS, type MenuCommand } from '@shared/ipc/ipc-channels';
import { buildDesktopApi, type PreloadIpc } from '../../src-preload/desktop-api';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<IpcListener>>();
  const ipc = {
    invoke: vi.fn<PreloadIpc['invoke']>(async () => ({ status: 'cancelled' })),
    on: vi.fn((channel: string, listener: IpcListener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    }),
    removeListener: vi.fn((channel: string, listener: IpcListener) => {
      listeners.get(channel)?.delete(listener);
    }),
  };
  const emit = (channel: string, ...args: unknown[]) => {
    const ipcEvent = { sender: ipc, senderId: 0 };
    for (const listener of listeners.get(channel) ?? []) listener(ipcEvent, ...args);
  };
  return { ipc, emit, listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0 };
}

describe('the desktop API given to the page', () => {
  it('has exactly the methods of the contract, nothing that reaches IPC generically', () => {
    const api = buildDesktopApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual(['clearLocalStorage', 'exportPdf', 'getAppInfo', 'onMenuCommand', 'openPresenterView', 'saveFile']);
  });

  it('saves a file through the save channel, bytes untouched', async () => {
    const { ipc } = fakeIpcRenderer();
    const request = { fileKind: 'docx' as const, suggestedName: 'Rapport.docx', bytes: new Uint8Array([1, 2, 3]) };
    await expect(buildDesktopApi(ipc).saveFile(request)).resolves.toEqual({ status: 'cancelled' });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNELS.saveFile, request);
  });

  it('asks the application information on its own channel, with no payload', async () => {
    const { ipc } = fakeIpcRenderer();
    await buildDesktopApi(ipc).getAppInfo();
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNELS.getAppInfo);
  });

  it('asks main to clear the local storage on its own channel, with no payload', async () => {
    const { ipc } = fakeIpcRenderer();
    await buildDesktopApi(ipc).clearLocalStorage();
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNELS.clearLocalStorage);
  });

  it('asks main to open a board’s presenter view on its own channel, with the route alone', async () => {
    const { ipc } = fakeIpcRenderer();
    await buildDesktopApi(ipc).openPresenterView('/missions/m-1/tableaux/b-1/projection');
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(INVOKE_CHANNELS.openPresenterView, '/missions/m-1/tableaux/b-1/projection');
  });
});

describe('menu commands reaching the page', () => {
  it('arrive alone, without the IPC event that would expose ipcRenderer to the page', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const listener = vi.fn<(command: MenuCommand) => void>();
    buildDesktopApi(ipc).onMenuCommand(listener);
    emit(EVENT_CHANNELS.menuCommand, 'undo');
    expect(listener).toHaveBeenCalledExactlyOnceWith('undo');
    expect(listener.mock.calls[0]).toHaveLength(1);
  });

  it('are dropped when they are not commands of the contract', () => {
    const { ipc, emit } = fakeIpcRenderer();
    const listener = vi.fn();
    buildDesktopApi(ipc).onMenuCommand(listener);
    for (const value of ['rm -rf', undefined, 42, { command: 'undo' }, 'UNDO']) emit(EVENT_CHANNELS.menuCommand, value);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stop when the page unsubscribes, so a closed screen does not react to the menu', () => {
    const { ipc, emit, listenerCount } = fakeIpcRenderer();
    const listener = vi.fn();
    const unsubscribe = buildDesktopApi(ipc).onMenuCommand(listener);
    unsubscribe();
    emit(EVENT_CHANNELS.menuCommand, 'redo');
    expect(listener).not.toHaveBeenCalled();
    expect(listenerCount(EVENT_CHANNELS.menuCommand)).toBe(0);
  });
});

describe('the preload script', () => {
  it('exposes one object, under the name the renderer looks for', async () => {
    const exposeInMainWorld = vi.fn();
    const { ipc } = fakeIpcRenderer();
    vi.doMock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: ipc }));
    await import('../../src-preload/index');
    vi.doUnmock('electron');
    expect(exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposeInMainWorld).toHaveBeenCalledWith(DESKTOP_API_GLOBAL, expect.anything());
    expect(Object.keys(exposeInMainWorld.mock.calls[0]?.[1] as object).sort()).toEqual(['clearLocalStorage', 'exportPdf', 'getAppInfo', 'onMenuCommand', 'openPresenterView', 'saveFile']);
  });
});
