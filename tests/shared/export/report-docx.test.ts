import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildPreDiagnosticDocx } from '@shared/export/report/report-docx';
import { barChartSvg } from '@shared/export/report/report-chart-svg';
import { rasterizeSvgInNode } from '../../../scripts/export/node-svg-rasterizer';
import { pdfPageCount, pdfToText } from '../../helpers/libreoffice';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, libreOfficeScratch, pdfPages, plainSpaces, textOf } from '../gdpr/test-support';
import {
  FICTITIOUS_NOTICE,
  FIXTURE_SECTIONS,
  FIXTURE_SUBHEADINGS,
  INCOME_ALT_TEXT,
  LONG_TABLE_ROW_COUNT,
  POPULATION_ALT_TEXT,
  reportFixture,
} from './report-fixture';

const REPORT = reportFixture();
const SECTION_TITLES = FIXTURE_SECTIONS.map((section, index) => `${index + 1}. ${section.title}`);

interface DocxParts {
  files: string[];
  read: (path: string) => Promise<string>;
  bytes: (path: string) => Promise<Uint8Array>;
}

async function unzip(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const file = (path: string) => {
    const entry = zip.file(path);
    if (!entry) throw new Error(`${path} manque dans le .docx`);
    return entry;
  };
  return {
    files: Object.keys(zip.files),
    read: (path) => file(path).async('string'),
    bytes: (path) => file(path).async('uint8array'),
  };
}

function paragraphsWithStyle(documentXml: string, styleId: string): string[] {
  return (documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).filter((paragraph) => paragraph.includes(`<w:pStyle w:val="${styleId}"/>`)).map(textOf);
}

function styleBlock(stylesXml: string, styleId: string): string {
  const block = new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0];
  if (!block) throw new Error(`Pas de style ${styleId}`);
  return block;
}

/** The part a relationship of word/document.xml points to, by the relationship's type. */
function partsOfType(relationshipsXml: string, type: 'header' | 'footer'): string[] {
  return [...relationshipsXml.matchAll(/<Relationship [^>]*>/g)]
    .map((match) => match[0])
    .filter((relationship) => relationship.includes(`relationships/${type}"`))
    .map((relationship) => `word/${/Target="([^"]*)"/.exec(relationship)?.[1] ?? ''}`);
}

describe('the pre-diagnostic as a Word document', () => {
  let bytes: Uint8Array;
  let docx: DocxParts;
  let documentXml: string;
  let stylesXml: string;

  beforeAll(async () => {
    bytes = await buildPreDiagnosticDocx(REPORT, { rasterize: rasterizeSvgInNode, chartSvg: barChartSvg });
    docx = await unzip(bytes);
    documentXml = await docx.read('word/document.xml');
    stylesXml = await docx.read('word/styles.xml');
  });

  test('headings use Word’s built-in Titre 1/2/3 styles, so the navigation pane and restyling work', () => {
    expect(paragraphsWithStyle(documentXml, 'Heading1')).toEqual(SECTION_TITLES);
    expect(paragraphsWithStyle(documentXml, 'Heading2')).toEqual(FIXTURE_SUBHEADINGS.filter((heading) => heading.level === 2).map((heading) => heading.text));
    expect(paragraphsWithStyle(documentXml, 'Heading3')).toEqual(FIXTURE_SUBHEADINGS.filter((heading) => heading.level === 3).map((heading) => heading.text));
    for (const level of [1, 2, 3]) {
      const block = styleBlock(stylesXml, `Heading${level}`);
      expect(block).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(block).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    expect(styleBlock(stylesXml, 'Normal')).toContain('w:default="1"');
  });

  test('every table and figure caption is in the built-in Légende style, below its table or image', () => {
    expect(styleBlock(stylesXml, 'Caption')).toContain('<w:name w:val="caption"/>');
    expect(paragraphsWithStyle(documentXml, 'Caption')).toEqual([
      'Tableau 1 – Chiffres clés du territoire et des territoires de comparaison. Source : INSEE, RP 2021.',
      'Figure 1 – Part des 75 ans et plus. Source : INSEE, RP 2021.',
      'Figure 2 – Revenu médian disponible. Source : INSEE, Filosofi 2021.',
      'Tableau 2 – Taux de couverture en accueil du jeune enfant par commune. Source : CAF du Nord, 2023.',
    ]);
    expect(documentXml).toMatch(/<\/w:tbl><w:p>(?:(?!<\/w:p>)[\s\S])*<w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>)[\s\S])*Tableau 1/);
    expect(documentXml).toMatch(/<w:drawing>(?:(?!<w:p[ >])[\s\S])*<\/w:p><w:p>(?:(?!<\/w:p>)[\s\S])*<w:pStyle w:val="Caption"\/>(?:(?!<\/w:p>)[\s\S])*Figure 1/);
  });

  test('the document is in French and in Arial, from the document defaults that every style inherits', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Arial"');
    expect(defaults).toContain('<w:lang w:val="fr-FR"/>');
  });

  test('a real table of contents field (TOC \\o "1-3") that Word refreshes on opening', async () => {
    const instructions = [...documentXml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((match) => (match[1] ?? '').replace(/&quot;/g, '"'));
    const tableOfContents = instructions.filter((instruction) => instruction.trim().startsWith('TOC '));
    expect(tableOfContents).toHaveLength(1);
    expect(tableOfContents[0]).toContain('\\o "1-3"');
    // An on/off element without w:val is on.
    expect(await docx.read('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
    expect(paragraphsWithStyle(documentXml, 'TOCHeading')).toEqual(['Sommaire']);
    // Pre-filled entries, so the table is not empty before Word refreshes it (or in LibreOffice).
    expect(paragraphsWithStyle(documentXml, 'TOC1').map((entry) => entry.replace(/\d+$/, ''))).toEqual(SECTION_TITLES);
  });

  test('pages are A4 portrait, the cover has no header or footer, the others a running header and numbered footer', async () => {
    const sectionProperties = /<w:sectPr[\s\S]*?<\/w:sectPr>/.exec(documentXml)?.[0] ?? '';
    expect(sectionProperties).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sectionProperties).toContain('<w:titlePg/>');
    expect(sectionProperties).toMatch(/<w:headerReference w:type="first"/);
    const relationships = await docx.read('word/_rels/document.xml.rels');
    const headerTexts = await Promise.all(partsOfType(relationships, 'header').map(async (path) => textOf(await docx.read(path))));
    expect(headerTexts).toContainEqual(`${REPORT.runningHeader}\n${FICTITIOUS_NOTICE}`);
    const footers = await Promise.all(partsOfType(relationships, 'footer').map((path) => docx.read(path)));
    const numbered = footers.filter((footer) => footer.includes('PAGE'));
    expect(numbered).toHaveLength(1);
    expect(numbered[0]).toMatch(/NUMPAGES/);
    expect(textOf(numbered[0] ?? '')).toContain(' sur ');
  });

  test('each chart is a PNG image whose description is the chart’s alternative text', async () => {
    const media = docx.files.filter((path) => path.startsWith('word/media/'));
    expect(media).toHaveLength(2);
    for (const path of media) {
      expect([...(await docx.bytes(path)).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    const descriptions = [...documentXml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"[^>]*title="([^"]*)"/g)].map((match) => ({
      description: match[1],
      title: match[2],
    }));
    expect(descriptions).toEqual([
      { description: POPULATION_ALT_TEXT, title: 'Part des 75 ans et plus (%)' },
      { description: INCOME_ALT_TEXT, title: 'Revenu médian disponible par unité de consommation (€)' },
    ]);
  });

  test('table header rows repeat on every page, rows never split, figures sit right, secret figures stay words in grey italics', () => {
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const communes = tables.find((table) => table.includes('Commune 01')) ?? '';
    const rows = communes.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(LONG_TABLE_ROW_COUNT + 1);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows.every((row) => row.includes('<w:cantSplit/>'))).toBe(true);
    const keyFigures = tables.find((table) => table.includes('Chiffres') || table.includes('Population (habitants)')) ?? '';
    const cell = (text: string) => (keyFigures.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).find((candidate) => textOf(candidate) === text) ?? '';
    expect(cell('49 873')).toContain('<w:jc w:val="right"/>');
    for (const word of ['secret stat.', 'n.d.']) {
      expect(cell(word)).toContain('<w:i/>');
      expect(cell(word)).toContain('<w:color w:val="5A5A5A"/>');
    }
    expect(cell('Ensemble')).toContain('<w:gridSpan w:val="2"/>');
    expect(keyFigures).not.toMatch(/<w:t[^>]*>0<\/w:t>/);
  });

  test('fiches actions each start on a new page, without a blank page after the last one', () => {
    const breaks = documentXml.match(/<w:br w:type="page"\/>/g) ?? [];
    expect(breaks).toHaveLength(1);
    expect(documentXml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(FIXTURE_SECTIONS.length + 1);
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    const scratch = libreOfficeScratch('bocage-report-docx-');
    let pages: string[];
    let pageCount: number;

    beforeAll(async () => {
      const pdf = await scratch.toPdf('pre-diagnostic.docx', bytes);
      pages = pdfPages(plainSpaces(await pdfToText(pdf)));
      pageCount = await pdfPageCount(pdf);
    }, LIBREOFFICE_TIMEOUT_MS);

    test('the cover shows the title, kind, territory, sponsor, date, author, version and the fictitious notice, without a page number', () => {
      const cover = pages[0] ?? '';
      for (const text of ['Pré-diagnostic territorial', 'Convention territoriale globale du', 'Pays de Mormal (53 communes)', 'UTPAS Avesnois', '22 novembre 2026', 'Claire Dupont', 'Version 1.2', FICTITIOUS_NOTICE]) {
        expect(cover).toContain(text);
      }
      expect(cover).not.toMatch(/Page \d+ sur/);
    });

    test('the table of contents lists every part and sub-heading with the page it starts on', () => {
      const contents = pages[1] ?? '';
      expect(contents).toContain('Sommaire');
      const entries = new Map([...contents.matchAll(/^\s*(.+?)\.{3,}\s*(\d+)\s*$/gm)].map((match) => [match[1]?.trim(), Number(match[2])]));
      for (const title of [...SECTION_TITLES, ...FIXTURE_SUBHEADINGS.map((heading) => heading.text)]) {
        const page = entries.get(title);
        expect(page, title).toBeDefined();
        expect(pages[(page ?? 0) - 1], `${title} p. ${page}`).toContain(title);
      }
    });

    test('every part is printed, secret and missing figures as words, with "Page n sur m" in the footer', () => {
      const body = pages.slice(2).join('\n');
      for (const title of SECTION_TITLES) expect(body).toContain(title);
      expect(body).toContain('secret stat.');
      expect(body).toContain('n.d.');
      expect(pages[2]).toContain(`Page 3 sur ${pageCount}`);
      expect(pages[2]).toContain(REPORT.runningHeader);
    });

    test('the long table runs over several pages with its header row repeated, in a document of sensible length', () => {
      const withCommunes = pages.filter((page) => /Commune \d\d/.test(page));
      expect(withCommunes.length).toBeGreaterThanOrEqual(2);
      expect(withCommunes.every((page) => page.includes('Taux de couverture'))).toBe(true);
      expect(pageCount).toBeGreaterThanOrEqual(9);
      expect(pageCount).toBeLessThanOrEqual(14);
    });
  });
});
