import { z } from 'zod';
import { MENU_COMMANDS, type InvokeName, type MenuCommand } from './ipc-channels';

export const MAX_SAVED_FILE_BYTES = 200 * 1024 * 1024;

export const SAVABLE_FILE_KINDS = {
  docx: { label: 'Document Word', extension: 'docx' },
  xlsx: { label: 'Classeur Excel', extension: 'xlsx' },
  json: { label: 'Données JSON', extension: 'json' },
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
    fileKind: z.enum(['docx', 'xlsx', 'json']),
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

export const getAppInfoRequestSchema = z.undefined();

export const appInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
});

export const clearLocalStorageRequestSchema = z.undefined();

export const clearLocalStorageResultSchema = z.object({ status: z.literal('cleared') });

export const menuCommandSchema = z.enum(MENU_COMMANDS);

export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>;
export type SaveFileResult = z.infer<typeof saveFileResultSchema>;
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Request and response schemas of every invoke channel: main validates both sides with them. */
export const INVOKE_SCHEMAS = {
  saveFile: { request: saveFileRequestSchema, response: saveFileResultSchema },
  getAppInfo: { request: getAppInfoRequestSchema, response: appInfoSchema },
  clearLocalStorage: { request: clearLocalStorageRequestSchema, response: clearLocalStorageResultSchema },
} as const satisfies Record<InvokeName, { request: z.ZodType; response: z.ZodType }>;

export type InvokeRequest<N extends InvokeName> = z.infer<(typeof INVOKE_SCHEMAS)[N]['request']>;
export type InvokeResponse<N extends InvokeName> = z.infer<(typeof INVOKE_SCHEMAS)[N]['response']>;

/** What the preload exposes to the renderer, and nothing more. */
export interface DesktopApi {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  getAppInfo(): Promise<AppInfo>;
  /** Deletes every file of the app's local storage (GDPR erasure): the renderer writes back its clean documents. */
  clearLocalStorage(): Promise<{ status: 'cleared' }>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
