import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import { failOnErrors, insertRecord, orderKeyAtEnd } from './qualitative-records';
import { ENJEU_FIELD } from './qualitative-structure';
import { validateFields, validateLongText, validateOptionalTheme, validateTitle, type FieldErrors } from './qualitative-validation';
import { editRecord, linkOperation, recordLifecycle, writePatch, type LinkOperation, type PatchLayout } from './record-operations';

export interface EnjeuInput {
  title: string;
  description: string;
  theme: string | null;
}

export type EnjeuErrors = FieldErrors<EnjeuInput>;

const ENJEU_LAYOUT: PatchLayout<EnjeuInput> = {
  [ENJEU_FIELD.title]: 'text',
  [ENJEU_FIELD.description]: 'text',
  [ENJEU_FIELD.theme]: 'optional',
};

export function validateEnjeu(input: Partial<EnjeuInput>): EnjeuErrors {
  return validateFields(input, { title: validateTitle, description: validateLongText, theme: validateOptionalTheme });
}

/** Adds an enjeu with the lowest priority (at the end of the list); returns its id. */
export function createEnjeu(doc: Y.Doc, input: EnjeuInput, origin: unknown, now: number = Date.now(), id: string = newId()): string {
  failOnErrors(validateEnjeu(input));
  return runOperation(doc, origin, () =>
    insertRecord(
      doc,
      'enjeux',
      {
        texts: { [ENJEU_FIELD.title]: input.title.trim(), [ENJEU_FIELD.description]: input.description },
        linkSets: [ENJEU_FIELD.observations, ENJEU_FIELD.indicators],
        values: { [ENJEU_FIELD.theme]: input.theme },
        order: orderKeyAtEnd(doc, 'enjeux'),
      },
      now,
      id,
    ),
  );
}

export function updateEnjeu(doc: Y.Doc, id: string, patch: Partial<EnjeuInput>, origin: unknown, now: number = Date.now()): void {
  failOnErrors(validateEnjeu(patch));
  editRecord(doc, 'enjeux', id, origin, now, (record) => writePatch(record, patch, ENJEU_LAYOUT));
}

/** Moving an enjeu up raises its priority; rank 0 is the highest. */
export const { trash: trashEnjeu, restore: restoreEnjeu, move: moveEnjeu } = recordLifecycle('enjeux');

export const setEnjeuObservationLink: LinkOperation = linkOperation('enjeux', ENJEU_FIELD.observations, 'observations');

export const setEnjeuIndicatorLink: LinkOperation = linkOperation('enjeux', ENJEU_FIELD.indicators, 'indicators');
