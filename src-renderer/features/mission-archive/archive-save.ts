import { formatInteger } from '@shared/format/french-format';
import { MAX_SAVED_FILE_BYTES, type SaveFileRequest } from '@shared/ipc/ipc-contract';
import type { ArchiveExport } from './archive-files';

/** The desktop app writes at most MAX_SAVED_FILE_BYTES; a browser downloads any size. */
export function saveRequestFor(bridgeKind: 'desktop' | 'web', exported: ArchiveExport): SaveFileRequest {
  if (bridgeKind === 'desktop' && exported.request.bytes.byteLength > MAX_SAVED_FILE_BYTES) {
    throw new Error(
      `le fichier dépasserait ${formatInteger(MAX_SAVED_FILE_BYTES / (1024 * 1024))} Mo, la taille la plus grande que Bocage enregistre. Exportez plutôt les missions une par une depuis leur page.`,
    );
  }
  return exported.request;
}

/** What the user reads about photos left out of a file, or an empty string. */
export function missingPhotosNote(missingPhotos: number): string {
  if (missingPhotos === 0) return '';
  const [photos, received] =
    missingPhotos > 1 ? [`${formatInteger(missingPhotos)} photos ne sont pas`, 'ne les a pas encore reçues'] : ['1 photo n’est pas', 'ne l’a pas encore reçue'];
  return `${photos} dans le fichier : cet ordinateur ${received}. Exportez depuis le poste où elles ont été ajoutées pour les inclure.`;
}
