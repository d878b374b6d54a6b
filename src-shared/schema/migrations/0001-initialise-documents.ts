import type { Migration } from '../migrations';
import { META_FIELD, metaMap } from '../../documents/document-structure';

/**
 * Version 1: every document says what it is. It writes no default into a field a user can edit
 * (readers supply defaults): on a replica whose content has not arrived yet, such a default could
 * win over the real value when the two merge.
 */
export const migration0001InitialiseDocuments: Migration = {
  version: 1,
  name: 'initialise-documents',
  migrate(doc, kind) {
    const meta = metaMap(doc);
    if (!meta.has(META_FIELD.kind)) meta.set(META_FIELD.kind, kind);
  },
};
