/**
 * Building blocks of the qualitative operations, private to this folder: the `*-operations.ts`
 * modules are the only callers, and every function here runs inside their transaction.
 */
import * as Y from 'yjs';
import { readCustomIndicators } from '../diagnostic/custom-indicators';
import { findIndicator } from '../diagnostic/indicator-catalogue';
import { MISSION_FIELD, missionMap } from '../documents/document-structure';
import { newId } from '../model/ids';
import { InvalidOperationError } from '../operations/document-guards';
import { replaceText } from '../text/replace-text';
import { compareOrdered, indexAfterMove, keyAfterLast, placementAt, type MoveDirection, type Ordered } from './order-keys';
import { RECORD_FIELD, qualitativeCollection, type QualitativeCollection } from './qualitative-structure';
import { validateIndicatorCode } from './qualitative-validation';

/** How messages name a record of each collection ("ce constat", "cette orientation"). */
const RECORD_NOUN: Record<QualitativeCollection, { notFound: string; trashed: string }> = {
  observations: { notFound: 'Ce constat est introuvable.', trashed: 'Ce constat est dans la corbeille.' },
  afom: { notFound: 'Cet élément de l’AFOM est introuvable.', trashed: 'Cet élément de l’AFOM est dans la corbeille.' },
  enjeux: { notFound: 'Cet enjeu est introuvable.', trashed: 'Cet enjeu est dans la corbeille.' },
  orientations: { notFound: 'Cette orientation est introuvable.', trashed: 'Cette orientation est dans la corbeille.' },
  actionSheets: { notFound: 'Cette fiche action est introuvable.', trashed: 'Cette fiche action est dans la corbeille.' },
};

export function failIf(message: string | null | undefined): void {
  if (message) throw new InvalidOperationError(message);
}

/** Refuses an input with every reason a validator found, in one message. */
export function failOnErrors(errors: Partial<Record<string, string>>): void {
  failIf(Object.values(errors).join(' '));
}

export function isTrashed(record: Y.Map<unknown>): boolean {
  return typeof record.get(RECORD_FIELD.trashedAt) === 'number';
}

/** A record to edit. Editing a trashed record is allowed: restoring it later keeps the edit. */
export function requireRecord(doc: Y.Doc, collection: QualitativeCollection, id: string): Y.Map<unknown> {
  const record = qualitativeCollection(doc, collection).get(id);
  if (!(record instanceof Y.Map)) throw new InvalidOperationError(RECORD_NOUN[collection].notFound);
  return record;
}

/** A record to link to: it must exist and be out of the trash. */
export function requireLinkTarget(doc: Y.Doc, collection: QualitativeCollection, id: string): Y.Map<unknown> {
  const record = requireRecord(doc, collection, id);
  if (isTrashed(record)) throw new InvalidOperationError(RECORD_NOUN[collection].trashed);
  return record;
}

/** An indicator code must name an indicator of the catalogue or one the mission defined. */
export function requireKnownIndicator(doc: Y.Doc, code: string): void {
  failIf(validateIndicatorCode(code));
  if (!findIndicator(code, readCustomIndicators(doc))) throw new InvalidOperationError(`Indicateur inconnu : ${code}.`);
}

/** The mission's "last modified" follows every change of its diagnostic too. */
export function touch(doc: Y.Doc, record: Y.Map<unknown>, now: number): void {
  record.set(RECORD_FIELD.updatedAt, now);
  missionMap(doc).set(MISSION_FIELD.updatedAt, now);
}

/** Creates a record with its nested texts and link sets, so no replica ever has to create them later. */
export function insertRecord(
  doc: Y.Doc,
  collection: QualitativeCollection,
  fields: {
    texts: Record<string, string>;
    linkSets?: readonly string[];
    entryLists?: readonly string[];
    values?: Record<string, unknown>;
    order?: string;
  },
  now: number,
  id: string = newId(),
): string {
  const record = new Y.Map<unknown>();
  record.set(RECORD_FIELD.createdAt, now);
  record.set(RECORD_FIELD.updatedAt, now);
  if (fields.order !== undefined) record.set(RECORD_FIELD.order, fields.order);
  for (const [field, value] of Object.entries(fields.values ?? {})) {
    if (value !== null && value !== undefined) record.set(field, value);
  }
  for (const [field, value] of Object.entries(fields.texts)) record.set(field, new Y.Text(value));
  for (const field of [...(fields.linkSets ?? []), ...(fields.entryLists ?? [])]) record.set(field, new Y.Map());
  qualitativeCollection(doc, collection).set(id, record);
  missionMap(doc).set(MISSION_FIELD.updatedAt, now);
  return id;
}

/**
 * Writes a long text as a minimal edit, so a colleague's concurrent typing elsewhere in it survives.
 * A text missing from a damaged record is created: nothing else can hold the user's words.
 */
export function writeText(record: Y.Map<unknown>, field: string, value: string): void {
  const text = record.get(field);
  if (text instanceof Y.Text) replaceText(text, value);
  else record.set(field, new Y.Text(value));
}

/** Sets an optional scalar: absent rather than null, so the record carries only what is known. */
export function writeOptional(record: Y.Map<unknown>, field: string, value: string | number | null): void {
  if (value === null || value === '') record.delete(field);
  else record.set(field, value);
}

/**
 * The nested map insertRecord created. Recreating one is a last resort for a damaged record: two
 * replicas doing it concurrently would keep only one of the two maps.
 */
function nestedMap(record: Y.Map<unknown>, field: string): Y.Map<unknown> {
  const existing = record.get(field);
  if (existing instanceof Y.Map) return existing;
  const created = new Y.Map<unknown>();
  record.set(field, created);
  return created;
}

export function writeLink(record: Y.Map<unknown>, field: string, key: string, linked: boolean): void {
  const links = nestedMap(record, field);
  if (linked) links.set(key, true);
  else links.delete(key);
}

export function trashRecord(doc: Y.Doc, collection: QualitativeCollection, id: string, now: number): void {
  const record = requireRecord(doc, collection, id);
  if (isTrashed(record)) return;
  record.set(RECORD_FIELD.trashedAt, now);
  touch(doc, record, now);
}

export function restoreRecord(doc: Y.Doc, collection: QualitativeCollection, id: string, now: number): void {
  const record = requireRecord(doc, collection, id);
  if (!isTrashed(record)) return;
  record.delete(RECORD_FIELD.trashedAt);
  touch(doc, record, now);
}

function orderOf(id: string, record: Y.Map<unknown>): Ordered {
  const order = record.get(RECORD_FIELD.order);
  return { id, order: typeof order === 'string' ? order : '' };
}

/** The live records of a collection (optionally only those `belongs` keeps), in their order. */
function orderedRecords(
  doc: Y.Doc,
  collection: QualitativeCollection,
  belongs: (record: Y.Map<unknown>) => boolean = () => true,
): Ordered[] {
  const items: Ordered[] = [];
  for (const [id, record] of qualitativeCollection(doc, collection).entries()) {
    if (record instanceof Y.Map && !isTrashed(record) && belongs(record)) items.push(orderOf(id, record));
  }
  return items.sort(compareOrdered);
}

/** Every record, trashed ones included: a restored record must not land on a new one's key. */
export function orderKeyAtEnd(doc: Y.Doc, collection: QualitativeCollection): string {
  const items: Ordered[] = [];
  for (const [id, record] of qualitativeCollection(doc, collection).entries()) {
    if (record instanceof Y.Map) items.push(orderOf(id, record));
  }
  return keyAfterLast(items);
}

/** Entries of a list inside a record (quotes, steps…), in their order. */
function orderedEntries(list: Y.Map<Y.Map<unknown>>): Ordered[] {
  const items: Ordered[] = [];
  for (const [id, entry] of list.entries()) if (entry instanceof Y.Map) items.push(orderOf(id, entry));
  return items.sort(compareOrdered);
}

/** Moves `id` to `index` among the other items of `sorted`, re-keying neighbours only when needed. */
function applyPlacement(sorted: readonly Ordered[], id: string, target: MoveDirection | number, lookup: (id: string) => Y.Map<unknown> | undefined): boolean {
  const current = sorted.findIndex((item) => item.id === id);
  const index = typeof target === 'number' ? target : indexAfterMove(sorted, id, target);
  if (current < 0 || index === null) return false;
  const others = sorted.filter((item) => item.id !== id);
  const position = Math.min(Math.max(index, 0), others.length);
  if (position === current) return false;
  const placement = placementAt(others, position);
  lookup(id)?.set(RECORD_FIELD.order, placement.key);
  for (const item of placement.rekeyed) lookup(item.id)?.set(RECORD_FIELD.order, item.order);
  return true;
}

/**
 * Moves a live record one step ("up"/"down") or to a position among the records `belongs` keeps
 * (an AFOM quadrant). A record in the trash has no place to move to: nothing happens.
 */
export function moveRecord(
  doc: Y.Doc,
  collection: QualitativeCollection,
  id: string,
  target: MoveDirection | number,
  now: number,
  belongs: (record: Y.Map<unknown>) => boolean = () => true,
): void {
  const record = requireRecord(doc, collection, id);
  const records = qualitativeCollection(doc, collection);
  if (applyPlacement(orderedRecords(doc, collection, belongs), id, target, (key) => records.get(key))) touch(doc, record, now);
}

/** Moves an entry of a list inside a record (a step of a fiche action…). */
export function moveEntry(list: Y.Map<Y.Map<unknown>>, entryId: string, target: MoveDirection | number): boolean {
  return applyPlacement(orderedEntries(list), entryId, target, (key) => list.get(key));
}

export function entryList(record: Y.Map<unknown>, field: string): Y.Map<Y.Map<unknown>> {
  return nestedMap(record, field) as Y.Map<Y.Map<unknown>>;
}

export function requireEntry(list: Y.Map<Y.Map<unknown>>, entryId: string, notFound: string): Y.Map<unknown> {
  const entry = list.get(entryId);
  if (!(entry instanceof Y.Map)) throw new InvalidOperationError(notFound);
  return entry;
}

/** Adds an entry at the end of a list inside a record; returns its id. */
export function insertEntry(list: Y.Map<Y.Map<unknown>>, values: Record<string, unknown>, texts: Record<string, string> = {}, id: string = newId()): string {
  const entry = new Y.Map<unknown>();
  entry.set(RECORD_FIELD.order, keyAfterLast(orderedEntries(list)));
  for (const [field, value] of Object.entries(values)) {
    if (value !== null && value !== undefined && value !== '') entry.set(field, value);
  }
  for (const [field, value] of Object.entries(texts)) entry.set(field, new Y.Text(value));
  list.set(id, entry);
  return id;
}
