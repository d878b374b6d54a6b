import { InvalidOperationError, ReadOnlyDocumentError } from '@shared/operations/document-guards';

/**
 * The French message of an operation's refusal (a value it refuses, a colleague who trashed the
 * record meanwhile, a document from a newer Bocage). Anything else is a bug: it is thrown again.
 */
export function refusalMessage(error: unknown): string {
  if (error instanceof InvalidOperationError || error instanceof ReadOnlyDocumentError) return error.message;
  throw error;
}

/** Runs an operation; returns null when it went through, or the reason it was refused. */
export function attempt(operation: () => void): string | null {
  try {
    operation();
    return null;
  } catch (error) {
    return refusalMessage(error);
  }
}
