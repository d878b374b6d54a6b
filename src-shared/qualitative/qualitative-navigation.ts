import type { ActionSheet, AfomItem, Enjeu, Observation, Orientation, QualitativeSnapshot } from './qualitative-model';

/**
 * The chain of the diagnostic, walked both ways: indicators and observations ground enjeux,
 * enjeux are grouped in orientations and answered by fiches actions. Pure functions over a
 * snapshot; every list keeps the snapshot's order and holds no record twice.
 */

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

export function observationsReferencingIndicator(snapshot: QualitativeSnapshot, code: string): Observation[] {
  return snapshot.observations.filter((observation) => observation.indicatorCodes.includes(code));
}

export function afomItemsReferencingIndicator(snapshot: QualitativeSnapshot, code: string): AfomItem[] {
  return snapshot.afom.filter((item) => item.indicatorCodes.includes(code));
}

/** Enjeux that cite the indicator themselves, or through one of their observations. */
export function enjeuxGroundedByIndicator(snapshot: QualitativeSnapshot, code: string): Enjeu[] {
  const observations = new Set(observationsReferencingIndicator(snapshot, code).map((observation) => observation.id));
  return snapshot.enjeux.filter(
    (enjeu) => enjeu.indicatorCodes.includes(code) || enjeu.observationIds.some((id) => observations.has(id)),
  );
}

function sheetsAnswering(snapshot: QualitativeSnapshot, enjeux: readonly Enjeu[]): ActionSheet[] {
  const ids = new Set(enjeux.map((enjeu) => enjeu.id));
  return snapshot.actionSheets.filter((sheet) => sheet.enjeuIds.some((id) => ids.has(id)));
}

/** Fiches actions that answer an enjeu grounded by the indicator. */
export function actionSheetsGroundedByIndicator(snapshot: QualitativeSnapshot, code: string): ActionSheet[] {
  return sheetsAnswering(snapshot, enjeuxGroundedByIndicator(snapshot, code));
}

/** Fiches actions that measure their results with the indicator. */
export function actionSheetsEvaluatedByIndicator(snapshot: QualitativeSnapshot, code: string): ActionSheet[] {
  return snapshot.actionSheets.filter((sheet) => sheet.evaluationIndicators.some((indicator) => indicator.indicatorCode === code));
}

/** Everything of the qualitative diagnostic an indicator is used in, for the indicator's page. */
export interface IndicatorUsage {
  observations: Observation[];
  afomItems: AfomItem[];
  enjeux: Enjeu[];
  groundedActionSheets: ActionSheet[];
  evaluatingActionSheets: ActionSheet[];
}

export function indicatorUsage(snapshot: QualitativeSnapshot, code: string): IndicatorUsage {
  return {
    observations: observationsReferencingIndicator(snapshot, code),
    afomItems: afomItemsReferencingIndicator(snapshot, code),
    enjeux: enjeuxGroundedByIndicator(snapshot, code),
    groundedActionSheets: actionSheetsGroundedByIndicator(snapshot, code),
    evaluatingActionSheets: actionSheetsEvaluatedByIndicator(snapshot, code),
  };
}

export function enjeuxGroundedByObservation(snapshot: QualitativeSnapshot, observationId: string): Enjeu[] {
  return snapshot.enjeux.filter((enjeu) => enjeu.observationIds.includes(observationId));
}

export function afomItemsCitingObservation(snapshot: QualitativeSnapshot, observationId: string): AfomItem[] {
  return snapshot.afom.filter((item) => item.observationIds.includes(observationId));
}

/** Fiches actions that answer an enjeu the observation grounds. */
export function actionSheetsGroundedByObservation(snapshot: QualitativeSnapshot, observationId: string): ActionSheet[] {
  return sheetsAnswering(snapshot, enjeuxGroundedByObservation(snapshot, observationId));
}

export function actionSheetsForEnjeu(snapshot: QualitativeSnapshot, enjeuId: string): ActionSheet[] {
  return snapshot.actionSheets.filter((sheet) => sheet.enjeuIds.includes(enjeuId));
}

export function orientationsForEnjeu(snapshot: QualitativeSnapshot, enjeuId: string): Orientation[] {
  return snapshot.orientations.filter((orientation) => orientation.enjeuIds.includes(enjeuId));
}

export function actionSheetsForOrientation(snapshot: QualitativeSnapshot, orientationId: string): ActionSheet[] {
  return snapshot.actionSheets.filter((sheet) => sheet.orientationId === orientationId);
}

/** The records a list of ids names, in the snapshot's order (missing or trashed ones are skipped). */
export function pick<T extends { id: string }>(records: readonly T[], ids: readonly string[]): T[] {
  const wanted = new Set(ids);
  return records.filter((record) => wanted.has(record.id));
}

/** What a fiche action stands on: its enjeux, its orientation, and through the enjeux the evidence. */
export interface ActionSheetEvidence {
  enjeux: Enjeu[];
  orientation: Orientation | null;
  observations: Observation[];
  /** Indicator codes cited by the enjeux or by their observations, sorted. */
  indicatorCodes: string[];
}

export function actionSheetEvidence(snapshot: QualitativeSnapshot, sheetId: string): ActionSheetEvidence {
  const sheet = snapshot.actionSheets.find((candidate) => candidate.id === sheetId);
  if (!sheet) return { enjeux: [], orientation: null, observations: [], indicatorCodes: [] };
  const enjeux = pick(snapshot.enjeux, sheet.enjeuIds);
  const observations = pick(snapshot.observations, unique(enjeux.flatMap((enjeu) => enjeu.observationIds)));
  const indicatorCodes = unique([
    ...enjeux.flatMap((enjeu) => enjeu.indicatorCodes),
    ...observations.flatMap((observation) => observation.indicatorCodes),
  ]).sort();
  return {
    enjeux,
    orientation: snapshot.orientations.find((orientation) => orientation.id === sheet.orientationId) ?? null,
    observations,
    indicatorCodes,
  };
}
