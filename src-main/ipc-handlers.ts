import { z } from 'zod';
import { INVOKE_CHANNELS, type InvokeName } from '@shared/ipc/ipc-channels';
import { INVOKE_SCHEMAS, type AppInfo, type InvokeRequest, type InvokeResponse, type PresenterPlacement } from '@shared/ipc/ipc-contract';
import { exportPageToPdf, type PdfPrintingPage } from './export-pdf';
import { saveFileWithDialog, type SaveFileDependencies } from './save-file';

/** What a handler reads of Electron's IpcMainInvokeEvent. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  /** The asking page: exportPdf prints it. */
  readonly sender: PdfPrintingPage;
}

export type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

type InvokeChannel = (typeof INVOKE_CHANNELS)[InvokeName];

/** The work behind each channel, once the message has been checked. */
export type InvokeOperations = { [N in InvokeName]: (request: InvokeRequest<N>, event: InvokeEvent) => Promise<InvokeResponse<N>> };

export interface InvokeOperationDependencies extends SaveFileDependencies {
  readonly appInfo: AppInfo;
  /** Deletes the files of the window's IndexedDB and other web storage (Electron's session.clearStorageData). */
  readonly clearStorageData: () => Promise<void>;
  /** Opens or brings forward a board's presenter window (presenter-windows.ts); the route is already checked. */
  readonly openPresenterWindow: (route: string) => PresenterPlacement;
}

/** Zod's own messages in French, for the checks the contract does not word itself. */
const FRENCH_ERROR_MAP = z.locales.fr().localeError;

const FOREIGN_SENDER_MESSAGE = 'Demande refusée : elle ne vient pas de la fenêtre de Bocage.';

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')} : ${issue.message}` : issue.message)).join(' ; ');
}

export function createInvokeOperations(dependencies: InvokeOperationDependencies): InvokeOperations {
  return {
    saveFile: (request) => saveFileWithDialog(request, dependencies),
    getAppInfo: async () => dependencies.appInfo,
    clearLocalStorage: async () => {
      await dependencies.clearStorageData();
      return { status: 'cleared' as const };
    },
    openPresenterView: async (route) => dependencies.openPresenterWindow(route),
    exportPdf: (request, event) => exportPageToPdf(request, event.sender, dependencies),
  };
}

/**
 * Wraps an operation with the checks of Electron's checklist: the message must come from the app's
 * own top-level page (not an iframe, not a page it navigated to), its payload must match the
 * contract, and so must the answer, so that the renderer can trust it without re-checking.
 */
function guardOperation<Request, Response>(
  schemas: { readonly request: z.ZodType<Request>; readonly response: z.ZodType<Response> },
  operation: (request: Request, event: InvokeEvent) => Promise<Response>,
  isAppUrl: (url: string) => boolean,
): InvokeHandler {
  return async (event, ...args) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) throw new Error(FOREIGN_SENDER_MESSAGE);
    if (args.length > 1) throw new Error('Demande refusée : elle contient des données inattendues.');
    const request = schemas.request.safeParse(args[0], { error: FRENCH_ERROR_MAP });
    if (!request.success) throw new Error(`Demande refusée, données invalides : ${describeIssues(request.error)}`);
    const response = schemas.response.safeParse(await operation(request.data, event));
    if (!response.success) throw new Error(`Bocage a produit une réponse invalide : ${describeIssues(response.error)}`);
    return response.data;
  };
}

/** One checked handler per channel of the contract, keyed by channel name for ipcMain.handle. */
export function createIpcHandlers(operations: InvokeOperations, isAppUrl: (url: string) => boolean): Record<InvokeChannel, InvokeHandler> {
  return {
    [INVOKE_CHANNELS.saveFile]: guardOperation(INVOKE_SCHEMAS.saveFile, operations.saveFile, isAppUrl),
    [INVOKE_CHANNELS.getAppInfo]: guardOperation(INVOKE_SCHEMAS.getAppInfo, operations.getAppInfo, isAppUrl),
    [INVOKE_CHANNELS.clearLocalStorage]: guardOperation(INVOKE_SCHEMAS.clearLocalStorage, operations.clearLocalStorage, isAppUrl),
    [INVOKE_CHANNELS.openPresenterView]: guardOperation(INVOKE_SCHEMAS.openPresenterView, operations.openPresenterView, isAppUrl),
    [INVOKE_CHANNELS.exportPdf]: guardOperation(INVOKE_SCHEMAS.exportPdf, operations.exportPdf, isAppUrl),
  };
}

export function registerIpcHandlers(
  ipcMain: { handle(channel: string, listener: InvokeHandler): void },
  handlers: Record<InvokeChannel, InvokeHandler>,
): void {
  for (const [channel, handler] of Object.entries(handlers)) ipcMain.handle(channel, handler);
}
