import type { ExportPdfRequest, SaveFileResult } from '@shared/ipc/ipc-contract';
import { saveFileWithDialog, type SaveFileDependencies } from './save-file';

/** What printing needs of the asking page's webContents (Electron's printToPDF). */
export interface PdfPrintingPage {
  printToPDF(options: {
    pageSize: 'A4';
    printBackground: boolean;
    preferCSSPageSize: boolean;
    generateTaggedPDF: boolean;
    generateDocumentOutline: boolean;
  }): Promise<Uint8Array>;
}

/**
 * The page's own print style sheet sets the A4 margins and hides the app around the document, so
 * the PDF has the preview's layout; a tagged PDF with an outline keeps the headings navigable and
 * readable by screen readers.
 */
export async function exportPageToPdf(request: ExportPdfRequest, page: PdfPrintingPage, dependencies: SaveFileDependencies): Promise<SaveFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await page.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'error', message: `Le PDF n’a pas pu être produit. Raison : ${reason}` };
  }
  return saveFileWithDialog({ fileKind: 'pdf', suggestedName: request.suggestedName, bytes }, dependencies);
}
