import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/ipc/ipc-channels';

export interface MenuContext {
  readonly isPackaged: boolean;
  readonly platform: NodeJS.Platform;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/**
 * The French application menu. Commands that belong to the app (a new mission, exports, undo)
 * are sent to the renderer; clipboard, zoom and window commands use Electron's roles.
 * Undo and redo are the renderer's: they go through Yjs' UndoManager, which only undoes this
 * user's own changes, never a colleague's synchronised ones.
 */
export function buildMenuTemplate(send: (command: MenuCommand) => void, { isPackaged, platform }: MenuContext): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const command = (label: string, menuCommand: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    click: () => send(menuCommand),
    ...(accelerator ? { accelerator } : {}),
  });

  const macApplicationMenu: MenuItemConstructorOptions = {
    label: 'Bocage',
    submenu: [
      { role: 'about', label: 'À propos de Bocage' },
      separator,
      { role: 'services', label: 'Services' },
      separator,
      { role: 'hide', label: 'Masquer Bocage' },
      { role: 'hideOthers', label: 'Masquer les autres' },
      { role: 'unhide', label: 'Tout afficher' },
      separator,
      { role: 'quit', label: 'Quitter Bocage' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'Fichier',
    submenu: [
      command('Nouvelle mission', 'new-mission', 'CmdOrCtrl+N'),
      separator,
      command('Exporter en Word…', 'export-docx'),
      command('Exporter en Excel…', 'export-xlsx'),
      separator,
      command('Paramètres', 'open-settings', 'CmdOrCtrl+,'),
      separator,
      isMac ? { role: 'close', label: 'Fermer la fenêtre' } : { role: 'quit', label: 'Quitter' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      command('Annuler', 'undo', 'CmdOrCtrl+Z'),
      command('Rétablir', 'redo', 'CmdOrCtrl+Shift+Z'),
      // Windows and Linux users also expect Ctrl+Y; a hidden item's shortcut still works there.
      ...(isMac ? [] : [{ ...command('Rétablir', 'redo', 'Ctrl+Y'), visible: false }]),
      separator,
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      { role: 'selectAll', label: 'Tout sélectionner' },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [separator, { role: 'reload', label: 'Recharger' }, { role: 'toggleDevTools', label: 'Outils de développement' }];

  const viewMenu: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { role: 'resetZoom', label: 'Taille réelle' },
      { role: 'zoomIn', label: 'Zoom avant' },
      { role: 'zoomOut', label: 'Zoom arrière' },
      separator,
      { role: 'togglefullscreen', label: 'Plein écran' },
      ...developerItems,
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Aide',
    role: 'help',
    submenu: [{ role: 'about', label: 'À propos de Bocage' }],
  };

  return [...(isMac ? [macApplicationMenu] : []), fileMenu, editMenu, viewMenu, helpMenu];
}
