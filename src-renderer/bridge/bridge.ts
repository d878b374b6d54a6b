import type { MenuCommand } from '@shared/ipc/ipc-channels';
import type { SaveFileRequest, SaveFileResult } from '@shared/ipc/ipc-contract';

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
}
