import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { beforeAll, describe, expect, test } from 'vitest';
import { readDocxTemplate, type DocxTemplate } from '@shared/export/report/docx-template';
import { buildPreDiagnosticDocx } from '@shared/export/report/report-docx';
import { barChartSvg } from '@shared/export/report/report-chart-svg';
import { rasterizeSvgInNode } from '../../../scripts/export/node-svg-rasterizer';
import { pdfToText } from '../../helpers/libreoffice';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, libreOfficeScratch, pdfPages, plainSpaces, textOf } from '../gdpr/test-support';
import { reportFixture } from './report-fixture';

const REAL_WORD_FILE = '/work/shared/data/real/fixture_word2016_paras_tables.docx';
const HEADING_FONT = 'Georgia';
const HEADING_COLOUR = '1F3864';
const CAPTION_COLOUR = '7B2C2C';
const HEADER_TEXT = 'Département du Nord – Direction de l’action sociale';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  dotx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml',
  docm: 'application/vnd.ms-word.document.macroEnabled.main+xml',
} as const;

/** French Word's localized style ids, found by their built-in names; headings numbered by a list. */
const FRENCH_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Georgia" w:hAnsi="Georgia" w:cs="Georgia"/><w:sz w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:link w:val="Titre1Car"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:ascii="${HEADING_FONT}" w:hAnsi="${HEADING_FONT}"/><w:b/><w:color w:val="${HEADING_COLOUR}"/><w:sz w:val="36"/></w:rPr></w:style>
<w:style w:type="character" w:customStyle="1" w:styleId="Titre1Car"><w:name w:val="Titre 1 Car"/><w:link w:val="Titre1"/><w:rPr><w:color w:val="${HEADING_COLOUR}"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Titre2"><w:name w:val="heading 2"/><w:basedOn w:val="Titre1"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Lgende"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:i/><w:color w:val="${CAPTION_COLOUR}"/><w:sz w:val="16"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="En-tte"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:rPr><w:color w:val="${HEADING_COLOUR}"/></w:rPr></w:style>
</w:styles>`;

function relationships(items: readonly { id: string; type: string; target: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map((item) => `<Relationship Id="${item.id}" Type="${RELATIONSHIP}/${item.type}" Target="${item.target}"/>`)
    .join('')}</Relationships>`;
}

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#1F3864"/><circle cx="20" cy="20" r="12" fill="#F2C94C"/></svg>';

/** A picture in the line of the header, as Word writes a logo. */
function logoDrawing(relationshipId: string): string {
  return `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="1143000" cy="381000"/><wp:docPr id="100" name="Logo" descr="Logo du Département"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="100" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1143000" cy="381000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

interface TemplateFileOptions {
  kind: keyof typeof MAIN_TYPES;
  styles?: string | null;
  logo?: Uint8Array | null;
  withMacros?: boolean;
}

/** An institution's template as Word would save it: localized styles, a header with a PNG logo. */
async function templateFile({ kind, styles = FRENCH_STYLES, logo = null, withMacros = false }: TemplateFileOptions): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="${MAIN_TYPES[kind]}"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>`,
  );
  zip.file('_rels/.rels', relationships([{ id: 'rId1', type: 'officeDocument', target: 'word/document.xml' }]));
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Modèle</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId2"/><w:pgSz w:w="12240" w:h="15840"/></w:sectPr></w:body></w:document>`,
  );
  const documentRelationships = [{ id: 'rId2', type: 'header', target: 'header1.xml' }];
  if (styles !== null) {
    documentRelationships.push({ id: 'rId1', type: 'styles', target: 'styles.xml' });
    zip.file('word/styles.xml', styles);
  }
  if (withMacros) {
    documentRelationships.push({ id: 'rId9', type: 'vbaProject', target: 'vbaProject.bin' });
    zip.file('word/vbaProject.bin', new Uint8Array([1, 2, 3, 4]));
  }
  zip.file('word/_rels/document.xml.rels', relationships(documentRelationships));
  zip.file(
    'word/header1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:pStyle w:val="En-tte"/></w:pPr>${logo ? logoDrawing('rId7') : ''}<w:r><w:t xml:space="preserve">${HEADER_TEXT}</w:t></w:r></w:p></w:hdr>`,
  );
  if (logo) {
    zip.file('word/_rels/header1.xml.rels', relationships([{ id: 'rId7', type: 'image', target: 'media/logo.png' }]));
    zip.file('word/media/logo.png', logo);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

function readOrThrow(bytes: Uint8Array, fileName: string): DocxTemplate {
  const reading = readDocxTemplate(bytes, fileName);
  if (!reading.ok) throw new Error(reading.message);
  return reading.template;
}

function messageFor(bytes: Uint8Array, fileName: string): string {
  const reading = readDocxTemplate(bytes, fileName);
  if (reading.ok) throw new Error(`${fileName} aurait dû être refusé.`);
  return reading.message;
}

interface ProducedDocx {
  zip: JSZip;
  read: (path: string) => Promise<string>;
}

async function openProduced(bytes: Uint8Array): Promise<ProducedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    zip,
    read: async (path) => {
      const file = zip.file(path);
      if (!file) throw new Error(`${path} manque dans le .docx`);
      return file.async('string');
    },
  };
}

function styleBlock(stylesXml: string, styleId: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
}

/** The default header or footer part of the produced document's section. */
async function defaultPart(docx: ProducedDocx, kind: 'header' | 'footer'): Promise<string> {
  const documentXml = await docx.read('word/document.xml');
  const id = new RegExp(`<w:${kind}Reference w:type="default" r:id="([^"]+)"`).exec(documentXml)?.[1];
  const relationshipsXml = await docx.read('word/_rels/document.xml.rels');
  const target = new RegExp(`<Relationship Id="${id}" [^>]*Target="([^"]+)"`).exec(relationshipsXml)?.[1];
  return `word/${target}`;
}

const buildWith = (template: DocxTemplate | null, onWarning?: (message: string) => void) =>
  buildPreDiagnosticDocx(reportFixture(), { rasterize: rasterizeSvgInNode, chartSvg: barChartSvg, template, onWarning });

describe('the user’s own Word template', () => {
  let logo: Uint8Array;
  let dotxTemplate: DocxTemplate;
  let produced: Uint8Array;
  let docx: ProducedDocx;

  beforeAll(async () => {
    logo = await rasterizeSvgInNode(LOGO_SVG, { width: 120, height: 40, scale: 1 });
    dotxTemplate = readOrThrow(await templateFile({ kind: 'dotx', logo }), 'Charte départementale.dotx');
    produced = await buildWith(dotxTemplate);
    docx = await openProduced(produced);
  });

  test('a French template’s localized styles (Titre1, Lgende) are found by their built-in names', () => {
    expect(dotxTemplate.styleIds).toEqual(expect.arrayContaining(['Heading1', 'Heading2', 'Caption', 'Header']));
    expect(dotxTemplate.styleIds).not.toContain('Titre1');
    expect(dotxTemplate.accentColour).toBe(HEADING_COLOUR);
    expect(dotxTemplate.warnings).toEqual([expect.stringContaining('numérotés automatiquement')]);
  });

  test('headings and captions take the template’s font and colours; the document stays French', async () => {
    const styles = await docx.read('word/styles.xml');
    const heading1 = styleBlock(styles, 'Heading1');
    expect(heading1).toContain('<w:name w:val="heading 1"/>');
    expect(heading1).toContain(`w:ascii="${HEADING_FONT}"`);
    expect(heading1).toContain(`<w:color w:val="${HEADING_COLOUR}"/>`);
    expect(heading1).not.toContain('<w:numPr>');
    expect(styleBlock(styles, 'Heading2')).toContain('<w:basedOn w:val="Heading1"/>');
    expect(styleBlock(styles, 'Caption')).toContain(`<w:color w:val="${CAPTION_COLOUR}"/>`);
    expect(styles).not.toMatch(/w:styleId="(Titre1|Titre2|Lgende)"/);
    expect(styles).toContain('<w:lang w:val="fr-FR"/>');
    // What the template lacks (Titre 3, the table of contents levels) comes from Bocage.
    expect(styleBlock(styles, 'Heading3')).toContain('<w:name w:val="heading 3"/>');
    expect(styleBlock(styles, 'TOC1')).toContain('<w:name w:val="toc 1"/>');
    const documentXml = await docx.read('word/document.xml');
    expect(documentXml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(documentXml).toContain(`<w:shd w:fill="${HEADING_COLOUR}"`);
  });

  test('the template’s header comes with its logo, followed by the running header, on a document that is a .docx', async () => {
    const headerPath = await defaultPart(docx, 'header');
    const header = await docx.read(headerPath);
    expect(textOf(header)).toContain(HEADER_TEXT);
    expect(textOf(header)).toContain('CTG du Pays de Mormal – Pré-diagnostic');
    expect(header).toContain('<w:pStyle w:val="Header"/>');
    const embed = /<a:blip r:embed="([^"]+)"/.exec(header)?.[1];
    const headerRelationships = await docx.read(headerPath.replace('word/', 'word/_rels/') + '.rels');
    const target = new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`).exec(headerRelationships)?.[1] ?? '';
    const copied = await docx.zip.file(`word/${target}`)?.async('uint8array');
    expect(copied && [...copied]).toEqual([...logo]);
    const contentTypes = await docx.read('[Content_Types].xml');
    const entries = (contentTypes.match(/<(?:Override|Default) [^>]*>/g) ?? []).map((entry) => ({
      part: /(?:PartName|Extension)="([^"]*)"/.exec(entry)?.[1],
      type: /ContentType="([^"]*)"/.exec(entry)?.[1],
    }));
    expect(entries).toContainEqual({ part: '/word/document.xml', type: MAIN_TYPES.docx });
    expect(entries).toContainEqual({ part: 'png', type: 'image/png' });
    expect(contentTypes).not.toContain('template.main+xml');
  });

  test('without a page number in the template’s footer, Bocage’s "Page n sur m" stays', async () => {
    expect(dotxTemplate.footer).toBeNull();
    const footer = await docx.read(await defaultPart(docx, 'footer'));
    expect(footer).toContain('NUMPAGES');
  });

  describe('read from files that are not usable templates', () => {
    test('garbage bytes and a renamed text file are refused as not being Word files', () => {
      expect(messageFor(new Uint8Array([0x13, 0x37, 0x00, 0xff, 0x42]), 'modele.docx')).toBe(
        '« modele.docx » n’est pas un modèle Word : choisissez un fichier .docx ou .dotx créé avec Word ou LibreOffice.',
      );
      expect(messageFor(new TextEncoder().encode('Ceci est un simple texte.\n'), 'notes.dotx')).toContain('« notes.dotx » n’est pas un modèle Word');
      expect(messageFor(new Uint8Array(), 'vide.docx')).toContain('est vide');
    });

    test('an old .doc is refused with the way to convert it; a password-protected file with the way to unlock it', () => {
      const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
      const oldDoc = new Uint8Array([...ole, ...new Array<number>(504).fill(0)]);
      expect(messageFor(oldDoc, 'charte.doc')).toContain('document Word 97-2003');
      const encryptedName = [...'EncryptedPackage'].flatMap((character) => [character.charCodeAt(0), 0]);
      const encrypted = new Uint8Array([...ole, ...new Array<number>(100).fill(0), ...encryptedName]);
      expect(messageFor(encrypted, 'charte.docx')).toContain('protégé par un mot de passe');
    });

    test('a workbook, an OpenDocument file and a Word file without styles are refused, each with its reason', async () => {
      const workbook = new JSZip();
      workbook.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      workbook.file('xl/workbook.xml', '<workbook/>');
      expect(messageFor(await workbook.generateAsync({ type: 'uint8array' }), 'tableau.xlsx')).toContain('n’est pas un modèle Word');
      const openDocument = new JSZip();
      openDocument.file('mimetype', 'application/vnd.oasis.opendocument.text');
      openDocument.file('content.xml', '<office:document-content/>');
      expect(messageFor(await openDocument.generateAsync({ type: 'uint8array' }), 'charte.odt')).toContain('OpenDocument');
      expect(messageFor(await templateFile({ kind: 'docx', styles: null }), 'sans-styles.docx')).toContain('ne contient pas de styles');
    });

    test('a macro-enabled template is read without its macros, and says so', async () => {
      const template = readOrThrow(await templateFile({ kind: 'docm', withMacros: true }), 'charte.docm');
      expect(template.warnings).toContainEqual(expect.stringContaining('Les macros du modèle « charte.docm » sont ignorées'));
      const output = await JSZip.loadAsync(await buildWith(template));
      expect(Object.keys(output.files).filter((path) => path.includes('vbaProject'))).toEqual([]);
      expect(await output.file('[Content_Types].xml')?.async('string')).not.toContain('macroEnabled');
    });

    test('an odd template never costs the document: it is written in Bocage’s look, with a warning', async () => {
      const broken: DocxTemplate = { ...readOrThrow(await templateFile({ kind: 'docx' }), 'cassé.docx'), styles: '<w:styles><w:style' };
      const warnings: string[] = [];
      const output = await openProduced(await buildWith(broken, (message) => warnings.push(message)));
      expect(warnings).toEqual([expect.stringContaining('Le modèle « cassé.docx » n’a pas pu être appliqué')]);
      expect(textOf(await output.read('word/document.xml'))).toContain('1. Contexte et méthode');
      expect(styleBlock(await output.read('word/styles.xml'), 'Heading1')).toContain('<w:color w:val="2F5D3A"/>');
    });
  });

  describe('a real Word 2016 file used as a template', () => {
    let realTemplate: DocxTemplate;
    let realDocx: ProducedDocx;
    let realBytes: Uint8Array;

    beforeAll(async () => {
      realTemplate = readOrThrow(new Uint8Array(await readFile(REAL_WORD_FILE)), 'fixture_word2016_paras_tables.docx');
      realBytes = await buildWith(realTemplate);
      realDocx = await openProduced(realBytes);
    });

    test('its header and footer tables are kept, with Bocage’s page numbers after its footer, and its theme', async () => {
      expect(realTemplate.warnings).toEqual([]);
      expect(textOf(await realDocx.read(await defaultPart(realDocx, 'header')))).toContain('Left-side');
      const footer = await realDocx.read(await defaultPart(realDocx, 'footer'));
      expect(textOf(footer)).toContain('Copyright');
      expect(footer).toContain('NUMPAGES');
      expect(await realDocx.read('word/theme/theme1.xml')).toBe(realTemplate.theme);
      expect(styleBlock(await realDocx.read('word/styles.xml'), 'TableGrid')).toContain('<w:name w:val="Table Grid"/>');
    });

    describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
      const scratch = libreOfficeScratch('bocage-docx-template-');
      let templatedPages: string[];
      let realPages: string[];

      beforeAll(async () => {
        templatedPages = pdfPages(plainSpaces(await pdfToText(await scratch.toPdf('avec-charte.docx', produced))));
        realPages = pdfPages(plainSpaces(await pdfToText(await scratch.toPdf('avec-modele-word.docx', realBytes))));
      }, LIBREOFFICE_TIMEOUT_MS);

      test('the document made from a .dotx opens with the template’s header text, its contents and page numbers', () => {
        expect(templatedPages[0]).not.toContain(HEADER_TEXT);
        expect(templatedPages[2]).toContain(HEADER_TEXT);
        expect(templatedPages[2]).toContain('1. Contexte et méthode');
        // Listed without page numbers: the template's header changes the pages, Word fills them in on opening.
        expect(templatedPages[1]).toMatch(/1\. Contexte et méthode\.{3,}\s*$/m);
        expect(templatedPages[1]).toContain('5. Annexes : participants et sources');
        expect(templatedPages[2]).toMatch(/Page 3 sur \d+/);
      });

      test('the document made from the real Word file opens with its header and footer and Bocage’s page numbers', () => {
        expect(realPages[2]).toMatch(/Left-side\s+Right-side/);
        expect(realPages[2]).toContain('Copyright');
        expect(realPages[2]).toMatch(/Page 3 sur \d+/);
        expect(realPages.join('\n')).toContain('secret stat.');
      });
    });
  });
});
