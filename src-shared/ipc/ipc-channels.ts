/**
 * The only IPC channels between the renderer and main. Kept free of any import so the sandboxed
 * preload can bundle it as is; payload schemas live in ipc-contract.ts.
 */
export const INVOKE_CHANNELS = {
  saveFile: 'bocage:save-file',
  getAppInfo: 'bocage:get-app-info',
  clearLocalStorage: 'bocage:clear-local-storage',
  openPresenterView: 'bocage:open-presenter-view',
  exportPdf: 'bocage:export-pdf',
} as const;

export const EVENT_CHANNELS = {
  menuCommand: 'bocage:menu-command',
} as const;

export type InvokeName = keyof typeof INVOKE_CHANNELS;

export const MENU_COMMANDS = ['undo', 'redo', 'new-mission', 'open-settings', 'export-docx', 'export-xlsx'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The name under which the preload exposes the desktop API on `window`. */
export const DESKTOP_API_GLOBAL = 'bocageDesktop';
