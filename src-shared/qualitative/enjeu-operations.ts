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
  writeOptional,
  writeText,
} from './qualitative-records';
import { ENJEU_FIELD } from './qualitative-structure';
import { validateLongText, validateTitle } from './qualitative-validation';
import { isQualitativeThemeId } from './qualitative-vocabulary';

export interface EnjeuInput {
  title: string;
  description: string;
  theme: string | null;
}

export type EnjeuErrors = Partial<Record<keyof EnjeuInput, string>>;

export function validateEnjeu(input: Partial<EnjeuInput>): EnjeuErrors {
  const errors: EnjeuErrors = {};
  const title = input.title !== undefined ? validateTitle(input.title) : null;
  if (title) errors.title = title;
  const description = input.description !== undefined ? validateLongText(input.description) : null;
  if (description) errors.description = description;
  if (input.theme !== undefined && input.theme !== null && !isQualitativeThemeId(input.theme)) errors.theme = 'Thématique inconnue.';
  return errors;
}

/** Adds an enjeu with the lowest priority (at the end of the list); returns its id. */
export function createEnjeu(doc: Y.Doc, input: EnjeuInput, origin: unknown, now: number = Date.now(), id: string = newId()): string {
  failIf(Object.values(validateEnjeu(input)).join(' '));
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
  failIf(Object.values(validateEnjeu(patch)).join(' '));
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'enjeux', id);
    if (patch.title !== undefined) writeText(record, ENJEU_FIELD.title, patch.title);
    if (patch.description !== undefined) writeText(record, ENJEU_FIELD.description, patch.description);
    if (patch.theme !== undefined) writeOptional(record, ENJEU_FIELD.theme, patch.theme);
    touch(doc, record, now);
  });
}

export function trashEnjeu(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => trashRecord(doc, 'enjeux', id, now));
}

export function restoreEnjeu(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => restoreRecord(doc, 'enjeux', id, now));
}

/** Raises ("up") or lowers ("down") an enjeu's priority by one, or puts it at a rank (0 = first). */
export function moveEnjeu(doc: Y.Doc, id: string, target: MoveDirection | number, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => moveRecord(doc, 'enjeux', id, target, now));
}

export function setEnjeuObservationLink(
  doc: Y.Doc,
  id: string,
  observationId: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'enjeux', id);
    if (linked) requireLinkTarget(doc, 'observations', observationId);
    writeLink(record, ENJEU_FIELD.observations, observationId, linked);
    touch(doc, record, now);
  });
}

export function setEnjeuIndicatorLink(
  doc: Y.Doc,
  id: string,
  indicatorCode: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'enjeux', id);
    if (linked) requireKnownIndicator(doc, indicatorCode);
    writeLink(record, ENJEU_FIELD.indicators, indicatorCode, linked);
    touch(doc, record, now);
  });
}
