import * as Y from 'yjs';
import { CONTACT_FIELD, DIRECTORY_ROOT, ORGANISATION_FIELD, contactAliasesMap, directoryCollection } from '../documents/directory-structure';
import {
  CIVILITIES,
  CONTACT_CATEGORIES,
  LEGAL_BASES,
  ORGANISATION_KINDS,
  type Civility,
  type Contact,
  type ContactCategory,
  type LegalBasis,
  type Organisation,
  type OrganisationKind,
} from './contact-model';

/** The directory as plain data. Trashed records are included (flagged): callers choose. */
export interface DirectorySnapshot {
  contacts: Contact[];
  organisations: Organisation[];
  /** Merged contact id → surviving id, already followed to the end of any chain. */
  aliases: ReadonlyMap<string, string>;
}

function text(record: Y.Map<unknown>, field: string): string {
  const value = record.get(field);
  return typeof value === 'string' ? value : '';
}

function optionalText(record: Y.Map<unknown>, field: string): string | null {
  const value = record.get(field);
  return typeof value === 'string' && value !== '' ? value : null;
}

function number(record: Y.Map<unknown>, field: string): number {
  const value = record.get(field);
  return typeof value === 'number' ? value : 0;
}

function optionalNumber(record: Y.Map<unknown>, field: string): number | null {
  const value = record.get(field);
  return typeof value === 'number' ? value : null;
}

/** An unknown value (written by a newer version) reads as the fallback rather than breaking the list. */
function vocabulary<T extends string>(entries: readonly { id: T }[], value: unknown, fallback: T): T {
  return entries.find((entry) => entry.id === value)?.id ?? fallback;
}

export function readContact(id: string, record: Y.Map<unknown>): Contact {
  const civility = record.get(CONTACT_FIELD.civility);
  return {
    id,
    civility: CIVILITIES.some((entry) => entry.id === civility) ? (civility as Civility) : null,
    lastName: text(record, CONTACT_FIELD.lastName),
    firstName: text(record, CONTACT_FIELD.firstName),
    jobTitle: text(record, CONTACT_FIELD.jobTitle),
    organisationId: optionalText(record, CONTACT_FIELD.organisationId),
    category: vocabulary<ContactCategory>(CONTACT_CATEGORIES, record.get(CONTACT_FIELD.category), 'autre'),
    communeCode: optionalText(record, CONTACT_FIELD.communeCode),
    communeName: text(record, CONTACT_FIELD.communeName),
    email: text(record, CONTACT_FIELD.email),
    phone: text(record, CONTACT_FIELD.phone),
    notes: text(record, CONTACT_FIELD.notes),
    legalBasis: vocabulary<LegalBasis>(LEGAL_BASES, record.get(CONTACT_FIELD.legalBasis), 'public-interest'),
    consentDate: optionalText(record, CONTACT_FIELD.consentDate),
    dataSource: text(record, CONTACT_FIELD.dataSource),
    retentionUntil: optionalText(record, CONTACT_FIELD.retentionUntil),
    createdAt: number(record, CONTACT_FIELD.createdAt),
    updatedAt: number(record, CONTACT_FIELD.updatedAt),
    trashedAt: optionalNumber(record, CONTACT_FIELD.trashedAt),
  };
}

export function readOrganisation(id: string, record: Y.Map<unknown>): Organisation {
  return {
    id,
    name: text(record, ORGANISATION_FIELD.name),
    kind: vocabulary<OrganisationKind>(ORGANISATION_KINDS, record.get(ORGANISATION_FIELD.kind), 'autre'),
    communeCode: optionalText(record, ORGANISATION_FIELD.communeCode),
    communeName: text(record, ORGANISATION_FIELD.communeName),
    createdAt: number(record, ORGANISATION_FIELD.createdAt),
    updatedAt: number(record, ORGANISATION_FIELD.updatedAt),
    trashedAt: optionalNumber(record, ORGANISATION_FIELD.trashedAt),
  };
}

function resolveAliases(doc: Y.Doc): Map<string, string> {
  const raw = contactAliasesMap(doc);
  const resolved = new Map<string, string>();
  for (const from of raw.keys()) {
    let target = raw.get(from);
    const seen = new Set([from]);
    // Two merges made offline on two machines may chain (or, in theory, loop): follow, never spin.
    while (target !== undefined && raw.has(target) && !seen.has(target)) {
      seen.add(target);
      target = raw.get(target);
    }
    if (target !== undefined) resolved.set(from, target);
  }
  return resolved;
}

export function readDirectorySnapshot(doc: Y.Doc): DirectorySnapshot {
  const contacts: Contact[] = [];
  directoryCollection(doc, DIRECTORY_ROOT.contacts).forEach((record, id) => {
    if (record instanceof Y.Map) contacts.push(readContact(id, record));
  });
  const organisations: Organisation[] = [];
  directoryCollection(doc, DIRECTORY_ROOT.organisations).forEach((record, id) => {
    if (record instanceof Y.Map) organisations.push(readOrganisation(id, record));
  });
  return { contacts, organisations, aliases: resolveAliases(doc) };
}
