import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSignInSheetXlsx } from '@shared/export/sign-in-sheet-xlsx';
import { buildGdprNotice } from '@shared/gdpr/gdpr-notice';
import { pdfToText } from '../helpers/libreoffice';
import {
  CONFIGURED_SETTINGS,
  copilSheet,
  FULL_DAY_SLOTS,
  HAS_LIBREOFFICE,
  invitedRows,
  LIBREOFFICE_SKIP_NOTE,
  LIBREOFFICE_TIMEOUT_MS,
  libreOfficeScratch,
  pdfPages,
  pdfPageSize,
  pdfWordsByPage,
  plainSpaces,
  POINTS_PER_CENTIMETRE,
  readWorkbook,
  signaturePng,
  smallestRowPitch,
} from './gdpr/test-support';

/** The header block takes rows 1 to 10 (title, gap, seven fields, gap): the table starts at 11. */
const HEADER_ROW = 11;

function onlySheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error('Le classeur n’a aucune feuille.');
  return sheet;
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number, columnCount: number): string[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: columnCount }, (_, index) => row.getCell(index + 1).text);
}

describe('sign-in sheet as an Excel workbook', () => {
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    sheet = onlySheet(await readWorkbook(await buildSignInSheetXlsx(copilSheet())));
  });

  it('opens with the title and the meeting block, the date written in full with its weekday', () => {
    expect(sheet.name).toBe('Émargement');
    expect(sheet.getCell('A1').text).toBe('Feuille d’émargement');
    const fields = [3, 4, 5, 6, 7, 8, 9].map((rowNumber) => [sheet.getCell(rowNumber, 1).text, sheet.getCell(rowNumber, 3).text]);
    expect(fields).toEqual([
      ['Démarche', 'Diagnostic CTG Pays de Mormal'],
      ['Organisateur', 'Département du Nord – UTPAS Avesnois'],
      ['Objet', 'Comité de pilotage de lancement'],
      ['Type de réunion', 'COPIL'],
      ['Date', 'jeudi 12 mars 2026'],
      ['Lieu', 'Salle des fêtes, Bavay'],
      ['Horaire', '14:00–16:30'],
    ]);
  });

  it('lists the invited people as "DUPONT Claire", then numbered blank rows for walk-ins', () => {
    expect(rowTexts(sheet, HEADER_ROW, 5)).toEqual(['N°', 'Nom et prénom', 'Structure', 'Catégorie', 'Signature (14:00–16:30)']);
    expect(rowTexts(sheet, HEADER_ROW + 1, 5)).toEqual(['1', 'DUPONT Claire', 'Mairie de Bavay', 'Élu·e', '']);
    expect(sheet.getCell(HEADER_ROW + 6, 2).text).toBe('DESMARAIS François');
    expect(sheet.getCell(HEADER_ROW + 7, 1).text).toBe('Personnes présentes sans inscription préalable');
    const walkIns = [8, 9, 10, 11, 12].map((offset) => rowTexts(sheet, HEADER_ROW + offset, 5));
    expect(walkIns).toEqual([7, 8, 9, 10, 11].map((number) => [String(number), '', '', '', '']));
    for (let rowNumber = HEADER_ROW + 1; rowNumber <= HEADER_ROW + 12; rowNumber += 1) {
      if (rowNumber === HEADER_ROW + 7) continue;
      expect(sheet.getRow(rowNumber).height).toBe(44);
      expect(sheet.getCell(rowNumber, 5).border?.bottom?.style).toBe('thin');
    }
  });

  it('prints on A4, one page wide, with the column headers repeated on every page', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    });
    expect(sheet.pageSetup.margins).toMatchObject({ left: 0.5, right: 0.5 });
    expect(sheet.headerFooter.oddFooter).toContain('Page &P sur &N');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  });

  it('puts the GDPR notice below the table in wrapped cells merged across the page, tall enough to show it', () => {
    const notice = buildGdprNotice(CONFIGURED_SETTINGS);
    const headingRow = HEADER_ROW + 14;
    expect(sheet.getCell(headingRow, 1).text).toBe('Protection de vos données personnelles');
    notice.paragraphs.forEach((paragraph, index) => {
      const noticeCell = sheet.getCell(headingRow + 1 + index, 1);
      expect(noticeCell.text).toBe(paragraph);
      expect(noticeCell.alignment?.wrapText).toBe(true);
      expect(noticeCell.isMerged).toBe(true);
      expect(sheet.getCell(headingRow + 1 + index, 5).master.address).toBe(noticeCell.address);
      expect(sheet.getRow(headingRow + 1 + index).height).toBeGreaterThanOrEqual(12);
    });
    expect(sheet.rowCount).toBe(headingRow + notice.paragraphs.length);
  });

  it('prints a full day in landscape with a morning and an afternoon box', async () => {
    const fullDay = onlySheet(await readWorkbook(await buildSignInSheetXlsx(copilSheet({ slots: [...FULL_DAY_SLOTS] }))));
    expect(fullDay.pageSetup.orientation).toBe('landscape');
    expect(rowTexts(fullDay, HEADER_ROW, 6)).toEqual(['N°', 'Nom et prénom', 'Structure', 'Catégorie', 'Signature – Matin', 'Signature – Après-midi']);
    expect(fullDay.getCell(9, 1).text).toBe('Séances');
    expect(fullDay.getCell(9, 3).text).toBe('Matin / Après-midi');
  });

  it('places each drawn signature inside its own box, for the record kept after the meeting', async () => {
    const [claire, mehdi, ...others] = invitedRows(3);
    if (!claire || !mehdi) throw new Error('fixture');
    const signed = copilSheet({
      slots: [...FULL_DAY_SLOTS],
      rows: [{ ...claire, signatures: { morning: signaturePng(), afternoon: signaturePng(400, 90) } }, { ...mehdi, signatures: { afternoon: signaturePng() } }, ...others],
    });
    const record = onlySheet(await readWorkbook(await buildSignInSheetXlsx(signed, { title: 'Feuille de présence' })));
    expect(record.getCell('A1').text).toBe('Feuille de présence');
    const anchors = record
      .getImages()
      .map((image) => ({ row: image.range.tl.nativeRow + 1, column: image.range.tl.nativeCol + 1, offsetX: image.range.tl.nativeColOff }))
      .sort((left, right) => left.row - right.row || left.column - right.column);
    expect(anchors.map(({ row, column }) => [row, column])).toEqual([
      [HEADER_ROW + 1, 5],
      [HEADER_ROW + 1, 6],
      [HEADER_ROW + 2, 6],
    ]);
    for (const anchor of anchors) expect(anchor.offsetX).toBeGreaterThan(0);
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    const office = libreOfficeScratch('bocage-sign-in-xlsx-');

    it(
      'prints 60 invited people on A4 pages that each repeat the column headers, with the notice after the last row',
      async () => {
        const pdfPath = await office.toPdf('emargement-60.xlsx', await buildSignInSheetXlsx(copilSheet({ rows: invitedRows(60), blankRows: 8 })));
        const pages = pdfPages(plainSpaces(await pdfToText(pdfPath)));
        expect(pages.length).toBeGreaterThanOrEqual(3);
        expect(pages[0]).toContain('Feuille d’émargement');
        expect(pages[0]).toMatch(/1\s+DUPONT Claire\s+Mairie de Bavay\s+Élu·e/);
        for (const page of pages) {
          expect(page).toMatch(/N°\s+Nom et prénom\s+Structure\s+Catégorie\s+Signature \(14:00–16:30\)/);
          expect(page).toMatch(/Page \d+ sur \d+/);
        }
        expect(pages[1]).not.toContain('Organisateur');
        const lastPage = pages.at(-1) ?? '';
        expect(lastPage).toMatch(/\b68\b/);
        expect(lastPage).toContain('Protection de vos données personnelles');
        expect(lastPage).toContain('dpo@lenord.fr');

        const size = await pdfPageSize(pdfPath);
        expect([Math.round(size.width), Math.round(size.height)]).toEqual([595, 842]);
        // Fitting the width may shrink the page where Calibri is replaced by a wider font; the
        // boxes must still leave about 1.2 cm to sign.
        for (const pageWords of await pdfWordsByPage(pdfPath)) {
          expect(smallestRowPitch(pageWords, 60)).toBeGreaterThanOrEqual(1.2 * POINTS_PER_CENTIMETRE);
        }
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
