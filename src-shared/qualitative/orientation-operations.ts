import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import type { MoveDirection } from './order-keys';
import {
  failIf,
  insertRecord,
  moveRecord,
  orderKeyAtEnd,
  requireLinkTarget,
  requireRecord,
  restoreRecord,
  touch,
  trashRecord,
  writeLink,
  writeText,
} from './qualitative-records';
import { ORIENTATION_FIELD } from './qualitative-structure';
import { validateLongText, validateTitle } from './qualitative-validation';

export interface OrientationInput {
  title: string;
  description: string;
}

export type OrientationErrors = Partial<Record<keyof OrientationInput, string>>;

export function validateOrientation(input: Partial<OrientationInput>): OrientationErrors {
  const errors: OrientationErrors = {};
  const title = input.title !== undefined ? validateTitle(input.title) : null;
  if (title) errors.title = title;
  const description = input.description !== undefined ? validateLongText(input.description) : null;
  if (description) errors.description = description;
  return errors;
}

/** Adds a strategic orientation at the end of the list; returns its id. */
export function createOrientation(
  doc: Y.Doc,
  input: OrientationInput,
  origin: unknown,
  now: number = Date.now(),
  id: string = newId(),
): string {
  failIf(Object.values(validateOrientation(input)).join(' '));
  return runOperation(doc, origin, () =>
    insertRecord(
      doc,
      'orientations',
      {
        texts: { [ORIENTATION_FIELD.title]: input.title.trim(), [ORIENTATION_FIELD.description]: input.description },
        linkSets: [ORIENTATION_FIELD.enjeux],
        order: orderKeyAtEnd(doc, 'orientations'),
      },
      now,
      id,
    ),
  );
}

export function updateOrientation(
  doc: Y.Doc,
  id: string,
  patch: Partial<OrientationInput>,
  origin: unknown,
  now: number = Date.now(),
): void {
  failIf(Object.values(validateOrientation(patch)).join(' '));
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'orientations', id);
    if (patch.title !== undefined) writeText(record, ORIENTATION_FIELD.title, patch.title);
    if (patch.description !== undefined) writeText(record, ORIENTATION_FIELD.description, patch.description);
    touch(doc, record, now);
  });
}

export function trashOrientation(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => trashRecord(doc, 'orientations', id, now));
}

export function restoreOrientation(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => restoreRecord(doc, 'orientations', id, now));
}

export function moveOrientation(doc: Y.Doc, id: string, target: MoveDirection | number, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => moveRecord(doc, 'orientations', id, target, now));
}

/** Groups an enjeu under the orientation (an enjeu may serve several orientations). */
export function setOrientationEnjeuLink(
  doc: Y.Doc,
  id: string,
  enjeuId: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'orientations', id);
    if (linked) requireLinkTarget(doc, 'enjeux', enjeuId);
    writeLink(record, ORIENTATION_FIELD.enjeux, enjeuId, linked);
    touch(doc, record, now);
  });
}
