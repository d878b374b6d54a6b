import { beforeAll, describe, expect, it } from 'vitest';
import { buildMissionDocx } from '@shared/export/mission-docx';
import { formatInteger } from '@shared/format/french-format';
import { pdfPageCount, pdfToText } from '../helpers/libreoffice';
import { CTG_FIELD_ROWS, CTG_KNOWN_POPULATION_TOTAL, ctgMissionSnapshot, emptyMissionSnapshot } from '../helpers/mission-fixtures';
import { cellTexts, libreOfficeScratch, openDocx, plainSpaces, tableRowsXml, textOf, type OpenedDocx } from './gdpr/test-support';

const OPTIONS = { generatedAt: new Date('2024-05-14T16:05:00Z'), geographyVintage: 'COG 2026' };
const LIBREOFFICE_TIMEOUT_MS = 60_000;

function paragraphTextsWithStyle(documentXml: string, styleId: string): string[] {
  const paragraphs = documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs.filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${styleId}"/>`)).map(textOf);
}

/** Each table as rows of cell texts. */
function tablesOf(documentXml: string): string[][][] {
  return tableRowsXml(documentXml).map((rows) => rows.map(cellTexts));
}

describe('mission summary as a Word document', () => {
  let ctgBytes: Uint8Array;
  let ctg: OpenedDocx;

  beforeAll(async () => {
    ctgBytes = await buildMissionDocx(ctgMissionSnapshot(), OPTIONS);
    ctg = await openDocx(ctgBytes);
  });

  it('is a plain Uint8Array, the only byte type the save bridge accepts', () => {
    expect(ctgBytes).toBeInstanceOf(Uint8Array);
    expect(ctgBytes.constructor).toBe(Uint8Array);
    expect(ctgBytes.byteLength).toBeGreaterThan(1000);
  });

  it('puts the mission title in Heading 1 and the sections in Heading 2, so Word lists them in its navigation pane', () => {
    expect(paragraphTextsWithStyle(ctg.document, 'Heading1')).toEqual(['Diagnostic CTG Pays de Mormal']);
    expect(paragraphTextsWithStyle(ctg.document, 'Heading2')).toEqual(['Fiche de la mission', 'Territoire']);
    const heading1Style = /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(ctg.styles)?.[0] ?? '';
    const heading2Style = /<w:style [^>]*w:styleId="Heading2"[\s\S]*?<\/w:style>/.exec(ctg.styles)?.[0] ?? '';
    expect(heading1Style).toContain('<w:name w:val="Heading 1"/>');
    expect(heading1Style).toContain('<w:outlineLvl w:val="0"/>');
    expect(heading2Style).toContain('<w:outlineLvl w:val="1"/>');
  });

  it('lists every field of the mission card in French, dates and status included', () => {
    const [fieldsTable] = tablesOf(ctg.document);
    expect(fieldsTable).toEqual(CTG_FIELD_ROWS);
  });

  it('lists the communes with French-formatted populations, "non disponible" for an unknown one, and the total', () => {
    const communesTable = tablesOf(ctg.document)[1] ?? [];
    expect(communesTable[0]).toEqual(['Commune', 'Code INSEE', 'Département', 'Population']);
    expect(communesTable).toContainEqual(['Ajaccio', '2A004', '2A', '76\u202f320']);
    expect(communesTable).toContainEqual(["L'Abergement-Clémenciat", '01001', '01', '860']);
    expect(communesTable).toContainEqual(['Île de Clipperton', '98901', '989', 'non disponible']);
    expect(communesTable.at(-1)).toEqual(['Total', '10 communes', formatInteger(CTG_KNOWN_POPULATION_TOTAL)]);
    expect(formatInteger(CTG_KNOWN_POPULATION_TOTAL)).toBe('97\u202f935');
    expect(communesTable).toHaveLength(1 + 10 + 1);
    expect(textOf(ctg.document)).toContain('Population non disponible pour 1 commune : le total ne la compte pas.');
  });

  it('states which official geography the communes come from and when the file was made', () => {
    expect(textOf(ctg.document)).toMatch(/Géographie officielle : COG 2026\. Document exporté le 14\/05\/2024 \d\d:\d\d\./);
  });

  it('is laid out on A4 portrait with page numbers in the footer', () => {
    expect(ctg.document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const footer = ctg.footers.join('');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
  });

  it('is marked as French with a title and author, so spell-check and file properties are right', () => {
    expect(ctg.styles).toContain('<w:lang w:val="fr-FR"/>');
    expect(ctg.core).toContain('<dc:title>Diagnostic CTG Pays de Mormal</dc:title>');
    expect(ctg.core).toContain('<dc:creator>Bocage</dc:creator>');
  });

  it('exports a mission with nothing filled in, saying what is missing instead of leaving blanks', async () => {
    const empty = await openDocx(await buildMissionDocx(emptyMissionSnapshot(), OPTIONS));
    const [fieldsTable, ...otherTables] = tablesOf(empty.document);
    expect(otherTables).toEqual([]);
    expect(fieldsTable).toContainEqual(['Commanditaire', 'Non renseigné']);
    expect(fieldsTable).toContainEqual(['Dates', 'Non renseigné']);
    expect(fieldsTable).toContainEqual(['Thématiques', 'Non renseigné']);
    expect(fieldsTable).toContainEqual(['Statut', 'En préparation']);
    expect(textOf(empty.document)).toContain('Aucune commune dans le territoire de cette mission.');
  });

  it('gives an untitled mission a readable heading', async () => {
    const untitled = await openDocx(await buildMissionDocx(emptyMissionSnapshot({ title: '   ' }), OPTIONS));
    expect(paragraphTextsWithStyle(untitled.document, 'Heading1')).toEqual(['Mission sans titre']);
  });

  describe('opened in LibreOffice', () => {
    const office = libreOfficeScratch('bocage-docx-');

    it(
      'renders as one to three pages showing the title, the accented commune names and the total',
      async () => {
        const pdfPath = await office.toPdf('mission.docx', ctgBytes);
        const text = plainSpaces(await pdfToText(pdfPath));
        expect(text).toContain('Diagnostic CTG Pays de Mormal');
        expect(text).toContain('Fiche de la mission');
        expect(text).toContain('Forest-en-Cambrésis');
        expect(text).toContain("L'Orée de Mormal");
        expect(text).toContain('Île de Clipperton');
        expect(text).toContain('Ajaccio');
        expect(text).toContain('2A004');
        expect(text).toMatch(/Total\s+10 communes\s+97 935/);
        expect(text).toContain('Page 1 sur');
        const pages = await pdfPageCount(pdfPath);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(3);
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
