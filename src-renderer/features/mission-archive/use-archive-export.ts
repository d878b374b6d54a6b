import { useState } from 'react';
import { useSession } from '../../app/session-context';
import { useFileExport } from '../export/use-file-export';
import type { ArchiveExport } from './archive-files';
import { missingPhotosNote, saveRequestFor } from './archive-save';

export interface ArchiveExportAction {
  busy: boolean;
  message: string;
  /** Photos left out of the last file, said apart so the save message stays short. */
  missingNote: string;
  /** `produce` loads the archive code itself (a dynamic import): the screens showing the buttons stay light. */
  run(produce: () => Promise<ArchiveExport>): Promise<void>;
}

/** Builds a .bocage file and hands it to the bridge (save dialog or download), saying what happened. */
export function useArchiveExport(): ArchiveExportAction {
  const session = useSession();
  const fileExport = useFileExport();
  const [missingNote, setMissingNote] = useState('');

  function run(produce: () => Promise<ArchiveExport>) {
    setMissingNote('');
    return fileExport.run('bocage', async () => {
      const exported = await produce();
      const request = saveRequestFor(session.bridge.kind, exported);
      setMissingNote(missingPhotosNote(exported.missingPhotos));
      return request;
    });
  }

  return { busy: fileExport.busy !== null, message: fileExport.message, missingNote, run };
}
