import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readCustomIndicators } from '@shared/diagnostic/custom-indicators';
import { INDICATOR_CATALOGUE } from '@shared/diagnostic/indicator-catalogue';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { readQualitativeSnapshot, type QualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';

/**
 * Counts each document's changes with one listener registered before any component's, so every
 * reading below is computed once per change however many components show it.
 */
const versions = new WeakMap<Y.Doc, number>();

function versionOf(doc: Y.Doc): number {
  const version = versions.get(doc);
  if (version !== undefined) return version;
  versions.set(doc, 0);
  doc.on('update', () => versions.set(doc, (versions.get(doc) ?? 0) + 1));
  return 0;
}

type Reader<T> = (doc: Y.Doc) => T;

const readings = new WeakMap<Reader<unknown>, WeakMap<Y.Doc, { version: number; value: unknown }>>();

function cachedReading<T>(doc: Y.Doc, read: Reader<T>): T {
  const version = versionOf(doc);
  let byDoc = readings.get(read);
  if (!byDoc) {
    byDoc = new WeakMap();
    readings.set(read, byDoc);
  }
  const cached = byDoc.get(doc);
  if (cached && cached.version === version) return cached.value as T;
  const value = read(doc);
  byDoc.set(doc, { version, value });
  return value;
}

/** A plain reading of a document that changes identity only when the document changes. */
export function useDocumentReader<T>(doc: Y.Doc, read: Reader<T>): T {
  const subscribe = useCallback(
    (notify: () => void) => {
      const onUpdate = () => notify();
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => cachedReading(doc, read));
}

export function useQualitativeSnapshot(doc: Y.Doc): QualitativeSnapshot {
  return useDocumentReader(doc, readQualitativeSnapshot);
}

/** The catalogue's indicators followed by the ones this mission defined. */
export function readIndicatorDefinitions(doc: Y.Doc): IndicatorDefinition[] {
  return [...INDICATOR_CATALOGUE, ...readCustomIndicators(doc)];
}

/** The catalogue's indicators followed by the ones this mission defined. */
export function useIndicatorDefinitions(doc: Y.Doc): IndicatorDefinition[] {
  return useDocumentReader(doc, readIndicatorDefinitions);
}

/** An indicator's label, or its code when it was removed from the mission since it was linked. */
export function indicatorName(code: string, definitions: readonly IndicatorDefinition[]): string {
  return definitions.find((definition) => definition.code === code)?.label ?? `${code} (indicateur introuvable)`;
}
