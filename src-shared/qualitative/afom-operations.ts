import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import type { MoveDirection } from './order-keys';
import {
  failIf,
  insertRecord,
  moveRecord,
  orderKeyAtEnd,
  requireKnownIndicator,
  requireLinkTarget,
  requireRecord,
  restoreRecord,
  touch,
  trashRecord,
  writeLink,
  writeText,
} from './qualitative-records';
import { AFOM_FIELD, RECORD_FIELD } from './qualitative-structure';
import { validateAfomText } from './qualitative-validation';
import { isAfomQuadrant, type AfomQuadrant } from './qualitative-vocabulary';

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
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'afom', id);
    if (patch.text !== undefined) writeText(record, AFOM_FIELD.text, patch.text);
    if (patch.quadrant !== undefined && patch.quadrant !== record.get(AFOM_FIELD.quadrant)) {
      record.set(AFOM_FIELD.quadrant, patch.quadrant);
      record.set(RECORD_FIELD.order, orderKeyAtEnd(doc, 'afom'));
    }
    touch(doc, record, now);
  });
}

export function trashAfomItem(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => trashRecord(doc, 'afom', id, now));
}

export function restoreAfomItem(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => restoreRecord(doc, 'afom', id, now));
}

/** Moves an item one step, or to a position, within its quadrant. */
export function moveAfomItem(doc: Y.Doc, id: string, target: MoveDirection | number, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const quadrant = requireRecord(doc, 'afom', id).get(AFOM_FIELD.quadrant);
    moveRecord(doc, 'afom', id, target, now, (record) => record.get(AFOM_FIELD.quadrant) === quadrant);
  });
}

export function setAfomObservationLink(
  doc: Y.Doc,
  id: string,
  observationId: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'afom', id);
    if (linked) requireLinkTarget(doc, 'observations', observationId);
    writeLink(record, AFOM_FIELD.observations, observationId, linked);
    touch(doc, record, now);
  });
}

export function setAfomIndicatorLink(
  doc: Y.Doc,
  id: string,
  indicatorCode: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'afom', id);
    if (linked) requireKnownIndicator(doc, indicatorCode);
    writeLink(record, AFOM_FIELD.indicators, indicatorCode, linked);
    touch(doc, record, now);
  });
}
