/**
 * Finding contacts in the directory: accent- and case-blind word-prefix search, filters and the
 * French sort orders of the lists. The normalized keys and the sorted orders are computed once per
 * snapshot, so typing in a search box over 10,000 contacts only scans prepared strings.
 */
import { normalizeForSearch } from '../text/normalize-search';
import { contactCategoryLabel, contactSortName, type Contact, type ContactCategory, type Organisation } from './contact-model';
import type { DirectorySnapshot } from './directory-snapshot';

export const CONTACT_SORTS = [
  { id: 'name', label: 'Nom' },
  { id: 'organisation', label: 'Organisation' },
  { id: 'commune', label: 'Commune' },
  { id: 'category', label: 'Catégorie' },
  { id: 'updated', label: 'Dernière modification' },
  { id: 'relevance', label: 'Pertinence' },
] as const;

export type ContactSort = (typeof CONTACT_SORTS)[number]['id'];

export interface ContactFilters {
  category?: ContactCategory | null;
  /** A key from `directoryCommunes` (the INSEE code, or the written name when there is no code). */
  commune?: string | null;
  organisationId?: string | null;
  /** Trashed contacts are left out unless asked for; `only` lists the trash. */
  trashed?: 'exclude' | 'include' | 'only';
  /** Default 'name'. 'relevance' puts contacts whose name starts with the query first, then by name. */
  sort?: ContactSort;
  /** At most this many results (a check-in list does not need 10,000 rows). */
  limit?: number;
}

/** A prepared search over one snapshot. An empty query lists every contact passing the filters. */
export type ContactSearch = (query: string, filters?: ContactFilters) => Contact[];

export interface CommuneOption {
  key: string;
  label: string;
  count: number;
}

interface PreparedContact {
  contact: Contact;
  /** " word word word": every searchable word, each preceded by a space, for prefix tests. */
  words: string;
  /** " lastname-words firstname-words": a match here ranks first in 'relevance'. */
  nameWords: string;
  communeKey: string | null;
  organisationName: string;
}

export const frenchCollator = new Intl.Collator('fr-FR', { sensitivity: 'base', numeric: true });

/** How the commune filter groups contacts: by INSEE code, or by written name when the code is unknown. */
export function communeKey(contact: Pick<Contact, 'communeCode' | 'communeName'>): string | null {
  if (contact.communeCode) return contact.communeCode;
  const name = normalizeForSearch(contact.communeName);
  return name === '' ? null : `nom:${name}`;
}

function spacedWords(...values: string[]): string {
  const words = new Set<string>();
  for (const value of values) for (const word of normalizeForSearch(value).split(' ')) if (word !== '') words.add(word);
  return words.size === 0 ? '' : ` ${[...words].join(' ')}`;
}

function queryTokens(query: string): string[] {
  return normalizeForSearch(query)
    .split(' ')
    .filter((token) => token !== '');
}

function compareText(left: string, right: string): number {
  // Empty values go last whatever the order, so a sort by commune does not open on blanks.
  if (left === '' || right === '') return left === right ? 0 : left === '' ? 1 : -1;
  return frenchCollator.compare(left, right);
}

function byName(left: PreparedContact, right: PreparedContact): number {
  return compareText(contactSortName(left.contact), contactSortName(right.contact)) || left.contact.id.localeCompare(right.contact.id);
}

const SORT_COMPARATORS: Record<Exclude<ContactSort, 'relevance'>, (left: PreparedContact, right: PreparedContact) => number> = {
  name: byName,
  organisation: (left, right) => compareText(left.organisationName, right.organisationName) || byName(left, right),
  commune: (left, right) => compareText(left.contact.communeName, right.contact.communeName) || byName(left, right),
  category: (left, right) =>
    compareText(contactCategoryLabel(left.contact.category), contactCategoryLabel(right.contact.category)) || byName(left, right),
  updated: (left, right) => right.contact.updatedAt - left.contact.updatedAt || byName(left, right),
};

function organisationNames(organisations: readonly Organisation[]): Map<string, string> {
  return new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
}

/** Prepares the snapshot once; the returned function answers each keystroke. */
export function prepareContactSearch(snapshot: DirectorySnapshot): ContactSearch {
  const names = organisationNames(snapshot.organisations);
  const prepared: PreparedContact[] = snapshot.contacts.map((contact) => {
    const organisationName = contact.organisationId ? (names.get(contact.organisationId) ?? '') : '';
    return {
      contact,
      words: spacedWords(contact.lastName, contact.firstName, organisationName, contact.communeName, contact.jobTitle, contact.email),
      nameWords: spacedWords(contact.lastName, contact.firstName),
      communeKey: communeKey(contact),
      organisationName,
    };
  });
  const sortedOrders = new Map<Exclude<ContactSort, 'relevance'>, PreparedContact[]>();
  const sortedBy = (sort: Exclude<ContactSort, 'relevance'>): PreparedContact[] => {
    let order = sortedOrders.get(sort);
    if (!order) {
      order = [...prepared].sort(SORT_COMPARATORS[sort]);
      sortedOrders.set(sort, order);
    }
    return order;
  };

  return (query, filters = {}) => {
    const tokens = queryTokens(query);
    const trashed = filters.trashed ?? 'exclude';
    const sort = filters.sort ?? 'name';
    const limit = filters.limit ?? Number.POSITIVE_INFINITY;
    const matches = (entry: PreparedContact): boolean => {
      const { contact } = entry;
      if (trashed === 'exclude' && contact.trashedAt !== null) return false;
      if (trashed === 'only' && contact.trashedAt === null) return false;
      if (filters.category && contact.category !== filters.category) return false;
      if (filters.commune && entry.communeKey !== filters.commune) return false;
      if (filters.organisationId && contact.organisationId !== filters.organisationId) return false;
      return tokens.every((token) => entry.words.includes(` ${token}`));
    };
    if (sort !== 'relevance' || tokens.length === 0) {
      const result: Contact[] = [];
      for (const entry of sortedBy(sort === 'relevance' ? 'name' : sort)) {
        if (result.length >= limit) break;
        if (matches(entry)) result.push(entry.contact);
      }
      return result;
    }
    const nameFirst: Contact[] = [];
    const others: Contact[] = [];
    for (const entry of sortedBy('name')) {
      if (nameFirst.length >= limit) break;
      if (!matches(entry)) continue;
      if (tokens.every((token) => entry.nameWords.includes(` ${token}`))) nameFirst.push(entry.contact);
      else others.push(entry.contact);
    }
    return [...nameFirst, ...others].slice(0, limit);
  };
}

/** One-off search; prefer `prepareContactSearch` when the same snapshot is searched repeatedly. */
export function searchContacts(snapshot: DirectorySnapshot, query: string, filters?: ContactFilters): Contact[] {
  return prepareContactSearch(snapshot)(query, filters);
}

/** The communes of the live contacts, for the commune filter, sorted the French way. */
export function directoryCommunes(snapshot: DirectorySnapshot): CommuneOption[] {
  const options = new Map<string, CommuneOption>();
  for (const contact of snapshot.contacts) {
    if (contact.trashedAt !== null) continue;
    const key = communeKey(contact);
    if (key === null) continue;
    const option = options.get(key);
    if (option) option.count += 1;
    else options.set(key, { key, label: contact.communeName || contact.communeCode || key, count: 1 });
  }
  return [...options.values()].sort((left, right) => frenchCollator.compare(left.label, right.label));
}
