import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { META_FIELD, metaMap } from '@shared/documents/document-structure';
import { ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { addActionStep, createActionSheet, setActionSheetNumber, updateActionSheet } from '@shared/qualitative/action-sheet-operations';
import { createAfomItem, moveAfomItem } from '@shared/qualitative/afom-operations';
import { createEnjeu, moveEnjeu, setEnjeuObservationLink, trashEnjeu } from '@shared/qualitative/enjeu-operations';
import { addObservationQuote, createObservation, restoreObservation } from '@shared/qualitative/observation-operations';
import { createOrientation } from '@shared/qualitative/orientation-operations';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { LOCAL_EDIT } from '../domain-fixtures';
import { missionDoc, observationInput } from './qualitative-fixtures';

describe('a mission written by a newer Bocage', () => {
  test('refuses every qualitative edit and is left byte for byte as it was', () => {
    const doc = missionDoc();
    const observation = createObservation(doc, observationInput(), LOCAL_EDIT);
    const enjeu = createEnjeu(doc, { title: 'Garde', description: '', theme: null }, LOCAL_EDIT);
    const afom = createAfomItem(doc, { quadrant: 'atouts', text: 'Associations' }, LOCAL_EDIT);
    const sheet = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);
    doc.transact(() => metaMap(doc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1), 'a-newer-bocage');
    const before = Y.encodeStateAsUpdate(doc);

    const edits: (() => unknown)[] = [
      () => createObservation(doc, observationInput(), LOCAL_EDIT),
      () => addObservationQuote(doc, observation, '« … »', LOCAL_EDIT),
      () => restoreObservation(doc, observation, LOCAL_EDIT),
      () => createAfomItem(doc, { quadrant: 'menaces', text: 'x' }, LOCAL_EDIT),
      () => moveAfomItem(doc, afom, 'down', LOCAL_EDIT),
      () => createEnjeu(doc, { title: 'Nouveau', description: '', theme: null }, LOCAL_EDIT),
      () => setEnjeuObservationLink(doc, enjeu, observation, true, LOCAL_EDIT),
      () => moveEnjeu(doc, enjeu, 'down', LOCAL_EDIT),
      () => trashEnjeu(doc, enjeu, LOCAL_EDIT),
      () => createOrientation(doc, { title: 'Axe', description: '' }, LOCAL_EDIT),
      () => createActionSheet(doc, { title: 'Autre' }, LOCAL_EDIT),
      () => updateActionSheet(doc, sheet, { partners: 'CAF' }, LOCAL_EDIT),
      () => setActionSheetNumber(doc, sheet, 5, LOCAL_EDIT),
      () => addActionStep(doc, sheet, { label: 'Étape', startDate: null, endDate: null }, LOCAL_EDIT),
    ];
    for (const edit of edits) expect(edit).toThrow(ReadOnlyDocumentError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
