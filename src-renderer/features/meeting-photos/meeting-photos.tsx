import { useId, useRef, useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { formatDateTime } from '@shared/format/french-format';
import type { Meeting, MeetingPhoto } from '@shared/meetings/meeting-model';
import { removePhoto, setPhotoCaption } from '@shared/meetings/meeting-photo-operations';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { useSession } from '../../app/session-context';
import type { LocalDatabase } from '../../storage/local-database';
import { attempt } from '../diagnostic-links/operation-error';
import { SavedTextField } from '../diagnostic-links/saved-fields';
import { meetingName } from '../meetings/meeting-labels';
import { addPhotos } from './add-photos';
import { PhotoImage } from './photo-image';
import { PhotoViewer } from './photo-viewer';
import { useModalDialog } from './use-modal-dialog';

interface MeetingPhotosProps {
  missionDoc: Y.Doc;
  meeting: Meeting;
  readOnly: boolean;
  /** 'page': the meeting page's section, to add and caption photos; 'side': a compact column beside a board. */
  layout: 'page' | 'side';
}

/** The text alternative of a photo: its caption, or which photo of which meeting it is. */
function photoAlt(meeting: Meeting, photo: MeetingPhoto, index: number): string {
  return photo.caption.trim() || `Photo ${index + 1} de la réunion ${meetingName(meeting)}`;
}

function photoCount(count: number): string {
  return count === 1 ? '1 photo ajoutée.' : `${count} photos ajoutées.`;
}

/** A thumbnail that opens the photo large; its name is the photo's text alternative. */
function Thumbnail({ db, photo, alt, onOpen }: { db: LocalDatabase; photo: MeetingPhoto; alt: string; onOpen: () => void }) {
  return (
    <button type="button" className="meeting-photo__open" aria-haspopup="dialog" onClick={onOpen}>
      <span className="visually-hidden">Agrandir : </span>
      <PhotoImage db={db} photo={photo} alt={alt} className="meeting-photo__thumbnail" />
    </button>
  );
}

interface RemovalDialogProps {
  photo: MeetingPhoto | null;
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Retirer la photo": says what happens, then removes it; cancelling is the default action. */
function RemovalDialog({ photo, name, onConfirm, onCancel }: RemovalDialogProps) {
  const titleId = useId();
  const { dialog, restoreFocus } = useModalDialog(photo !== null);
  const confirmed = useRef(false);
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={titleId}
      onClose={() => {
        if (confirmed.current) {
          onConfirm();
        } else {
          onCancel();
          restoreFocus();
        }
        confirmed.current = false;
      }}
    >
      <h3 id={titleId}>Retirer cette photo de la réunion ?</h3>
      <p>{name} ne sera plus jointe à la réunion, sur cet ordinateur comme chez vos collègues.</p>
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => {
            confirmed.current = true;
            dialog.current?.close();
          }}
        >
          Retirer la photo
        </button>
        <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
          Annuler
        </button>
      </div>
    </dialog>
  );
}

/** Adding photos from the computer, a phone's files or a tablet's camera; one message per file refused. */
function AddPhotosField({ db, missionDoc, meetingId, onAdded }: { db: LocalDatabase; missionDoc: Y.Doc; meetingId: string; onAdded: (message: string) => void }) {
  const id = useId();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [refusals, setRefusals] = useState<string[]>([]);

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setRefusals([]);
    onAdded('');
    setProgress({ done: 0, total: files.length });
    const result = await addPhotos(db, missionDoc, meetingId, files, (done) => setProgress({ done, total: files.length }));
    setProgress(null);
    setRefusals(result.refusals);
    onAdded(result.added > 0 ? photoCount(result.added) : '');
    // The same file can be chosen again once the reason it was refused is fixed.
    input.value = '';
  }

  return (
    <div className="field meeting-photos__add">
      <label htmlFor={id}>Ajouter des photos</label>
      <p id={`${id}-hint`} className="hint">
        JPEG, PNG ou WebP. Les photos de téléphone sont réduites (2 560 pixels au plus) avant d’être enregistrées sur cet ordinateur.
      </p>
      <input
        id={id}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        aria-describedby={`${id}-hint`}
        disabled={progress !== null}
        onChange={(event) => void choose(event)}
      />
      <p role="status" className="confirmation">
        {progress && progress.done < progress.total ? `Préparation de la photo ${progress.done + 1} sur ${progress.total}…` : ''}
      </p>
      {refusals.length > 0 && (
        <div role="alert" className="field-error">
          {refusals.map((refusal) => (
            <p key={refusal}>{refusal}</p>
          ))}
        </div>
      )}
    </div>
  );
}

/**
 * The photos of the meeting's paper boards (paperboards, walls of sticky notes). On the meeting
 * page they are added, captioned and removed; beside a board they are a column of thumbnails.
 * A thumbnail opens the photo large.
 */
export function MeetingPhotos({ missionDoc, meeting, readOnly, layout }: MeetingPhotosProps) {
  const { db } = useSession();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [openHash, setOpenHash] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MeetingPhoto | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const photos = meeting.photos;
  const altOf = (photo: MeetingPhoto, index: number) => photoAlt(meeting, photo, index);
  const viewer = <PhotoViewer db={db} photos={photos} openHash={openHash} altOf={altOf} onClose={() => setOpenHash(null)} />;

  if (layout === 'side') {
    return (
      <aside className="meeting-photos meeting-photos--side" aria-labelledby={titleId}>
        <h3 id={titleId}>Photos des supports papier</h3>
        {photos.length === 0 ? (
          <p className="hint">Aucune photo jointe à la réunion.</p>
        ) : (
          <ul className="meeting-photos__list">
            {photos.map((photo, index) => (
              <li key={photo.hash} className="meeting-photo">
                <Thumbnail db={db} photo={photo} alt={altOf(photo, index)} onOpen={() => setOpenHash(photo.hash)} />
                {photo.caption && <p className="meeting-photo__caption">{photo.caption}</p>}
              </li>
            ))}
          </ul>
        )}
        {viewer}
      </aside>
    );
  }

  const removingIndex = removing ? photos.findIndex((photo) => photo.hash === removing.hash) : -1;
  return (
    <section className="meeting-photos" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        Photos des supports papier
      </h3>
      {!readOnly && <AddPhotosField db={db} missionDoc={missionDoc} meetingId={meeting.id} onAdded={setAnnouncement} />}
      <p role="status" className="confirmation">
        {announcement}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {photos.length === 0 ? (
        <p className="hint">Aucune photo pour l’instant : photographiez les paperboards et les murs de post-it à la fin de la réunion.</p>
      ) : (
        <ul className="meeting-photos__grid">
          {photos.map((photo, index) => (
            <li key={photo.hash} className="meeting-photo">
              <Thumbnail db={db} photo={photo} alt={altOf(photo, index)} onOpen={() => setOpenHash(photo.hash)} />
              <SavedTextField
                label={`Légende de la photo ${index + 1}`}
                value={photo.caption}
                readOnly={readOnly}
                onSave={(caption) => setPhotoCaption(missionDoc, LOCAL_ORIGIN, meeting.id, photo.hash, caption)}
              />
              <p className="meeting-photo__details">
                {photo.fileName} · ajoutée le {formatDateTime(photo.addedAt)}
              </p>
              {!readOnly && (
                <button type="button" className="button button--danger" aria-haspopup="dialog" onClick={() => setRemoving(photo)}>
                  Retirer la photo {index + 1}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {viewer}
      <RemovalDialog
        photo={removing}
        name={removing?.caption ? `La photo « ${removing.caption} »` : `La photo ${removingIndex + 1} (${removing?.fileName ?? ''})`}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const refusal = attempt(() => removePhoto(missionDoc, LOCAL_ORIGIN, meeting.id, removing.hash));
          setError(refusal);
          setAnnouncement(refusal ? '' : 'Photo retirée de la réunion.');
          setRemoving(null);
          // Its button is gone with it: the section's title is the nearest stable place.
          heading.current?.focus();
        }}
      />
    </section>
  );
}
