import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import { failOnErrors, insertRecord, orderKeyAtEnd } from './qualitative-records';
import { ORIENTATION_FIELD } from './qualitative-structure';
import { validateFields, validateLongText, validateTitle, type FieldErrors } from './qualitative-validation';
import { editRecord, linkOperation, recordLifecycle, writePatch, type LinkOperation, type PatchLayout } from './record-operations';

export interface OrientationInput {
  title: string;
  description: string;
}

export type OrientationErrors = FieldErrors<OrientationInput>;

const ORIENTATION_LAYOUT: PatchLayout<OrientationInput> = {
  [ORIENTATION_FIELD.title]: 'text',
  [ORIENTATION_FIELD.description]: 'text',
};

export function validateOrientation(input: Partial<OrientationInput>): OrientationErrors {
  return validateFields(input, { title: validateTitle, description: validateLongText });
}

/** Adds a strategic orientation at the end of the list; returns its id. */
export function createOrientation(
  doc: Y.Doc,
  input: OrientationInput,
  origin: unknown,
  now: number = Date.now(),
  id: string = newId(),
): string {
  failOnErrors(validateOrientation(input));
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
  failOnErrors(validateOrientation(patch));
  editRecord(doc, 'orientations', id, origin, now, (record) => writePatch(record, patch, ORIENTATION_LAYOUT));
}

export const { trash: trashOrientation, restore: restoreOrientation, move: moveOrientation } = recordLifecycle('orientations');

/** Groups an enjeu under the orientation (an enjeu may serve several orientations). */
export const setOrientationEnjeuLink: LinkOperation = linkOperation('orientations', ORIENTATION_FIELD.enjeux, 'enjeux');
