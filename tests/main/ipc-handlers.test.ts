import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '@shared/ipc/ipc-channels';
import { createAppUrlPolicy } from '../../src-main/app-origin';
import { createInvokeOperations, createIpcHandlers, registerIpcHandlers, type InvokeEvent } from '../../src-main/ipc-handlers';
import type { SaveFileDependencies, SaveFileSystem } from '../../src-main/save-file';

const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37]);

/** The asking page; it prints the bytes of a small PDF, or fails like a page that crashed meanwhile. */
function pageThatPrints(outcome: Uint8Array | Error = PDF_BYTES) {
  return {
    printToPDF: vi.fn(async () => {
      if (outcome instanceof Error) throw outcome;
      return outcome;
    }),
  };
}

function eventFrom(url: string, parent: unknown = null, sender = pageThatPrints()): InvokeEvent {
  return { senderFrame: { url, parent }, sender };
}

const APP_FRAME: InvokeEvent = eventFrom('bocage://app/index.html');
const DOCX_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 255]);

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'bocage-save-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const realFileSystem: SaveFileSystem = { writeFile, rename, rm };

function setUp({ chosenPath, fileSystem = realFileSystem }: { chosenPath: string | null; fileSystem?: SaveFileSystem }) {
  const clearStorageData = vi.fn(async () => undefined);
  const openPresenterWindow = vi.fn((_route: string) => 'external-display' as const);
  const showSaveDialog = vi.fn<SaveFileDependencies['showSaveDialog']>(async () =>
    chosenPath === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: chosenPath },
  );
  const operations = createInvokeOperations({
    showSaveDialog,
    documentsFolder: '/home/claire/Documents',
    fileSystem,
    appInfo: { version: '0.1.0', platform: 'linux' },
    clearStorageData,
    openPresenterWindow,
  });
  const handlers = createIpcHandlers(operations, createAppUrlPolicy(null).isAppUrl);
  return {
    showSaveDialog,
    saveFile: (payload: unknown, event: InvokeEvent = APP_FRAME) => handlers[INVOKE_CHANNELS.saveFile](event, payload),
    getAppInfo: (event: InvokeEvent = APP_FRAME, ...args: unknown[]) => handlers[INVOKE_CHANNELS.getAppInfo](event, ...args),
    clearStorageData,
    clearLocalStorage: (event: InvokeEvent = APP_FRAME, ...args: unknown[]) => handlers[INVOKE_CHANNELS.clearLocalStorage](event, ...args),
    openPresenterWindow,
    openPresenterView: (route: unknown, event: InvokeEvent = APP_FRAME) => handlers[INVOKE_CHANNELS.openPresenterView](event, route),
    exportPdf: (payload: unknown, event: InvokeEvent) => handlers[INVOKE_CHANNELS.exportPdf](event, payload),
  };
}

function validRequest() {
  return { fileKind: 'docx', suggestedName: 'Pré-diagnostic Vallée du Lot.docx', bytes: DOCX_BYTES };
}

describe('who may call main', () => {
  it.each([
    ['a page that is not the app', eventFrom('https://example.org/')],
    ['an iframe inside the app', eventFrom('bocage://app/index.html', {})],
    ['a frame already gone', { senderFrame: null, sender: pageThatPrints() }],
    ['a local file page', eventFrom('file:///tmp/evil.html')],
  ])('refuses %s, so no foreign content can write files through Bocage', async (_label, event) => {
    const { saveFile, showSaveDialog, getAppInfo } = setUp({ chosenPath: path.join(folder, 'x.docx') });
    await expect(saveFile(validRequest(), event)).rejects.toThrow('Demande refusée : elle ne vient pas de la fenêtre de Bocage.');
    await expect(getAppInfo(event)).rejects.toThrow(/Demande refusée/);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('what main accepts to save', () => {
  it.each([
    ['an unknown kind of file', { ...validRequest(), fileKind: 'exe', suggestedName: 'outil.exe' }, /fileKind/],
    ['a name that climbs out of the folder', { ...validRequest(), suggestedName: '../../etc/passwd.docx' }, /Nom de fichier invalide/],
    ['bytes that are not bytes', { ...validRequest(), bytes: [80, 75, 3, 4] }, /bytes : Contenu de fichier invalide/],
    ['a name whose extension does not match its kind', { ...validRequest(), suggestedName: 'rapport.xlsx' }, /Extension incohérente/],
    ['an empty file', { ...validRequest(), bytes: new Uint8Array() }, /Taille de fichier invalide/],
    ['extra fields', { ...validRequest(), path: '/etc' }, /Clé non reconnue/],
  ])('refuses %s with a French message and writes nothing', async (_label, payload, message) => {
    const fileSystem = { writeFile: vi.fn(), rename: vi.fn(), rm: vi.fn() };
    const { saveFile, showSaveDialog } = setUp({ chosenPath: path.join(folder, 'x.docx'), fileSystem });
    const error: unknown = await saveFile(payload).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^Demande refusée, données invalides : /);
    expect((error as Error).message).toMatch(message);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(fileSystem.writeFile).not.toHaveBeenCalled();
    expect(fileSystem.rename).not.toHaveBeenCalled();
  });

  it('refuses a second argument smuggled next to the request', async () => {
    const { getAppInfo } = setUp({ chosenPath: null });
    await expect(getAppInfo(APP_FRAME, undefined, 'extra')).rejects.toThrow('Demande refusée : elle contient des données inattendues.');
  });
});

describe('saving an export', () => {
  it('writes exactly the exported bytes where the user chose, so the Word file opens intact', async () => {
    const target = path.join(folder, 'Pré-diagnostic.docx');
    const { saveFile } = setUp({ chosenPath: target });
    await expect(saveFile(validRequest())).resolves.toEqual({ status: 'saved', fileName: 'Pré-diagnostic.docx' });
    expect(new Uint8Array(await readFile(target))).toEqual(DOCX_BYTES);
    expect(await readdir(folder)).toEqual(['Pré-diagnostic.docx']);
  });

  it('proposes the suggested name in the Documents folder, with a Word filter and a French title', async () => {
    const { saveFile, showSaveDialog } = setUp({ chosenPath: null });
    await saveFile(validRequest());
    expect(showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Enregistrer le document',
        defaultPath: path.join('/home/claire/Documents', 'Pré-diagnostic Vallée du Lot.docx'),
        filters: [{ name: 'Document Word', extensions: ['docx'] }],
      }),
    );
  });

  it('replaces an older version of the file the user chose to overwrite', async () => {
    const target = path.join(folder, 'Tableau.xlsx');
    await writeFile(target, 'old version');
    const { saveFile } = setUp({ chosenPath: target });
    await saveFile({ fileKind: 'xlsx', suggestedName: 'Tableau.xlsx', bytes: DOCX_BYTES });
    expect(new Uint8Array(await readFile(target))).toEqual(DOCX_BYTES);
  });

  it('reports a cancelled dialog as cancelled and writes nothing', async () => {
    const { saveFile } = setUp({ chosenPath: null });
    await expect(saveFile(validRequest())).resolves.toEqual({ status: 'cancelled' });
    expect(await readdir(folder)).toEqual([]);
  });
});

function failingFileSystem(code: string): SaveFileSystem {
  return {
    ...realFileSystem,
    async writeFile(filePath, bytes, options) {
      // Half the file reaches the disk before it fills up, as happens for real.
      await writeFile(filePath, bytes.subarray(0, 2), options);
      throw Object.assign(new Error(`${code}: simulated failure, write`), { code });
    },
  };
}

describe('a save that fails', () => {
  it('says in French that the disk is full and leaves the previous version untouched', async () => {
    const target = path.join(folder, 'Pré-diagnostic.docx');
    await writeFile(target, 'previous version');
    const { saveFile } = setUp({ chosenPath: target, fileSystem: failingFileSystem('ENOSPC') });
    await expect(saveFile(validRequest())).resolves.toEqual({ status: 'error', message: 'Le disque est plein : le fichier n’a pas été enregistré.' });
    expect(await readFile(target, 'utf8')).toBe('previous version');
    expect(await readdir(folder)).toEqual(['Pré-diagnostic.docx']);
  });

  it.each(['EACCES', 'EPERM'])('explains a refused write (%s) in French and how to get past it', async (code) => {
    const { saveFile } = setUp({ chosenPath: path.join(folder, 'a.docx'), fileSystem: failingFileSystem(code) });
    const result = await saveFile(validRequest());
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/n’a pas l’autorisation d’écrire ce fichier/) });
  });

  it('gives the reason of any other failure', async () => {
    const { saveFile } = setUp({ chosenPath: path.join(folder, 'a.docx'), fileSystem: failingFileSystem('EIO') });
    await expect(saveFile(validRequest())).resolves.toEqual({
      status: 'error',
      message: 'Le fichier n’a pas été enregistré. Raison : EIO: simulated failure, write',
    });
  });
});

describe('the application information', () => {
  it('deletes the storage files when the app asks during an erasure, so the erased person leaves no trace on disk', async () => {
    const { clearLocalStorage, clearStorageData } = setUp({ chosenPath: null });
    await expect(clearLocalStorage()).resolves.toEqual({ status: 'cleared' });
    expect(clearStorageData).toHaveBeenCalledOnce();
  });

  it('never lets another page wipe the app storage', async () => {
    const { clearLocalStorage, clearStorageData } = setUp({ chosenPath: null });
    await expect(clearLocalStorage(eventFrom('https://example.org/'))).rejects.toThrow(/Demande refusée/);
    await expect(clearLocalStorage(APP_FRAME, 'everything')).rejects.toThrow(/Demande refusée/);
    expect(clearStorageData).not.toHaveBeenCalled();
  });

  it('gives the version and platform to the page that asks', async () => {
    const { getAppInfo } = setUp({ chosenPath: null });
    await expect(getAppInfo()).resolves.toEqual({ version: '0.1.0', platform: 'linux' });
  });
});

describe('opening the presenter view', () => {
  const ROUTE = '/missions/0b5c2f1e-9d4a-4c1e-8a3b-2f6e7d8c9a10/tableaux/7f1d2c3b-4a5e-4f60-9b8a-1c2d3e4f5a6b/projection';

  it('opens the projection of the board the facilitator asked for, and says where it went', async () => {
    const { openPresenterView, openPresenterWindow } = setUp({ chosenPath: null });
    await expect(openPresenterView(ROUTE)).resolves.toBe('external-display');
    expect(openPresenterWindow).toHaveBeenCalledExactlyOnceWith(ROUTE);
  });

  it.each([
    ['another page of the app', '/rgpd'],
    ['the board itself rather than its projection', '/missions/m-1/tableaux/b-1'],
    ['a foreign address', 'https://example.org/missions/m-1/tableaux/b-1/projection'],
    ['a route climbing out of the board', '/missions/m-1/tableaux/../../rgpd/projection'],
    ['a route with a query added', '/missions/m-1/tableaux/b-1/projection?x=1'],
    ['a route with a second hash', '/missions/m-1/tableaux/b-1/projection#https://example.org'],
    ['a route followed by a line break', '/missions/m-1/tableaux/b-1/projection\n'],
    ['encoded characters in an id', '/missions/m%2F1/tableaux/b-1/projection'],
    ['an overlong id', `/missions/${'a'.repeat(65)}/tableaux/b-1/projection`],
    ['something that is not text', { route: '/missions/m-1/tableaux/b-1/projection' }],
  ])('refuses %s, so a presenter window only ever shows a board’s projection', async (_label, route) => {
    const { openPresenterView, openPresenterWindow } = setUp({ chosenPath: null });
    await expect(openPresenterView(route)).rejects.toThrow(/^Demande refusée, données invalides : /);
    expect(openPresenterWindow).not.toHaveBeenCalled();
  });

  it('refuses a request from a page that is not the app', async () => {
    const { openPresenterView, openPresenterWindow } = setUp({ chosenPath: null });
    await expect(openPresenterView(ROUTE, eventFrom('https://example.org/'))).rejects.toThrow(/Demande refusée/);
    expect(openPresenterWindow).not.toHaveBeenCalled();
  });
});

describe('registration', () => {
  it('handles every channel of the contract and nothing else', () => {
    const handle = vi.fn();
    const operations = createInvokeOperations({
      showSaveDialog: vi.fn(),
      documentsFolder: '/tmp',
      fileSystem: realFileSystem,
      appInfo: { version: '1', platform: 'linux' },
      clearStorageData: vi.fn(),
      openPresenterWindow: vi.fn(),
    });
    registerIpcHandlers({ handle }, createIpcHandlers(operations, () => true));
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
  });
});

describe('exporting the print preview to PDF', () => {
  it('prints the asking page on A4 with its own print style sheet and saves exactly those bytes where the user chose', async () => {
    const target = path.join(folder, 'Pré-diagnostic.pdf');
    const { exportPdf, showSaveDialog } = setUp({ chosenPath: target });
    const page = pageThatPrints();
    await expect(exportPdf({ suggestedName: 'Pré-diagnostic – Mission exemple.pdf' }, eventFrom('bocage://app/index.html', null, page))).resolves.toEqual({
      status: 'saved',
      fileName: 'Pré-diagnostic.pdf',
    });
    expect(page.printToPDF).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }));
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ filters: [{ name: 'Document PDF', extensions: ['pdf'] }] }));
    expect(new Uint8Array(await readFile(target))).toEqual(PDF_BYTES);
  });

  it('tells the user in French when the page could not be printed, and writes nothing', async () => {
    const { exportPdf, showSaveDialog } = setUp({ chosenPath: path.join(folder, 'x.pdf') });
    const result = await exportPdf({ suggestedName: 'Pré-diagnostic.pdf' }, eventFrom('bocage://app/index.html', null, pageThatPrints(new Error('render process gone'))));
    expect(result).toEqual({ status: 'error', message: 'Le PDF n’a pas pu être produit. Raison : render process gone' });
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(await readdir(folder)).toEqual([]);
  });

  it.each([
    ['another extension', { suggestedName: 'Pré-diagnostic.docx' }],
    ['a path instead of a name', { suggestedName: '../../.bashrc.pdf' }],
    ['unexpected fields', { suggestedName: 'a.pdf', bytes: new Uint8Array([1]) }],
    ['no name', {}],
  ])('refuses %s, so a page can only ask for a PDF of itself under a plain name', async (_label, payload) => {
    const { exportPdf, showSaveDialog } = setUp({ chosenPath: path.join(folder, 'x.pdf') });
    const page = pageThatPrints();
    await expect(exportPdf(payload, eventFrom('bocage://app/index.html', null, page))).rejects.toThrow(/^Demande refusée, données invalides : /);
    expect(page.printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('never prints for a page that is not the app', async () => {
    const { exportPdf } = setUp({ chosenPath: path.join(folder, 'x.pdf') });
    const page = pageThatPrints();
    await expect(exportPdf({ suggestedName: 'a.pdf' }, eventFrom('https://example.org/', null, page))).rejects.toThrow(/Demande refusée/);
    expect(page.printToPDF).not.toHaveBeenCalled();
  });
});
