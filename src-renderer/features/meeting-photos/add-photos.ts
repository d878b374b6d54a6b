import type * as Y from 'yjs';
import { attachPhoto } from '@shared/meetings/meeting-photo-operations';
import { InvalidOperationError, ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { AttachmentStorageError, storeAttachment } from '../../storage/attachment-store';
import type { LocalDatabase } from '../../storage/local-database';
import { PhotoRefusedError, preparePhoto } from './photo-preparation';

export interface AddPhotosResult {
  added: number;
  /** One French sentence per file left out, naming it. */
  refusals: string[];
}

function refusalOf(file: File, error: unknown): string {
  if (error instanceof PhotoRefusedError) return error.message;
  if (error instanceof AttachmentStorageError || error instanceof InvalidOperationError || error instanceof ReadOnlyDocumentError) {
    return `« ${file.name} » : ${error.message}`;
  }
  console.error('Bocage : une photo n’a pas pu être ajoutée.', error);
  return `« ${file.name} » n’a pas pu être enregistrée sur cet ordinateur, pour une raison inattendue. Réessayez ; si cela se reproduit, redémarrez Bocage.`;
}

/**
 * Prepares, stores and attaches the files one after the other (a phone photo decoded takes tens
 * of megabytes). The bytes are stored before the meeting references them: a failure in between
 * leaves an unreferenced attachment, which costs only space, never a photo that exists nowhere.
 */
export async function addPhotos(
  db: LocalDatabase,
  missionDoc: Y.Doc,
  meetingId: string,
  files: readonly File[],
  onProgress: (done: number) => void,
): Promise<AddPhotosResult> {
  const result: AddPhotosResult = { added: 0, refusals: [] };
  for (const [index, file] of files.entries()) {
    onProgress(index);
    try {
      const photo = await preparePhoto(file);
      const hash = await storeAttachment(db, photo.bytes, photo.mediaType);
      attachPhoto(missionDoc, LOCAL_ORIGIN, meetingId, {
        hash,
        fileName: file.name,
        mediaType: photo.mediaType,
        byteLength: photo.bytes.byteLength,
        width: photo.width,
        height: photo.height,
      });
      result.added += 1;
    } catch (error) {
      result.refusals.push(refusalOf(file, error));
    }
  }
  onProgress(files.length);
  return result;
}
