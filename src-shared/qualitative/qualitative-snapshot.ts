import * as Y from 'yjs';
import { compareOrdered } from './order-keys';
import type {
  ActionSheet,
  ActionStep,
  AfomItem,
  CoFunder,
  Enjeu,
  EvaluationIndicator,
  Observation,
  Orientation,
  QualitativeSnapshot,
  Quote,
  TrashedRecord,
} from './qualitative-model';
import {
  ACTION_SHEET_FIELD,
  ACTION_STEP_FIELD,
  AFOM_FIELD,
  CO_FUNDER_FIELD,
  ENJEU_FIELD,
  EVALUATION_INDICATOR_FIELD,
  OBSERVATION_FIELD,
  ORIENTATION_FIELD,
  QUOTE_FIELD,
  RECORD_FIELD,
  parseBoardSourceKey,
  qualitativeCollection,
  type BoardSource,
  type QualitativeCollection,
} from './qualitative-structure';
import {
  AFOM_QUADRANTS,
  DEFAULT_ACTION_SHEET_STATUS,
  DEFAULT_OBSERVATION_SOURCE_KIND,
  isActionSheetStatus,
  isAfomQuadrant,
  isObservationSourceKind,
  isQualitativeThemeId,
} from './qualitative-vocabulary';

export type { QualitativeSnapshot } from './qualitative-model';

/**
 * Reads the qualitative diagnostic of a mission document into plain data. Tolerates half-synced
 * records (missing fields take their defaults; an AFOM item without a quadrant is left out).
 */

function text(record: Y.Map<unknown>, field: string): string {
  const value = record.get(field);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function plainString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function orderKey(record: Y.Map<unknown>): string {
  return plainString(record.get(RECORD_FIELD.order));
}

function keysOf(record: Y.Map<unknown>, field: string): string[] {
  const links = record.get(field);
  return links instanceof Y.Map ? [...links.keys()].filter((key) => links.get(key) === true).sort() : [];
}

/** Links to workshop cards, kept even when the card is gone: the record's page says « carte supprimée ». */
function boardSourcesOf(record: Y.Map<unknown>, field: string): BoardSource[] {
  return keysOf(record, field)
    .map(parseBoardSourceKey)
    .filter((source): source is BoardSource => source !== null);
}

function entriesOf<T extends { id: string; order: string }>(record: Y.Map<unknown>, field: string, read: (id: string, entry: Y.Map<unknown>) => T): T[] {
  const list = record.get(field);
  if (!(list instanceof Y.Map)) return [];
  const entries: T[] = [];
  for (const [id, entry] of list.entries()) if (entry instanceof Y.Map) entries.push(read(id, entry));
  return entries.sort(compareOrdered);
}

function theme(record: Y.Map<unknown>, field: string): string | null {
  const value = record.get(field);
  return isQualitativeThemeId(value) ? value : null;
}

function times(id: string, record: Y.Map<unknown>): { id: string; createdAt: number; updatedAt: number } {
  const createdAt = numberOr(record.get(RECORD_FIELD.createdAt), 0);
  return { id, createdAt, updatedAt: numberOr(record.get(RECORD_FIELD.updatedAt), createdAt) };
}

function readQuote(id: string, entry: Y.Map<unknown>): Quote {
  return { id, text: text(entry, QUOTE_FIELD.text), order: orderKey(entry) };
}

function readObservation(id: string, record: Y.Map<unknown>): Observation {
  const sourceKind = record.get(OBSERVATION_FIELD.sourceKind);
  return {
    ...times(id, record),
    text: text(record, OBSERVATION_FIELD.text),
    theme: theme(record, OBSERVATION_FIELD.theme),
    sourceKind: isObservationSourceKind(sourceKind) ? sourceKind : DEFAULT_OBSERVATION_SOURCE_KIND,
    date: stringOrNull(record.get(OBSERVATION_FIELD.date)),
    author: plainString(record.get(OBSERVATION_FIELD.author)),
    quotes: entriesOf(record, OBSERVATION_FIELD.quotes, readQuote),
    indicatorCodes: keysOf(record, OBSERVATION_FIELD.indicators),
    boardSources: boardSourcesOf(record, OBSERVATION_FIELD.boardCards),
  };
}

function readAfomItem(id: string, record: Y.Map<unknown>): AfomItem | null {
  const quadrant = record.get(AFOM_FIELD.quadrant);
  if (!isAfomQuadrant(quadrant)) return null;
  return {
    ...times(id, record),
    quadrant,
    text: text(record, AFOM_FIELD.text),
    order: orderKey(record),
    observationIds: keysOf(record, AFOM_FIELD.observations),
    indicatorCodes: keysOf(record, AFOM_FIELD.indicators),
  };
}

function readEnjeu(id: string, record: Y.Map<unknown>): Enjeu {
  return {
    ...times(id, record),
    title: text(record, ENJEU_FIELD.title),
    description: text(record, ENJEU_FIELD.description),
    theme: theme(record, ENJEU_FIELD.theme),
    rank: 0,
    order: orderKey(record),
    observationIds: keysOf(record, ENJEU_FIELD.observations),
    indicatorCodes: keysOf(record, ENJEU_FIELD.indicators),
    boardSources: boardSourcesOf(record, ENJEU_FIELD.boardCards),
  };
}

function readOrientation(id: string, record: Y.Map<unknown>): Orientation {
  return {
    ...times(id, record),
    title: text(record, ORIENTATION_FIELD.title),
    description: text(record, ORIENTATION_FIELD.description),
    order: orderKey(record),
    enjeuIds: keysOf(record, ORIENTATION_FIELD.enjeux),
  };
}

function readStep(id: string, entry: Y.Map<unknown>): ActionStep {
  return {
    id,
    label: plainString(entry.get(ACTION_STEP_FIELD.label)),
    startDate: stringOrNull(entry.get(ACTION_STEP_FIELD.startDate)),
    endDate: stringOrNull(entry.get(ACTION_STEP_FIELD.endDate)),
    order: orderKey(entry),
  };
}

function readCoFunder(id: string, entry: Y.Map<unknown>): CoFunder {
  return {
    id,
    name: plainString(entry.get(CO_FUNDER_FIELD.name)),
    amount: numberOr(entry.get(CO_FUNDER_FIELD.amount), null),
    order: orderKey(entry),
  };
}

function readEvaluationIndicator(id: string, entry: Y.Map<unknown>): EvaluationIndicator {
  return {
    id,
    label: plainString(entry.get(EVALUATION_INDICATOR_FIELD.label)),
    indicatorCode: stringOrNull(entry.get(EVALUATION_INDICATOR_FIELD.indicatorCode)),
    baseline: plainString(entry.get(EVALUATION_INDICATOR_FIELD.baseline)),
    target: plainString(entry.get(EVALUATION_INDICATOR_FIELD.target)),
    targetDate: stringOrNull(entry.get(EVALUATION_INDICATOR_FIELD.targetDate)),
    order: orderKey(entry),
  };
}

function readActionSheet(id: string, record: Y.Map<unknown>): ActionSheet {
  const number = record.get(ACTION_SHEET_FIELD.number);
  const status = record.get(ACTION_SHEET_FIELD.status);
  return {
    ...times(id, record),
    number: typeof number === 'number' && Number.isInteger(number) ? number : null,
    title: text(record, ACTION_SHEET_FIELD.title),
    enjeuIds: keysOf(record, ACTION_SHEET_FIELD.enjeux),
    orientationId: stringOrNull(record.get(ACTION_SHEET_FIELD.orientation)),
    generalObjective: text(record, ACTION_SHEET_FIELD.generalObjective),
    operationalObjectives: text(record, ACTION_SHEET_FIELD.operationalObjectives),
    targetPublic: text(record, ACTION_SHEET_FIELD.targetPublic),
    lead: text(record, ACTION_SHEET_FIELD.lead),
    partners: text(record, ACTION_SHEET_FIELD.partners),
    steps: entriesOf(record, ACTION_SHEET_FIELD.steps, readStep),
    humanResources: text(record, ACTION_SHEET_FIELD.humanResources),
    budgetAmount: numberOr(record.get(ACTION_SHEET_FIELD.budgetAmount), null),
    budgetDetails: text(record, ACTION_SHEET_FIELD.budgetDetails),
    coFunders: entriesOf(record, ACTION_SHEET_FIELD.coFunders, readCoFunder),
    expectedResults: text(record, ACTION_SHEET_FIELD.expectedResults),
    evaluationIndicators: entriesOf(record, ACTION_SHEET_FIELD.evaluationIndicators, readEvaluationIndicator),
    status: isActionSheetStatus(status) ? status : DEFAULT_ACTION_SHEET_STATUS,
    order: orderKey(record),
    boardSources: boardSourcesOf(record, ACTION_SHEET_FIELD.boardCards),
  };
}

/** "Fiche action n° 3 — Relais petite enfance itinérant", as lists and links name a fiche. */
export function actionSheetLabel(sheet: Pick<ActionSheet, 'number' | 'title'>): string {
  const title = sheet.title.trim() || 'Sans titre';
  return sheet.number === null ? `Fiche action — ${title}` : `Fiche action n° ${sheet.number} — ${title}`;
}

/** The first words of a long text, for lists and links. */
export function excerpt(value: string, length = 80): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}

interface Collected<T> {
  live: T[];
  trash: TrashedRecord[];
}

function collect<T>(
  doc: Y.Doc,
  collection: QualitativeCollection,
  read: (id: string, record: Y.Map<unknown>) => T | null,
  label: (item: T) => string,
): Collected<T> {
  const live: T[] = [];
  const trash: TrashedRecord[] = [];
  for (const [id, record] of qualitativeCollection(doc, collection).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const item = read(id, record);
    if (item === null) continue;
    const trashedAt = record.get(RECORD_FIELD.trashedAt);
    if (typeof trashedAt === 'number') trash.push({ collection, id, label: label(item), trashedAt });
    else live.push(item);
  }
  return { live, trash };
}

function byCreation(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function quadrantIndex(item: AfomItem): number {
  return AFOM_QUADRANTS.findIndex((quadrant) => quadrant.id === item.quadrant);
}

/** Drops links to records that are missing or in the trash; they come back when those are restored. */
function liveLinks(ids: readonly string[], live: ReadonlySet<string>): string[] {
  return ids.filter((id) => live.has(id));
}

export function readQualitativeSnapshot(doc: Y.Doc): QualitativeSnapshot {
  const observations = collect(doc, 'observations', readObservation, (item) => excerpt(item.text) || 'Constat sans texte');
  const afom = collect(doc, 'afom', readAfomItem, (item) => excerpt(item.text) || 'Élément sans texte');
  const enjeux = collect(doc, 'enjeux', readEnjeu, (item) => item.title || 'Enjeu sans titre');
  const orientations = collect(doc, 'orientations', readOrientation, (item) => item.title || 'Orientation sans titre');
  const actionSheets = collect(doc, 'actionSheets', readActionSheet, actionSheetLabel);

  const liveObservations = new Set(observations.live.map((item) => item.id));
  const liveEnjeux = new Set(enjeux.live.map((item) => item.id));
  const liveOrientations = new Set(orientations.live.map((item) => item.id));

  return {
    observations: observations.live.sort(byCreation),
    afom: afom.live
      .map((item) => ({ ...item, observationIds: liveLinks(item.observationIds, liveObservations) }))
      .sort((a, b) => quadrantIndex(a) - quadrantIndex(b) || compareOrdered(a, b)),
    enjeux: enjeux.live
      .sort(compareOrdered)
      .map((item, index) => ({ ...item, rank: index + 1, observationIds: liveLinks(item.observationIds, liveObservations) })),
    orientations: orientations.live
      .sort(compareOrdered)
      .map((item) => ({ ...item, enjeuIds: liveLinks(item.enjeuIds, liveEnjeux) })),
    actionSheets: actionSheets.live.sort(compareOrdered).map((item) => ({
      ...item,
      enjeuIds: liveLinks(item.enjeuIds, liveEnjeux),
      orientationId: item.orientationId !== null && liveOrientations.has(item.orientationId) ? item.orientationId : null,
    })),
    trash: [...observations.trash, ...afom.trash, ...enjeux.trash, ...orientations.trash, ...actionSheets.trash].sort(
      (a, b) => b.trashedAt - a.trashedAt || (a.id < b.id ? -1 : 1),
    ),
  };
}

/** Numbers that more than one fiche shows, e.g. after two colleagues both created "fiche 3" offline. */
export function duplicateActionSheetNumbers(sheets: readonly Pick<ActionSheet, 'number'>[]): Set<number> {
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const sheet of sheets) {
    if (sheet.number === null) continue;
    if (seen.has(sheet.number)) duplicates.add(sheet.number);
    seen.add(sheet.number);
  }
  return duplicates;
}
