import type { MessageBoxSyncOptions } from 'electron';

/** Quitter first, Rester the default and what Escape or closing the dialog answers. */
export const UNSENT_CHANGES_DIALOG: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Quitter', 'Rester'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
  title: 'Modifications non envoyées',
  message: 'Des modifications n’ont pas encore été envoyées au serveur. Quitter quand même ?',
  detail: 'Elles restent enregistrées sur cet ordinateur et partiront à la prochaine connexion au serveur de synchronisation.',
};

const LEAVE = 0;

/** What the guard uses of a WebContents; index.ts passes the main window's, tests a fake. */
export interface UnloadGuardedContents {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

/**
 * The renderer refuses to unload while changes have not reached the server (src-renderer/sync/
 * quit-guard.ts), which Electron would obey silently: the window would just not close. Ask the
 * user instead; preventing the event is what lets the window close after all.
 */
export function askBeforeClosingWithUnsentChanges(contents: UnloadGuardedContents, showMessageBox: (options: MessageBoxSyncOptions) => number): void {
  contents.on('will-prevent-unload', (event) => {
    if (showMessageBox(UNSENT_CHANGES_DIALOG) === LEAVE) event.preventDefault();
  });
}
