import { EVENT_CHANNELS, INVOKE_CHANNELS, MENU_COMMANDS, type MenuCommand } from '@shared/ipc/ipc-channels';
import type { AppInfo, DesktopApi, PresenterPlacement, SaveFileResult } from '@shared/ipc/ipc-contract';

/** What the API uses of Electron's ipcRenderer; the preload passes the real one, tests a fake. */
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return (MENU_COMMANDS as readonly unknown[]).includes(value);
}

/**
 * The whole desktop API the page gets: one method per channel of the contract, nothing generic.
 * Payloads are not validated here (that would bundle zod into the sandboxed preload): main checks
 * every request and every answer against the contract.
 */
export function buildDesktopApi(ipc: PreloadIpc): DesktopApi {
  return {
    saveFile: (request) => ipc.invoke(INVOKE_CHANNELS.saveFile, request) as Promise<SaveFileResult>,
    getAppInfo: () => ipc.invoke(INVOKE_CHANNELS.getAppInfo) as Promise<AppInfo>,
    clearLocalStorage: () => ipc.invoke(INVOKE_CHANNELS.clearLocalStorage) as Promise<{ status: 'cleared' }>,
    openPresenterView: (route) => ipc.invoke(INVOKE_CHANNELS.openPresenterView, route) as Promise<PresenterPlacement>,
    exportPdf: (request) => ipc.invoke(INVOKE_CHANNELS.exportPdf, request) as Promise<SaveFileResult>,
    onMenuCommand(listener) {
      // The page receives the command alone: the IPC event would give it a handle on ipcRenderer.
      const forwardCommand = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(EVENT_CHANNELS.menuCommand, forwardCommand);
      return () => {
        ipc.removeListener(EVENT_CHANNELS.menuCommand, forwardCommand);
      };
    },
  };
}
