import { useId, useState, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import type { RecordOperation } from '@shared/qualitative/record-operations';
import type { QualitativeCollection } from '@shared/qualitative/qualitative-structure';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import type { MissionSectionProps } from '../mission-editor/mission-section';
import { recordHref } from './qualitative-routes';
import { MissingRecord, type QualitativePageProps } from './record-page';
import { TrashList, TrashNotice, type TrashedNotice } from './trash';
import { useQualitativeSnapshot } from './use-document-reader';

interface CollectionSectionOptions<Item, Collection extends QualitativeCollection> {
  collection: Collection;
  trash: RecordOperation;
  restore: RecordOperation;
  /** How the notice after a deletion names the record. */
  nameOf: (item: Item) => string;
}

/** What a section shares between its list view and its records' pages. */
export interface CollectionSectionState<Item, Collection extends QualitativeCollection = QualitativeCollection> {
  collection: Collection;
  /** What every record page of the section receives. */
  page: QualitativePageProps<Item>;
  /** The record just trashed, with the offer to undo it. */
  notice: TrashedNotice | null;
  dismissNotice: () => void;
  restoreRecord: (id: string) => void;
}

/**
 * The state of one section of the qualitative diagnostic. Trashing a record from its page leads
 * back to the list, since the record is no longer shown; AFOM items have no page to leave.
 */
export function useCollectionSection<Item extends { id: string }, Collection extends QualitativeCollection>(
  { mission, snapshot: missionSnapshot, readOnly }: MissionSectionProps,
  { collection, trash, restore, nameOf }: CollectionSectionOptions<Item, Collection>,
): CollectionSectionState<Item, Collection> {
  const doc = mission.doc;
  const missionId = missionSnapshot.id;
  const snapshot = useQualitativeSnapshot(doc);
  const [, navigate] = useLocation();
  const [notice, setNotice] = useState<TrashedNotice | null>(null);

  function trashRecord(item: Item) {
    trash(doc, item.id, LOCAL_ORIGIN);
    setNotice({ id: item.id, label: nameOf(item) });
    if (collection !== 'afom') navigate(recordHref(missionId, collection));
  }

  return {
    collection,
    page: { doc, missionId, snapshot, readOnly, onTrash: trashRecord },
    notice,
    dismissNotice: () => setNotice(null),
    restoreRecord: (id) => restore(doc, id, LOCAL_ORIGIN),
  };
}

interface CollectionSectionProps<Item> {
  section: CollectionSectionState<Item>;
  title: string;
  hint: ReactNode;
  /** "Corbeille des enjeux". */
  trashTitle: string;
  form?: ReactNode;
  /** What the form just added, announced to screen readers; absent when adding leaves the list. */
  added?: string;
  /** The records themselves. */
  children: ReactNode;
}

/**
 * The list view of a section of the qualitative diagnostic, laid out alike in every section: what
 * it is for, the form to add a record, the records, and the section's trash.
 */
export function CollectionSection<Item>({ section, title, hint, trashTitle, form, added, children }: CollectionSectionProps<Item>) {
  const { collection, page, notice, dismissNotice, restoreRecord } = section;
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="qualitative-section">
      <h2 id={titleId}>{title}</h2>
      <p className="hint">{hint}</p>
      {form}
      {added !== undefined && (
        <p role="status" className="confirmation">
          {added}
        </p>
      )}
      <TrashNotice notice={notice} onRestore={restoreRecord} onDismiss={dismissNotice} />
      {children}
      <TrashList
        title={trashTitle}
        records={page.snapshot.trash.filter((record) => record.collection === collection)}
        readOnly={page.readOnly}
        onRestore={restoreRecord}
      />
    </section>
  );
}

interface RecordRouteProps<Item> {
  section: CollectionSectionState<Item, Exclude<QualitativeCollection, 'afom'>>;
  itemId: string;
  records: readonly (Item & { id: string })[];
  /** The record's page. */
  children: (item: Item) => ReactNode;
}

/** The page the address names, or why it cannot be shown (in the trash, unknown to this copy). */
export function RecordRoute<Item>({ section, itemId, records, children }: RecordRouteProps<Item>) {
  const item = records.find((candidate) => candidate.id === itemId);
  if (item) return children(item);
  const { page, collection, restoreRecord } = section;
  return <MissingRecord missionId={page.missionId} collection={collection} itemId={itemId} trash={page.snapshot.trash} readOnly={page.readOnly} onRestore={restoreRecord} />;
}
