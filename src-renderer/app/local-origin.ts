/**
 * The transaction origin of this user's own edits. Undo tracks only this origin, so it never
 * undoes a colleague's synced change or a migration.
 */
export const LOCAL_ORIGIN = Object.freeze({ source: 'bocage-local-user' });
