import type { SavableFileKind } from '@shared/ipc/ipc-contract';
import { CLEAR_SITE_DATA_PATH } from '@shared/security/clear-site-data';
import type { Bridge } from './bridge';

const MIME_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  png: 'image/png',
  svg: 'image/svg+xml',
  // A .bocage file is a ZIP archive (src-shared/archive/bocage-archive.ts).
  bocage: 'application/zip',
  pdf: 'application/pdf',
} as const satisfies Record<SavableFileKind, string>;

/** The board's segment of a projection route, to name its window. */
const PRESENTER_ROUTE = /^\/missions\/[^/]+\/tableaux\/([^/]+)\/projection$/;

/** In a plain browser a file is saved as a download; there is no application menu. */
export function createWebBridge(): Bridge {
  return {
    kind: 'web',
    async saveFile(request) {
      const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>], { type: MIME_TYPES[request.fileKind] });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started from the object URL; revoking at once can cancel it in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { status: 'saved', fileName: request.suggestedName };
    },
    onMenuCommand: () => () => undefined,
    async clearLocalStorage() {
      // The server answers with `Clear-Site-Data: "storage"`: the browser then deletes the
      // origin's storage folders, which no script API can do.
      const response = await fetch(CLEAR_SITE_DATA_PATH, { method: 'POST', cache: 'no-store' }).catch(() => null);
      if (!response?.ok) {
        throw new Error('Le serveur de la version web n’a pas pu effacer le stockage local du navigateur (lancez Bocage avec npm run start:web).');
      }
    },
    async exportPdf() {
      // A page cannot write a PDF itself: the print dialog can, with the same print style sheet.
      window.print();
      return { status: 'print-dialog' };
    },
    async openPresenterView(route) {
      const board = PRESENTER_ROUTE.exec(route)?.[1];
      if (board === undefined) throw new Error('Adresse de projection invalide.');
      const url = new URL(window.location.href);
      url.hash = route;
      // Named after the board: a second click brings back the same window instead of opening another.
      const opened = window.open(url.href, `bocage-presentation-${board}`, 'popup');
      if (!opened) {
        throw new Error(
          `Le navigateur a bloqué la fenêtre de projection : autorisez les fenêtres pop-up pour ce site, ou ouvrez l’adresse ${url.href} dans un nouvel onglet.`,
        );
      }
      opened.focus();
      // A popup has no toolbar; a browser that made it a tab anyway (a tablet, a user setting) shows one.
      return opened.toolbar.visible ? 'tab' : 'window';
    },
  };
}
