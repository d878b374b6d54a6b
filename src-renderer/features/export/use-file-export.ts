import { useState } from 'react';
import type { SaveFileRequest } from '@shared/ipc/ipc-contract';
import { useSession } from '../../app/session-context';

export interface FileExport {
  /** The id of the export being prepared, to disable its button. */
  busy: string | null;
  /** What happened, for a polite live region. */
  message: string;
  run(id: string, produce: () => Promise<SaveFileRequest>): Promise<void>;
}

/** Builds a file, hands it to the bridge (save dialog or download) and says what happened, in French. */
export function useFileExport(): FileExport {
  const session = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState('');

  async function run(id: string, produce: () => Promise<SaveFileRequest>) {
    setBusy(id);
    setMessage('Préparation du fichier…');
    try {
      const result = await session.bridge.saveFile(await produce());
      if (result.status === 'saved') setMessage(`Fichier enregistré : ${result.fileName}`);
      else if (result.status === 'cancelled') setMessage('Enregistrement annulé.');
      else setMessage(`L’enregistrement a échoué : ${result.message}`);
    } catch (error) {
      setMessage(`Le fichier n’a pas pu être préparé : ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(null);
    }
  }

  return { busy, message, run };
}
