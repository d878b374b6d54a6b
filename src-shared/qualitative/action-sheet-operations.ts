import * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import type { MoveDirection } from './order-keys';
import {
  entryList,
  failIf,
  failOnErrors,
  insertEntry,
  insertRecord,
  isTrashed,
  moveEntry,
  orderKeyAtEnd,
  requireEntry,
  requireKnownIndicator,
  requireLinkTarget,
  writeOptional,
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
  validateFields,
  validateEvaluationLabel,
  validateLongText,
  validateOptionalDate,
  validateShortText,
  validateStepLabel,
  validateTitle,
  type FieldChecks,
  type FieldErrors,
} from './qualitative-validation';
import { DEFAULT_ACTION_SHEET_STATUS, isActionSheetStatus, type ActionSheetStatus } from './qualitative-vocabulary';
import { editRecord, linkOperation, recordLifecycle, writePatch, type LinkOperation, type PatchLayout } from './record-operations';

/** The texts of a fiche action, each edited on its own as the user types. */
export type ActionSheetTexts = Record<ActionSheetTextField, string>;

export interface ActionSheetFields extends ActionSheetTexts {
  /** Euros; null while not known. */
  budgetAmount: number | null;
}

export type ActionSheetErrors = FieldErrors<ActionSheetFields>;

/** Fields short enough to read at a glance in a list: a name, not a paragraph. */
const SHORT_TEXT_FIELDS: readonly ActionSheetTextField[] = [ACTION_SHEET_FIELD.lead];

const ACTION_SHEET_CHECKS: FieldChecks<ActionSheetFields> = {
  ...Object.fromEntries(
    ACTION_SHEET_TEXT_FIELDS.map((field) => [
      field,
      field === ACTION_SHEET_FIELD.title ? validateTitle : SHORT_TEXT_FIELDS.includes(field) ? validateShortText : validateLongText,
    ]),
  ),
  budgetAmount: (amount) => validateAmount(amount, 'budget'),
};

export function validateActionSheet(input: Partial<ActionSheetFields>): ActionSheetErrors {
  return validateFields(input, ACTION_SHEET_CHECKS);
}

const ACTION_SHEET_LAYOUT: PatchLayout<ActionSheetFields> = {
  ...Object.fromEntries(ACTION_SHEET_TEXT_FIELDS.map((field) => [field, 'text' as const])),
  [ACTION_SHEET_FIELD.budgetAmount]: 'optional',
};

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
  failOnErrors(validateActionSheet(patch));
  editRecord(doc, 'actionSheets', id, origin, now, (record) => writePatch(record, patch, ACTION_SHEET_LAYOUT));
}

export function setActionSheetNumber(doc: Y.Doc, id: string, number: number, origin: unknown, now: number = Date.now()): void {
  editRecord(doc, 'actionSheets', id, origin, now, (record) => {
    requireFreeNumber(doc, number, id);
    record.set(ACTION_SHEET_FIELD.number, number);
  });
}

export function setActionSheetStatus(doc: Y.Doc, id: string, status: ActionSheetStatus, origin: unknown, now: number = Date.now()): void {
  if (!isActionSheetStatus(status)) failIf('Statut inconnu.');
  editRecord(doc, 'actionSheets', id, origin, now, (record) => record.set(ACTION_SHEET_FIELD.status, status));
}

export const { trash: trashActionSheet, restore: restoreActionSheet, move: moveActionSheet } = recordLifecycle('actionSheets');

export const setActionSheetEnjeuLink: LinkOperation = linkOperation('actionSheets', ACTION_SHEET_FIELD.enjeux, 'enjeux');

/** A fiche serves one strategic orientation at most; null detaches it. */
export function setActionSheetOrientation(
  doc: Y.Doc,
  id: string,
  orientationId: string | null,
  origin: unknown,
  now: number = Date.now(),
): void {
  editRecord(doc, 'actionSheets', id, origin, now, (record) => {
    if (orientationId !== null) requireLinkTarget(doc, 'orientations', orientationId);
    writeOptional(record, ACTION_SHEET_FIELD.orientation, orientationId);
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
  return editRecord(doc, 'actionSheets', id, origin, now, (record) => edit(entryList(record, field)));
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export interface ActionStepInput {
  label: string;
  startDate: string | null;
  endDate: string | null;
}

export function validateActionStep(input: Partial<ActionStepInput>): FieldErrors<ActionStepInput> {
  return { ...validateFields(input, { label: validateStepLabel }), ...validateDateRange(input.startDate ?? null, input.endDate ?? null) };
}

const ACTION_STEP_LAYOUT: PatchLayout<ActionStepInput> = {
  [ACTION_STEP_FIELD.label]: 'value',
  [ACTION_STEP_FIELD.startDate]: 'optional',
  [ACTION_STEP_FIELD.endDate]: 'optional',
};

const STEP_NOT_FOUND = 'Cette étape est introuvable.';

/** Adds a step at the end of the fiche's timetable; returns its id. */
export function addActionStep(doc: Y.Doc, id: string, input: ActionStepInput, origin: unknown, now: number = Date.now()): string {
  failOnErrors(validateActionStep(input));
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
    failOnErrors(validateActionStep({ ...patch, ...merged }));
    writePatch(step, patch, ACTION_STEP_LAYOUT);
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

export function validateCoFunder(input: Partial<CoFunderInput>): FieldErrors<CoFunderInput> {
  return validateFields(input, { name: validateCoFunderName, amount: (amount) => validateAmount(amount, 'montant') });
}

const CO_FUNDER_LAYOUT: PatchLayout<CoFunderInput> = {
  [CO_FUNDER_FIELD.name]: 'value',
  [CO_FUNDER_FIELD.amount]: 'optional',
};

const CO_FUNDER_NOT_FOUND = 'Ce cofinanceur est introuvable.';

export function addCoFunder(doc: Y.Doc, id: string, input: CoFunderInput, origin: unknown, now: number = Date.now()): string {
  failOnErrors(validateCoFunder(input));
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
  failOnErrors(validateCoFunder(patch));
  editList(doc, id, ACTION_SHEET_FIELD.coFunders, origin, now, (coFunders) => {
    const coFunder = requireEntry(coFunders, coFunderId, CO_FUNDER_NOT_FOUND);
    writePatch(coFunder, patch, CO_FUNDER_LAYOUT);
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

export function validateEvaluationIndicator(input: Partial<EvaluationIndicatorInput>): FieldErrors<EvaluationIndicatorInput> {
  return validateFields(input, {
    label: validateEvaluationLabel,
    baseline: validateShortText,
    target: validateShortText,
    targetDate: validateOptionalDate,
  });
}

const EVALUATION_INDICATOR_LAYOUT: PatchLayout<EvaluationIndicatorInput> = {
  [EVALUATION_INDICATOR_FIELD.label]: 'value',
  [EVALUATION_INDICATOR_FIELD.indicatorCode]: 'optional',
  [EVALUATION_INDICATOR_FIELD.baseline]: 'optional',
  [EVALUATION_INDICATOR_FIELD.target]: 'optional',
  [EVALUATION_INDICATOR_FIELD.targetDate]: 'optional',
};

const EVALUATION_NOT_FOUND = 'Cet indicateur d’évaluation est introuvable.';

export function addEvaluationIndicator(
  doc: Y.Doc,
  id: string,
  input: EvaluationIndicatorInput,
  origin: unknown,
  now: number = Date.now(),
): string {
  failOnErrors(validateEvaluationIndicator(input));
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
  failOnErrors(validateEvaluationIndicator(patch));
  editList(doc, id, ACTION_SHEET_FIELD.evaluationIndicators, origin, now, (indicators) => {
    const indicator = requireEntry(indicators, evaluationId, EVALUATION_NOT_FOUND);
    if (patch.indicatorCode !== undefined && patch.indicatorCode !== null) requireKnownIndicator(doc, patch.indicatorCode);
    writePatch(indicator, patch, EVALUATION_INDICATOR_LAYOUT);
  });
}

export function removeEvaluationIndicator(doc: Y.Doc, id: string, evaluationId: string, origin: unknown, now: number = Date.now()): void {
  editList(doc, id, ACTION_SHEET_FIELD.evaluationIndicators, origin, now, (indicators) => indicators.delete(evaluationId));
}
