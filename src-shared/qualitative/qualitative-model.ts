import type { ActionSheetStatus, AfomQuadrant, ObservationSourceKind } from './qualitative-vocabulary';
import type { BoardSource, QualitativeCollection } from './qualitative-structure';

export type { BoardSource } from './qualitative-structure';

/**
 * Plain, immutable snapshots of the qualitative diagnostic, for views and exports. Links point only
 * to records that exist and are not in the trash; indicator links are indicator codes.
 */

interface RecordTimes {
  id: string;
  createdAt: number;
  updatedAt: number;
}

export interface Quote {
  id: string;
  text: string;
  order: string;
}

/** A "constat": something seen, heard or read about the territory. */
export interface Observation extends RecordTimes {
  text: string;
  /** An id of QUALITATIVE_THEMES, or null when not classified. */
  theme: string | null;
  sourceKind: ObservationSourceKind;
  /** ISO date (YYYY-MM-DD) of the interview, workshop, visit or document. */
  date: string | null;
  author: string;
  quotes: Quote[];
  indicatorCodes: string[];
  /** The workshop cards or clusters it was made from, deleted ones included (the page says so). */
  boardSources: BoardSource[];
}

export interface AfomItem extends RecordTimes {
  quadrant: AfomQuadrant;
  text: string;
  order: string;
  observationIds: string[];
  indicatorCodes: string[];
}

export interface Enjeu extends RecordTimes {
  title: string;
  description: string;
  theme: string | null;
  /** 1 for the highest priority. */
  rank: number;
  order: string;
  observationIds: string[];
  indicatorCodes: string[];
  /** The workshop cards or clusters it was made from, deleted ones included (the page says so). */
  boardSources: BoardSource[];
}

export interface Orientation extends RecordTimes {
  title: string;
  description: string;
  order: string;
  enjeuIds: string[];
}

export interface ActionStep {
  id: string;
  label: string;
  startDate: string | null;
  endDate: string | null;
  order: string;
}

export interface CoFunder {
  id: string;
  name: string;
  /** Euros. */
  amount: number | null;
  order: string;
}

export interface EvaluationIndicator {
  id: string;
  label: string;
  /** Code of an indicator of the catalogue or of the mission, when the measure is one of them. */
  indicatorCode: string | null;
  baseline: string;
  target: string;
  targetDate: string | null;
  order: string;
}

export interface ActionSheet extends RecordTimes {
  /** Null only while a colleague's half-synced sheet has no number yet. */
  number: number | null;
  title: string;
  enjeuIds: string[];
  orientationId: string | null;
  generalObjective: string;
  operationalObjectives: string;
  targetPublic: string;
  lead: string;
  partners: string;
  steps: ActionStep[];
  humanResources: string;
  /** Euros. */
  budgetAmount: number | null;
  budgetDetails: string;
  coFunders: CoFunder[];
  expectedResults: string;
  evaluationIndicators: EvaluationIndicator[];
  status: ActionSheetStatus;
  order: string;
  /** The workshop cards or clusters it was made from, deleted ones included (the page says so). */
  boardSources: BoardSource[];
}

/** A record in the trash, as its section's "Corbeille" lists it. */
export interface TrashedRecord {
  collection: QualitativeCollection;
  id: string;
  /** What the user recognises it by: its title, its text, "Fiche action n° 3 — …". */
  label: string;
  trashedAt: number;
}

export interface QualitativeSnapshot {
  /** In creation order. */
  observations: Observation[];
  /** By quadrant in AFOM_QUADRANTS order, then by their order within the quadrant. */
  afom: AfomItem[];
  /** By priority, highest first. */
  enjeux: Enjeu[];
  orientations: Orientation[];
  actionSheets: ActionSheet[];
  /** Most recently trashed first. */
  trash: TrashedRecord[];
}
