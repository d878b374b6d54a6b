import type * as Y from 'yjs';

/**
 * Root types of a mission's diagnostic, in the mission document. Each collection is a Y.Map keyed
 * by record id (or, for values, by `valueKey`), so two offline replicas adding records never
 * conflict. Names are synced: never reuse or rename one.
 */
export const DIAGNOSTIC_ROOT = {
  /** valueKey(indicator, year, territory) → StoredIndicatorValue (a plain object, last writer wins). */
  values: 'diagnostic.values',
  /** Indicator code → Y.Map of a user-defined indicator's fields. */
  customIndicators: 'diagnostic.customIndicators',
  /** Import id → Y.Map describing one completed file import (the mission's data sources). */
  imports: 'diagnostic.imports',
  observations: 'diagnostic.observations',
  afom: 'diagnostic.afom',
  enjeux: 'diagnostic.enjeux',
  orientations: 'diagnostic.orientations',
  actionSheets: 'diagnostic.actionSheets',
} as const;

export type DiagnosticRootName = (typeof DIAGNOSTIC_ROOT)[keyof typeof DIAGNOSTIC_ROOT];

export function diagnosticCollection(doc: Y.Doc, root: Exclude<DiagnosticRootName, 'diagnostic.values'>): Y.Map<Y.Map<unknown>> {
  return doc.getMap(root);
}

export function diagnosticValuesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DIAGNOSTIC_ROOT.values);
}

/** Every diagnostic root type: part of the mission's undo scope. */
export function diagnosticEditableTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return Object.values(DIAGNOSTIC_ROOT).map((name) => doc.getMap(name));
}
