import type * as Y from 'yjs';
import { META_FIELD, metaMap } from '../documents/document-structure';
import type { DocumentKind } from '../documents/document-names';
import { MIGRATIONS } from './migrations';

/** The schema version this build writes: the number of the last migration. */
export const CURRENT_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** 0 for a document that no migration has touched yet (brand new, or not yet loaded). */
export function readSchemaVersion(doc: Y.Doc): number {
  const value = metaMap(doc).get(META_FIELD.schemaVersion);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

export function readDocumentKind(doc: Y.Doc): DocumentKind | null {
  const value = metaMap(doc).get(META_FIELD.kind);
  return value === 'workspace' || value === 'mission' || value === 'directory' ? value : null;
}

/** A document written by a newer Bocage must never be rewritten by this one. */
export function isWrittenByNewerSchema(doc: Y.Doc): boolean {
  return readSchemaVersion(doc) > CURRENT_SCHEMA_VERSION;
}
