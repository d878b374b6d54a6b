import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { DIAGNOSTIC_ROOT } from '@shared/documents/diagnostic-structure';
import { readCustomIndicators } from '@shared/diagnostic/custom-indicators';
import { INDICATOR_CATALOGUE } from '@shared/diagnostic/indicator-catalogue';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { readImports, type ImportRecord } from '@shared/diagnostic/indicator-operations';
import { readIndicatorValues, type IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';

export interface DiagnosticData {
  index: IndicatorValueIndex;
  /** The catalogue followed by the mission's own indicators. */
  definitions: readonly IndicatorDefinition[];
  custom: readonly IndicatorDefinition[];
  imports: readonly ImportRecord[];
}

function readDiagnosticData(doc: Y.Doc): DiagnosticData {
  const custom = readCustomIndicators(doc);
  return { index: readIndicatorValues(doc), definitions: [...INDICATOR_CATALOGUE, ...custom], custom, imports: readImports(doc) };
}

const cache = new WeakMap<Y.Doc, DiagnosticData>();

/** Only these roots feed the figures: typing in a fiche action must not rebuild the value index. */
const FIGURE_ROOTS = new Set<string>([DIAGNOSTIC_ROOT.values, DIAGNOSTIC_ROOT.customIndicators, DIAGNOSTIC_ROOT.imports]);

function touchesFigures(doc: Y.Doc, transaction: Y.Transaction): boolean {
  for (const type of transaction.changedParentTypes.keys()) {
    for (const name of FIGURE_ROOTS) if (doc.share.get(name) === type) return true;
  }
  for (const type of transaction.changed.keys()) {
    for (const name of FIGURE_ROOTS) if (doc.share.get(name) === type) return true;
  }
  return false;
}

/** The mission's figures, re-read only when a value, an indicator or an import changes. */
export function useDiagnosticData(doc: Y.Doc): DiagnosticData {
  return useSyncExternalStore(
    (notify) => {
      const onTransaction = (transaction: Y.Transaction) => {
        if (!touchesFigures(doc, transaction)) return;
        cache.set(doc, readDiagnosticData(doc));
        notify();
      };
      doc.on('afterTransaction', onTransaction);
      return () => doc.off('afterTransaction', onTransaction);
    },
    () => {
      let data = cache.get(doc);
      if (!data) {
        data = readDiagnosticData(doc);
        cache.set(doc, data);
      }
      return data;
    },
  );
}
