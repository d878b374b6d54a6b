import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import { failIf, insertRecord, orderKeyAtEnd, writeText } from './qualitative-records';
import { AFOM_FIELD, RECORD_FIELD } from './qualitative-structure';
import { validateAfomText } from './qualitative-validation';
import { isAfomQuadrant, type AfomQuadrant } from './qualitative-vocabulary';
import { editRecord, linkOperation, recordLifecycle, type LinkOperation } from './record-operations';

export interface AfomItemInput {
  quadrant: AfomQuadrant;
  text: string;
}

function validateAfomItem(input: Partial<AfomItemInput>): void {
  if (input.quadrant !== undefined && !isAfomQuadrant(input.quadrant)) failIf('Quadrant AFOM inconnu.');
  if (input.text !== undefined) failIf(validateAfomText(input.text));
}

/** Adds an item at the end of its quadrant; returns its id. */
export function createAfomItem(doc: Y.Doc, input: AfomItemInput, origin: unknown, now: number = Date.now(), id: string = newId()): string {
  validateAfomItem(input);
  return runOperation(doc, origin, () =>
    insertRecord(
      doc,
      'afom',
      {
        texts: { [AFOM_FIELD.text]: input.text.trim() },
        linkSets: [AFOM_FIELD.observations, AFOM_FIELD.indicators],
        values: { [AFOM_FIELD.quadrant]: input.quadrant },
        order: orderKeyAtEnd(doc, 'afom'),
      },
      now,
      id,
    ),
  );
}

/** Changing the quadrant puts the item at the end of its new quadrant. */
export function updateAfomItem(doc: Y.Doc, id: string, patch: Partial<AfomItemInput>, origin: unknown, now: number = Date.now()): void {
  validateAfomItem(patch);
  editRecord(doc, 'afom', id, origin, now, (record) => {
    if (patch.text !== undefined) writeText(record, AFOM_FIELD.text, patch.text);
    if (patch.quadrant !== undefined && patch.quadrant !== record.get(AFOM_FIELD.quadrant)) {
      record.set(AFOM_FIELD.quadrant, patch.quadrant);
      record.set(RECORD_FIELD.order, orderKeyAtEnd(doc, 'afom'));
    }
  });
}

/** An item moves within its quadrant. */
export const { trash: trashAfomItem, restore: restoreAfomItem, move: moveAfomItem } = recordLifecycle('afom', (record) => record.get(AFOM_FIELD.quadrant));

export const setAfomObservationLink: LinkOperation = linkOperation('afom', AFOM_FIELD.observations, 'observations');

export const setAfomIndicatorLink: LinkOperation = linkOperation('afom', AFOM_FIELD.indicators, 'indicators');
