import type * as Y from 'yjs';

/**
 * The transaction origin of this user's own edits. Undo tracks only this origin, so it never
 * undoes a colleague's synced change or a migration.
 */
export const LOCAL_ORIGIN = Object.freeze({ source: 'bocage-local-user' });

/** The origin of a GDPR erasure: outside every undo history, so nothing can undo it. */
export const ERASURE_ORIGIN = 'bocage:erasure';

/**
 * Empties an undo history when an erasure changes its document: an undo step recorded before the
 * erasure may hold the erased person's data (an author, a dot, an attendance) and would bring it
 * back. Returns the unsubscription.
 */
export function clearHistoryOnErasure(doc: Y.Doc, manager: Y.UndoManager): () => void {
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === ERASURE_ORIGIN) manager.clear();
  };
  doc.on('afterTransaction', onTransaction);
  return () => doc.off('afterTransaction', onTransaction);
}
