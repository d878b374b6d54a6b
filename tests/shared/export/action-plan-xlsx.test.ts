import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { localIsoDate } from '@shared/directory/contact-retention';
import {
  buildActionPlanWorkbook,
  DUE_SOON_TEXT,
  OVERDUE_TEXT,
  plainFrenchNumber,
} from '@shared/export/workbooks/action-plan-xlsx';
import { FICTITIOUS_WARNING } from '@shared/export/workbooks/mission-workbook-notes';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, plainSpaces, readWorkbook } from '../gdpr/test-support';
import {
  cachedFormulaValue,
  EXPECTED_TOTALS,
  GENERATED_AT,
  emptyMissionSource,
  openInLibreOffice,
  rowValues,
  sheetNamed,
  workbookMission,
  type CsvSheets,
} from './workbook-mission-fixture';

const SHEETS = ['Plan d’action', 'Cofinancements', 'Évaluation', 'Synthèse'];
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** exceljs reads the rules back but leaves them out of its typings. */
function conditionalFormattings(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (sheet as ExcelJS.Worksheet & { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

let bytes: Uint8Array;
let workbook: ExcelJS.Workbook;
let plan: ExcelJS.Worksheet;

beforeAll(async () => {
  bytes = await buildActionPlanWorkbook(workbookMission({ fictitious: true }).source, { generatedAt: GENERATED_AT });
  workbook = await readWorkbook(bytes);
  plan = sheetNamed(workbook, 'Plan d’action');
});

describe('the action-plan dashboard as an Excel workbook', () => {
  test('lists each fiche action with its orientation, enjeux, status, lead and the dates its steps span', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(SHEETS);
    expect(rowValues(plan, 4).slice(0, 9)).toEqual(['N°', 'Fiche action', 'Orientation', 'Enjeux', 'Statut', 'Pilote', 'Début', 'Fin', 'Échéance']);
    const [number, title, orientation, enjeux, status, lead, start, end] = rowValues(plan, 5);
    expect([number, title, orientation, status, lead]).toEqual([1, 'Créer une micro-crèche à Bavay', 'Concilier vie familiale et vie professionnelle', 'En cours', 'Mairie de Bavay']);
    expect(String(enjeux).split('\n').sort()).toEqual(['Accès aux modes de garde', 'Soutien à la parentalité']);
    expect(start).toEqual(utcDate('2024-01-15'));
    expect(end).toEqual(utcDate('2024-06-30'));
    expect(plan.getCell('G5').numFmt).toBe('dd/mm/yyyy');
    expect(plan.getCell('H5').numFmt).toBe('dd/mm/yyyy');
    expect(rowValues(plan, 6).slice(0, 5)).toEqual([2, 'Café des parents itinérant', '', 'Soutien à la parentalité', 'À lancer']);
    expect(plan.getCell('E7').value).toBe('Réalisée');
    expect(plan.getCell('E8').value).toBe('Abandonnée');
  });

  test('gives budgets and co-funding as euro amounts, and what remains to fund as a live formula', async () => {
    expect(plan.getCell('J5').value).toBe(250_000);
    expect(plan.getCell('J5').numFmt).toBe('#,##0 "€"');
    expect(plainSpaces(plan.getCell('K5').text)).toBe('CAF du Nord : 120 000 €\nDépartement du Nord : 50 000 €');
    expect(plainSpaces(plan.getCell('K6').text)).toContain('MSA : montant à préciser');
    expect(plan.getCell('L5').value).toBe(170_000);
    expect(plan.getCell('M5').value).toEqual({ formula: 'IF(ISNUMBER(J5),J5-L5,"")', result: 80_000 });
    expect(plan.getCell('M6').value).toMatchObject({ result: 10_500 });
    // A fiche without a budget has nothing "remaining": the cell stays blank rather than showing 0.
    expect(plan.getCell('J7').value).toBeNull();
    expect(await cachedFormulaValue(bytes, 1, 'M7')).toEqual({ formula: 'IF(ISNUMBER(J7),J7-L7,&quot;&quot;)', cached: '' });
    expect(plan.getCell('N5').text).toContain('Places d’accueil créées (départ 0, cible 12)');
  });

  test('totals are SUM formulas that also carry their values for viewers that never recalculate', () => {
    expect(plan.getCell('B9').value).toBe('Total');
    expect(plan.getCell('J9').value).toEqual({ formula: 'SUM(J5:J8)', result: EXPECTED_TOTALS.budget });
    expect(plan.getCell('L9').value).toEqual({ formula: 'SUM(L5:L8)', result: EXPECTED_TOTALS.coFunding });
    expect(plan.getCell('M9').value).toEqual({ formula: 'SUM(M5:M8)', result: EXPECTED_TOTALS.remaining });
    expect(plan.getCell('J9').numFmt).toBe('#,##0 "€"');
    expect(plan.getCell('J9').font?.bold).toBe(true);
  });

  test('says in words which deadlines are passed or near, and colours them with rules that follow TODAY()', async () => {
    // Made on 14 June 2024: the micro-crèche ends on 30 June, the café ended on 31 May; the two others are closed.
    expect(plan.getCell('I5').value).toMatchObject({ result: DUE_SOON_TEXT });
    expect(plan.getCell('I6').value).toMatchObject({ result: OVERDUE_TEXT });
    expect((await cachedFormulaValue(bytes, 1, 'I7'))?.cached).toBe('');
    expect((await cachedFormulaValue(bytes, 1, 'I8'))?.cached).toBe('');
    expect((plan.getCell('I6').value as ExcelJS.CellFormulaValue).formula).toContain('H6<TODAY()');

    const byRange = new Map(conditionalFormattings(plan).map((entry) => [entry.ref, entry.rules]));
    const statusRules = byRange.get('E5:E8') ?? [];
    expect(statusRules.map((rule) => ('formulae' in rule ? rule.formulae?.[0] : undefined))).toEqual([
      '$E5="À lancer"',
      '$E5="En cours"',
      '$E5="Réalisée"',
      '$E5="Abandonnée"',
    ]);
    const fills = statusRules.map((rule) => (rule.style?.fill?.type === 'pattern' ? rule.style.fill.bgColor?.argb : undefined));
    expect(fills[2]).toBe('FFC6EFCE');
    expect(new Set(fills).size).toBeGreaterThanOrEqual(3);
    const deadlineRules = byRange.get('H5:I8') ?? [];
    expect(deadlineRules).toHaveLength(2);
    const [late, soon] = deadlineRules.map((rule) => ('formulae' in rule ? String(rule.formulae?.[0]) : ''));
    expect(late).toContain('$H5<TODAY()');
    expect(soon).toContain('$H5<=TODAY()+30');
    for (const formula of [late, soon]) expect(formula).toContain('$E5="Réalisée"');
  });

  test('keeps evaluation baselines and targets as numbers when they are plain French figures, as typed text otherwise', () => {
    const evaluation = sheetNamed(workbook, 'Évaluation');
    expect(rowValues(evaluation, 4)).toEqual(['N° fiche', 'Fiche action', 'Indicateur d’évaluation', 'Indicateur du diagnostic', 'Valeur de départ', 'Cible', 'Échéance de la cible']);
    expect(rowValues(evaluation, 5)).toEqual([1, 'Créer une micro-crèche à Bavay', 'Places d’accueil créées', '', 0, 12, utcDate('2024-09-01')]);
    expect(rowValues(evaluation, 6).slice(3, 6)).toEqual(['Enfants de moins de 3 ans', 45.5, '60 %']);
    expect(evaluation.getCell('E6').numFmt).toBe('#,##0.0');
    expect(rowValues(evaluation, 7).slice(4, 6)).toEqual([1250, 2000]);
    expect(evaluation.getCell('E7').numFmt).toBe('#,##0');

    expect(plainFrenchNumber('1\u202f250,75')).toEqual({ value: 1250.75, decimals: 2 });
    expect(plainFrenchNumber('-3')).toEqual({ value: -3, decimals: 0 });
    for (const text of ['12.5', '1 25', '45 %', 'environ 20', '']) expect(plainFrenchNumber(text)).toBeNull();
  });

  test('lists each co-funder of each fiche on its own sheet, a missing amount blank, with a live total', () => {
    const coFunding = sheetNamed(workbook, 'Cofinancements');
    expect(rowValues(coFunding, 5)).toEqual([1, 'Créer une micro-crèche à Bavay', 'CAF du Nord', 120_000, 0.48]);
    expect(rowValues(coFunding, 8)).toEqual([2, 'Café des parents itinérant', 'MSA', null, null]);
    expect(coFunding.getCell('D9').value).toEqual({ formula: 'SUM(D5:D8)', result: EXPECTED_TOTALS.coFunding });
    expect(coFunding.getCell('E5').numFmt).toBe('0.0 %');
  });

  test('sums up the plan by status, deadline and funding with COUNTIF and SUM formulas that carry their results', () => {
    const summary = sheetNamed(workbook, 'Synthèse');
    expect(rowValues(summary, 5, 2)).toEqual(['À lancer', { formula: 'COUNTIF(\'Plan d’action\'!E5:E8,"À lancer")', result: 1 }]);
    expect(rowValues(summary, 7, 2)).toEqual(['Réalisée', { formula: 'COUNTIF(\'Plan d’action\'!E5:E8,"Réalisée")', result: 1 }]);
    expect(rowValues(summary, 9, 2)).toEqual(['Total', { formula: 'SUM(B5:B8)', result: 4 }]);
    expect(summary.getCell('B12').value).toEqual({ formula: `COUNTIF('Plan d’action'!I5:I8,"${OVERDUE_TEXT}")`, result: 1 });
    expect(summary.getCell('B13').value).toEqual({ formula: `COUNTIF('Plan d’action'!I5:I8,"${DUE_SOON_TEXT}")`, result: 1 });
    expect(summary.getCell('B16').value).toEqual({ formula: "SUM('Plan d’action'!J5:J8)", result: EXPECTED_TOTALS.budget });
    expect(summary.getCell('B18').value).toEqual({ formula: "SUM('Plan d’action'!M5:M8)", result: EXPECTED_TOTALS.remaining });
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait' });
  });

  test('opens on a title, where the figures come from and that they are fictitious, with the header frozen and filtered, printed A4 landscape', () => {
    expect(plan.getCell('A1').text).toBe('Plan d’action – CTG du Pays de Mormal');
    expect(plan.getCell('A2').text).toMatch(/^Mission « CTG du Pays de Mormal » \(commanditaire : CAF du Nord\), territoire : Bavay, Landrecies\./);
    expect(plan.getCell('A2').text).toContain('Établi avec Bocage le 14/06/2024 10:30.');
    expect(plan.getCell('A3').text).toBe(FICTITIOUS_WARNING);
    expect(plan.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(plan.autoFilter).toBe('A4:N8');
    expect(plan.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '4:4' });
    expect(plan.headerFooter.oddFooter).toContain('Données fictives');
    expect(plan.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });

  test('a mission without fiches says so, totals zero and carries no fictitious warning', async () => {
    const emptyBytes = await buildActionPlanWorkbook(emptyMissionSource(), { generatedAt: GENERATED_AT });
    const empty = await readWorkbook(emptyBytes);
    const sheet = sheetNamed(empty, 'Plan d’action');
    expect(sheet.getCell('A3').value).toBeNull();
    expect(sheet.getCell('A5').text).toBe('Aucune fiche action.');
    expect(await cachedFormulaValue(emptyBytes, 1, 'J6')).toEqual({ formula: 'SUM(J5:J5)', cached: '0' });
    expect(await cachedFormulaValue(emptyBytes, 4, 'B9')).toEqual({ formula: 'SUM(B5:B8)', cached: '0' });
    expect(sheetNamed(empty, 'Cofinancements').getCell('A5').text).toBe('Aucun cofinancement saisi.');
  });
});

describe.skipIf(!HAS_LIBREOFFICE)(`the action-plan workbook opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
  let office: CsvSheets;

  beforeAll(async () => {
    office = await openInLibreOffice('plan-action.xlsx', bytes, SHEETS);
  }, LIBREOFFICE_TIMEOUT_MS);

  function rowStartingWith(sheet: string, label: string, column = 0): string[] {
    const row = office.sheets.get(sheet)?.find((cells) => cells[column] === label);
    if (!row) throw new Error(`Pas de ligne « ${label} » dans la feuille ${sheet}.`);
    return row;
  }

  test('shows the totals and the summary figures', () => {
    expect([...office.sheets.keys()].sort()).toEqual([...SHEETS].sort());
    const total = rowStartingWith('Plan d’action', 'Total', 1);
    expect([total[9], total[11], total[12]].map(Number)).toEqual([EXPECTED_TOTALS.budget, EXPECTED_TOTALS.coFunding, EXPECTED_TOTALS.remaining]);
    for (const status of ['À lancer', 'En cours', 'Réalisée', 'Abandonnée']) expect(rowStartingWith('Synthèse', status)[1]).toBe('1');
    expect(rowStartingWith('Synthèse', 'Total')[1]).toBe('4');
    expect(Number(rowStartingWith('Synthèse', 'Budget total')[1])).toBe(EXPECTED_TOTALS.budget);
    expect(Number(rowStartingWith('Synthèse', 'Reste à financer')[1])).toBe(EXPECTED_TOTALS.remaining);
    expect(Number(rowStartingWith('Cofinancements', 'Total', 1)[3])).toBe(EXPECTED_TOTALS.coFunding);
  });

  test('judges the deadlines again on the day the file is opened', () => {
    // LibreOffice recalculates TODAY() on opening: any day after 30 June 2024 finds both open fiches late.
    expect(localIsoDate(new Date()) > '2024-06-30').toBe(true);
    expect(rowStartingWith('Plan d’action', '1')[8]).toBe(OVERDUE_TEXT);
    expect(rowStartingWith('Plan d’action', '2')[8]).toBe(OVERDUE_TEXT);
    expect(rowStartingWith('Plan d’action', '3')[8]).toBe('');
    expect(rowStartingWith('Synthèse', `${OVERDUE_TEXT} (fin passée, action ni réalisée ni abandonnée)`)[1]).toBe('2');
  });
});
