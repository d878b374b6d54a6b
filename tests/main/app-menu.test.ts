import { describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '@shared/ipc/ipc-channels';
import { buildMenuTemplate } from '../../src-main/app-menu';

type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function menu(options: { isPackaged: boolean; platform: NodeJS.Platform }) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate(send, options);
  const items = allItems(template);
  const find = (label: string) => {
    const item = items.find((candidate) => candidate.label === label && candidate.visible !== false);
    if (!item) throw new Error(`No visible menu item "${label}"`);
    return item;
  };
  const click = (item: MenuItemConstructorOptions) => item.click?.(undefined as never, undefined, undefined as never);
  return { send, template, items, find, click };
}

const WINDOWS = { isPackaged: true, platform: 'win32' } as const;

describe('the application menu', () => {
  it('speaks French', () => {
    const { template, find } = menu(WINDOWS);
    expect(template.map((item) => item.label)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    for (const label of ['Nouvelle mission', 'Exporter en Word…', 'Exporter en Excel…', 'Paramètres', 'Quitter', 'Couper', 'Copier', 'Coller', 'Tout sélectionner', 'Plein écran', 'À propos de Bocage']) {
      expect(find(label).label).toBe(label);
    }
  });

  it.each([
    ['Nouvelle mission', 'new-mission'],
    ['Exporter en Word…', 'export-docx'],
    ['Exporter en Excel…', 'export-xlsx'],
    ['Paramètres', 'open-settings'],
  ] as const)('"%s" reaches the page as the "%s" command', (label, command) => {
    const { find, click, send } = menu(WINDOWS);
    click(find(label));
    expect(send).toHaveBeenCalledExactlyOnceWith(command);
  });

  it('sends undo and redo to the page, whose undo only reverts the user’s own changes, never a colleague’s', () => {
    const { find, click, send, items } = menu(WINDOWS);
    expect(find('Annuler').accelerator).toBe('CmdOrCtrl+Z');
    expect(find('Rétablir').accelerator).toBe('CmdOrCtrl+Shift+Z');
    click(find('Annuler'));
    click(find('Rétablir'));
    expect(send.mock.calls).toEqual([['undo'], ['redo']]);
    expect(items.some((item) => item.role === 'undo' || item.role === 'redo')).toBe(false);
  });

  it('also redoes with Ctrl+Y on Windows and Linux, as users there expect', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const { items, click, send } = menu({ isPackaged: true, platform });
      const ctrlY = items.find((item) => item.accelerator === 'Ctrl+Y');
      expect(ctrlY?.visible).toBe(false);
      click(ctrlY!);
      expect(send).toHaveBeenCalledWith('redo');
    }
    expect(menu({ isPackaged: true, platform: 'darwin' }).items.some((item) => item.accelerator === 'Ctrl+Y')).toBe(false);
  });

  it('offers no developer tools in an installed app', () => {
    const roles = menu(WINDOWS).items.map((item) => item.role);
    expect(roles).not.toContain('toggleDevTools');
    expect(roles).not.toContain('reload');
    expect(menu({ isPackaged: false, platform: 'linux' }).items.map((item) => item.role)).toContain('toggleDevTools');
  });

  it('follows the macOS layout there: an app menu with Quitter Bocage, and Fichier closes the window', () => {
    const { template, find } = menu({ isPackaged: true, platform: 'darwin' });
    expect(template.map((item) => item.label)).toEqual(['Bocage', 'Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(find('Quitter Bocage').role).toBe('quit');
    expect(find('Fermer la fenêtre').role).toBe('close');
  });
});
