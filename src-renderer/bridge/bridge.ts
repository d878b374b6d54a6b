import type { MenuCommand } from '@shared/ipc/ipc-channels';
import type { PresenterPlacement, SaveFileRequest, SaveFileResult } from '@shared/ipc/ipc-contract';

/** The desktop saves the PDF itself; a browser opens its print dialog, where the user picks « Enregistrer au format PDF ». */
export type PdfExportResult = SaveFileResult | { status: 'print-dialog' };

/** Where a presenter view opened; 'tab' when the browser ignored the request for a separate window. */
export type PresenterViewPlacement = PresenterPlacement | 'tab';

/**
 * Everything the renderer asks of the machine. Two implementations: the desktop one (IPC to
 * Electron's main process through the preload) and the web one (browser APIs).
 */
export interface Bridge {
  readonly kind: 'desktop' | 'web';
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Deletes the files behind this app's IndexedDB databases (GDPR erasure). Deleting records is not
   * enough: Chromium's LevelDB keeps them in its files until it compacts, which a page cannot ask for.
   * Every IndexedDB connection must be closed first.
   */
  clearLocalStorage(): Promise<void>;
  /**
   * Opens the projector's view of a board (`route` is ROUTES.boardPresenter) in its own window,
   * because the room sees the projector and the facilitator keeps working on the laptop's screen.
   * The desktop app puts it full screen on the external display when there is one and brings an
   * open one forward instead of opening a second. A browser can only open a window: full screen
   * needs a click in that window. Fails with a French message when the browser blocks it.
   */
  openPresenterView(route: string): Promise<PresenterViewPlacement>;
  /**
   * Turns the current page, laid out by its print style sheet, into a PDF on A4: printToPDF and a
   * save dialog on the desktop, the browser's print dialog in web mode. Call it from the print
   * preview only, since it prints whatever page is showing.
   */
  exportPdf(suggestedName: string): Promise<PdfExportResult>;
}
