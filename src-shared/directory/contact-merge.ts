/**
 * Merging two records of one person. The survivor keeps its id (meetings already cite it); the
 * other record is removed outright, not trashed, and an alias sends its id to the survivor so that
 * mission documents still citing it (on this machine or a colleague's, not yet synced) resolve.
 */
import * as Y from 'yjs';
import { CONTACT_FIELD, DIRECTORY_ROOT, contactAliasesMap, directoryCollection } from '../documents/directory-structure';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import type { Contact } from './contact-model';

/** The fields a person chooses between when merging; the legal basis carries its consent date with it. */
export const MERGEABLE_FIELDS = [
  'civility',
  'lastName',
  'firstName',
  'jobTitle',
  'organisationId',
  'category',
  'communeName',
  'email',
  'phone',
  'notes',
  'legalBasis',
  'dataSource',
  'retentionUntil',
] as const;

export type MergeableField = (typeof MERGEABLE_FIELDS)[number];

/**
 * Which record gives each field. By default the survivor's value, or the merged one's when the
 * survivor's is empty; notes written on both are kept one after the other.
 */
export type MergeChoices = Partial<Record<MergeableField, 'survivor' | 'merged'>>;

/** Fields stored together: a commune is its code and name, a consent basis its date. */
const STORED_FIELDS: Record<MergeableField, readonly (keyof typeof CONTACT_FIELD)[]> = {
  civility: ['civility'],
  lastName: ['lastName'],
  firstName: ['firstName'],
  jobTitle: ['jobTitle'],
  organisationId: ['organisationId'],
  category: ['category'],
  communeName: ['communeName', 'communeCode'],
  email: ['email'],
  phone: ['phone'],
  notes: ['notes'],
  legalBasis: ['legalBasis', 'consentDate'],
  dataSource: ['dataSource'],
  retentionUntil: ['retentionUntil'],
};

function requireContact(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = directoryCollection(doc, DIRECTORY_ROOT.contacts).get(id);
  if (!(record instanceof Y.Map)) throw new InvalidOperationError('Un des deux contacts est introuvable (il a peut-être été fusionné ou effacé entre-temps).');
  return record;
}

function isEmpty(record: Y.Map<unknown>, field: MergeableField): boolean {
  const value = record.get(CONTACT_FIELD[STORED_FIELDS[field][0] as keyof typeof CONTACT_FIELD]);
  return value === undefined || value === null || value === '';
}

function copyField(from: Y.Map<unknown>, to: Y.Map<unknown>, field: MergeableField): void {
  for (const stored of STORED_FIELDS[field]) {
    const value = from.get(CONTACT_FIELD[stored]);
    if (value === undefined) to.delete(CONTACT_FIELD[stored]);
    else to.set(CONTACT_FIELD[stored], value);
  }
}

/** The fields whose values differ between two contacts: what a merge dialog asks about. */
export function differingFields(survivor: Contact, merged: Contact): MergeableField[] {
  return MERGEABLE_FIELDS.filter((field) => {
    if (field === 'communeName') return survivor.communeName !== merged.communeName || survivor.communeCode !== merged.communeCode;
    if (field === 'legalBasis') return survivor.legalBasis !== merged.legalBasis || survivor.consentDate !== merged.consentDate;
    return (survivor[field] ?? '') !== (merged[field] ?? '');
  });
}

/**
 * Merges `mergedId` into `survivorId` in one transaction: fields per `choices`, the merged record
 * deleted, its id aliased to the survivor (and any alias pointing to it re-pointed). Attendance in
 * missions is re-pointed separately, mission by mission (meetings' `repointContact`).
 */
export function mergeContacts(doc: Y.Doc, survivorId: string, mergedId: string, choices: MergeChoices, origin: unknown, now: number = Date.now()): void {
  if (survivorId === mergedId) throw new InvalidOperationError('Choisissez deux contacts différents à fusionner.');
  runOperation(doc, origin, () => {
    const contacts = directoryCollection(doc, DIRECTORY_ROOT.contacts);
    const survivor = requireContact(doc, survivorId);
    const merged = requireContact(doc, mergedId);
    for (const field of MERGEABLE_FIELDS) {
      const choice = choices[field];
      if (choice === 'merged' || (choice === undefined && isEmpty(survivor, field))) {
        copyField(merged, survivor, field);
      } else if (choice === undefined && field === 'notes' && !isEmpty(merged, 'notes')) {
        const notes = `${String(survivor.get(CONTACT_FIELD.notes))}\n\n${String(merged.get(CONTACT_FIELD.notes))}`;
        if (survivor.get(CONTACT_FIELD.notes) !== merged.get(CONTACT_FIELD.notes)) survivor.set(CONTACT_FIELD.notes, notes);
      }
    }
    // The person is known since the older record was made; a merge means the record is wanted.
    const createdAt = [survivor.get(CONTACT_FIELD.createdAt), merged.get(CONTACT_FIELD.createdAt)].filter((value) => typeof value === 'number');
    if (createdAt.length > 0) survivor.set(CONTACT_FIELD.createdAt, Math.min(...(createdAt as number[])));
    survivor.delete(CONTACT_FIELD.trashedAt);
    survivor.set(CONTACT_FIELD.updatedAt, now);
    contacts.delete(mergedId);
    const aliases = contactAliasesMap(doc);
    aliases.set(mergedId, survivorId);
    for (const [from, to] of aliases.entries()) if (to === mergedId) aliases.set(from, survivorId);
  });
}
