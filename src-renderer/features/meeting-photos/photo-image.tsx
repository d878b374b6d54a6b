import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import type { MeetingPhoto } from '@shared/meetings/meeting-model';
import { readAttachment } from '../../storage/attachment-store';
import type { LocalDatabase } from '../../storage/local-database';

export const PHOTO_FROM_ANOTHER_MACHINE =
  'Photo prise sur un autre poste : elle s’affichera ici quand la synchronisation des pièces jointes sera en place.';

const PHOTO_UNREADABLE = 'Cette photo n’a pas pu être lue sur cet ordinateur.';

type AttachmentView = { hash: string } & ({ status: 'ready'; url: string } | { status: 'missing' } | { status: 'unreadable' });

/**
 * An object URL for the attachment, followed live so a photo stored later (or by another tab)
 * appears without reloading. Every URL is revoked when replaced and when the component goes.
 */
function useAttachmentView(db: LocalDatabase, hash: string): AttachmentView | { status: 'loading' } {
  const [view, setView] = useState<AttachmentView | null>(null);
  useEffect(() => {
    let url: string | null = null;
    const release = () => {
      if (url) URL.revokeObjectURL(url);
      url = null;
    };
    const subscription = liveQuery(() => readAttachment(db, hash)).subscribe({
      next: (blob) => {
        release();
        url = blob ? URL.createObjectURL(blob) : null;
        setView(url ? { hash, status: 'ready', url } : { hash, status: 'missing' });
      },
      error: (error: unknown) => {
        console.error('Bocage : lecture d’une photo impossible.', error);
        setView({ hash, status: 'unreadable' });
      },
    });
    return () => {
      subscription.unsubscribe();
      release();
    };
  }, [db, hash]);
  return view && view.hash === hash ? view : { status: 'loading' };
}

interface PhotoImageProps {
  db: LocalDatabase;
  photo: MeetingPhoto;
  /** The text alternative: the caption, or which photo of which meeting it is. */
  alt: string;
  className: string;
}

/**
 * The photo, or, when this machine does not hold its bytes, a placeholder that says why: never a
 * broken image.
 */
export function PhotoImage({ db, photo, alt, className }: PhotoImageProps) {
  const view = useAttachmentView(db, photo.hash);
  if (view.status === 'ready') {
    return <img className={className} src={view.url} alt={alt} width={photo.width || undefined} height={photo.height || undefined} decoding="async" />;
  }
  const message = view.status === 'missing' ? PHOTO_FROM_ANOTHER_MACHINE : view.status === 'unreadable' ? PHOTO_UNREADABLE : '';
  return (
    <span className={`${className} photo-placeholder`} role="img" aria-label={message ? `${alt}. ${message}` : alt}>
      <span aria-hidden="true">{message}</span>
    </span>
  );
}
