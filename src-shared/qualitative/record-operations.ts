/**
 * The operations every qualitative collection offers in the same way: trash, restore, reorder,
 * edit fields, link. Each `*-operations.ts` module binds them to its collection under the names
 * its callers use (`trashEnjeu`, `setEnjeuObservationLink`…), so the rules live here once.
 */
import type * as Y from 'yjs';
import { runOperation } from '../operations/document-guards';
import type { MoveDirection } from './order-keys';
import {
  moveRecord,
  requireKnownIndicator,
  requireLinkTarget,
  requireRecord,
  restoreRecord,
  touch,
  trashRecord,
  writeLink,
  writeOptional,
  writeText,
} from './qualitative-records';
import type { QualitativeCollection } from './qualitative-structure';

export type RecordOperation = (doc: Y.Doc, id: string, origin: unknown, now?: number) => void;
export type MoveOperation = (doc: Y.Doc, id: string, target: MoveDirection | number, origin: unknown, now?: number) => void;
export type LinkOperation = (doc: Y.Doc, id: string, key: string, linked: boolean, origin: unknown, now?: number) => void;

/**
 * Runs `edit` on one record in one transaction, then marks the record and the mission modified.
 * A trashed record may be edited: restoring it later keeps the edit.
 */
export function editRecord<T>(
  doc: Y.Doc,
  collection: QualitativeCollection,
  id: string,
  origin: unknown,
  now: number,
  edit: (record: Y.Map<unknown>) => T,
): T {
  return runOperation(doc, origin, () => {
    const record = requireRecord(doc, collection, id);
    const result = edit(record);
    touch(doc, record, now);
    return result;
  });
}

export interface RecordLifecycle {
  trash: RecordOperation;
  restore: RecordOperation;
  /** One step ("up"/"down") or to a rank (0 = first). */
  move: MoveOperation;
}

/**
 * Trash, restore and reorder for one collection. With `groupOf`, records are ordered within their
 * group only (an AFOM item among the items of its quadrant).
 */
export function recordLifecycle(collection: QualitativeCollection, groupOf?: (record: Y.Map<unknown>) => unknown): RecordLifecycle {
  return {
    trash: (doc, id, origin, now = Date.now()) => runOperation(doc, origin, () => trashRecord(doc, collection, id, now)),
    restore: (doc, id, origin, now = Date.now()) => runOperation(doc, origin, () => restoreRecord(doc, collection, id, now)),
    move: (doc, id, target, origin, now = Date.now()) =>
      runOperation(doc, origin, () => {
        if (!groupOf) return moveRecord(doc, collection, id, target, now);
        const group = groupOf(requireRecord(doc, collection, id));
        moveRecord(doc, collection, id, target, now, (record) => groupOf(record) === group);
      }),
  };
}

/** What a link set points to: live records of a collection, or indicators by code. */
export type LinkTarget = QualitativeCollection | 'indicators';

/**
 * Adds or removes one link of a record's link set. Only adding checks the target: removing a link
 * to a record a colleague trashed meanwhile, or to an indicator no longer defined, must still work.
 */
export function linkOperation(collection: QualitativeCollection, field: string, target: LinkTarget): LinkOperation {
  return (doc, id, key, linked, origin, now = Date.now()) =>
    editRecord(doc, collection, id, origin, now, (record) => {
      if (linked) {
        if (target === 'indicators') requireKnownIndicator(doc, key);
        else requireLinkTarget(doc, target, key);
      }
      writeLink(record, field, key, linked);
    });
}

/**
 * How a field of an input is stored: a shared text (a colleague's concurrent typing survives), an
 * optional scalar (absent when empty), or a scalar always present.
 */
export type FieldStorage = 'text' | 'optional' | 'value';

/** The storage of each editable field of an input, keyed by its synced field name. */
export type PatchLayout<Input> = { readonly [Field in keyof Input]?: FieldStorage };

/** Writes the fields present in `patch`, each as `layout` says it is stored. */
export function writePatch<Input extends object>(map: Y.Map<unknown>, patch: Partial<Input>, layout: PatchLayout<Input>): void {
  for (const field of Object.keys(layout) as (keyof Input & string)[]) {
    const value = patch[field];
    if (value === undefined) continue;
    const storage = layout[field];
    if (storage === 'text') writeText(map, field, value as string);
    else if (storage === 'optional') writeOptional(map, field, value as string | number | null);
    else map.set(field, value);
  }
}
