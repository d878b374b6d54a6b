import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import { entryList, failIf, failOnErrors, insertEntry, insertRecord, requireEntry, writeText } from './qualitative-records';
import { OBSERVATION_FIELD, QUOTE_FIELD } from './qualitative-structure';
import {
  validateFields,
  validateObservationText,
  validateOptionalDate,
  validateOptionalTheme,
  validateQuote,
  validateShortText,
  type FieldErrors,
} from './qualitative-validation';
import { isObservationSourceKind, type ObservationSourceKind } from './qualitative-vocabulary';
import { editRecord, linkOperation, recordLifecycle, writePatch, type LinkOperation, type PatchLayout } from './record-operations';

export interface ObservationInput {
  text: string;
  theme: string | null;
  sourceKind: ObservationSourceKind;
  date: string | null;
  author: string;
}

export type ObservationErrors = FieldErrors<ObservationInput>;

/** Checks the fields present in `input`, so it serves a whole new observation and a one-field edit. */
export function validateObservation(input: Partial<ObservationInput>): ObservationErrors {
  return validateFields(input, {
    text: validateObservationText,
    theme: validateOptionalTheme,
    sourceKind: (kind) => (isObservationSourceKind(kind) ? null : 'Type de source inconnu.'),
    date: validateOptionalDate,
    author: validateShortText,
  });
}

const OBSERVATION_LAYOUT: PatchLayout<ObservationInput> = {
  [OBSERVATION_FIELD.text]: 'text',
  [OBSERVATION_FIELD.theme]: 'optional',
  [OBSERVATION_FIELD.sourceKind]: 'value',
  [OBSERVATION_FIELD.date]: 'optional',
  [OBSERVATION_FIELD.author]: 'optional',
};

export function createObservation(
  doc: Y.Doc,
  input: ObservationInput,
  origin: unknown,
  now: number = Date.now(),
  id: string = newId(),
): string {
  failOnErrors(validateObservation(input));
  return runOperation(doc, origin, () =>
    insertRecord(
      doc,
      'observations',
      {
        texts: { [OBSERVATION_FIELD.text]: input.text.trim() },
        linkSets: [OBSERVATION_FIELD.indicators],
        entryLists: [OBSERVATION_FIELD.quotes],
        values: {
          [OBSERVATION_FIELD.theme]: input.theme,
          [OBSERVATION_FIELD.sourceKind]: input.sourceKind,
          [OBSERVATION_FIELD.date]: input.date,
          [OBSERVATION_FIELD.author]: input.author.trim() || null,
        },
      },
      now,
      id,
    ),
  );
}

export function updateObservation(
  doc: Y.Doc,
  id: string,
  patch: Partial<ObservationInput>,
  origin: unknown,
  now: number = Date.now(),
): void {
  failOnErrors(validateObservation(patch));
  editRecord(doc, 'observations', id, origin, now, (record) => writePatch(record, patch, OBSERVATION_LAYOUT));
}

// Observations are listed in the order they were written down: they have no move.
export const { trash: trashObservation, restore: restoreObservation } = recordLifecycle('observations');

export const setObservationIndicatorLink: LinkOperation = linkOperation('observations', OBSERVATION_FIELD.indicators, 'indicators');

const QUOTE_NOT_FOUND = 'Cette citation est introuvable.';

/** Adds a verbatim quote at the end of the observation's quotes; returns its id. */
export function addObservationQuote(doc: Y.Doc, id: string, text: string, origin: unknown, now: number = Date.now()): string {
  failIf(validateQuote(text));
  return editRecord(doc, 'observations', id, origin, now, (record) =>
    insertEntry(entryList(record, OBSERVATION_FIELD.quotes), {}, { [QUOTE_FIELD.text]: text.trim() }),
  );
}

export function updateObservationQuote(
  doc: Y.Doc,
  id: string,
  quoteId: string,
  text: string,
  origin: unknown,
  now: number = Date.now(),
): void {
  failIf(validateQuote(text));
  editRecord(doc, 'observations', id, origin, now, (record) => {
    const quote = requireEntry(entryList(record, OBSERVATION_FIELD.quotes), quoteId, QUOTE_NOT_FOUND);
    writeText(quote, QUOTE_FIELD.text, text);
  });
}

export function removeObservationQuote(doc: Y.Doc, id: string, quoteId: string, origin: unknown, now: number = Date.now()): void {
  editRecord(doc, 'observations', id, origin, now, (record) => entryList(record, OBSERVATION_FIELD.quotes).delete(quoteId));
}
