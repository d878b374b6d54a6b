import type * as Y from 'yjs';
import { isWrittenByNewerSchema } from '../schema/schema-version';

export class ReadOnlyDocumentError extends Error {
  constructor() {
    super('Ce document a été enregistré par une version plus récente de Bocage : mettez l’application à jour pour le modifier.');
    this.name = 'ReadOnlyDocumentError';
  }
}

export class InvalidOperationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidOperationError';
  }
}

/** Every named operation goes through here: one transaction, one origin, never on a newer document. */
export function runOperation<T>(doc: Y.Doc, origin: unknown, operation: () => T): T {
  if (isWrittenByNewerSchema(doc)) throw new ReadOnlyDocumentError();
  let result: T | undefined;
  doc.transact(() => {
    result = operation();
  }, origin);
  return result as T;
}
