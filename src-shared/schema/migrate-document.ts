import type * as Y from 'yjs';
import { META_FIELD, metaMap } from '../documents/document-structure';
import type { DocumentKind } from '../documents/document-names';
import { MIGRATIONS } from './migrations';
import { CURRENT_SCHEMA_VERSION, readSchemaVersion } from './schema-version';

export const MIGRATION_ORIGIN = 'bocage:migration';

export type MigrationOutcome =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number; applied: string[] }
  | { status: 'newer'; version: number; supported: number };

/**
 * Brings a document up to this build's schema. A document from a newer schema is left untouched:
 * the caller opens it read-only.
 */
export function migrateDocument(doc: Y.Doc, kind: DocumentKind): MigrationOutcome {
  const from = readSchemaVersion(doc);
  if (from > CURRENT_SCHEMA_VERSION) {
    return { status: 'newer', version: from, supported: CURRENT_SCHEMA_VERSION };
  }
  const pending = MIGRATIONS.filter((migration) => migration.version > from);
  if (pending.length === 0) return { status: 'current', version: from };
  doc.transact(() => {
    for (const migration of pending) migration.migrate(doc, kind);
    metaMap(doc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION);
  }, MIGRATION_ORIGIN);
  return { status: 'migrated', from, to: CURRENT_SCHEMA_VERSION, applied: pending.map((m) => m.name) };
}
