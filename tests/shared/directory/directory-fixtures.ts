import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { Contact, ContactInput } from '@shared/directory/contact-model';
import { createContact } from '@shared/directory/contact-operations';
import { readDirectorySnapshot, type DirectorySnapshot } from '@shared/directory/directory-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';

export const NOW = Date.UTC(2025, 2, 12, 9, 0);

const FIXTURES = fileURLToPath(new URL('../../fixtures/contacts/', import.meta.url));

/** The fixture's bytes exactly as committed (the RNE-like file is ISO-8859-1 with CRLF on purpose). */
export function contactFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}${name}`));
}

/** A directory document holding the given people, with their ids in order. */
export function directoryWith(people: ContactInput[]): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = people.map((person, index) => createContact(doc, person, LOCAL_EDIT, NOW + index));
  return { doc, ids };
}

/** A plain contact for pure functions (search, duplicates) that never touch a document. */
export function contact(id: string, fields: Partial<Contact> = {}): Contact {
  return {
    id,
    civility: null,
    lastName: '',
    firstName: '',
    jobTitle: '',
    organisationId: null,
    category: 'autre',
    communeCode: null,
    communeName: '',
    email: '',
    phone: '',
    notes: '',
    legalBasis: 'public-interest',
    consentDate: null,
    dataSource: '',
    retentionUntil: null,
    createdAt: NOW,
    updatedAt: NOW,
    trashedAt: null,
    ...fields,
  };
}

export function snapshotOf(contacts: Contact[], organisations: DirectorySnapshot['organisations'] = []): DirectorySnapshot {
  return { contacts, organisations, aliases: new Map() };
}

export function snapshot(doc: Y.Doc): DirectorySnapshot {
  return readDirectorySnapshot(doc);
}

/** Each syllable differs from every other in both letters, so two generated names are never one letter apart. */
const SYLLABLES = ['ba', 'cé', 'di', 'fô', 'gu', 'ly'];
const FIRST_NAMES = ['Claire', 'Jean', 'Sophie', 'Pierre', 'Hélène', 'Marc', 'Isabelle', 'Luc', 'Nathalie', 'Éric'];
const COMMUNES = ['Angers', 'Saumur', 'Cholet', 'Segré', 'Baugé', 'Doué', 'Chemillé', 'Beaufort'];

/** `count` (at most 46,656) different people with no possible duplicate among them. */
export function manyContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, index) => {
    const syllables = [7776, 1296, 216, 36, 6, 1].map((unit) => SYLLABLES[Math.floor(index / unit) % 6] ?? '').join('');
    return contact(`c${index}`, {
      lastName: syllables.toLocaleUpperCase('fr-FR'),
      firstName: FIRST_NAMES[index % FIRST_NAMES.length] ?? '',
      communeName: COMMUNES[index % COMMUNES.length] ?? '',
      email: `personne${index}@example.fr`,
      phone: `06 ${String(10_000_000 + index)}`,
      updatedAt: NOW + index,
    });
  });
}
