import type * as Y from 'yjs';
import type { DocumentKind } from '../documents/document-names';
import { migration0001InitialiseDocuments } from './migrations/0001-initialise-documents';

export interface Migration {
  /** Strictly increasing, starting at 1, never renumbered. */
  version: number;
  name: string;
  /** Runs inside the transaction that also records the new schema version. */
  migrate(doc: Y.Doc, kind: DocumentKind): void;
}

/** Append-only: a shipped migration is never edited or removed, only followed by a new one. */
export const MIGRATIONS: readonly Migration[] = [migration0001InitialiseDocuments];
