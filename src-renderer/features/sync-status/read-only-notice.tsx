import { useSyncExternalStore } from 'react';
import { useSession } from '../../app/session-context';
import type { OpenDocument } from '../../storage/document-store';
import { READ_ONLY_NOTICE, type ReadOnlyReason } from '../../sync/document-sync-state';

/**
 * Why the document is read-only, followed live: a colleague's newer Bocage may upgrade it during
 * the visit, and the server's answer may make this user a reader.
 */
export function useReadOnlyReason(document: OpenDocument): ReadOnlyReason | null {
  const session = useSession();
  return useSyncExternalStore(
    (notify) => {
      const stopSync = session.subscribeToSync(notify);
      document.doc.on('update', notify);
      return () => {
        stopSync();
        document.doc.off('update', notify);
      };
    },
    () => session.readOnlyReason(document),
  );
}

export function ReadOnlyNotice({ reason }: { reason: ReadOnlyReason | null }) {
  if (reason === null) return null;
  return (
    <p className="notice notice--warning" role="alert">
      {READ_ONLY_NOTICE[reason]}
    </p>
  );
}
