import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Board } from '@shared/boards/board-model';
import { addCard, addDot, groupCards, setPaperDots, setVotesRevealed, startNextRound } from '@shared/boards/board-operations';
import { matrixPosition } from '@shared/boards/board-templates';
import { buildBoardCardsXlsx, type BoardCardsWorkbook } from '@shared/export/board-cards-xlsx';
import { formatDateTime } from '@shared/format/french-format';
import { convertWithLibreOffice, pdfToText, convertToPdf } from '../../helpers/libreoffice';
import { CLAIRE, CREATED_AT, KARIM, LOCAL_EDIT, boardFixture, boardOf } from '../boards/board-fixtures';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, pdfPages, plainSpaces, readWorkbook } from '../gdpr/test-support';

const NAMES: Record<string, string> = { [CLAIRE]: 'Claire Dupont', [KARIM]: 'Karim Benali' };
const GENERATED_AT = new Date(CREATED_AT + 86_400_000);

function workbookInput(board: Board, overrides: Partial<BoardCardsWorkbook> = {}): BoardCardsWorkbook {
  return {
    board,
    missionTitle: 'Convention territoriale globale du Pays de Brive',
    meeting: { kind: 'atelier', title: 'Atelier parentalité', date: '2024-04-12' },
    authorName: (id) => NAMES[id] ?? null,
    generatedAt: GENERATED_AT,
    ...overrides,
  };
}

/** An AFOM workshop: three strengths (one voted twice, one on paper), a weakness, a card of an erased author. */
function votedAfom(reveal = true): Board {
  const { doc, boardId } = boardFixture('afom');
  const card = (text: string, zoneId: string, extra: { authorId?: string; colour?: 'green' | 'pink' | 'yellow' } = {}, offset = 0) =>
    addCard(doc, LOCAL_EDIT, boardId, { text, zoneId, ...extra }, CREATED_AT + offset);
  const quiet = card('Des élus à l’écoute', 'atouts', { authorId: KARIM }, 0);
  const weakness = card('Peu de transports le week-end', 'faiblesses', { colour: 'pink' }, 1);
  const voted = card('Un tissu associatif vivant', 'atouts', { authorId: CLAIRE, colour: 'green' }, 2);
  const paper = card('Des écoles dans chaque village', 'atouts', {}, 3);
  card('Menace sans vote', 'menaces', {}, 4);
  groupCards(doc, LOCAL_EDIT, boardId, [voted, quiet], 'Vie locale', CREATED_AT + 5);
  addDot(doc, LOCAL_EDIT, boardId, CLAIRE, voted, CREATED_AT + 6);
  addDot(doc, LOCAL_EDIT, boardId, KARIM, voted, CREATED_AT + 7);
  addDot(doc, LOCAL_EDIT, boardId, KARIM, weakness, CREATED_AT + 8);
  setPaperDots(doc, LOCAL_EDIT, boardId, paper, 2, CREATED_AT + 9);
  if (reveal) setVotesRevealed(doc, LOCAL_EDIT, boardId, true, CREATED_AT + 10);
  return boardOf(doc, boardId);
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`Pas de feuille « ${name} ».`);
  return sheet;
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).text);
}

describe('the cards of a board as an Excel workbook', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = await readWorkbook(await buildBoardCardsXlsx(workbookInput(votedAfom())));
  });

  test('opens on the board’s title, the meeting, the mission and a warning that authors are named', () => {
    const cards = sheetNamed(workbook, 'Cartes');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Cartes', 'Résultats du vote']);
    expect(cards.getCell('A1').text).toBe('Tableau : Atelier AFOM');
    expect(cards.getCell('A2').text).toBe(
      `Réunion : Atelier – Atelier parentalité, vendredi 12 avril 2024. Démarche : Convention territoriale globale du Pays de Brive. Exporté le ${formatDateTime(GENERATED_AT.getTime())}. ` +
        'Ce fichier nomme les auteurs des cartes : à ne diffuser qu’aux personnes chargées de la démarche.',
    );
  });

  test('lists the cards zone by zone, the most voted first, with cluster, author (or « Anonyme »), dots and voters', () => {
    const cards = sheetNamed(workbook, 'Cartes');
    expect(rowTexts(cards, 4)).toEqual(['Zone', 'Regroupement', 'Texte', 'Auteur', 'Gommettes', 'Votants', 'Couleur', 'Créée le']);
    const rows = [5, 6, 7, 8, 9].map((rowNumber) => rowTexts(cards, rowNumber).slice(0, 7));
    expect(rows).toEqual([
      ['Atouts', 'Vie locale', 'Un tissu associatif vivant', 'Claire Dupont', '2', '2', 'Vert'],
      ['Atouts', '', 'Des écoles dans chaque village', 'Anonyme', '2', '0', 'Jaune'],
      ['Atouts', 'Vie locale', 'Des élus à l’écoute', 'Karim Benali', '0', '0', 'Jaune'],
      ['Faiblesses', '', 'Peu de transports le week-end', 'Anonyme', '1', '1', 'Rose'],
      ['Menaces', '', 'Menace sans vote', 'Anonyme', '0', '0', 'Jaune'],
    ]);
    expect(cards.rowCount).toBe(9);
  });

  test('keeps dots as whole numbers and the creation time as a real date', () => {
    const cards = sheetNamed(workbook, 'Cartes');
    expect(cards.getCell('E5').value).toBe(2);
    expect(cards.getCell('E5').numFmt).toBe('0');
    const created = cards.getCell('H5');
    expect(created.value).toBeInstanceOf(Date);
    expect(created.numFmt).toBe('dd/mm/yyyy hh:mm');
    const shown = created.value as Date;
    const expected = new Date(CREATED_AT + 2);
    expect([shown.getUTCDate(), shown.getUTCHours(), shown.getUTCMinutes()]).toEqual([expected.getDate(), expected.getHours(), expected.getMinutes()]);
  });

  test('ranks the voted cards, ties sharing a rank, paper dots counted', () => {
    const results = sheetNamed(workbook, 'Résultats du vote');
    expect(rowTexts(results, 4)).toEqual(['Rang', 'Texte', 'Zone', 'Gommettes', 'Votants']);
    expect([5, 6, 7].map((rowNumber) => rowTexts(results, rowNumber))).toEqual([
      ['1', 'Un tissu associatif vivant', 'Atouts', '2', '2'],
      ['1', 'Des écoles dans chaque village', 'Atouts', '2', '0'],
      ['3', 'Peu de transports le week-end', 'Faiblesses', '1', '1'],
    ]);
    expect(results.rowCount).toBe(7);
  });

  test('freezes and filters the header row, and prints on A4 landscape with the header on every page', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
      expect(sheet.headerFooter.oddFooter).toContain('Page &P sur &N');
    }
    expect(sheetNamed(workbook, 'Cartes').autoFilter).toBe('A4:H9');
    expect(sheetNamed(workbook, 'Résultats du vote').autoFilter).toBe('A4:E7');
  });

  test('votes not yet revealed stay out of the file, and the file says why', async () => {
    const hidden = await readWorkbook(await buildBoardCardsXlsx(workbookInput(votedAfom(false))));
    expect(hidden.worksheets.map((sheet) => sheet.name)).toEqual(['Cartes']);
    const cards = sheetNamed(hidden, 'Cartes');
    expect(rowTexts(cards, 4)).toEqual(['Zone', 'Regroupement', 'Texte', 'Auteur', 'Couleur', 'Créée le']);
    expect(cards.getCell('A2').text).toContain('Les votes ne sont pas encore révélés');
    expect(rowTexts(cards, 5).slice(0, 3)).toEqual(['Atouts', 'Vie locale', 'Des élus à l’écoute']);
  });

  test('a World Café board says in which round each card was written', async () => {
    const { doc, boardId } = boardFixture('world-cafe');
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Premier tour', zoneId: 'table-2' }, CREATED_AT);
    startNextRound(doc, LOCAL_EDIT, boardId, CREATED_AT + 1);
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Deuxième tour', zoneId: 'table-1' }, CREATED_AT + 2);
    const cards = sheetNamed(await readWorkbook(await buildBoardCardsXlsx(workbookInput(boardOf(doc, boardId)))), 'Cartes');

    expect(rowTexts(cards, 4)).toEqual(['Zone', 'Regroupement', 'Texte', 'Auteur', 'Couleur', 'Tour', 'Créée le']);
    expect([5, 6].map((rowNumber) => [cards.getCell(rowNumber, 1).text, cards.getCell(rowNumber, 3).text, cards.getCell(rowNumber, 6).value])).toEqual([
      ['Table 1', 'Deuxième tour', 2],
      ['Table 2', 'Premier tour', 1],
    ]);
    expect(cards.getCell('A2').text).not.toContain('nomme les auteurs');
  });

  test('a matrix gives each card its impact and feasibility, one decimal', async () => {
    const { doc, boardId } = boardFixture('impact-feasibility');
    addCard(doc, LOCAL_EDIT, boardId, { text: 'Navette solidaire', position: matrixPosition({ impact: 8, feasibility: 3.5 }) }, CREATED_AT);
    const cards = sheetNamed(await readWorkbook(await buildBoardCardsXlsx(workbookInput(boardOf(doc, boardId)))), 'Cartes');

    expect(rowTexts(cards, 4)).toEqual(['Zone', 'Regroupement', 'Texte', 'Auteur', 'Couleur', 'Impact', 'Faisabilité', 'Créée le']);
    expect([cards.getCell('F5').value, cards.getCell('G5').value]).toEqual([8, 3.5]);
    expect(cards.getCell('F5').numFmt).toBe('0.0');
  });

  test('a free board’s cards are « Hors zone », and an empty board says it has no card', async () => {
    const { doc, boardId } = boardFixture('free');
    const empty = sheetNamed(await readWorkbook(await buildBoardCardsXlsx(workbookInput(boardOf(doc, boardId)))), 'Cartes');
    expect(empty.getCell('A5').text).toBe('Aucune carte sur ce tableau.');

    addCard(doc, LOCAL_EDIT, boardId, { text: 'Idée libre', zoneId: null, position: { x: 10, y: 10 } }, CREATED_AT);
    const free = sheetNamed(await readWorkbook(await buildBoardCardsXlsx(workbookInput(boardOf(doc, boardId)))), 'Cartes');
    expect(rowTexts(free, 5).slice(0, 4)).toEqual(['Hors zone', '', 'Idée libre', 'Anonyme']);
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    let workDir: string;
    let xlsxPath: string;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'bocage-board-xlsx-'));
      xlsxPath = join(workDir, 'tableau.xlsx');
      await writeFile(xlsxPath, await buildBoardCardsXlsx(workbookInput(votedAfom())));
    });

    afterAll(async () => {
      await rm(workDir, { recursive: true, force: true });
    });

    test(
      'reads back both sheets: the cards with their dots, then the ranking',
      async () => {
        const csvFiles = await convertWithLibreOffice(xlsxPath, 'csv', workDir, LIBREOFFICE_TIMEOUT_MS);
        expect(csvFiles.map((path) => basename(path))).toEqual(['tableau-Cartes.csv', 'tableau-Résultats du vote.csv']);
        const [cardsCsv, resultsCsv] = await Promise.all(csvFiles.map((path) => readFile(path, 'utf8')));
        expect(cardsCsv).toContain('Zone,Regroupement,Texte,Auteur,Gommettes,Votants,Couleur,Créée le');
        // The CSV holds raw values; how the date shows is checked on the printed pages below.
        expect(cardsCsv).toContain('Atouts,Vie locale,Un tissu associatif vivant,Claire Dupont,2,2,Vert,');
        expect(cardsCsv).toContain('Faiblesses,,Peu de transports le week-end,Anonyme,1,1,Rose,');
        expect(resultsCsv).toContain('1,Un tissu associatif vivant,Atouts,2,2');
        expect(resultsCsv).toContain('3,Peu de transports le week-end,Faiblesses,1,1');
      },
      LIBREOFFICE_TIMEOUT_MS,
    );

    test(
      'prints a large board on A4 pages that each repeat the column headers, times as the app shows them',
      async () => {
        const { doc, boardId } = boardFixture('brainstorm');
        for (let index = 0; index < 90; index += 1) {
          addCard(doc, LOCAL_EDIT, boardId, { text: `Idée n° ${index + 1} : un lieu d’accueil pour les parents le samedi matin` }, CREATED_AT + index);
        }
        const path = join(workDir, 'grand-tableau.xlsx');
        await writeFile(path, await buildBoardCardsXlsx(workbookInput(boardOf(doc, boardId))));
        const pages = pdfPages(plainSpaces(await pdfToText(await convertToPdf(path, workDir, LIBREOFFICE_TIMEOUT_MS))));
        expect(pages.length).toBeGreaterThanOrEqual(2);
        for (const page of pages) {
          expect(page).toMatch(/Zone\s+Regroupement\s+Texte\s+Auteur\s+Couleur\s+Créée le/);
          expect(page).toMatch(/Page \d+ sur \d+/);
        }
        expect(pages.join('\n')).toContain('Idée n° 90');
        expect(pages[0]).toContain(formatDateTime(CREATED_AT));
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
