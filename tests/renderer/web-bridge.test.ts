import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebBridge } from '../../src-renderer/bridge/web-bridge';

const PAGE = 'http://127.0.0.1:4173/#/missions/m-1/tableaux/b-1';
const ROUTE = '/missions/m-1/tableaux/b-1/projection';

/** The browser's window.open: the opened window, whose toolbar shows when it became a tab. */
function browserOpening(opened: { toolbar: { visible: boolean }; focus: () => void } | null) {
  const open = vi.fn((_url: string, _name: string, _features: string) => opened);
  vi.stubGlobal('window', { location: { href: PAGE }, open });
  return open;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('opening the presenter view in a browser', () => {
  it('opens the projection of the board in a separate window named after the board, and brings it forward', async () => {
    const focus = vi.fn();
    const open = browserOpening({ toolbar: { visible: false }, focus });

    await expect(createWebBridge().openPresenterView(ROUTE)).resolves.toBe('window');

    expect(open).toHaveBeenCalledExactlyOnceWith(`http://127.0.0.1:4173/#${ROUTE}`, 'bocage-presentation-b-1', 'popup');
    expect(focus).toHaveBeenCalledOnce();
  });

  it('says so when the browser made it a tab, so the page can tell the facilitator to drag it to the projector', async () => {
    browserOpening({ toolbar: { visible: true }, focus: vi.fn() });
    await expect(createWebBridge().openPresenterView(ROUTE)).resolves.toBe('tab');
  });

  it('explains in French how to get past a blocked pop-up, with the address to open by hand', async () => {
    browserOpening(null);
    await expect(createWebBridge().openPresenterView(ROUTE)).rejects.toThrow(
      `Le navigateur a bloqué la fenêtre de projection : autorisez les fenêtres pop-up pour ce site, ou ouvrez l’adresse http://127.0.0.1:4173/#${ROUTE} dans un nouvel onglet.`,
    );
  });

  it('refuses a route that is not a projection, instead of opening some other page as the projector', async () => {
    const open = browserOpening({ toolbar: { visible: false }, focus: vi.fn() });
    await expect(createWebBridge().openPresenterView('/rgpd')).rejects.toThrow('Adresse de projection invalide.');
    expect(open).not.toHaveBeenCalled();
  });
});

describe('exporting to PDF in a browser', () => {
  it('opens the browser’s print dialog, where « Enregistrer au format PDF » writes the preview with its print layout', async () => {
    const print = vi.fn();
    vi.stubGlobal('window', { location: { href: PAGE }, print });
    await expect(createWebBridge().exportPdf('Pré-diagnostic.pdf')).resolves.toEqual({ status: 'print-dialog' });
    expect(print).toHaveBeenCalledOnce();
  });
});
