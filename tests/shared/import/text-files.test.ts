import { describe, expect, it } from 'vitest';
import {
  column,
  crlf,
  fixtureText,
  inspect,
  latin1,
  rowWhere,
  utf16leWithBom,
  utf8,
  withUtf8Bom,
} from './import-test-helpers';

describe('a semicolon INSEE file with decimal commas and secret cells', () => {
  const read = () => inspect(utf8(fixtureText('filosofi-communes.csv')), 'filosofi-communes.csv');

  it('is read as UTF-8, semicolon-separated, decimal comma, header on the first line', async () => {
    const inspection = await read();
    expect(inspection).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      byteOrderMark: false,
      separator: ';',
      lineEnding: 'lf',
      decimalMark: 'comma',
      decimalMarkDetected: true,
      headerRowIndex: 0,
      headerLine: 1,
      titleLines: [],
      skippedRows: [],
    });
    expect(inspection.rows).toHaveLength(7);
    expect(inspection.rowLines[0]).toBe(2);
  });

  it('a commune code with a leading zero keeps it, so Ain’s communes are not lost', async () => {
    const inspection = await read();
    expect(inspection.rows.map((row) => row[0])).toContain('01001');
    expect(column(inspection, 'CODGEO')).toMatchObject({ type: 'geo-code', geoLevel: 'commune', repairedCodes: 0 });
  });

  it('Corsican (2A, 2B) and overseas (97) communes stay codes, so they can be matched', async () => {
    const inspection = await read();
    expect(rowWhere(inspection, 'CODGEO', '2A004')[2]).toBe('22480');
    expect(rowWhere(inspection, 'CODGEO', '2B033')).toBeDefined();
    expect(rowWhere(inspection, 'CODGEO', '97422')).toBeDefined();
  });

  it('secret cells are counted as secret and "nd" as missing, never as figures', async () => {
    const inspection = await read();
    expect(column(inspection, 'TP6021').counts).toEqual({ numeric: 5, secret: 1, missing: 1, text: 0, invalid: 0 });
    expect(inspection.missingMarkers).toEqual(
      expect.arrayContaining([
        { marker: 's', meaning: 'secret', count: 2 },
        { marker: 'nd', meaning: 'missing', count: 4 },
      ]),
    );
  });

  it('the year in a variable name is recognised, so MED21 is offered as the 2021 median income', async () => {
    const inspection = await read();
    expect(column(inspection, 'MED21')).toMatchObject({ type: 'number', guess: { indicator: 'MED_DISP', year: 2021 } });
    expect(column(inspection, 'TP6021').guess).toEqual({ indicator: 'TX_PAUVRETE', year: 2021 });
  });
});

describe('an RNE export: ISO-8859-1, tabs, CRLF, a title line, the commune code split in two', () => {
  const read = () => inspect(latin1(crlf(fixtureText('rne-maires.txt'))), 'rne-maires.txt');

  it('accented names are decoded from ISO-8859-1, not garbled', async () => {
    const inspection = await read();
    expect(inspection.encoding).toBe('windows-1252');
    expect(rowWhere(inspection, 'Code Insee de la commune', '007')[4]).toBe('MÉTAYER');
    expect(column(inspection, 'Prénom de l\'élu').label).toBe('Prénom de l\'élu');
  });

  it('the title line above the header does not hide the tab separator or the header', async () => {
    const inspection = await read();
    expect(inspection).toMatchObject({ separator: '\t', lineEnding: 'crlf', headerRowIndex: 1, headerLine: 2 });
    expect(inspection.titleLines).toEqual([{ line: 1, text: 'Titre du rapport' }]);
    expect(inspection.rows).toHaveLength(5);
    expect(inspection.rowLines).toEqual([3, 4, 5, 6, 7]);
  });

  it('a département column beside a commune-number column is offered as one commune code', async () => {
    const inspection = await read();
    expect(inspection.geo.splitCodes).toEqual([{ departementColumn: 0, communeColumn: 2 }]);
    expect(column(inspection, 'Code Insee de la commune')).toMatchObject({ type: 'geo-code', geoLevel: 'commune-suffix' });
    expect(column(inspection, 'Code du département (Maire)')).toMatchObject({ type: 'geo-code', geoLevel: 'departement' });
    expect(column(inspection, 'Libellé de la commune').type).toBe('geo-name');
  });
});

describe('a comma-separated file with decimal points and a UTF-8 byte order mark', () => {
  const read = () => inspect(withUtf8Bom(fixtureText('populations-comma.csv')), 'populations.csv');

  it('the byte order mark is reported and does not stick to the first column name', async () => {
    const inspection = await read();
    expect(inspection).toMatchObject({ encoding: 'utf-8', byteOrderMark: true, separator: ',', decimalMark: 'point' });
    expect(inspection.columns[0]?.label).toBe('CODGEO');
    expect(column(inspection, 'CODGEO').type).toBe('geo-code');
  });

  it('a quoted name holding a comma stays one cell', async () => {
    const inspection = await read();
    expect(rowWhere(inspection, 'CODGEO', '01002')[1]).toBe('L\'Abergement-de-Varey, hameau compris');
    expect(inspection.skippedRows).toEqual([]);
  });

  it('decimal points and comma thousands are figures, and P21_POP is the 2021 population', async () => {
    const inspection = await read();
    expect(column(inspection, 'SUPERF').counts.numeric).toBe(3);
    expect(column(inspection, 'P21_POP')).toMatchObject({ type: 'number', guess: { indicator: 'POP', year: 2021 } });
    expect(column(inspection, 'P21_POP').counts.numeric).toBe(3);
    expect(column(inspection, 'SUPERF').guess).toEqual({ indicator: 'SUPERFICIE', year: null });
  });
});

describe('Excel’s "Texte Unicode" export (UTF-16LE, tabs)', () => {
  it('is decoded from UTF-16 and split on tabs', async () => {
    const text = crlf('CODGEO\tLIBGEO\tMED21\n01001\tL\'Abergement-Clémenciat\t25820\n2A004\tAjaccio\t22480\n');
    const inspection = await inspect(utf16leWithBom(text), 'export-unicode.txt');
    expect(inspection).toMatchObject({ encoding: 'utf-16le', byteOrderMark: true, separator: '\t', headerRowIndex: 0 });
    expect(inspection.rows).toEqual([
      ['01001', 'L\'Abergement-Clémenciat', '25820'],
      ['2A004', 'Ajaccio', '22480'],
    ]);
  });
});

describe('missing-value markers', () => {
  it('every secret and missing marker is counted apart, and none is read as a figure', async () => {
    const inspection = await inspect(utf8(fixtureText('missing-markers.csv')), 'marqueurs.csv');
    const counts = Object.fromEntries(inspection.missingMarkers.map((marker) => [marker.marker, marker.meaning]));
    expect(counts).toEqual({
      s: 'secret',
      secret: 'secret',
      'N/A - secret statistique': 'secret',
      c: 'secret',
      '': 'missing',
      nd: 'missing',
      'n.d.': 'missing',
      NA: 'missing',
      'N/A': 'missing',
      'N/A - résultat non disponible': 'missing',
      '-': 'missing',
      '…': 'missing',
      '...': 'missing',
      '/': 'missing',
    });
    expect(column(inspection, 'NB_ALLOC').counts).toEqual({ numeric: 3, secret: 4, missing: 10, text: 0, invalid: 0 });
  });
});

describe('rows that cannot be data', () => {
  const header = 'CODGEO;LIBGEO;P21_POP';

  it('a ragged row is left out with its line number and the others are kept', async () => {
    const text = `${header}\n49007;Angers;155850\n49099;Cholet\n49328;Saumur;26734\n\n${header}\n49353;Trélazé;15264\nSource : Insee, recensement 2021\n`;
    const inspection = await inspect(utf8(text), 'ragged.csv');
    expect(inspection.rows.map((row) => row[0])).toEqual(['49007', '49328', '49353']);
    expect(inspection.rowLines).toEqual([2, 4, 7]);
    expect(inspection.skippedRows).toEqual([
      { line: 3, reason: 'ragged', message: '2 champs au lieu de 3' },
      { line: 5, reason: 'blank', message: 'ligne vide' },
      { line: 6, reason: 'repeated-header', message: 'ligne d’en-tête répétée' },
      { line: 8, reason: 'footnote', message: 'note ou source sous le tableau : « Source : Insee, recensement 2021 »' },
    ]);
  });

  it('line numbers stay right after a quoted cell that spans two lines', async () => {
    const text = `${header}\n49007;"Angers\n(chef-lieu)";155850\n49099;Cholet\n`;
    const inspection = await inspect(utf8(text), 'multiline.csv');
    expect(inspection.rowLines).toEqual([2]);
    expect(inspection.skippedRows).toEqual([{ line: 4, reason: 'ragged', message: '2 champs au lieu de 3' }]);
  });

  it('trailing empty separators do not make a row ragged', async () => {
    const inspection = await inspect(utf8(`${header};;\n49007;Angers;155850;;\n`), 'trailing.csv');
    expect(inspection.columns).toHaveLength(3);
    expect(inspection.rows).toEqual([['49007', 'Angers', '155850']]);
  });
});

describe('accents that look doubly encoded', () => {
  it('a file mixing UTF-8 and Windows-1252 is read with a warning, so the user checks the names', async () => {
    const bytes = new Uint8Array([...latin1('CODGEO;LIBGEO\n49007;Angers\n49099;'), ...utf8('Chemillé-en-Anjou\n'), ...latin1('49328;Saumur é\n')]);
    const inspection = await inspect(bytes, 'melange.csv');
    expect(inspection.encoding).toBe('windows-1252');
    expect(inspection.warnings).toHaveLength(1);
    expect(inspection.warnings[0]).toContain('mal encodées');
  });
});
