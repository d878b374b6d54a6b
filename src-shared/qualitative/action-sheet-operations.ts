import * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import type { MoveDirection } from './order-keys';
import {
  entryList,
  failIf,
  insertEntry,
  insertRecord,
  isTrashed,
  moveEntry,
  moveRecord,
  orderKeyAtEnd,
  requireEntry,
  requireKnownIndicator,
  requireLinkTarget,
  requireRecord,
  restoreRecord,
  touch,
  trashRecord,
  writeLink,
  writeOptional,
  writeText,
} from './qualitative-records';
import {
  ACTION_SHEET_FIELD,
  ACTION_SHEET_TEXT_FIELDS,
  ACTION_STEP_FIELD,
  CO_FUNDER_FIELD,
  EVALUATION_INDICATOR_FIELD,
  qualitativeCollection,
  type ActionSheetTextField,
} from './qualitative-structure';
import {
  validateActionSheetNumber,
  validateAmount,
  validateCoFunderName,
  validateDateRange,
  validateEvaluationLabel,
  validateLongText,
  validateOptionalDate,
  validateShortText,
  validateStepLabel,
  validateTitle,
} from './qualitative-validation';
import { DEFAULT_ACTION_SHEET_STATUS, isActionSheetStatus, type ActionSheetStatus } from './qualitative-vocabulary';

/** The texts of a fiche action, each edited on its own as the user types. */
export type ActionSheetTexts = Record<ActionSheetTextField, string>;

export interface ActionSheetFields extends ActionSheetTexts {
  /** Euros; null while not known. */
  budgetAmount: number | null;
}

export type ActionSheetErrors = Partial<Record<keyof ActionSheetFields, string>>;

/** Fields short enough to read at a glance in a list: a name, not a paragraph. */
const SHORT_TEXT_FIELDS: readonly ActionSheetTextField[] = [ACTION_SHEET_FIELD.lead];

export function validateActionSheet(input: Partial<ActionSheetFields>): ActionSheetErrors {
  const errors: ActionSheetErrors = {};
  for (const field of ACTION_SHEET_TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const error =
      field === ACTION_SHEET_FIELD.title ? validateTitle(value) : SHORT_TEXT_FIELDS.includes(field) ? validateShortText(value) : validateLongText(value);
    if (error) errors[field] = error;
  }
  if (input.budgetAmount !== undefined) {
    const budget = validateAmount(input.budgetAmount, 'budget');
    if (budget) errors.budgetAmount = budget;
  }
  return errors;
}

function sheetNumber(record: Y.Map<unknown>): number | null {
  const value = record.get(ACTION_SHEET_FIELD.number);
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

/**
 * The number a new fiche gets: one more than the highest ever given in this copy of the mission,
 * trashed fiches included, so restoring one never collides with a newer fiche.
 */
export function nextActionSheetNumber(doc: Y.Doc): number {
  let highest = 0;
  for (const record of qualitativeCollection(doc, 'actionSheets').values()) {
    if (record instanceof Y.Map) highest = Math.max(highest, sheetNumber(record) ?? 0);
  }
  return highest + 1;
}

/**
 * Refuses a number another fiche already shows. Colleagues offline may still both create a
 * "fiche 3": that duplicate is shown to them (duplicateActionSheetNumbers), never renumbered behind
 * their backs, since printed documents may already cite it.
 */
function requireFreeNumber(doc: Y.Doc, number: number, exceptId: string | null): void {
  failIf(validateActionSheetNumber(number));
  for (const [id, record] of qualitativeCollection(doc, 'actionSheets').entries()) {
    if (id === exceptId || !(record instanceof Y.Map) || isTrashed(record) || sheetNumber(record) !== number) continue;
    const title = record.get(ACTION_SHEET_FIELD.title);
    const name = title instanceof Y.Text && title.toString() !== '' ? ` « ${title.toString()} »` : '';
    failIf(`Le numéro ${number} est déjà celui de la fiche action${name}.`);
  }
}

export interface NewActionSheetInput {
  title: string;
  /** Given by the user; the next free number otherwise. */
  number?: number;
}

/** Creates a fiche action "à lancer" at the end of the list; returns its id. */
export function createActionSheet(
  doc: Y.Doc,
  input: NewActionSheetInput,
  origin: unknown,
  now: number = Date.now(),
  id: string = newId(),
): string {
  failIf(validateTitle(input.title));
  return runOperation(doc, origin, () => {
    const number = input.number ?? nextActionSheetNumber(doc);
    requireFreeNumber(doc, number, null);
    const texts = Object.fromEntries(ACTION_SHEET_TEXT_FIELDS.map((field) => [field, '']));
    texts[ACTION_SHEET_FIELD.title] = input.title.trim();
    return insertRecord(
      doc,
      'actionSheets',
      {
        texts,
        linkSets: [ACTION_SHEET_FIELD.enjeux],
        entryLists: [ACTION_SHEET_FIELD.steps, ACTION_SHEET_FIELD.coFunders, ACTION_SHEET_FIELD.evaluationIndicators],
        values: { [ACTION_SHEET_FIELD.number]: number, [ACTION_SHEET_FIELD.status]: DEFAULT_ACTION_SHEET_STATUS },
        order: orderKeyAtEnd(doc, 'actionSheets'),
      },
      now,
      id,
    );
  });
}

export function updateActionSheet(
  doc: Y.Doc,
  id: string,
  patch: Partial<ActionSheetFields>,
  origin: unknown,
  now: number = Date.now(),
): void {
  failIf(Object.values(validateActionSheet(patch)).join(' '));
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'actionSheets', id);
    for (const field of ACTION_SHEET_TEXT_FIELDS) {
      const value = patch[field];
      if (value !== undefined) writeText(record, field, value);
    }
    if (patch.budgetAmount !== undefined) writeOptional(record, ACTION_SHEET_FIELD.budgetAmount, patch.budgetAmount);
    touch(doc, record, now);
  });
}

export function setActionSheetNumber(doc: Y.Doc, id: string, number: number, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'actionSheets', id);
    requireFreeNumber(doc, number, id);
    record.set(ACTION_SHEET_FIELD.number, number);
    touch(doc, record, now);
  });
}

export function setActionSheetStatus(doc: Y.Doc, id: string, status: ActionSheetStatus, origin: unknown, now: number = Date.now()): void {
  if (!isActionSheetStatus(status)) failIf('Statut inconnu.');
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'actionSheets', id);
    record.set(ACTION_SHEET_FIELD.status, status);
    touch(doc, record, now);
  });
}

export function trashActionSheet(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => trashRecord(doc, 'actionSheets', id, now));
}

export function restoreActionSheet(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => restoreRecord(doc, 'actionSheets', id, now));
}

export function moveActionSheet(doc: Y.Doc, id: string, target: MoveDirection | number, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => moveRecord(doc, 'actionSheets', id, target, now));
}

export function setActionSheetEnjeuLink(
  doc: Y.Doc,
  id: string,
  enjeuId: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'actionSheets', id);
    if (linked) requireLinkTarget(doc, 'enjeux', enjeuId);
    writeLink(record, ACTION_SHEET_FIELD.enjeux, enjeuId, linked);
    touch(doc, record, now);
  });
}

/** A fiche serves one strategic orientation at most; null detaches it. */
export function setActionSheetOrientation(
  doc: Y.Doc,
  id: string,
  orientationId: string | null,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'actionSheets', id);
    if (orientationId !== null) requireLinkTarget(doc, 'orientations', orientationId);
    writeOptional(record, ACTION_SHEET_FIELD.orientation, orientationId);
    touch(doc, record, now);
  });
}

/** Runs `edit` on one list of a fiche (steps, co-funders, evaluation indicators) and touches the fiche. */
function editList<T>(
  doc: Y.Doc,
  id: string,
  field: typeof ACTION_SHEET_FIELD.steps | typeof ACTION_SHEET_FIELD.coFunders | typeof ACTION_SHEET_FIELD.evaluationIndicators,
  origin: unknown,
  now: number,
  edit: (list: Y.Map<Y.Map<unknown>>) => T,
): T {
  return runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'actionSheets', id);
    const result = edit(entryList(record, field));
    touch(doc, record, now);
    return result;
  });
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export interface ActionStepInput {
  label: string;
  startDate: string | null;
  endDate: string | null;
}

export function validateActionStep(input: Partial<ActionStepInput>): Partial<Record<keyof ActionStepInput, string>> {
  const errors: Partial<Record<keyof ActionStepInput, string>> = {};
  const label = input.label !== undefined ? validateStepLabel(input.label) : null;
  if (label) errors.label = label;
  return { ...errors, ...validateDateRange(input.startDate ?? null, input.endDate ?? null) };
}

const STEP_NOT_FOUND = 'Cette étape est introuvable.';

/** Adds a step at the end of the fiche's timetable; returns its id. */
export function addActionStep(doc: Y.Doc, id: string, input: ActionStepInput, origin: unknown, now: number = Date.now()): string {
  failIf(Object.values(validateActionStep(input)).join(' '));
  return editList(doc, id, ACTION_SHEET_FIELD.steps, origin, now, (steps) =>
    insertEntry(steps, {
      [ACTION_STEP_FIELD.label]: input.label.trim(),
      [ACTION_STEP_FIELD.startDate]: input.startDate,
      [ACTION_STEP_FIELD.endDate]: input.endDate,
    }),
  );
}

/** The date range is checked against the step's other date as stored, so half an edit cannot break it. */
export function updateActionStep(
  doc: Y.Doc,
  id: string,
  stepId: string,
  patch: Partial<ActionStepInput>,
  origin: unknown,
  now: number = Date.now(),
): void {
  editList(doc, id, ACTION_SHEET_FIELD.steps, origin, now, (steps) => {
    const step = requireEntry(steps, stepId, STEP_NOT_FOUND);
    const merged = {
      startDate: patch.startDate !== undefined ? patch.startDate : stringOrNull(step.get(ACTION_STEP_FIELD.startDate)),
      endDate: patch.endDate !== undefined ? patch.endDate : stringOrNull(step.get(ACTION_STEP_FIELD.endDate)),
    };
    failIf(Object.values(validateActionStep({ ...patch, ...merged })).join(' '));
    if (patch.label !== undefined) step.set(ACTION_STEP_FIELD.label, patch.label);
    if (patch.startDate !== undefined) writeOptional(step, ACTION_STEP_FIELD.startDate, patch.startDate);
    if (patch.endDate !== undefined) writeOptional(step, ACTION_STEP_FIELD.endDate, patch.endDate);
  });
}

export function removeActionStep(doc: Y.Doc, id: string, stepId: string, origin: unknown, now: number = Date.now()): void {
  editList(doc, id, ACTION_SHEET_FIELD.steps, origin, now, (steps) => steps.delete(stepId));
}

export function moveActionStep(
  doc: Y.Doc,
  id: string,
  stepId: string,
  target: MoveDirection | number,
  origin: unknown,
  now: number = Date.now(),
): void {
  editList(doc, id, ACTION_SHEET_FIELD.steps, origin, now, (steps) => {
    requireEntry(steps, stepId, STEP_NOT_FOUND);
    moveEntry(steps, stepId, target);
  });
}

export interface CoFunderInput {
  name: string;
  /** Euros; null while not known. */
  amount: number | null;
}

export function validateCoFunder(input: Partial<CoFunderInput>): Partial<Record<keyof CoFunderInput, string>> {
  const errors: Partial<Record<keyof CoFunderInput, string>> = {};
  const name = input.name !== undefined ? validateCoFunderName(input.name) : null;
  if (name) errors.name = name;
  const amount = input.amount !== undefined ? validateAmount(input.amount, 'montant') : null;
  if (amount) errors.amount = amount;
  return errors;
}

const CO_FUNDER_NOT_FOUND = 'Ce cofinanceur est introuvable.';

export function addCoFunder(doc: Y.Doc, id: string, input: CoFunderInput, origin: unknown, now: number = Date.now()): string {
  failIf(Object.values(validateCoFunder(input)).join(' '));
  return editList(doc, id, ACTION_SHEET_FIELD.coFunders, origin, now, (coFunders) =>
    insertEntry(coFunders, { [CO_FUNDER_FIELD.name]: input.name.trim(), [CO_FUNDER_FIELD.amount]: input.amount }),
  );
}

export function updateCoFunder(
  doc: Y.Doc,
  id: string,
  coFunderId: string,
  patch: Partial<CoFunderInput>,
  origin: unknown,
  now: number = Date.now(),
): void {
  failIf(Object.values(validateCoFunder(patch)).join(' '));
  editList(doc, id, ACTION_SHEET_FIELD.coFunders, origin, now, (coFunders) => {
    const coFunder = requireEntry(coFunders, coFunderId, CO_FUNDER_NOT_FOUND);
    if (patch.name !== undefined) coFunder.set(CO_FUNDER_FIELD.name, patch.name);
    if (patch.amount !== undefined) writeOptional(coFunder, CO_FUNDER_FIELD.amount, patch.amount);
  });
}

export function removeCoFunder(doc: Y.Doc, id: string, coFunderId: string, origin: unknown, now: number = Date.now()): void {
  editList(doc, id, ACTION_SHEET_FIELD.coFunders, origin, now, (coFunders) => coFunders.delete(coFunderId));
}

export interface EvaluationIndicatorInput {
  label: string;
  indicatorCode: string | null;
  /** Free text with its unit ("12 %", "3 permanences par mois"): measures differ too much for one number. */
  baseline: string;
  target: string;
  targetDate: string | null;
}

export function validateEvaluationIndicator(
  input: Partial<EvaluationIndicatorInput>,
): Partial<Record<keyof EvaluationIndicatorInput, string>> {
  const errors: Partial<Record<keyof EvaluationIndicatorInput, string>> = {};
  const label = input.label !== undefined ? validateEvaluationLabel(input.label) : null;
  if (label) errors.label = label;
  const baseline = input.baseline !== undefined ? validateShortText(input.baseline) : null;
  if (baseline) errors.baseline = baseline;
  const target = input.target !== undefined ? validateShortText(input.target) : null;
  if (target) errors.target = target;
  const targetDate = input.targetDate !== undefined ? validateOptionalDate(input.targetDate) : null;
  if (targetDate) errors.targetDate = targetDate;
  return errors;
}

const EVALUATION_NOT_FOUND = 'Cet indicateur d’évaluation est introuvable.';

export function addEvaluationIndicator(
  doc: Y.Doc,
  id: string,
  input: EvaluationIndicatorInput,
  origin: unknown,
  now: number = Date.now(),
): string {
  failIf(Object.values(validateEvaluationIndicator(input)).join(' '));
  return editList(doc, id, ACTION_SHEET_FIELD.evaluationIndicators, origin, now, (indicators) => {
    if (input.indicatorCode !== null) requireKnownIndicator(doc, input.indicatorCode);
    return insertEntry(indicators, {
      [EVALUATION_INDICATOR_FIELD.label]: input.label.trim(),
      [EVALUATION_INDICATOR_FIELD.indicatorCode]: input.indicatorCode,
      [EVALUATION_INDICATOR_FIELD.baseline]: input.baseline,
      [EVALUATION_INDICATOR_FIELD.target]: input.target,
      [EVALUATION_INDICATOR_FIELD.targetDate]: input.targetDate,
    });
  });
}

export function updateEvaluationIndicator(
  doc: Y.Doc,
  id: string,
  evaluationId: string,
  patch: Partial<EvaluationIndicatorInput>,
  origin: unknown,
  now: number = Date.now(),
): void {
  failIf(Object.values(validateEvaluationIndicator(patch)).join(' '));
  editList(doc, id, ACTION_SHEET_FIELD.evaluationIndicators, origin, now, (indicators) => {
    const indicator = requireEntry(indicators, evaluationId, EVALUATION_NOT_FOUND);
    if (patch.indicatorCode !== undefined && patch.indicatorCode !== null) requireKnownIndicator(doc, patch.indicatorCode);
    if (patch.label !== undefined) indicator.set(EVALUATION_INDICATOR_FIELD.label, patch.label);
    if (patch.indicatorCode !== undefined) writeOptional(indicator, EVALUATION_INDICATOR_FIELD.indicatorCode, patch.indicatorCode);
    if (patch.baseline !== undefined) writeOptional(indicator, EVALUATION_INDICATOR_FIELD.baseline, patch.baseline);
    if (patch.target !== undefined) writeOptional(indicator, EVALUATION_INDICATOR_FIELD.target, patch.target);
    if (patch.targetDate !== undefined) writeOptional(indicator, EVALUATION_INDICATOR_FIELD.targetDate, patch.targetDate);
  });
}

export function removeEvaluationIndicator(doc: Y.Doc, id: string, evaluationId: string, origin: unknown, now: number = Date.now()): void {
  editList(doc, id, ACTION_SHEET_FIELD.evaluationIndicators, origin, now, (indicators) => indicators.delete(evaluationId));
}
