import type { DesktopApi } from '@shared/ipc/ipc-contract';
import type { Bridge } from './bridge';

export function createDesktopBridge(api: DesktopApi): Bridge {
  return {
    kind: 'desktop',
    saveFile: (request) => api.saveFile(request),
    onMenuCommand: (listener) => api.onMenuCommand(listener),
  };
}
