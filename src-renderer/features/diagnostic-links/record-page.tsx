import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import type * as Y from 'yjs';
import type { QualitativeSnapshot, TrashedRecord } from '@shared/qualitative/qualitative-model';
import type { QualitativeCollection } from '@shared/qualitative/qualitative-structure';
import { attempt } from './operation-error';
import { recordHref } from './qualitative-routes';

/** AFOM items have no page of their own, so no address names one. */
type CollectionWithPages = Exclude<QualitativeCollection, 'afom'>;

const PAGE_WORDING: Record<CollectionWithPages, { trashed: string; notFound: string; back: string; trash: string }> = {
  observations: {
    trashed: 'Ce constat est dans la corbeille.',
    notFound: 'Ce constat n’existe pas dans cette mission.',
    back: 'Tous les constats',
    trash: 'Mettre ce constat à la corbeille',
  },
  enjeux: {
    trashed: 'Cet enjeu est dans la corbeille.',
    notFound: 'Cet enjeu n’existe pas dans cette mission.',
    back: 'Tous les enjeux',
    trash: 'Mettre cet enjeu à la corbeille',
  },
  orientations: {
    trashed: 'Cette orientation est dans la corbeille.',
    notFound: 'Cette orientation n’existe pas dans cette mission.',
    back: 'Toutes les orientations',
    trash: 'Mettre cette orientation à la corbeille',
  },
  actionSheets: {
    trashed: 'Cette fiche action est dans la corbeille.',
    notFound: 'Cette fiche action n’existe pas dans cette mission.',
    back: 'Toutes les fiches actions',
    trash: 'Mettre cette fiche action à la corbeille',
  },
};

/** What the section gives the page of any of its records. */
export interface QualitativePageProps<Item> {
  doc: Y.Doc;
  missionId: string;
  snapshot: QualitativeSnapshot;
  readOnly: boolean;
  onTrash: (record: Item) => void;
}

interface RecordPageProps {
  missionId: string;
  collection: CollectionWithPages;
  recordId: string;
  title: string;
  readOnly: boolean;
  onTrash: () => void;
  children: ReactNode;
}

/**
 * The page of one record inside a section: a link back to the list, the title, the content, and
 * the way to the trash last, away from everyday edits. Opening it moves the focus to its title, as
 * a new page would, so a screen reader user hears where the link led.
 */
export function RecordPage({ missionId, collection, recordId, title, readOnly, onTrash, children }: RecordPageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const wording = PAGE_WORDING[collection];
  useEffect(() => {
    heading.current?.focus();
  }, [recordId]);
  return (
    <article className="record-page" aria-labelledby="record-page-title">
      <p className="record-page__back">
        <Link href={recordHref(missionId, collection)}>{wording.back}</Link>
      </p>
      <h2 id="record-page-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
      {!readOnly && (
        <p className="actions record-page__danger">
          <button type="button" className="button" onClick={onTrash}>
            {wording.trash}
          </button>
        </p>
      )}
    </article>
  );
}

interface MissingRecordProps {
  missionId: string;
  collection: CollectionWithPages;
  itemId: string;
  trash: readonly TrashedRecord[];
  readOnly: boolean;
  onRestore: (id: string) => void;
}

/**
 * Said when the address names a record that is not shown: in the trash (a link followed after a
 * colleague's deletion), with a way to restore it, or unknown to this copy of the mission.
 */
export function MissingRecord({ missionId, collection, itemId, trash, readOnly, onRestore }: MissingRecordProps) {
  const [error, setError] = useState<string | null>(null);
  const wording = PAGE_WORDING[collection];
  const back = <Link href={recordHref(missionId, collection)}>{wording.back}</Link>;
  if (!trash.some((record) => record.collection === collection && record.id === itemId)) {
    return (
      <p role="alert">
        {wording.notFound} {back}
      </p>
    );
  }
  return (
    <div role="alert" className="notice notice--warning">
      <p>{wording.trashed}</p>
      <p className="actions">
        <button type="button" className="button" disabled={readOnly} onClick={() => setError(attempt(() => onRestore(itemId)))}>
          Restaurer
        </button>
        {back}
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
