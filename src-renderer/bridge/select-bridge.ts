import { DESKTOP_API_GLOBAL } from '@shared/ipc/ipc-channels';
import type { DesktopApi } from '@shared/ipc/ipc-contract';
import type { Bridge } from './bridge';
import { createDesktopBridge } from './desktop-bridge';
import { createWebBridge } from './web-bridge';

/** The desktop bridge when the preload exposed its API, the web bridge in a plain browser. */
export function selectBridge(): Bridge {
  const api = (window as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_API_GLOBAL];
  return api ? createDesktopBridge(api) : createWebBridge();
}
