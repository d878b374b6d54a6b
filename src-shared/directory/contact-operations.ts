import * as Y from 'yjs';
import { CONTACT_FIELD, DIRECTORY_ROOT, directoryCollection } from '../documents/directory-structure';
import { newId } from '../model/ids';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import type { ContactInput } from './contact-model';
import { defaultRetentionDate, localIsoDate } from './contact-retention';
import { readGdprSettings } from './gdpr-settings';
import { validateContactInput } from './contact-validation';

function requireContact(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = directoryCollection(doc, DIRECTORY_ROOT.contacts).get(id);
  if (!(record instanceof Y.Map)) throw new InvalidOperationError('Ce contact est introuvable (il a peut-être été effacé).');
  return record;
}

/** Empty strings and nulls are stored as absent fields: nothing to erase later, nothing to sync. */
function writeContactFields(record: Y.Map<unknown>, input: ContactInput): void {
  for (const [field, value] of Object.entries(input) as [keyof ContactInput, unknown][]) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : value;
    if (text === '' || text === null) record.delete(CONTACT_FIELD[field]);
    else record.set(CONTACT_FIELD[field], text);
  }
}

function refuseInvalid(input: ContactInput, isNew: boolean): void {
  const message = Object.values(validateContactInput(input, isNew)).join(' ');
  if (message) throw new InvalidOperationError(message);
}

/**
 * Creates a contact; a name (last or first) is required. Returns its id. Without a retention date,
 * the contact gets the workspace's (today plus its retention period): no personal data is kept
 * without a date at which someone reviews it.
 */
export function createContact(doc: Y.Doc, input: ContactInput, origin: unknown, now: number = Date.now(), id: string = newId()): string {
  refuseInvalid(input, true);
  return runOperation(doc, origin, () => {
    const record = new Y.Map<unknown>();
    record.set(CONTACT_FIELD.createdAt, now);
    record.set(CONTACT_FIELD.updatedAt, now);
    const retentionUntil = input.retentionUntil ?? defaultRetentionDate(localIsoDate(new Date(now)), readGdprSettings(doc).retentionMonths);
    writeContactFields(record, { ...input, retentionUntil });
    directoryCollection(doc, DIRECTORY_ROOT.contacts).set(id, record);
    return id;
  });
}

/** Writes the fields present in `patch`; an empty string or null clears a field. */
export function updateContact(doc: Y.Doc, id: string, patch: ContactInput, origin: unknown, now: number = Date.now()): void {
  refuseInvalid(patch, false);
  runOperation(doc, origin, () => {
    const record = requireContact(doc, id);
    writeContactFields(record, patch);
    record.set(CONTACT_FIELD.updatedAt, now);
  });
}

/** Moves a contact to the trash: hidden from lists and pickers, still restorable, not erased. */
export function trashContact(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireContact(doc, id);
    record.set(CONTACT_FIELD.trashedAt, now);
    record.set(CONTACT_FIELD.updatedAt, now);
  });
}

export function restoreContact(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireContact(doc, id);
    record.delete(CONTACT_FIELD.trashedAt);
    record.set(CONTACT_FIELD.updatedAt, now);
  });
}
