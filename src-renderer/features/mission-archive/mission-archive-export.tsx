import { useId } from 'react';
import { useSession } from '../../app/session-context';
import { useArchiveExport } from './use-archive-export';

/** The mission in one .bocage file, for a machine without network or a colleague without sync. */
export function MissionArchiveExport({ missionId }: { missionId: string }) {
  const session = useSession();
  const archiveExport = useArchiveExport();
  const hintId = useId();

  return (
    <div className="export-menu">
      <button
        type="button"
        className="button"
        aria-describedby={hintId}
        disabled={archiveExport.busy}
        onClick={() => void archiveExport.run(async () => (await import('./archive-files')).missionArchiveExport(session, missionId))}
      >
        Exporter la mission (fichier .bocage)
      </button>
      <p id={hintId} className="export-menu__message hint">
        Sans les coordonnées des participants : elles voyagent avec l’export de tout l’espace de travail.
      </p>
      <p className="export-menu__message" aria-live="polite">
        {archiveExport.message} {archiveExport.missingNote}
      </p>
    </div>
  );
}
