import { useId } from 'react';
import { formatDateTime, formatInteger } from '@shared/format/french-format';
import type { MeetingPhoto } from '@shared/meetings/meeting-model';
import type { LocalDatabase } from '../../storage/local-database';
import { PhotoImage } from './photo-image';
import { useModalDialog } from './use-modal-dialog';

interface PhotoViewerProps {
  db: LocalDatabase;
  photos: readonly MeetingPhoto[];
  /** The photo shown large, or null when the viewer is closed. */
  openHash: string | null;
  altOf: (photo: MeetingPhoto, index: number) => string;
  onClose: () => void;
}

/**
 * One photo, as large as the screen allows, in a modal dialog. Escape or "Fermer" closes it and
 * the focus goes back to where it was (the thumbnail that opened it).
 */
export function PhotoViewer({ db, photos, openHash, altOf, onClose }: PhotoViewerProps) {
  const titleId = useId();
  const index = photos.findIndex((photo) => photo.hash === openHash);
  const photo = photos[index];
  // A photo a colleague removes while it is shown closes the viewer.
  const { dialog, restoreFocus } = useModalDialog(photo !== undefined);

  function closed() {
    onClose();
    restoreFocus();
  }

  return (
    <dialog ref={dialog} className="dialog photo-viewer" aria-labelledby={titleId} onClose={closed}>
      {photo && (
        <>
          <h3 id={titleId}>
            Photo {index + 1} sur {photos.length}
          </h3>
          <figure className="photo-viewer__figure">
            <PhotoImage db={db} photo={photo} alt={altOf(photo, index)} className="photo-viewer__image" />
            {photo.caption && <figcaption className="photo-viewer__caption">{photo.caption}</figcaption>}
          </figure>
          <p className="meeting-photo__details">
            {photo.fileName} · {formatInteger(photo.width)} × {formatInteger(photo.height)} pixels · ajoutée le {formatDateTime(photo.addedAt)}
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
              Fermer
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
