import { z } from 'zod';
import { MENU_COMMANDS, type InvokeName, type MenuCommand } from './ipc-channels';

export const MAX_SAVED_FILE_BYTES = 200 * 1024 * 1024;

export const SAVABLE_FILE_KINDS = {
  docx: { label: 'Document Word', extension: 'docx' },
  xlsx: { label: 'Classeur Excel', extension: 'xlsx' },
  json: { label: 'Données JSON', extension: 'json' },
  png: { label: 'Image PNG', extension: 'png' },
  svg: { label: 'Image SVG', extension: 'svg' },
  bocage: { label: 'Fichier Bocage', extension: 'bocage' },
  pdf: { label: 'Document PDF', extension: 'pdf' },
} as const;

export type SavableFileKind = keyof typeof SAVABLE_FILE_KINDS;

/** Any C0 or C1 control character, DEL included: none belongs in a file name. */
function hasControlCharacter(value: string): boolean {
  return /\p{Cc}/u.test(value);
}

/** A bare file name: no folder, no control characters, the extension of its kind. */
const safeFileName = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && !hasControlCharacter(name) && !name.startsWith('.'), 'Nom de fichier invalide.');

export const saveFileRequestSchema = z
  .object({
    fileKind: z.enum(['docx', 'xlsx', 'json', 'png', 'svg', 'bocage']),
    suggestedName: safeFileName,
    bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Contenu de fichier invalide.').refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= MAX_SAVED_FILE_BYTES, 'Taille de fichier invalide.'),
  })
  .strict()
  .refine((request) => request.suggestedName.toLowerCase().endsWith(`.${request.fileKind}`), 'Extension incohérente.');

export const saveFileResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), fileName: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('error'), message: z.string() }),
]);

/**
 * Prints the asking page (the pre-diagnostic's print preview, laid out by its print style sheet) to
 * a PDF and saves it where the user chooses: main never loads another page for it.
 */
export const exportPdfRequestSchema = z
  .object({ suggestedName: safeFileName })
  .strict()
  .refine((request) => request.suggestedName.toLowerCase().endsWith('.pdf'), 'Extension incohérente.');

export const getAppInfoRequestSchema = z.undefined();

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
});

export const clearLocalStorageRequestSchema = z.undefined();

export const clearLocalStorageResultSchema = z.object({ status: z.literal('cleared') });

export const menuCommandSchema = z.enum(MENU_COMMANDS);

/**
 * The only page a presenter window may show: one board's projection route, with ids shaped like
 * document ids. Main loads it after the app's own address, so nothing else may slip into it.
 */
const PRESENTER_ROUTE_PATTERN = /^\/missions\/[A-Za-z0-9-]{1,64}\/tableaux\/[A-Za-z0-9-]{1,64}\/projection$/;

export const openPresenterViewRequestSchema = z.string().regex(PRESENTER_ROUTE_PATTERN, 'Adresse de projection invalide.');

/** Where the presenter view opened: full screen on a second display, or a window beside the app. */
export const presenterPlacementSchema = z.enum(['external-display', 'window']);

export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type ExportPdfRequest = z.infer<typeof exportPdfRequestSchema>;
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;
export type AppInfo = z.infer<typeof appInfoSchema>;
export type PresenterPlacement = z.infer<typeof presenterPlacementSchema>;

/** Request and response schemas of every invoke channel: main validates both sides with them. */
export const INVOKE_SCHEMAS = {
  saveFile: { request: saveFileRequestSchema, response: saveFileResultSchema },
  getAppInfo: { request: getAppInfoRequestSchema, response: appInfoSchema },
  clearLocalStorage: { request: clearLocalStorageRequestSchema, response: clearLocalStorageResultSchema },
  openPresenterView: { request: openPresenterViewRequestSchema, response: presenterPlacementSchema },
  exportPdf: { request: exportPdfRequestSchema, response: saveFileResultSchema },
} as const satisfies Record<InvokeName, { request: z.ZodType; response: z.ZodType }>;

export type InvokeRequest<N extends InvokeName> = z.infer<(typeof INVOKE_SCHEMAS)[N]['request']>;
export type InvokeResponse<N extends InvokeName> = z.infer<(typeof INVOKE_SCHEMAS)[N]['response']>;

/** What the preload exposes to the renderer, and nothing more. */
export interface DesktopApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  getAppInfo(): Promise<AppInfo>;
  /** Deletes every file of the app's local storage (GDPR erasure): the renderer writes back its clean documents. */
  clearLocalStorage(): Promise<{ status: 'cleared' }>;
  /** Opens (or brings forward) the presenter window of a board; `route` is its projection route. */
  openPresenterView(route: string): Promise<PresenterPlacement>;
  /** Prints the current page to PDF (A4, as its print style sheet lays it out) and saves it. */
  exportPdf(request: ExportPdfRequest): Promise<SaveFileResult>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
