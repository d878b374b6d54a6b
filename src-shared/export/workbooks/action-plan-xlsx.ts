/**
 * The action-plan dashboard of a mission: one row per fiche action with its status, lead, dates,
 * budget and co-funders, the deadlines coloured, totals that stay live formulas, then the
 * co-funders, the evaluation indicators and a summary by status on their own sheets.
 */
import type ExcelJS from 'exceljs';
import { localIsoDate } from '../../directory/contact-retention';
import type { ActionSheet, QualitativeSnapshot } from '../../qualitative/qualitative-model';
import { ACTION_SHEET_STATUSES, actionSheetStatusLabel, type ActionSheetStatus } from '../../qualitative/qualitative-vocabulary';
import type { MissionDeliverableSource } from '../deliverables/deliverable-source';
import { fictitiousWarning, FICTITIOUS_FOOTER, missionTitleOf, provenanceNote } from './mission-workbook-notes';
import {
  addFiguresSheet,
  addTableSheet,
  columnRange,
  columnSum,
  DATE_FORMAT,
  excelDate,
  formulaCell,
  newWorkbook,
  sheetRange,
  styleTotalRow,
  TABLE_FIRST_DATA_ROW,
  TABLE_HEADER_ROW,
  WHOLE_NUMBER_FORMAT,
  workbookBytes,
  writeFigureBlock,
  type TableColumn,
} from './table-sheet';

export const ACTION_PLAN_SHEET = 'Plan d’action';
export const CO_FUNDING_SHEET = 'Cofinancements';
export const EVALUATION_SHEET = 'Évaluation';
export const SUMMARY_SHEET = 'Synthèse';

export const OVERDUE_TEXT = 'En retard';
export const DUE_SOON_TEXT = 'Échéance proche';
/** A fiche whose end date is at most this many days ahead is flagged. */
export const DUE_SOON_DAYS = 30;

/** Statuses whose deadline no longer matters: the action is done, or given up. */
const CLOSED_STATUSES: readonly ActionSheetStatus[] = ['realisee', 'abandonnee'];

/** Fills and text colours of the statuses: pale fills under dark text, each above 4.5:1 (RGAA). */
const STATUS_LOOKS: Record<ActionSheetStatus, { fill: string; font: string }> = {
  'a-lancer': { fill: 'FFEDEDED', font: 'FF404040' },
  'en-cours': { fill: 'FFDDEBF7', font: 'FF1F4E79' },
  realisee: { fill: 'FFC6EFCE', font: 'FF006100' },
  abandonnee: { fill: 'FFD9D9D9', font: 'FF404040' },
};
const OVERDUE_LOOK = { fill: 'FFFFC7CE', font: 'FF9C0006' };
const DUE_SOON_LOOK = { fill: 'FFFFE0B3', font: 'FF7A4100' };

const NO_SHEET = 'Aucune fiche action.';
const TOTAL_LABEL = 'Total';

export interface ActionPlanOptions {
  generatedAt: Date;
}

interface ActionRow {
  rowNumber: number;
  sheet: ActionSheet;
  orientation: string;
  enjeux: string;
  start: Date | null;
  end: Date | null;
  deadline: string;
  coFunding: number;
  remaining: number | null;
}

interface CoFundingRow {
  sheet: ActionSheet;
  name: string;
  amount: number | null;
  share: number | null;
}

interface EvaluationRow {
  sheet: ActionSheet;
  label: string;
  indicator: string;
  baseline: string;
  target: string;
  targetDate: Date | null;
}

/** A figure as French users type it: "12,5", "1 250", "-3". Anything else ("45 %", "environ 20") stays text. */
const PLAIN_FRENCH_NUMBER = /^([-\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/;

export function plainFrenchNumber(text: string): { value: number; decimals: number } | null {
  const match = PLAIN_FRENCH_NUMBER.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  const value = Number(`${sign === '' ? '' : '-'}${whole.replace(/[ \u00a0\u202f]/g, '')}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? { value, decimals: fraction.length } : null;
}

/** A number cell when the text is a plain figure, so it can be summed and charted; the text as typed otherwise. */
function figureValue(text: string): ExcelJS.CellValue {
  const figure = plainFrenchNumber(text);
  return figure ? figure.value : text.trim();
}

function figureFormat(text: string): string | undefined {
  const figure = plainFrenchNumber(text);
  if (!figure) return undefined;
  return figure.decimals > 0 ? `#,##0.${'0'.repeat(figure.decimals)}` : '#,##0';
}

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 });

function hasCents(amount: number | null): boolean {
  return amount !== null && Math.round(amount * 100) % 100 !== 0;
}

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

function earliest(dates: readonly (string | null)[]): string | null {
  return dates.filter((date): date is string => date !== null).sort()[0] ?? null;
}

function latest(dates: readonly (string | null)[]): string | null {
  return dates.filter((date): date is string => date !== null).sort().at(-1) ?? null;
}

/** What the « Échéance » column's formula gives on the day the workbook is made. */
function deadlineText(status: ActionSheetStatus, endIso: string | null, todayIso: string): string {
  if (endIso === null || CLOSED_STATUSES.includes(status)) return '';
  const daysLeft = dayNumber(endIso) - dayNumber(todayIso);
  if (daysLeft < 0) return OVERDUE_TEXT;
  return daysLeft <= DUE_SOON_DAYS ? DUE_SOON_TEXT : '';
}

function sheetName(sheet: ActionSheet): string {
  return sheet.title.trim() || 'Fiche sans titre';
}

function coFundersText(sheet: ActionSheet): string {
  return sheet.coFunders
    .map((coFunder) => `${coFunder.name.trim()} : ${coFunder.amount === null ? 'montant à préciser' : euros.format(coFunder.amount)}`)
    .join('\n');
}

function evaluationText(sheet: ActionSheet): string {
  return sheet.evaluationIndicators
    .map((indicator) => {
      const figures = [indicator.baseline.trim() && `départ ${indicator.baseline.trim()}`, indicator.target.trim() && `cible ${indicator.target.trim()}`]
        .filter((part) => part !== '')
        .join(', ');
      return figures ? `${indicator.label.trim()} (${figures})` : indicator.label.trim();
    })
    .join('\n');
}

function actionRows(qualitative: QualitativeSnapshot, firstRow: number, todayIso: string): ActionRow[] {
  const orientations = new Map(qualitative.orientations.map((orientation) => [orientation.id, orientation.title.trim()]));
  const enjeux = new Map(qualitative.enjeux.map((enjeu) => [enjeu.id, enjeu.title.trim()]));
  return qualitative.actionSheets.map((sheet, index) => {
    const endIso = latest(sheet.steps.map((step) => step.endDate));
    const coFunding = sheet.coFunders.reduce((total, coFunder) => total + (coFunder.amount ?? 0), 0);
    return {
      rowNumber: firstRow + index,
      sheet,
      orientation: (sheet.orientationId === null ? undefined : orientations.get(sheet.orientationId)) ?? '',
      enjeux: sheet.enjeuIds.flatMap((id) => enjeux.get(id) ?? []).join('\n'),
      start: excelDate(earliest(sheet.steps.map((step) => step.startDate))),
      end: excelDate(endIso),
      deadline: deadlineText(sheet.status, endIso, todayIso),
      coFunding,
      remaining: sheet.budgetAmount === null ? null : sheet.budgetAmount - coFunding,
    };
  });
}

/** The dashboard's columns, by letter: formulas and conditional formats refer to them. */
const COLUMN = {
  number: 'A',
  status: 'E',
  end: 'H',
  deadline: 'I',
  budget: 'J',
  coFunding: 'L',
  remaining: 'M',
} as const;

/** True when the status cell holds a closed status. */
function closedCondition(statusCell: string): string {
  return `OR(${CLOSED_STATUSES.map((status) => `${statusCell}="${actionSheetStatusLabel(status)}"`).join(',')})`;
}

function deadlineFormula(row: number): string {
  const end = `${COLUMN.end}${row}`;
  return `IF(OR(NOT(ISNUMBER(${end})),${closedCondition(`${COLUMN.status}${row}`)}),"",IF(${end}<TODAY(),"${OVERDUE_TEXT}",IF(${end}<=TODAY()+${DUE_SOON_DAYS},"${DUE_SOON_TEXT}","")))`;
}

function dashboardColumns(moneyFormat: string): TableColumn<ActionRow>[] {
  return [
    { header: 'N°', width: 6, numFmt: WHOLE_NUMBER_FORMAT, value: (row) => row.sheet.number },
    { header: 'Fiche action', width: 32, value: (row) => sheetName(row.sheet) },
    { header: 'Orientation', width: 24, value: (row) => row.orientation },
    { header: 'Enjeux', width: 28, value: (row) => row.enjeux },
    { header: 'Statut', width: 12, value: (row) => actionSheetStatusLabel(row.sheet.status) },
    { header: 'Pilote', width: 20, value: (row) => row.sheet.lead.trim() },
    { header: 'Début', width: 11, numFmt: DATE_FORMAT, value: (row) => row.start },
    { header: 'Fin', width: 11, numFmt: DATE_FORMAT, value: (row) => row.end },
    { header: 'Échéance', width: 14, value: (row) => formulaCell(deadlineFormula(row.rowNumber), row.deadline) },
    { header: 'Budget', width: 13, numFmt: moneyFormat, value: (row) => row.sheet.budgetAmount },
    { header: 'Cofinanceurs', width: 30, value: (row) => coFundersText(row.sheet) },
    { header: 'Total cofinancé', width: 13, numFmt: moneyFormat, value: (row) => row.coFunding },
    {
      header: 'Reste à financer',
      width: 13,
      numFmt: moneyFormat,
      value: (row) =>
        formulaCell(
          `IF(ISNUMBER(${COLUMN.budget}${row.rowNumber}),${COLUMN.budget}${row.rowNumber}-${COLUMN.coFunding}${row.rowNumber},"")`,
          row.remaining ?? '',
        ),
    },
    { header: 'Indicateurs d’évaluation', width: 40, value: (row) => evaluationText(row.sheet) },
  ];
}

function ruleStyle(look: { fill: string; font: string }): Partial<ExcelJS.Style> {
  return { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: look.fill } }, font: { color: { argb: look.font } } };
}

/**
 * Colours that follow the sheet as users edit it: the status cell by status, the end date red once
 * passed and orange within DUE_SOON_DAYS while the action is not closed. The « Échéance » column
 * says the same in words, so the alert never rests on colour alone.
 */
function addDashboardFormatting(sheet: ExcelJS.Worksheet, firstRow: number, lastRow: number): void {
  sheet.addConditionalFormatting({
    ref: columnRange(COLUMN.status, firstRow, lastRow),
    rules: ACTION_SHEET_STATUSES.map((status, index) => ({
      type: 'expression',
      priority: index + 1,
      formulae: [`$${COLUMN.status}${firstRow}="${status.label}"`],
      style: ruleStyle(STATUS_LOOKS[status.id]),
    })),
  });
  const end = `$${COLUMN.end}${firstRow}`;
  const open = `NOT(${closedCondition(`$${COLUMN.status}${firstRow}`)})`;
  sheet.addConditionalFormatting({
    ref: `${COLUMN.end}${firstRow}:${COLUMN.deadline}${lastRow}`,
    rules: [
      {
        type: 'expression',
        priority: ACTION_SHEET_STATUSES.length + 1,
        formulae: [`AND(ISNUMBER(${end}),${end}<TODAY(),${open})`],
        style: ruleStyle(OVERDUE_LOOK),
      },
      {
        type: 'expression',
        priority: ACTION_SHEET_STATUSES.length + 2,
        formulae: [`AND(ISNUMBER(${end}),${end}>=TODAY(),${end}<=TODAY()+${DUE_SOON_DAYS},${open})`],
        style: ruleStyle(DUE_SOON_LOOK),
      },
    ],
  });
}

function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((total, value) => total + (value ?? 0), 0);
}

export async function buildActionPlanWorkbook(source: MissionDeliverableSource, options: ActionPlanOptions): Promise<Uint8Array> {
  const { generatedAt } = options;
  const missionTitle = missionTitleOf(source);
  const warning = fictitiousWarning(source);
  const footerCentre = source.fictitious ? FICTITIOUS_FOOTER : undefined;
  const { qualitative } = source;
  const todayIso = localIsoDate(generatedAt);

  const workbook = newWorkbook({ title: `Plan d’action – ${missionTitle}`, subject: 'Tableau de bord du plan d’action', generatedAt });
  const amounts = qualitative.actionSheets.flatMap((sheet) => [sheet.budgetAmount, ...sheet.coFunders.map((coFunder) => coFunder.amount)]);
  const moneyFormat = amounts.some(hasCents) ? '#,##0.00 "€"' : '#,##0 "€"';

  const firstRow = TABLE_FIRST_DATA_ROW;
  const rows = actionRows(qualitative, firstRow, todayIso);
  const columns = dashboardColumns(moneyFormat);
  const dashboard = addTableSheet(workbook, {
    name: ACTION_PLAN_SHEET,
    title: `Plan d’action – ${missionTitle}`,
    note: provenanceNote(
      source,
      'Une ligne par fiche action ; début et fin d’après ses étapes. Les totaux, l’échéance et le reste à financer sont des formules : ils suivent vos modifications.',
      generatedAt,
    ),
    warning,
    footer: `Plan d’action – ${missionTitle}`,
    footerCentre,
    columns,
    rows,
    empty: NO_SHEET,
  });
  const { sheet, lastRow } = dashboard;
  addDashboardFormatting(sheet, firstRow, lastRow);

  const totalRow = sheet.getRow(lastRow + 1);
  totalRow.getCell(2).value = TOTAL_LABEL;
  const totals: [string, number][] = [
    [COLUMN.budget, sum(rows.map((row) => row.sheet.budgetAmount))],
    [COLUMN.coFunding, sum(rows.map((row) => row.coFunding))],
    [COLUMN.remaining, sum(rows.map((row) => row.remaining))],
  ];
  for (const [column, result] of totals) {
    const cell = sheet.getCell(`${column}${lastRow + 1}`);
    cell.value = formulaCell(columnSum(column, firstRow, lastRow), result);
    cell.numFmt = moneyFormat;
  }
  styleTotalRow(totalRow, columns.length);

  addCoFundingSheet(workbook, source, rows, { moneyFormat, warning, footerCentre, generatedAt });
  addEvaluationSheet(workbook, source, { warning, footerCentre, generatedAt });
  addSummarySheet(workbook, source, rows, { moneyFormat, warning, footerCentre, generatedAt, firstRow, lastRow });
  return workbookBytes(workbook);
}

interface SheetOptions {
  warning: string | undefined;
  footerCentre: string | undefined;
  generatedAt: Date;
}

function addCoFundingSheet(
  workbook: ExcelJS.Workbook,
  source: MissionDeliverableSource,
  actions: readonly ActionRow[],
  options: SheetOptions & { moneyFormat: string },
): void {
  const rows: CoFundingRow[] = actions.flatMap(({ sheet }) =>
    sheet.coFunders.map((coFunder) => ({
      sheet,
      name: coFunder.name.trim(),
      amount: coFunder.amount,
      share: coFunder.amount !== null && sheet.budgetAmount ? coFunder.amount / sheet.budgetAmount : null,
    })),
  );
  const columns: TableColumn<CoFundingRow>[] = [
    { header: 'N° fiche', width: 8, numFmt: WHOLE_NUMBER_FORMAT, value: (row) => row.sheet.number },
    { header: 'Fiche action', width: 36, value: (row) => sheetName(row.sheet) },
    { header: 'Cofinanceur', width: 30, value: (row) => row.name },
    { header: 'Montant', width: 14, numFmt: options.moneyFormat, value: (row) => row.amount },
    { header: 'Part du budget de la fiche', width: 14, numFmt: '0.0 %', value: (row) => row.share },
  ];
  const missionTitle = missionTitleOf(source);
  const { sheet, firstRow, lastRow } = addTableSheet(workbook, {
    name: CO_FUNDING_SHEET,
    title: `Cofinancements – ${missionTitle}`,
    note: provenanceNote(source, 'Une ligne par cofinanceur de chaque fiche action ; un montant vide reste à préciser.', options.generatedAt),
    warning: options.warning,
    footer: `Cofinancements – ${missionTitle}`,
    footerCentre: options.footerCentre,
    columns,
    rows,
    empty: 'Aucun cofinancement saisi.',
  });
  const totalRow = sheet.getRow(lastRow + 1);
  totalRow.getCell(2).value = TOTAL_LABEL;
  const total = totalRow.getCell(4);
  total.value = formulaCell(columnSum('D', firstRow, lastRow), sum(rows.map((row) => row.amount)));
  total.numFmt = options.moneyFormat;
  styleTotalRow(totalRow, columns.length);
}

function addEvaluationSheet(workbook: ExcelJS.Workbook, source: MissionDeliverableSource, options: SheetOptions): void {
  const indicatorLabels = new Map(source.diagnostic.definitions.map((definition) => [definition.code, definition.label]));
  const rows: EvaluationRow[] = source.qualitative.actionSheets.flatMap((sheet) =>
    sheet.evaluationIndicators.map((indicator) => ({
      sheet,
      label: indicator.label.trim(),
      indicator: indicator.indicatorCode === null ? '' : (indicatorLabels.get(indicator.indicatorCode) ?? indicator.indicatorCode),
      baseline: indicator.baseline,
      target: indicator.target,
      targetDate: excelDate(indicator.targetDate),
    })),
  );
  const columns: TableColumn<EvaluationRow>[] = [
    { header: 'N° fiche', width: 8, numFmt: WHOLE_NUMBER_FORMAT, value: (row) => row.sheet.number },
    { header: 'Fiche action', width: 32, value: (row) => sheetName(row.sheet) },
    { header: 'Indicateur d’évaluation', width: 36, value: (row) => row.label },
    { header: 'Indicateur du diagnostic', width: 28, value: (row) => row.indicator },
    { header: 'Valeur de départ', width: 14, numFmt: (row) => figureFormat(row.baseline), value: (row) => figureValue(row.baseline) },
    { header: 'Cible', width: 14, numFmt: (row) => figureFormat(row.target), value: (row) => figureValue(row.target) },
    { header: 'Échéance de la cible', width: 13, numFmt: DATE_FORMAT, value: (row) => row.targetDate },
  ];
  const missionTitle = missionTitleOf(source);
  addTableSheet(workbook, {
    name: EVALUATION_SHEET,
    title: `Indicateurs d’évaluation – ${missionTitle}`,
    note: provenanceNote(source, 'Une ligne par indicateur d’évaluation de chaque fiche action ; les valeurs chiffrées sont des nombres.', options.generatedAt),
    warning: options.warning,
    footer: `Indicateurs d’évaluation – ${missionTitle}`,
    footerCentre: options.footerCentre,
    columns,
    rows,
    empty: 'Aucun indicateur d’évaluation saisi.',
  });
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  source: MissionDeliverableSource,
  actions: readonly ActionRow[],
  options: SheetOptions & { moneyFormat: string; firstRow: number; lastRow: number },
): void {
  const missionTitle = missionTitleOf(source);
  const sheet = addFiguresSheet(workbook, {
    name: SUMMARY_SHEET,
    title: `Synthèse du plan d’action – ${missionTitle}`,
    note: provenanceNote(source, `Calculée à partir de la feuille « ${ACTION_PLAN_SHEET} ».`, options.generatedAt),
    warning: options.warning,
    footer: `Synthèse du plan d’action – ${missionTitle}`,
    footerCentre: options.footerCentre,
    widths: [40, 16],
  });

  const range = (column: string) => sheetRange(ACTION_PLAN_SHEET, columnRange(column, options.firstRow, options.lastRow));
  const countOf = (predicate: (row: ActionRow) => boolean) => actions.filter(predicate).length;
  const statusStart = TABLE_HEADER_ROW;
  let next = writeFigureBlock(sheet, statusStart, ['Statut', 'Fiches actions'], [
    ...ACTION_SHEET_STATUSES.map((status) => ({
      label: status.label,
      value: formulaCell(`COUNTIF(${range(COLUMN.status)},"${status.label}")`, countOf((row) => row.sheet.status === status.id)),
      numFmt: WHOLE_NUMBER_FORMAT,
    })),
    {
      label: TOTAL_LABEL,
      value: formulaCell(columnSum('B', statusStart + 1, statusStart + ACTION_SHEET_STATUSES.length), actions.length),
      numFmt: WHOLE_NUMBER_FORMAT,
      total: true,
    },
  ]);
  next = writeFigureBlock(sheet, next, ['Échéances', 'Fiches actions'], [
    {
      label: `${OVERDUE_TEXT} (fin passée, action ni réalisée ni abandonnée)`,
      value: formulaCell(`COUNTIF(${range(COLUMN.deadline)},"${OVERDUE_TEXT}")`, countOf((row) => row.deadline === OVERDUE_TEXT)),
      numFmt: WHOLE_NUMBER_FORMAT,
    },
    {
      label: `Fin dans les ${DUE_SOON_DAYS} jours`,
      value: formulaCell(`COUNTIF(${range(COLUMN.deadline)},"${DUE_SOON_TEXT}")`, countOf((row) => row.deadline === DUE_SOON_TEXT)),
      numFmt: WHOLE_NUMBER_FORMAT,
    },
  ]);
  writeFigureBlock(sheet, next, ['Financement', 'Montant'], [
    { label: 'Budget total', value: formulaCell(`SUM(${range(COLUMN.budget)})`, sum(actions.map((row) => row.sheet.budgetAmount))), numFmt: options.moneyFormat },
    { label: 'Cofinancements', value: formulaCell(`SUM(${range(COLUMN.coFunding)})`, sum(actions.map((row) => row.coFunding))), numFmt: options.moneyFormat },
    { label: 'Reste à financer', value: formulaCell(`SUM(${range(COLUMN.remaining)})`, sum(actions.map((row) => row.remaining))), numFmt: options.moneyFormat },
  ]);
}
