import { beforeAll, describe, expect, it } from 'vitest';
import { buildSignInSheetDocx } from '@shared/export/sign-in-sheet-docx';
import { buildGdprNotice } from '@shared/gdpr/gdpr-notice';
import { pdfToText } from '../helpers/libreoffice';
import {
  cellTexts,
  CONFIGURED_SETTINGS,
  copilSheet,
  FULL_DAY_SLOTS,
  HAS_LIBREOFFICE,
  invitedRows,
  LIBREOFFICE_SKIP_NOTE,
  LIBREOFFICE_TIMEOUT_MS,
  libreOfficeScratch,
  openDocx,
  pdfPages,
  pdfPageSize,
  pdfWordsByPage,
  plainSpaces,
  POINTS_PER_CENTIMETRE,
  signaturePng,
  smallestRowPitch,
  tableRowsXml,
  textOf,
  type OpenedDocx,
} from './gdpr/test-support';

function participantsTable(docx: OpenedDocx): string[] {
  const table = tableRowsXml(docx.document)[1];
  if (!table) throw new Error('Le tableau des participants manque.');
  return table;
}

describe('sign-in sheet as a Word document', () => {
  let copil: OpenedDocx;

  beforeAll(async () => {
    copil = await openDocx(await buildSignInSheetDocx(copilSheet()));
  });

  it('opens with the title and the meeting block: organiser, purpose, kind, date with its weekday, place and time', () => {
    const [infoTable] = tableRowsXml(copil.document);
    expect(textOf(copil.document).split('\n')[0]).toBe('Feuille d’émargement');
    expect(infoTable?.map(cellTexts)).toEqual([
      ['Démarche', 'Diagnostic CTG Pays de Mormal'],
      ['Organisateur', 'Département du Nord – UTPAS Avesnois'],
      ['Objet', 'Comité de pilotage de lancement'],
      ['Type de réunion', 'COPIL'],
      ['Date', 'jeudi 12 mars 2026'],
      ['Lieu', 'Salle des fêtes, Bavay'],
      ['Horaire', '14:00–16:30'],
    ]);
  });

  it('gives each invited person a numbered row with name, organisation, category and an empty box to sign', () => {
    const rows = participantsTable(copil).map(cellTexts);
    expect(rows[0]).toEqual(['N°', 'Nom et prénom', 'Structure', 'Catégorie', 'Signature (14:00–16:30)']);
    expect(rows[1]).toEqual(['1', 'DUPONT Claire', 'Mairie de Bavay', 'Élu·e', '']);
    expect(rows[2]).toEqual(['2', 'BENALI Mehdi', 'CAF du Nord', 'Partenaire institutionnel (CAF, MSA, Département, État…)', '']);
    expect(rows.slice(1, 7).map((row) => row[1])).toEqual(['DUPONT Claire', 'BENALI Mehdi', 'LEFÈVRE Josiane', 'CARON Théo', 'DIALLO Aïcha', 'DESMARAIS François']);
  });

  it('adds the requested blank rows for walk-ins under their own heading, numbered on from the invited', () => {
    const rows = participantsTable(copil).map(cellTexts);
    expect(rows[7]).toEqual(['Personnes présentes sans inscription préalable']);
    const walkIns = rows.slice(8);
    expect(walkIns).toEqual([7, 8, 9, 10, 11].map((number) => [String(number), '', '', '', '']));
  });

  it('prints whole walk-in rows only, and no walk-in heading when none are asked for', async () => {
    const rowsFor = async (blankRows: number) =>
      participantsTable(await openDocx(await buildSignInSheetDocx(copilSheet({ blankRows })))).map(cellTexts);
    const none = await rowsFor(-3);
    expect(none).toHaveLength(1 + 6);
    expect(none.flat()).not.toContain('Personnes présentes sans inscription préalable');
    expect(await rowsFor(2.7)).toHaveLength(1 + 6 + 1 + 2);
  });

  it('marks only the column headers as a header row, so Word and LibreOffice repeat them on every page', () => {
    const rows = participantsTable(copil);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).filter((row) => row.includes('<w:tblHeader/>'))).toEqual([]);
  });

  it('keeps every signature row whole and at least 1.4 cm tall, enough to sign in', () => {
    const personRows = participantsTable(copil).slice(1).filter((row) => !textOf(row).startsWith('Personnes présentes'));
    expect(personRows).toHaveLength(11);
    for (const row of personRows) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).toMatch(/<w:trHeight w:val="794" w:hRule="atLeast"\/>/);
    }
  });

  it('prints one sitting on A4 portrait and a full day (morning and afternoon boxes) on A4 landscape', async () => {
    expect(copil.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const fullDay = await openDocx(await buildSignInSheetDocx(copilSheet({ slots: [...FULL_DAY_SLOTS] })));
    expect(fullDay.document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(cellTexts(participantsTable(fullDay)[0] ?? '')).toEqual([
      'N°',
      'Nom et prénom',
      'Structure',
      'Catégorie',
      'Signature – Matin',
      'Signature – Après-midi',
    ]);
  });

  it('prints the GDPR notice, with the controller and the rights contact, at the foot of every page', () => {
    const footer = textOf(copil.footers.join(''));
    expect(footer).toContain('Protection de vos données personnelles.');
    expect(footer).toContain('enregistrées par Département du Nord, responsable du traitement');
    expect(footer).toContain('dpo@lenord.fr');
    expect(footer).toContain('CNIL');
    expect(copil.footers.join('')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(textOf(copil.document)).not.toContain('Protection de vos données personnelles');
  });

  it('puts each drawn signature in its own box with alt text, for the record kept after the meeting', async () => {
    const [claire, mehdi, ...others] = invitedRows(4);
    if (!claire || !mehdi) throw new Error('fixture');
    const signed = copilSheet({
      slots: [...FULL_DAY_SLOTS],
      rows: [{ ...claire, signatures: { morning: signaturePng(), afternoon: signaturePng(400, 90) } }, { ...mehdi, signatures: { afternoon: signaturePng() } }, ...others],
      blankRows: 0,
    });
    const record = await openDocx(await buildSignInSheetDocx(signed, { title: 'Feuille de présence' }));
    expect(textOf(record.document).split('\n')[0]).toBe('Feuille de présence');
    expect(record.document.match(/<w:drawing>/g)).toHaveLength(3);
    // Identical drawings share one stored image: two distinct PNGs were given.
    expect(record.media).toHaveLength(2);
    const rows = participantsTable(record);
    const drawingsPerCell = (row: string) => (row.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((cellXml) => (cellXml.match(/<w:drawing>/g) ?? []).length);
    expect(drawingsPerCell(rows[1] ?? '')).toEqual([0, 0, 0, 0, 1, 1]);
    expect(drawingsPerCell(rows[2] ?? '')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(rows[1]).toContain('descr="Signature de Claire Dupont (Matin)"');
    expect(rows).toHaveLength(5);
  });

  it('refuses a signature that is not a PNG image instead of producing a broken file', async () => {
    const [claire] = invitedRows(1);
    if (!claire) throw new Error('fixture');
    const broken = copilSheet({ rows: [{ ...claire, signatures: { single: new Uint8Array([1, 2, 3]) } }] });
    await expect(buildSignInSheetDocx(broken)).rejects.toThrow('n’est pas une image PNG');
  });

  it('still prints a correct, placeholder-free notice when the controller and the rights contact are not set', async () => {
    const unset = await openDocx(
      await buildSignInSheetDocx(copilSheet({ gdpr: buildGdprNotice({ ...CONFIGURED_SETTINGS, controllerName: '', rightsContact: '' }) })),
    );
    const footer = textOf(unset.footers.join(''));
    expect(footer).toContain('l’organisme qui organise cette réunion');
    expect(footer).not.toMatch(/compléter|\[|undefined/);
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    const office = libreOfficeScratch('bocage-sign-in-docx-');

    it(
      'prints 60 invited people over several A4 pages, the column headers and the notice on each, rows tall enough to sign',
      async () => {
        const pdfPath = await office.toPdf('emargement-60.docx', await buildSignInSheetDocx(copilSheet({ rows: invitedRows(60), blankRows: 8 })));
        const pages = pdfPages(plainSpaces(await pdfToText(pdfPath)));
        expect(pages.length).toBeGreaterThanOrEqual(4);
        expect(pages[0]).toContain('Feuille d’émargement');
        expect(pages[0]).toContain('jeudi 12 mars 2026');
        expect(pages[0]).toMatch(/1\s+DUPONT Claire\s+Mairie de Bavay\s+Élu·e/);
        for (const page of pages) {
          expect(page).toMatch(/N°\s+Nom et prénom\s+Structure\s+Catégorie\s+Signature \(14:00–16:30\)/);
          expect(page).toContain('Protection de vos données personnelles.');
          expect(page).toMatch(/Page \d+ sur \d+/);
        }
        expect(pages[1]).not.toContain('Organisateur');
        expect(pages.join('\n')).toContain('Personnes présentes sans inscription préalable');
        expect(pages.at(-1)).toMatch(/\b68\b/);

        const size = await pdfPageSize(pdfPath);
        expect(Math.round(size.width)).toBe(595);
        expect(Math.round(size.height)).toBe(842);
        const words = await pdfWordsByPage(pdfPath);
        for (const pageWords of words) {
          expect(smallestRowPitch(pageWords, 80)).toBeGreaterThanOrEqual(1.35 * POINTS_PER_CENTIMETRE);
        }
      },
      LIBREOFFICE_TIMEOUT_MS,
    );

    it(
      'prints a full day on landscape A4 with both signature columns inside the page',
      async () => {
        const pdfPath = await office.toPdf('emargement-journee.docx', await buildSignInSheetDocx(copilSheet({ slots: [...FULL_DAY_SLOTS] })));
        const size = await pdfPageSize(pdfPath);
        expect(Math.round(size.width)).toBe(842);
        const [firstPage = []] = await pdfWordsByPage(pdfPath);
        const afternoon = firstPage.find((word) => word.text === 'Après-midi');
        expect(afternoon).toBeDefined();
        expect(afternoon?.xMin ?? Infinity).toBeLessThan(size.width - 2 * POINTS_PER_CENTIMETRE);
        expect(plainSpaces(await pdfToText(pdfPath))).toMatch(/Signature – Matin\s+Signature – Après-midi/);
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
