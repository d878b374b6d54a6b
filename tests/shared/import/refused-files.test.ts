import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MAX_TABLE_FILE_BYTES } from '@shared/import/file-format';
import { expectImportError, inspect, latin1, utf8 } from './import-test-helpers';

/** Deterministic noise, so a failure can be replayed. */
function garbage(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 0x2545f491;
  for (let index = 0; index < length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[index] = state & 0xff;
  }
  return bytes;
}

async function zip(entries: Record<string, string>): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(entries)) archive.file(name, content, { compression: 'STORE' });
  return archive.generateAsync({ type: 'uint8array' });
}

describe('files that are not tables are refused with a French message, and nothing is read', () => {
  it('an empty file says it is empty', async () => {
    const error = await expectImportError(() => inspect(new Uint8Array(0), 'vide.csv'), 'empty-file');
    expect(error.message).toBe('Le fichier « vide.csv » est vide.');
  });

  it('binary noise named .csv is not taken for a table', async () => {
    const error = await expectImportError(() => inspect(garbage(4096), 'donnees.csv'), 'not-a-table');
    expect(error.message).toContain('binaire');
  });

  it('a legacy .xls workbook asks to save it as .xlsx or .csv', async () => {
    const header = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(504)]);
    const error = await expectImportError(() => inspect(header, 'filosofi.xls'), 'legacy-xls');
    expect(error.message).toContain('.xlsx');
    expect(error.message).toContain('.csv');
  });

  it('a legacy .xls renamed .csv is still recognised by its content', async () => {
    const header = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...garbage(504)]);
    await expectImportError(() => inspect(header, 'filosofi.csv'), 'legacy-xls');
  });

  it('an OpenDocument spreadsheet asks to save it as .xlsx or .csv', async () => {
    const bytes = await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>' });
    const error = await expectImportError(() => inspect(bytes, 'filosofi.ods'), 'opendocument');
    expect(error.message).toContain('LibreOffice');
  });

  it('a Word document says it is a Word document', async () => {
    const bytes = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    const error = await expectImportError(() => inspect(bytes, 'compte-rendu.xlsx'), 'not-a-table');
    expect(error.message).toContain('document Word');
  });

  it('a PDF says it is a PDF', async () => {
    const error = await expectImportError(() => inspect(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'rapport.csv'), 'not-a-table');
    expect(error.message).toContain('PDF');
  });

  it('an image says it is an image', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...garbage(64)]);
    const error = await expectImportError(() => inspect(png, 'carte.png'), 'not-a-table');
    expect(error.message).toContain('image');
  });

  it('a damaged workbook says it cannot be read', async () => {
    const bytes = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': 'pas du XML' });
    await expectImportError(() => inspect(bytes, 'abime.xlsx'), 'unreadable-workbook');
  });

  it('a file with only a header has no rows to import', async () => {
    const error = await expectImportError(() => inspect(utf8('CODGEO;MED21\n'), 'entete.csv'), 'no-data-rows');
    expect(error.message).toContain('que la ligne d’en-tête');
  });

  it('a file with a single column says no separator was found', async () => {
    await expectImportError(() => inspect(utf8('CODGEO\n01001\n01002\n'), 'une-colonne.csv'), 'no-separator');
  });

  it('a file where most rows do not fit the header is refused rather than half imported', async () => {
    const text = 'CODGEO;LIBGEO;P21_POP\n49007;Angers;155850\n49099;Cholet\n49328;Saumur\n49353;Trélazé\n';
    const error = await expectImportError(() => inspect(utf8(text), 'bancal.csv'), 'mostly-ragged');
    expect(error.message).toContain('3 sur 4');
    expect(error.message).toContain('ligne 3');
  });
});

describe('files whose characters cannot be read', () => {
  it('a file announced as UTF-8 but holding invalid bytes is refused', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...latin1('CODGEO;LIBGEO\n49007;Angers é\n')]);
    const error = await expectImportError(() => inspect(bytes, 'abime.csv'), 'undecodable');
    expect(error.message).toContain('UTF-8');
  });

  it('a file in neither UTF-8 nor Windows-1252 is refused instead of showing wrong letters', async () => {
    const bytes = new Uint8Array([...latin1('CODGEO;LIBGEO\n49007;Angers'), 0x81, 0x8d, ...latin1('\n49099;Cholet\n')]);
    const error = await expectImportError(() => inspect(bytes, 'dos.csv'), 'undecodable');
    expect(error.message).toContain('Windows-1252');
  });
});

describe('the size limit', () => {
  it('a file over the limit is refused before its content is even looked at, and the message gives the limit', async () => {
    const mebibyte = 1024 * 1024;
    // Noise would be refused as "not a table" if the content were read first.
    const error = await expectImportError(() => inspect(garbage(mebibyte + 1), 'gros.csv', { maxBytes: mebibyte }), 'file-too-large');
    expect(error.message).toBe('Le fichier « gros.csv » pèse 2 Mo : la limite est de 1 Mo. Filtrez-le sur votre territoire, ou découpez-le, avant de l’importer.');
    const rowCount = Math.floor((mebibyte - 'CODGEO;MED21\n'.length) / '01001;25820\n'.length);
    const atTheLimit = utf8(`CODGEO;MED21\n${'01001;25820\n'.repeat(rowCount)}`);
    expect(atTheLimit.length).toBeLessThanOrEqual(mebibyte);
    const fine = await inspect(atTheLimit, 'limite.csv', { maxBytes: mebibyte });
    expect(fine.rows).toHaveLength(rowCount);
  });

  it('the default limit is 200 Mo', () => {
    expect(MAX_TABLE_FILE_BYTES).toBe(200 * 1024 * 1024);
  });
});
