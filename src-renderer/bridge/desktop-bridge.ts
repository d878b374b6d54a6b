import type { DesktopApi } from '@shared/ipc/ipc-contract';
import type { Bridge } from './bridge';

/** Electron prefixes a refused invoke with the channel name; the user only needs main's own words. */
const IPC_ERROR_PREFIX = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/;

export function ipcFailureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(IPC_ERROR_PREFIX, '');
}

export function createDesktopBridge(api: DesktopApi): Bridge {
  return {
    kind: 'desktop',
    saveFile: (request) =>
      api.saveFile(request).catch((error: unknown) => ({ status: 'error' as const, message: ipcFailureMessage(error) })),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    async clearLocalStorage() {
      await api.clearLocalStorage().catch((error: unknown) => {
        throw new Error(ipcFailureMessage(error));
      });
    },
    exportPdf: (suggestedName) =>
      api.exportPdf({ suggestedName }).catch((error: unknown) => ({ status: 'error' as const, message: ipcFailureMessage(error) })),
    openPresenterView: (route) =>
      api.openPresenterView(route).catch((error: unknown) => {
        throw new Error(ipcFailureMessage(error));
      }),
  };
}
