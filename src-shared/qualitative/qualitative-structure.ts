import type * as Y from 'yjs';
import { DIAGNOSTIC_ROOT, diagnosticCollection } from '../documents/diagnostic-structure';

/**
 * Layout of the qualitative diagnostic in a mission document. Each collection is a root Y.Map of
 * record id → Y.Map of fields. Long texts two people may edit together are nested Y.Text; sets of
 * links are nested Y.Map<true> keyed by the linked id (or indicator code), so two people adding
 * links offline both keep theirs; lists inside a record (quotes, steps…) are nested Y.Maps of
 * entries keyed by id and ordered by a fractional-index key. Every name below is synced: never
 * reuse or rename one.
 */

export const QUALITATIVE_COLLECTIONS = {
  observations: DIAGNOSTIC_ROOT.observations,
  afom: DIAGNOSTIC_ROOT.afom,
  enjeux: DIAGNOSTIC_ROOT.enjeux,
  orientations: DIAGNOSTIC_ROOT.orientations,
  actionSheets: DIAGNOSTIC_ROOT.actionSheets,
} as const;

export type QualitativeCollection = keyof typeof QUALITATIVE_COLLECTIONS;

/** Fields every qualitative record has. */
export const RECORD_FIELD = {
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  /** Set when the record is in the trash; absent otherwise. */
  trashedAt: 'trashedAt',
  /** Fractional-index key (`fractional-indexing`); for enjeux it is the priority, first = highest. */
  order: 'order',
} as const;

export const OBSERVATION_FIELD = {
  text: 'text',
  theme: 'theme',
  sourceKind: 'sourceKind',
  date: 'date',
  author: 'author',
  quotes: 'quotes',
  indicators: 'indicators',
  /** Nested Y.Map: boardSourceKey(board, card or cluster) → true, the workshop cards it was made from. */
  boardCards: 'boardCards',
} as const;

export const QUOTE_FIELD = {
  text: 'text',
} as const;

export const AFOM_FIELD = {
  quadrant: 'quadrant',
  text: 'text',
  observations: 'observations',
  indicators: 'indicators',
} as const;

export const ENJEU_FIELD = {
  title: 'title',
  description: 'description',
  theme: 'theme',
  observations: 'observations',
  indicators: 'indicators',
  /** Nested Y.Map: boardSourceKey(board, card or cluster) → true, the workshop cards it was made from. */
  boardCards: 'boardCards',
} as const;

export const ORIENTATION_FIELD = {
  title: 'title',
  description: 'description',
  enjeux: 'enjeux',
} as const;

export const ACTION_SHEET_FIELD = {
  number: 'number',
  title: 'title',
  enjeux: 'enjeux',
  orientation: 'orientation',
  generalObjective: 'generalObjective',
  operationalObjectives: 'operationalObjectives',
  targetPublic: 'targetPublic',
  lead: 'lead',
  partners: 'partners',
  steps: 'steps',
  humanResources: 'humanResources',
  /** Euros, a plain number; absent when not known yet. */
  budgetAmount: 'budgetAmount',
  budgetDetails: 'budgetDetails',
  coFunders: 'coFunders',
  expectedResults: 'expectedResults',
  evaluationIndicators: 'evaluationIndicators',
  status: 'status',
  /** Nested Y.Map: boardSourceKey(board, card or cluster) → true, the workshop cards it was made from. */
  boardCards: 'boardCards',
} as const;

export const ACTION_STEP_FIELD = {
  label: 'label',
  startDate: 'startDate',
  endDate: 'endDate',
} as const;

export const CO_FUNDER_FIELD = {
  name: 'name',
  /** Euros; absent when not known yet. */
  amount: 'amount',
} as const;

export const EVALUATION_INDICATOR_FIELD = {
  label: 'label',
  indicatorCode: 'indicatorCode',
  baseline: 'baseline',
  target: 'target',
  targetDate: 'targetDate',
} as const;

/** The texts of a fiche action, each a nested Y.Text. */
export const ACTION_SHEET_TEXT_FIELDS = [
  ACTION_SHEET_FIELD.title,
  ACTION_SHEET_FIELD.generalObjective,
  ACTION_SHEET_FIELD.operationalObjectives,
  ACTION_SHEET_FIELD.targetPublic,
  ACTION_SHEET_FIELD.lead,
  ACTION_SHEET_FIELD.partners,
  ACTION_SHEET_FIELD.humanResources,
  ACTION_SHEET_FIELD.budgetDetails,
  ACTION_SHEET_FIELD.expectedResults,
] as const;

export type ActionSheetTextField = (typeof ACTION_SHEET_TEXT_FIELDS)[number];

/** A workshop card, or a cluster of cards, a record was made from (see boards/board-diagnostic-links.ts). */
export type BoardSource = { boardId: string; cardId: string } | { boardId: string; clusterId: string };

const CLUSTER_PREFIX = 'cluster:';

/** "board/card" or "board/cluster:id": board, card and cluster ids are uuids, so neither separator occurs in them. */
export function boardSourceKey(source: BoardSource): string {
  return 'cardId' in source ? `${source.boardId}/${source.cardId}` : `${source.boardId}/${CLUSTER_PREFIX}${source.clusterId}`;
}

export function parseBoardSourceKey(key: string): BoardSource | null {
  const separator = key.indexOf('/');
  if (separator <= 0 || separator === key.length - 1) return null;
  const boardId = key.slice(0, separator);
  const item = key.slice(separator + 1);
  if (!item.startsWith(CLUSTER_PREFIX)) return { boardId, cardId: item };
  const clusterId = item.slice(CLUSTER_PREFIX.length);
  return clusterId === '' ? null : { boardId, clusterId };
}

export function qualitativeCollection(doc: Y.Doc, collection: QualitativeCollection): Y.Map<Y.Map<unknown>> {
  return diagnosticCollection(doc, QUALITATIVE_COLLECTIONS[collection]);
}
