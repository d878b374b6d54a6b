import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { SaveDialogOptions } from 'electron';
import { SAVABLE_FILE_KINDS, type SavableFileKind, type SaveFileResult } from '@shared/ipc/ipc-contract';

/** Checked bytes to write: a renderer's saveFile request, or a PDF main printed itself. */
export interface FileToSave {
  fileKind: SavableFileKind;
  suggestedName: string;
  bytes: Uint8Array;
}

/** The file-system calls a save needs; node:fs/promises in the app, fakes in tests. */
export interface SaveFileSystem {
  writeFile(filePath: string, bytes: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(fromPath: string, toPath: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

export interface SaveFileDependencies {
  /** Electron's dialog.showSaveDialog, attached to the app window. */
  readonly showSaveDialog: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath: string }>;
  readonly documentsFolder: string;
  readonly fileSystem: SaveFileSystem;
}

const DISK_FULL_MESSAGE = 'Le disque est plein : le fichier n’a pas été enregistré.';
const NOT_ALLOWED_MESSAGE =
  'Bocage n’a pas l’autorisation d’écrire ce fichier : il est peut-être ouvert dans une autre application (Word, Excel), ou le dossier est protégé. Fermez le fichier ou choisissez un autre dossier.';

const WRITE_FAILURE_MESSAGES: Readonly<Record<string, string>> = {
  ENOSPC: DISK_FULL_MESSAGE,
  EDQUOT: DISK_FULL_MESSAGE,
  EACCES: NOT_ALLOWED_MESSAGE,
  EPERM: NOT_ALLOWED_MESSAGE,
  EBUSY: 'Le fichier est ouvert dans une autre application (Word, Excel) : fermez-le, puis enregistrez à nouveau.',
  EROFS: 'Cet emplacement est en lecture seule : le fichier n’a pas été enregistré. Choisissez un autre dossier.',
};

/** What the user reads when the bytes could not be written, in plain French. */
export function describeWriteFailure(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const knownMessage = code === undefined ? undefined : WRITE_FAILURE_MESSAGES[code];
  if (knownMessage) return knownMessage;
  const reason = error instanceof Error ? error.message : String(error);
  return `Le fichier n’a pas été enregistré. Raison : ${reason}`;
}

/**
 * Writes next to the target, then renames over it: if the disk fills up halfway, the user's
 * previous version of the document is still intact instead of being replaced by a truncated file.
 */
async function writeFileSafely(targetPath: string, bytes: Uint8Array, fileSystem: SaveFileSystem): Promise<void> {
  const temporaryPath = path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${randomUUID()}.tmp`);
  try {
    await fileSystem.writeFile(temporaryPath, bytes, { flag: 'wx' });
    await fileSystem.rename(temporaryPath, targetPath);
  } catch (error) {
    await fileSystem.rm(temporaryPath, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Asks where to save (in the Documents folder by default), then writes exactly the bytes received. */
export async function saveFileWithDialog(request: FileToSave, dependencies: SaveFileDependencies): Promise<SaveFileResult> {
  const kind = SAVABLE_FILE_KINDS[request.fileKind];
  const choice = await dependencies.showSaveDialog({
    title: 'Enregistrer le document',
    defaultPath: path.join(dependencies.documentsFolder, request.suggestedName),
    filters: [{ name: kind.label, extensions: [kind.extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
  try {
    await writeFileSafely(choice.filePath, request.bytes, dependencies.fileSystem);
  } catch (error) {
    return { status: 'error', message: describeWriteFailure(error) };
  }
  return { status: 'saved', fileName: path.basename(choice.filePath) };
}
