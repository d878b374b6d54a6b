import type * as Y from 'yjs';
import type { IndicatorDefinition } from '@shared/diagnostic/indicator-definition';
import { readImports, type ImportRecord } from '@shared/diagnostic/indicator-operations';
import { readIndicatorValues, type IndicatorValueIndex } from '@shared/diagnostic/indicator-value-index';
import { readIndicatorDefinitions, useDocumentReader } from '../diagnostic-links/use-document-reader';

export interface DiagnosticData {
  /** Cached by the core until the values change, so re-reading it after other edits costs nothing. */
  index: IndicatorValueIndex;
  /** The catalogue followed by the mission's own indicators. */
  definitions: readonly IndicatorDefinition[];
  imports: readonly ImportRecord[];
}

function readDiagnosticData(doc: Y.Doc): DiagnosticData {
  return { index: readIndicatorValues(doc), definitions: readIndicatorDefinitions(doc), imports: readImports(doc) };
}

/** The mission's figures, indicators and data sources, read once per change of the document. */
export function useDiagnosticData(doc: Y.Doc): DiagnosticData {
  return useDocumentReader(doc, readDiagnosticData);
}
