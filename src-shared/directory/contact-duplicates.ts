/**
 * Possible duplicates in the directory: the same person typed twice with a different case, accents,
 * hyphens or spaces, first and last name swapped, one letter off, or sharing an e-mail or a phone.
 *
 * Pairs are found by blocking, never by comparing every contact with every other: each person
 * yields a few keys (the e-mail, the phone digits, the names and, for names of 5+ letters, the
 * names with one letter deleted) and only people sharing a key are compared. Two words within one
 * edit (substitution, insertion, deletion or swap of neighbours) always share such a "one letter
 * deleted" key, so nothing is missed and 10,000 contacts take milliseconds.
 */
import { normalizeForSearch } from '../text/normalize-search';
import { contactSortName, type Contact } from './contact-model';
import type { DirectorySnapshot } from './directory-snapshot';
import { frenchCollator } from './contact-search';

/** What the comparison needs of a person: a contact, or a row about to be imported. */
export type DuplicatePerson = Pick<Contact, 'civility' | 'lastName' | 'firstName' | 'email' | 'phone' | 'communeCode' | 'communeName'>;

export type DuplicateKind = 'email' | 'phone' | 'same-name' | 'swapped-names' | 'close-spelling';

export interface DuplicateMatch {
  kind: DuplicateKind;
  /** Plain French: "même e-mail", "orthographe proche : Dupont / Dupond". */
  reason: string;
  /** Both have a commune and they differ: namesakes (two mayors called Pierre Durand) more likely than one person. */
  differentCommunes: boolean;
}

export interface DuplicatePair extends DuplicateMatch {
  firstId: string;
  secondId: string;
}

/** Contacts linked by possible-duplicate pairs (A~B and B~C make one group of three). */
export interface DuplicateGroup {
  contactIds: string[];
  pairs: DuplicatePair[];
}

/** Below this length one letter changes a name too much ("Jean"/"Jeanne", "Rémi"/"Rémy" are different people). */
const CLOSE_SPELLING_MIN_LENGTH = 5;
/** Fewer digits than a French number (10) may be an extension or a typo; do not match on it. */
const PHONE_MIN_DIGITS = 9;

interface PersonKeys {
  /** Normalized, without spaces or hyphens: "Marie-Noëlle" and "marie noelle" both give "marienoelle". */
  last: string;
  first: string;
  email: string;
  phone: string;
  /** The INSEE code, or the normalized name; '' when unknown. */
  communeCode: string;
  communeName: string;
}

function compactName(value: string): string {
  return normalizeForSearch(value).replace(/ /g, '');
}

/** "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "06.12.34.56.78" and "0612345678" are the same number. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^00/, '');
  if (digits.startsWith('330') && digits.length === 12) return digits.slice(2);
  if (digits.startsWith('33') && digits.length === 11) return `0${digits.slice(2)}`;
  return digits;
}

function personKeys(person: DuplicatePerson): PersonKeys {
  const phone = phoneDigits(person.phone);
  return {
    last: compactName(person.lastName),
    first: compactName(person.firstName),
    email: person.email.trim().toLowerCase(),
    phone: phone.length >= PHONE_MIN_DIGITS ? phone : '',
    communeCode: person.communeCode ?? '',
    communeName: normalizeForSearch(person.communeName),
  };
}

/** True when one substitution, insertion, deletion or swap of two neighbouring letters turns `left` into `right`. */
export function withinOneEdit(left: string, right: string): boolean {
  if (left === right) return true;
  if (Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start += 1;
  let leftEnd = left.length;
  let rightEnd = right.length;
  while (leftEnd > start && rightEnd > start && left[leftEnd - 1] === right[rightEnd - 1]) {
    leftEnd -= 1;
    rightEnd -= 1;
  }
  const leftRest = leftEnd - start;
  const rightRest = rightEnd - start;
  if (leftRest <= 1 && rightRest <= 1) return true;
  return leftRest === 2 && rightRest === 2 && left[start] === right[start + 1] && left[start + 1] === right[start];
}

function closeSpelling(left: string, right: string): boolean {
  return Math.min(left.length, right.length) >= CLOSE_SPELLING_MIN_LENGTH && withinOneEdit(left, right);
}

function oneLetterDeleted(word: string): string[] {
  if (word.length < CLOSE_SPELLING_MIN_LENGTH) return [];
  const variants = new Set<string>();
  for (let index = 0; index < word.length; index += 1) variants.add(word.slice(0, index) + word.slice(index + 1));
  return [...variants];
}

/** The keys under which a person is filed; two possible duplicates always share one. */
function blockingKeys(keys: PersonKeys): string[] {
  const result: string[] = [];
  if (keys.email) result.push(`e:${keys.email}`);
  if (keys.phone) result.push(`p:${keys.phone}`);
  if (keys.last && keys.first) {
    result.push(`n:${keys.last}|${keys.first}`);
    if (keys.last !== keys.first) result.push(`s:${[keys.last, keys.first].sort().join('|')}`);
    for (const variant of oneLetterDeleted(keys.first)) result.push(`n:${keys.last}|${variant}`);
    for (const variant of oneLetterDeleted(keys.last)) result.push(`n:${variant}|${keys.first}`);
  }
  return result;
}

function communesDiffer(left: PersonKeys, right: PersonKeys): boolean {
  if (left.communeCode !== '' && right.communeCode !== '') return left.communeCode !== right.communeCode;
  return left.communeName !== '' && right.communeName !== '' && left.communeName !== right.communeName;
}

function civilitiesDiffer(left: DuplicatePerson, right: DuplicatePerson): boolean {
  return left.civility !== null && right.civility !== null && left.civility !== right.civility;
}

function writtenName(person: DuplicatePerson): string {
  return contactSortName(person) || person.email;
}

/** Both first names known and not the same name: an initial ("C." for "Claire") or a typo is not a difference. */
function firstNamesDiffer(left: PersonKeys, right: PersonKeys): boolean {
  if (left.first === '' || right.first === '') return false;
  if (withinOneEdit(left.first, right.first) || left.first === right.last || right.first === left.last) return false;
  return !left.first.startsWith(right.first) && !right.first.startsWith(left.first);
}

/**
 * Why two people may be the same one, or null. A shared e-mail or phone is not enough when both
 * first names are known and clearly different: a town hall's address or switchboard is often
 * shared by the mayor and the secretary.
 */
function compareKeys(left: DuplicatePerson, leftKeys: PersonKeys, right: DuplicatePerson, rightKeys: PersonKeys): DuplicateMatch | null {
  const firstNamesClash = firstNamesDiffer(leftKeys, rightKeys);
  const differentCommunes = communesDiffer(leftKeys, rightKeys);
  const match = (kind: DuplicateKind, reason: string): DuplicateMatch => ({
    kind,
    reason: differentCommunes && (kind === 'same-name' || kind === 'swapped-names') ? `${reason} (communes différentes : ${left.communeName || left.communeCode} / ${right.communeName || right.communeCode})` : reason,
    differentCommunes,
  });
  if (leftKeys.email && leftKeys.email === rightKeys.email && !firstNamesClash) return match('email', 'même e-mail');
  const samePhone = leftKeys.phone !== '' && leftKeys.phone === rightKeys.phone && !firstNamesClash;
  if (!leftKeys.last || !leftKeys.first || !rightKeys.last || !rightKeys.first) return samePhone ? match('phone', 'même téléphone') : null;
  if (leftKeys.last === rightKeys.last && leftKeys.first === rightKeys.first) {
    const sameWriting = `${left.lastName.trim()} ${left.firstName.trim()}` === `${right.lastName.trim()} ${right.firstName.trim()}`;
    return match('same-name', sameWriting ? 'même nom et prénom' : `même nom et prénom, écrits autrement : ${writtenName(left)} / ${writtenName(right)}`);
  }
  if (leftKeys.last === rightKeys.first && leftKeys.first === rightKeys.last) {
    return match('swapped-names', `nom et prénom inversés : ${writtenName(left)} / ${writtenName(right)}`);
  }
  if (samePhone) return match('phone', 'même téléphone');
  // One letter apart in two different communes: two people (Lefebvre and Lefèvre, mayors of two villages).
  if (civilitiesDiffer(left, right) || differentCommunes) return null;
  if (leftKeys.first === rightKeys.first && closeSpelling(leftKeys.last, rightKeys.last)) {
    return match('close-spelling', `orthographe proche : ${left.lastName.trim()} / ${right.lastName.trim()}`);
  }
  if (leftKeys.last === rightKeys.last && closeSpelling(leftKeys.first, rightKeys.first)) {
    return match('close-spelling', `orthographe proche : ${left.firstName.trim()} / ${right.firstName.trim()}`);
  }
  return null;
}

/** Why two people may be the same one, or null when nothing suggests it. */
export function compareForDuplicate(left: DuplicatePerson, right: DuplicatePerson): DuplicateMatch | null {
  return compareKeys(left, personKeys(left), right, personKeys(right));
}

interface IndexedPerson<Id> {
  id: Id;
  person: DuplicatePerson;
  keys: PersonKeys;
}

/**
 * People filed under their blocking keys; `matches` lists the already filed people a newcomer may
 * duplicate. An import files the directory, then each row after checking it, so a person appearing
 * twice in the file is caught as well.
 */
export class DuplicateIndex<Id> {
  private readonly buckets = new Map<string, IndexedPerson<Id>[]>();

  add(id: Id, person: DuplicatePerson): void {
    const entry: IndexedPerson<Id> = { id, person, keys: personKeys(person) };
    for (const key of blockingKeys(entry.keys)) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(entry);
      else this.buckets.set(key, [entry]);
    }
  }

  /** Filed people that `person` may duplicate, strongest reason first, each once; reasons name the filed person first. */
  matches(person: DuplicatePerson): { id: Id; match: DuplicateMatch }[] {
    const keys = personKeys(person);
    const seen = new Set<IndexedPerson<Id>>();
    const found: { id: Id; match: DuplicateMatch }[] = [];
    for (const key of blockingKeys(keys)) {
      for (const candidate of this.buckets.get(key) ?? []) {
        if (seen.has(candidate)) continue;
        seen.add(candidate);
        const match = compareKeys(candidate.person, candidate.keys, person, keys);
        if (match) found.push({ id: candidate.id, match });
      }
    }
    return found.sort((left, right) => KIND_STRENGTH[left.match.kind] - KIND_STRENGTH[right.match.kind]);
  }
}

const KIND_STRENGTH: Record<DuplicateKind, number> = { email: 0, 'same-name': 1, 'swapped-names': 2, phone: 3, 'close-spelling': 4 };

/** Every possible-duplicate pair among the live contacts, grouped, groups in name order. */
export function findDuplicateContacts(snapshot: Pick<DirectorySnapshot, 'contacts'>): DuplicateGroup[] {
  const live = snapshot.contacts.filter((contact) => contact.trashedAt === null);
  const index = new DuplicateIndex<Contact>();
  const pairs: DuplicatePair[] = [];
  for (const contact of live) {
    for (const { id: other, match } of index.matches(contact)) pairs.push({ firstId: other.id, secondId: contact.id, ...match });
    index.add(contact, contact);
  }
  return groupPairs(live, pairs);
}

function groupPairs(contacts: readonly Contact[], pairs: readonly DuplicatePair[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let current = id;
    while (parent.get(current) !== current && parent.has(current)) current = parent.get(current) as string;
    parent.set(id, current);
    return current;
  };
  for (const pair of pairs) {
    if (!parent.has(pair.firstId)) parent.set(pair.firstId, pair.firstId);
    if (!parent.has(pair.secondId)) parent.set(pair.secondId, pair.secondId);
    parent.set(root(pair.secondId), root(pair.firstId));
  }
  const sortNames = new Map(contacts.map((contact) => [contact.id, contactSortName(contact)]));
  const byName = (left: string, right: string): number => frenchCollator.compare(sortNames.get(left) ?? '', sortNames.get(right) ?? '');
  const groups = new Map<string, DuplicateGroup>();
  for (const pair of pairs) {
    const key = root(pair.firstId);
    let group = groups.get(key);
    if (!group) {
      group = { contactIds: [], pairs: [] };
      groups.set(key, group);
    }
    group.pairs.push(pair);
    for (const id of [pair.firstId, pair.secondId]) if (!group.contactIds.includes(id)) group.contactIds.push(id);
  }
  const result = [...groups.values()];
  for (const group of result) group.contactIds.sort(byName);
  return result.sort((left, right) => byName(left.contactIds[0] ?? '', right.contactIds[0] ?? ''));
}
