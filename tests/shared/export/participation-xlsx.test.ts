import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildParticipationWorkbook } from '@shared/export/workbooks/participation-xlsx';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, readWorkbook } from '../gdpr/test-support';
import {
  ERASED_NAMES,
  GENERATED_AT,
  PRIVATE_DETAILS,
  emptyMissionSource,
  openInLibreOffice,
  rowValues,
  sheetNamed,
  workbookMission,
  workbookText,
  type CsvSheets,
} from './workbook-mission-fixture';

const SHEETS = ['Réunions', 'Présences', 'Participants', 'Statistiques'];
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await buildParticipationWorkbook(workbookMission().source, { generatedAt: GENERATED_AT });
  workbook = await readWorkbook(bytes);
});

describe('the participation workbook of a mission', () => {
  test('lists each meeting with its date, kind, place and attendance counts, and live totals', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
    const meetings = sheetNamed(workbook, 'Réunions');
    expect(rowValues(meetings, 4)).toEqual(['Date', 'Type', 'Intitulé', 'Lieu', 'Invités', 'Présents', 'Venus sans invitation', 'Excusés', 'Absents']);
    expect(rowValues(meetings, 5)).toEqual([utcDate('2024-03-12'), 'COPIL', 'Comité de pilotage de lancement', 'Salle des fêtes, Bavay', 3, 1, 0, 1, 1]);
    expect(rowValues(meetings, 6)).toEqual([utcDate('2024-04-02'), 'Atelier', 'Petite enfance', 'Centre social, Landrecies', 2, 3, 1, 0, 0]);
    expect(meetings.getCell('A5').numFmt).toBe('dd/mm/yyyy');
    expect(meetings.getCell('C7').value).toBe('Total');
    expect(meetings.getCell('E7').value).toEqual({ formula: 'SUM(E5:E6)', result: 5 });
    expect(meetings.getCell('F7').value).toEqual({ formula: 'SUM(F5:F6)', result: 4 });
    expect(meetings.getCell('I7').value).toEqual({ formula: 'SUM(I5:I6)', result: 1 });
  });

  test('gives one row per person and meeting, saying whether they signed without copying the signature', () => {
    const presences = sheetNamed(workbook, 'Présences');
    expect(rowValues(presences, 4)).toEqual([
      'Date',
      'Réunion',
      'Nom et prénom',
      'Structure',
      'Catégorie',
      'Présence',
      'Inscription',
      'Émargement signé',
      'Accord photo',
      'Accord enregistrement',
    ]);
    expect(rowValues(presences, 6)).toEqual([
      utcDate('2024-03-12'),
      'COPIL – Comité de pilotage de lancement',
      'DUPONT Claire',
      'Mairie de Bavay',
      'Élu·e',
      'Présent·e',
      'Invité·e',
      'Oui',
      'Non demandé',
      'Non demandé',
    ]);
    expect(rowValues(presences, 7).slice(2, 8)).toEqual(['LEFÈVRE Josiane', 'Centre social L’Escale', 'Associatif', 'Excusé·e', 'Invité·e', 'Non']);
    expect(rowValues(presences, 8).slice(2, 9)).toEqual(['BENALI Mehdi', '', 'Habitant·e', 'Présent·e', 'Invité·e', 'Non', 'Oui']);
    expect(rowValues(presences, 10).slice(2, 7)).toEqual(['CARON Théo', '', 'Habitant·e', 'Présent·e', 'Venu·e sans invitation']);
    expect(presences.lastRow?.number).toBe(10);
    expect(presences.getImages()).toEqual([]);
    expect(workbook.model.media).toEqual([]);
  });

  test('lists the people with the legal basis, consent and retention dates, and none of their contact details or notes', () => {
    const participants = sheetNamed(workbook, 'Participants');
    expect(rowValues(participants, 4)).toEqual([
      'Nom et prénom',
      'Fonction',
      'Structure',
      'Catégorie',
      'Commune',
      'Réunions suivies',
      'Lesquelles',
      'Base légale',
      'Consentement donné le',
      'Conservation jusqu’au',
    ]);
    expect(rowValues(participants, 5)).toEqual([
      'BENALI Mehdi',
      '',
      '',
      'Habitant·e',
      'Landrecies',
      1,
      'Atelier – Petite enfance (2 avril 2024)',
      'Consentement',
      utcDate('2024-03-12'),
      utcDate('2027-04-02'),
    ]);
    expect(rowValues(participants, 7)).toEqual([
      'DUPONT Claire',
      'Maire',
      'Mairie de Bavay',
      'Élu·e',
      'Bavay',
      2,
      'COPIL – Comité de pilotage de lancement (12 mars 2024)\nAtelier – Petite enfance (2 avril 2024)',
      'Mission d’intérêt public',
      null,
      utcDate('2027-03-12'),
    ]);
    expect(rowValues(participants, 8).slice(0, 6)).toEqual(['LEFÈVRE Josiane', 'Directrice', 'Centre social L’Escale', 'Associatif', 'Bavay', 0]);
    expect(participants.getCell('I5').numFmt).toBe('dd/mm/yyyy');
    expect(participants.lastRow?.number).toBe(8);

    const everything = workbookText(workbook);
    for (const detail of [...PRIVATE_DETAILS, ...ERASED_NAMES]) expect(everything).not.toContain(detail);
  });

  test('gives the attendance figures: meetings held, presences, people by category and commune, who came back', () => {
    const statistics = sheetNamed(workbook, 'Statistiques');
    expect(rowValues(statistics, 4, 2)).toEqual(['Chiffres clés', 'Nombre']);
    expect([5, 6, 7, 8].map((row) => rowValues(statistics, row, 2))).toEqual([
      ['Réunions', 2],
      ['Réunions tenues (au moins une personne présente)', 2],
      ['Présences cumulées', 4],
      ['Personnes venues au moins une fois', 3],
    ]);
    expect([10, 11, 12].map((row) => rowValues(statistics, row, 2))).toEqual([
      ['Catégorie', 'Personnes'],
      ['Élu·e', 1],
      ['Habitant·e', 2],
    ]);
    expect([14, 15, 16].map((row) => rowValues(statistics, row, 2))).toEqual([
      ['Commune', 'Personnes'],
      ['Landrecies', 2],
      ['Bavay', 1],
    ]);
    expect([18, 19].map((row) => rowValues(statistics, row, 2))).toEqual([
      ['Personnes venues plusieurs fois', 'Réunions'],
      ['DUPONT Claire', 2],
    ]);
  });

  test('each table has a title, its provenance and restricted use, a frozen filtered header, and prints A4 landscape', () => {
    for (const name of ['Réunions', 'Présences', 'Participants']) {
      const sheet = sheetNamed(workbook, name);
      expect(sheet.getCell('A1').text).toBe(`${name} – CTG du Pays de Mormal`);
      expect(sheet.getCell('A2').text).toContain('Établi avec Bocage le 14/06/2024 10:30.');
      expect(sheet.getCell('A2').text).toContain('données personnelles');
      expect(sheet.getCell('A3').value).toBeNull();
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.autoFilter).toMatch(/^A4:[A-Z]\d+$/);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '4:4' });
      expect(sheet.headerFooter.oddFooter).toContain('diffusion restreinte');
    }
    expect(sheetNamed(workbook, 'Participants').autoFilter).toBe('A4:J8');
    const statistics = sheetNamed(workbook, 'Statistiques');
    expect(statistics.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
    expect(statistics.headerFooter.oddHeader).toContain('diffusion restreinte');
  });

  test('a mission without meetings says so on every sheet and warns when its figures are fictitious', async () => {
    const empty = await readWorkbook(await buildParticipationWorkbook(emptyMissionSource(), { generatedAt: GENERATED_AT }));
    expect(sheetNamed(empty, 'Réunions').getCell('A5').text).toBe('Aucune réunion.');
    expect(sheetNamed(empty, 'Participants').getCell('A5').text).toBe('Aucun participant.');
    expect(rowValues(sheetNamed(empty, 'Statistiques'), 5, 2)).toEqual(['Réunions', 0]);

    const fictitious = await readWorkbook(await buildParticipationWorkbook(workbookMission({ fictitious: true }).source, { generatedAt: GENERATED_AT }));
    expect(sheetNamed(fictitious, 'Participants').getCell('A3').text).toMatch(/^Données fictives/);
    expect(sheetNamed(fictitious, 'Statistiques').getCell('A3').text).toMatch(/^Données fictives/);
  });
});

describe.skipIf(!HAS_LIBREOFFICE)(`the participation workbook opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
  let office: CsvSheets;

  beforeAll(async () => {
    office = await openInLibreOffice('participation.xlsx', bytes, SHEETS);
  }, LIBREOFFICE_TIMEOUT_MS);

  test('shows the attendance totals and the people, without any e-mail, phone, address, note or erased person', () => {
    expect([...office.sheets.keys()].sort()).toEqual([...SHEETS].sort());
    const total = office.sheets.get('Réunions')?.find((row) => row[2] === 'Total');
    expect(total?.slice(4, 9)).toEqual(['5', '4', '1', '1', '1']);
    const people = office.sheets.get('Participants')?.map((row) => row[0]);
    expect(people).toEqual(expect.arrayContaining(['BENALI Mehdi', 'CARON Théo', 'DUPONT Claire', 'LEFÈVRE Josiane']));
    for (const detail of [...PRIVATE_DETAILS, ...ERASED_NAMES]) expect(office.allText).not.toContain(detail);
    expect(office.allText).not.toMatch(/[\w.-]+@[\w-]+\.\w+/);
  });
});
