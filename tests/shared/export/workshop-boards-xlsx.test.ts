import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildWorkshopBoardsWorkbook, PAPER_VOTE } from '@shared/export/workbooks/workshop-boards-xlsx';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, readWorkbook } from '../gdpr/test-support';
import {
  ERASED_NAMES,
  GENERATED_AT,
  emptyMissionSource,
  openInLibreOffice,
  rowValues,
  sheetNamed,
  workbookMission,
  workbookText,
  type CsvSheets,
} from './workbook-mission-fixture';

const SHEETS = ['Cartes', 'Votes', 'Classement'];
const AFOM = 'AFOM petite enfance';
const WORKSHOP = 'Atelier – Petite enfance (2 avril 2024)';

let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await buildWorkshopBoardsWorkbook(workbookMission().source, { generatedAt: GENERATED_AT });
  workbook = await readWorkbook(bytes);
});

describe('the workshop boards of a mission as one workbook', () => {
  test('lists every card of every board with its zone, author, colour, dots and rank', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
    const cards = sheetNamed(workbook, 'Cartes');
    expect(rowValues(cards, 4)).toEqual(['Tableau', 'Réunion', 'Zone', 'Regroupement', 'Texte', 'Auteur', 'Couleur', 'Gommettes', 'Rang']);
    expect([5, 6, 7, 8, 9].map((row) => rowValues(cards, row))).toEqual([
      [AFOM, WORKSHOP, 'Atouts', '', 'Un tissu associatif vivant', 'Claire Dupont', 'Vert', 2, 2],
      [AFOM, WORKSHOP, 'Atouts', '', 'Des écoles dans chaque village', 'Anonyme', 'Jaune', 2, 2],
      [AFOM, WORKSHOP, 'Faiblesses', '', 'Peu de places en crèche', 'Mehdi Benali', 'Rose', 3, 1],
      // Written by the person erased since: the card stays, anonymous.
      [AFOM, WORKSHOP, 'Faiblesses', '', 'Horaires de la crèche inadaptés', 'Anonyme', 'Jaune', 0, null],
      [AFOM, WORKSHOP, 'Menaces', '', 'Fermeture annoncée de la PMI', 'Anonyme', 'Jaune', 0, null],
    ]);
    // The COPIL board's votes are not revealed: its dots stay out, blank rather than 0.
    expect(rowValues(cards, 10)).toEqual(['Idées du COPIL', 'COPIL – Comité de pilotage de lancement (12 mars 2024)', 'Idées', '', 'Une navette le mercredi', 'Josiane Lefèvre', 'Jaune', null, null]);
    expect(cards.getCell('A2').text).toContain('Ce fichier nomme les auteurs des cartes');
    expect(cards.getCell('A2').text).toContain('ne sont pas révélés');
  });

  test('gives every dot by voter, names from the directory, dots without a voter as a paper vote, and a live total', () => {
    const votes = sheetNamed(workbook, 'Votes');
    expect(rowValues(votes, 4)).toEqual(['Tableau', 'Réunion', 'Votant·e', 'Carte', 'Zone', 'Gommettes']);
    expect([5, 6, 7, 8, 9].map((row) => rowValues(votes, row).slice(2))).toEqual([
      ['Claire Dupont', 'Un tissu associatif vivant', 'Atouts', 1],
      ['Mehdi Benali', 'Peu de places en crèche', 'Faiblesses', 2],
      // The erased voter's dots still count, under no name.
      [PAPER_VOTE, 'Un tissu associatif vivant', 'Atouts', 1],
      [PAPER_VOTE, 'Peu de places en crèche', 'Faiblesses', 1],
      [PAPER_VOTE, 'Des écoles dans chaque village', 'Atouts', 2],
    ]);
    expect(votes.getCell('C10').value).toBe('Total');
    expect(votes.getCell('F10').value).toEqual({ formula: 'SUM(F5:F9)', result: 7 });
    expect(votes.getCell('A2').text).toContain('personnes effacées');
    // Claire's dot on the COPIL board is not revealed yet: it is not listed.
    expect(votes.lastRow?.number).toBe(10);
    expect(votes.getColumn(1).values).not.toContain('Idées du COPIL');
  });

  test('ranks the voted cards of each board, ties sharing a rank', () => {
    const ranking = sheetNamed(workbook, 'Classement');
    expect(rowValues(ranking, 4)).toEqual(['Tableau', 'Réunion', 'Rang', 'Texte', 'Zone', 'Gommettes', 'Votants']);
    expect([5, 6, 7].map((row) => rowValues(ranking, row).slice(2))).toEqual([
      [1, 'Peu de places en crèche', 'Faiblesses', 3, 1],
      [2, 'Un tissu associatif vivant', 'Atouts', 2, 1],
      [2, 'Des écoles dans chaque village', 'Atouts', 2, 0],
    ]);
    expect(ranking.lastRow?.number).toBe(7);
  });

  test('never names the person erased at her request, and keeps the usual layout: frozen header, filter, A4 landscape', () => {
    const everything = workbookText(workbook);
    for (const name of ERASED_NAMES) expect(everything).not.toContain(name);
    for (const name of SHEETS) {
      const sheet = sheetNamed(workbook, name);
      expect(sheet.getCell('A1').text).toMatch(/– CTG du Pays de Mormal$/);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.autoFilter).toMatch(/^A4:[A-Z]\d+$/);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:4' });
      expect(sheet.headerFooter.oddFooter).toContain('diffusion restreinte');
    }
    expect(sheetNamed(workbook, 'Cartes').autoFilter).toBe('A4:I10');
  });

  test('a mission without boards says so on each sheet', async () => {
    const empty = await readWorkbook(await buildWorkshopBoardsWorkbook(emptyMissionSource(), { generatedAt: GENERATED_AT }));
    expect(sheetNamed(empty, 'Cartes').getCell('A5').text).toBe('Aucune carte sur les tableaux de cette mission.');
    expect(sheetNamed(empty, 'Votes').getCell('A5').text).toBe('Aucune gommette révélée.');
    expect(sheetNamed(empty, 'Classement').getCell('A5').text).toBe('Aucune carte n’a reçu de gommette.');
    expect(sheetNamed(empty, 'Cartes').headerFooter.oddFooter).not.toContain('diffusion restreinte');
  });
});

describe.skipIf(!HAS_LIBREOFFICE)(`the workshop boards workbook opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
  let office: CsvSheets;

  beforeAll(async () => {
    office = await openInLibreOffice('ateliers.xlsx', bytes, SHEETS);
  }, LIBREOFFICE_TIMEOUT_MS);

  test('shows the total of the dots and the ranking, and nowhere the erased person', () => {
    expect([...office.sheets.keys()].sort()).toEqual([...SHEETS].sort());
    const total = office.sheets.get('Votes')?.find((row) => row[2] === 'Total');
    expect(total?.[5]).toBe('7');
    const ranking = office.sheets.get('Classement')?.filter((row) => row[0] === AFOM);
    expect(ranking?.map((row) => [row[2], row[3], row[5]])).toEqual([
      ['1', 'Peu de places en crèche', '3'],
      ['2', 'Un tissu associatif vivant', '2'],
      ['2', 'Des écoles dans chaque village', '2'],
    ]);
    for (const name of ERASED_NAMES) expect(office.allText).not.toContain(name);
  });
});
