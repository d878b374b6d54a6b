import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeContacts } from '@shared/directory/contact-merge';
import { createContact, trashContact, updateContact } from '@shared/directory/contact-operations';
import { findDuplicateContacts } from '@shared/directory/contact-duplicates';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { createOrganisation, updateOrganisation } from '@shared/directory/organisation-operations';
import { COLLEAGUE_EDIT, LOCAL_EDIT } from '../domain-fixtures';
import { NOW } from './directory-fixtures';

function exchange(left: Y.Doc, right: Y.Doc): void {
  const toRight = Y.encodeStateAsUpdate(left, Y.encodeStateVector(right));
  const toLeft = Y.encodeStateAsUpdate(right, Y.encodeStateVector(left));
  Y.applyUpdate(right, toRight, COLLEAGUE_EDIT);
  Y.applyUpdate(left, toLeft, COLLEAGUE_EDIT);
}

function comparable(doc: Y.Doc) {
  const snapshot = readDirectorySnapshot(doc);
  return {
    contacts: [...snapshot.contacts].sort((left, right) => left.id.localeCompare(right.id)),
    organisations: [...snapshot.organisations].sort((left, right) => left.id.localeCompare(right.id)),
    aliases: [...snapshot.aliases.entries()].sort(),
  };
}

describe('the directory edited offline on two machines', () => {
  it('contacts and organisations added and edited apart meet when the machines exchange their changes', () => {
    const office = new Y.Doc();
    const claire = createContact(office, { lastName: 'Dupont', firstName: 'Claire', category: 'partenaire' }, LOCAL_EDIT, NOW);
    const caf = createOrganisation(office, { name: 'CAF de Maine-et-Loire', kind: 'caf' }, LOCAL_EDIT, NOW);
    const laptop = new Y.Doc();
    exchange(office, laptop);

    // Apart: the office fixes the e-mail, the laptop in a town hall adds a phone and a walk-in.
    updateContact(office, claire, { email: 'claire.dupont@example.fr' }, LOCAL_EDIT, NOW + 1);
    updateOrganisation(office, caf, { communeName: 'Angers' }, LOCAL_EDIT, NOW + 1);
    updateContact(laptop, claire, { phone: '06 12 34 56 78', organisationId: caf }, LOCAL_EDIT, NOW + 2);
    const walkIn = createContact(laptop, { lastName: 'Ribeiro', firstName: 'Antonio', category: 'habitant' }, LOCAL_EDIT, NOW + 2);
    const removed = createContact(office, { lastName: 'Erreur', firstName: 'Saisie' }, LOCAL_EDIT, NOW + 3);
    trashContact(office, removed, LOCAL_EDIT, NOW + 4);

    exchange(office, laptop);
    expect(comparable(office)).toEqual(comparable(laptop));
    const contacts = new Map(readDirectorySnapshot(office).contacts.map((contact) => [contact.id, contact]));
    expect(contacts.get(claire)).toMatchObject({ email: 'claire.dupont@example.fr', phone: '06 12 34 56 78', organisationId: caf });
    expect(contacts.get(walkIn)).toMatchObject({ lastName: 'Ribeiro' });
    expect(contacts.get(removed)?.trashedAt).toBe(NOW + 4);
    expect(readDirectorySnapshot(laptop).organisations[0]?.communeName).toBe('Angers');
  });

  it('the same person typed on both machines shows up as a duplicate, and a merge on one machine reaches the other', () => {
    const office = new Y.Doc();
    const laptop = new Y.Doc();
    const typedAtOffice = createContact(office, { lastName: 'Métayer', firstName: 'Sophie' }, LOCAL_EDIT, NOW);
    const typedInTheRoom = createContact(laptop, { lastName: 'METAYER', firstName: 'Sophie', phone: '0698765432' }, LOCAL_EDIT, NOW);
    exchange(office, laptop);
    expect(findDuplicateContacts(readDirectorySnapshot(laptop)).map((group) => group.contactIds.sort())).toEqual([[typedAtOffice, typedInTheRoom].sort()]);

    mergeContacts(office, typedAtOffice, typedInTheRoom, {}, LOCAL_EDIT, NOW + 1);
    // Meanwhile, offline, the laptop still edits the record being merged away.
    updateContact(laptop, typedAtOffice, { jobTitle: 'Habitante' }, LOCAL_EDIT, NOW + 2);
    exchange(office, laptop);

    expect(comparable(office)).toEqual(comparable(laptop));
    const snapshot = readDirectorySnapshot(laptop);
    expect(snapshot.contacts).toHaveLength(1);
    expect(snapshot.contacts[0]).toMatchObject({ id: typedAtOffice, phone: '0698765432', jobTitle: 'Habitante' });
    expect(snapshot.aliases.get(typedInTheRoom)).toBe(typedAtOffice);
  });
});
