import type * as Y from 'yjs';
import { newId } from '../model/ids';
import { runOperation } from '../operations/document-guards';
import {
  entryList,
  failIf,
  insertEntry,
  insertRecord,
  requireEntry,
  requireKnownIndicator,
  requireRecord,
  restoreRecord,
  touch,
  trashRecord,
  writeLink,
  writeOptional,
  writeText,
} from './qualitative-records';
import { OBSERVATION_FIELD, QUOTE_FIELD } from './qualitative-structure';
import {
  validateObservationText,
  validateOptionalDate,
  validateQuote,
  validateShortText,
} from './qualitative-validation';
import { isObservationSourceKind, isQualitativeThemeId, type ObservationSourceKind } from './qualitative-vocabulary';

export interface ObservationInput {
  text: string;
  theme: string | null;
  sourceKind: ObservationSourceKind;
  date: string | null;
  author: string;
}

export type ObservationErrors = Partial<Record<keyof ObservationInput, string>>;

/** Checks the fields present in `input`, so it serves a whole new observation and a one-field edit. */
export function validateObservation(input: Partial<ObservationInput>): ObservationErrors {
  const errors: ObservationErrors = {};
  const text = input.text !== undefined ? validateObservationText(input.text) : null;
  if (text) errors.text = text;
  if (input.theme !== undefined && input.theme !== null && !isQualitativeThemeId(input.theme)) errors.theme = 'Thématique inconnue.';
  if (input.sourceKind !== undefined && !isObservationSourceKind(input.sourceKind)) errors.sourceKind = 'Type de source inconnu.';
  const date = input.date !== undefined ? validateOptionalDate(input.date) : null;
  if (date) errors.date = date;
  const author = input.author !== undefined ? validateShortText(input.author) : null;
  if (author) errors.author = author;
  return errors;
}

function failOnErrors(errors: ObservationErrors): void {
  failIf(Object.values(errors).join(' '));
}

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
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'observations', id);
    if (patch.text !== undefined) writeText(record, OBSERVATION_FIELD.text, patch.text);
    if (patch.theme !== undefined) writeOptional(record, OBSERVATION_FIELD.theme, patch.theme);
    if (patch.sourceKind !== undefined) record.set(OBSERVATION_FIELD.sourceKind, patch.sourceKind);
    if (patch.date !== undefined) writeOptional(record, OBSERVATION_FIELD.date, patch.date);
    if (patch.author !== undefined) writeOptional(record, OBSERVATION_FIELD.author, patch.author);
    touch(doc, record, now);
  });
}

export function trashObservation(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => trashRecord(doc, 'observations', id, now));
}

export function restoreObservation(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => restoreRecord(doc, 'observations', id, now));
}

export function setObservationIndicatorLink(
  doc: Y.Doc,
  id: string,
  indicatorCode: string,
  linked: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'observations', id);
    if (linked) requireKnownIndicator(doc, indicatorCode);
    writeLink(record, OBSERVATION_FIELD.indicators, indicatorCode, linked);
    touch(doc, record, now);
  });
}

const QUOTE_NOT_FOUND = 'Cette citation est introuvable.';

/** Adds a verbatim quote at the end of the observation's quotes; returns its id. */
export function addObservationQuote(doc: Y.Doc, id: string, text: string, origin: unknown, now: number = Date.now()): string {
  failIf(validateQuote(text));
  return runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'observations', id);
    const quoteId = insertEntry(entryList(record, OBSERVATION_FIELD.quotes), {}, { [QUOTE_FIELD.text]: text.trim() });
    touch(doc, record, now);
    return quoteId;
  });
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
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'observations', id);
    const quote = requireEntry(entryList(record, OBSERVATION_FIELD.quotes), quoteId, QUOTE_NOT_FOUND);
    writeText(quote, QUOTE_FIELD.text, text);
    touch(doc, record, now);
  });
}

export function removeObservationQuote(doc: Y.Doc, id: string, quoteId: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireRecord(doc, 'observations', id);
    entryList(record, OBSERVATION_FIELD.quotes).delete(quoteId);
    touch(doc, record, now);
  });
}
