import { useId, useState, type ChangeEvent } from 'react';
import { useSession } from '../../app/session-context';
import { useArchiveExport } from './use-archive-export';

type ImportState = { status: 'idle' } | { status: 'reading'; fileName: string } | { status: 'imported'; summary: string } | { status: 'refused'; message: string };

/**
 * The home screen's way in and out by file: import a .bocage file (a mission from a colleague, a
 * backup), or export the whole workspace as the full backup.
 */
export function WorkspaceArchivePanel() {
  const session = useSession();
  const archiveExport = useArchiveExport();
  const [importState, setImportState] = useState<ImportState>({ status: 'idle' });
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setImportState({ status: 'reading', fileName: file.name });
    try {
      // Loaded on use: the archive code (ZIP, checks) is not needed to show the home screen.
      const { importArchiveFile } = await import('./archive-files');
      const outcome = await importArchiveFile(session, file);
      setImportState(outcome.status === 'imported' ? { status: 'imported', summary: outcome.summary } : { status: 'refused', message: outcome.message });
    } catch (error) {
      setImportState({ status: 'refused', message: `L’import a échoué : ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      // The same file may be chosen again, once fixed or to check that nothing changes.
      input.value = '';
    }
  }

  return (
    <section className="form" aria-labelledby={headingId}>
      <h2 id={headingId}>Fichiers Bocage : transport et sauvegarde</h2>
      <p id={hintId} className="hint">
        Un fichier .bocage emporte des missions avec leurs photos, pour un poste sans réseau ou comme sauvegarde complète. L’import le
        fusionne avec ce poste comme une synchronisation : rien de ce qui est ici n’est écrasé.
      </p>
      <div className="field">
        <label htmlFor={inputId}>Importer un fichier Bocage</label>
        <input
          id={inputId}
          type="file"
          accept=".bocage"
          aria-describedby={hintId}
          disabled={importState.status === 'reading'}
          onChange={(event) => void choose(event)}
        />
      </div>
      <p role="status" className="confirmation">
        {importState.status === 'reading' && `Import de « ${importState.fileName} »…`}
        {importState.status === 'imported' && importState.summary}
      </p>
      {importState.status === 'refused' && (
        <p role="alert" className="field-error">
          {importState.message}
        </p>
      )}
      <button type="button" className="button" disabled={archiveExport.busy} onClick={() => void archiveExport.run(async () => (await import('./archive-files')).workspaceArchiveExport(session))}>
        Exporter tout l’espace de travail
      </button>
      <p aria-live="polite">
        {archiveExport.message} {archiveExport.missingNote}
      </p>
    </section>
  );
}
