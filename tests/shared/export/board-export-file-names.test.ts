import { describe, expect, test } from 'vitest';
import { boardExportFileName } from '@shared/export/export-file-names';

describe('the file name offered for a board export', () => {
  test('names the board in plain ASCII with its meeting’s date, so it survives mail and USB keys', () => {
    expect(boardExportFileName({ title: 'Atelier AFOM : Vie des œuvres / été' }, { date: '2026-03-12' }, 'png')).toBe('tableau-atelier-afom-vie-des-oeuvres-ete-2026-03-12.png');
    expect(boardExportFileName({ title: 'Matrice' }, { date: '2026-03-12' }, 'svg')).toBe('tableau-matrice-2026-03-12.svg');
  });

  test('leaves out what is missing rather than writing an empty part', () => {
    expect(boardExportFileName({ title: '   ' }, { date: null }, 'xlsx')).toBe('tableau.xlsx');
    expect(boardExportFileName({ title: 'Café' }, { date: '2026-02-30' }, 'xlsx')).toBe('tableau-cafe.xlsx');
  });
});
