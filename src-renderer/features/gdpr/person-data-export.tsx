import type { Contact } from '@shared/directory/contact-model';
import type { OpenDocument } from '../../storage/document-store';
import { useSession } from '../../app/session-context';
import { useFileExport } from '../export/use-file-export';
import { collectPersonData } from './collect-person-data';

/** The right of access: everything held on the person, as data (.json) and as a readable document (.docx). */
export function PersonDataExport({ contact }: { directory: OpenDocument; contact: Contact }) {
  const session = useSession();
  const fileExport = useFileExport();

  function exportAs(fileKind: 'json' | 'docx') {
    return fileExport.run(fileKind, async () => {
      const [{ sources, signatureImages }, gdpr, names] = await Promise.all([
        collectPersonData(session, contact),
        import('@shared/gdpr/person-data-export'),
        import('@shared/export/export-file-names'),
      ]);
      const extract = gdpr.buildPersonDataExtract(sources);
      const bytes = fileKind === 'json' ? gdpr.personDataJson(extract) : await gdpr.personDataDocx(extract, { signatureImages });
      return { fileKind, suggestedName: names.personDataFileName(contact, fileKind), bytes };
    });
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Droit d’accès">
      <button type="button" className="button" onClick={() => void exportAs('json')} disabled={fileExport.busy !== null}>
        Exporter ses données (.json)
      </button>
      <button type="button" className="button" onClick={() => void exportAs('docx')} disabled={fileExport.busy !== null}>
        Exporter ses données lisibles (.docx)
      </button>
      <p className="confirmation" aria-live="polite">
        {fileExport.message}
      </p>
    </div>
  );
}
