import type { GdprSettings } from '@shared/directory/contact-model';
import { useFileExport } from '../export/use-file-export';

/** The entry of the register of processing activities (GDPR art. 30), as Word and Excel files. */
export function RegisterExport({ settings }: { settings: GdprSettings }) {
  const fileExport = useFileExport();

  function exportAs(fileKind: 'docx' | 'xlsx') {
    return fileExport.run(fileKind, async () => {
      const [register, names] = await Promise.all([import('@shared/gdpr/processing-register'), import('@shared/export/export-file-names')]);
      const entry = register.buildProcessingRegisterEntry(settings, new Date().toLocaleDateString('sv-SE'));
      const bytes = fileKind === 'docx' ? await register.registerEntryDocx(entry) : await register.registerEntryXlsx(entry);
      return { fileKind, suggestedName: names.processingRegisterFileName(fileKind), bytes };
    });
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Registre des traitements">
      <button type="button" className="button" onClick={() => void exportAs('docx')} disabled={fileExport.busy !== null}>
        Fiche du registre des traitements (.docx)
      </button>
      <button type="button" className="button" onClick={() => void exportAs('xlsx')} disabled={fileExport.busy !== null}>
        Fiche du registre des traitements (.xlsx)
      </button>
      <p className="confirmation" aria-live="polite">
        {fileExport.message}
      </p>
    </div>
  );
}
