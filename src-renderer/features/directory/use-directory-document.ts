import { useEffect, useState } from 'react';
import { useSession } from '../../app/session-context';
import type { OpenDocument } from '../../storage/document-store';

export type DirectoryLoad = { state: 'loading' } | { state: 'ready'; directory: OpenDocument } | { state: 'failed'; message: string };

/** The workspace's directory document, opened on first use and shared by every page that shows contacts. */
export function useDirectoryDocument(): DirectoryLoad {
  const session = useSession();
  const [load, setLoad] = useState<DirectoryLoad>({ state: 'loading' });
  useEffect(() => {
    let active = true;
    session.openDirectory().then(
      (directory) => active && setLoad({ state: 'ready', directory }),
      (error: unknown) => active && setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, [session]);
  return load;
}
