import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '@shared/ipc/ipc-contract';
import { createDesktopBridge } from '../../src-renderer/bridge/desktop-bridge';

function apiRefusingWith(message: string): DesktopApi {
  return {
    saveFile: () => Promise.reject(new Error(message)),
    getAppInfo: () => Promise.resolve({ version: '0.1.0', platform: 'linux' }),
    onMenuCommand: () => () => undefined,
    clearLocalStorage: () => Promise.reject(new Error(message)),
    openPresenterView: () => Promise.reject(new Error(message)),
    exportPdf: () => Promise.reject(new Error(message)),
  };
}

const request = { fileKind: 'docx' as const, suggestedName: 'Mission.docx', bytes: new Uint8Array([1]) };

describe('the desktop bridge', () => {
  it('a save refused by main reaches the user as main’s French reason, without Electron’s technical prefix', async () => {
    const bridge = createDesktopBridge(
      apiRefusingWith("Error invoking remote method 'bocage:save-file': Error: Demande refusée : elle ne vient pas de la fenêtre de Bocage."),
    );
    await expect(bridge.saveFile(request)).resolves.toEqual({
      status: 'error',
      message: 'Demande refusée : elle ne vient pas de la fenêtre de Bocage.',
    });
  });

  it('any other failure keeps its whole message', async () => {
    const bridge = createDesktopBridge(apiRefusingWith('Le canal est fermé.'));
    await expect(bridge.saveFile(request)).resolves.toEqual({ status: 'error', message: 'Le canal est fermé.' });
  });

  it('a storage clearing refused by main fails with main’s French reason, so the erasure is retried rather than reported done', async () => {
    const bridge = createDesktopBridge(apiRefusingWith("Error invoking remote method 'bocage:clear-local-storage': Error: Demande refusée : données invalides."));
    await expect(bridge.clearLocalStorage()).rejects.toThrow(/^Demande refusée : données invalides\.$/);
  });

  it('a presenter view refused by main fails with main’s French reason, for the board page to show', async () => {
    const bridge = createDesktopBridge(
      apiRefusingWith("Error invoking remote method 'bocage:open-presenter-view': Error: Demande refusée, données invalides : Adresse de projection invalide."),
    );
    await expect(bridge.openPresenterView('/rgpd')).rejects.toThrow(/^Demande refusée, données invalides : Adresse de projection invalide\.$/);
  });

  it('a PDF export refused by main is shown as main’s French reason instead of failing silently', async () => {
    const bridge = createDesktopBridge(apiRefusingWith("Error invoking remote method 'bocage:export-pdf': Error: Demande refusée, données invalides : Extension incohérente."));
    await expect(bridge.exportPdf('Pré-diagnostic.docx')).resolves.toEqual({ status: 'error', message: 'Demande refusée, données invalides : Extension incohérente.' });
  });
});
