import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { differingFields, mergeContacts } from '@shared/directory/contact-merge';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { contactAliasesMap } from '@shared/documents/directory-structure';
import { InvalidOperationError } from '@shared/operations/document-guards';
import { LOCAL_EDIT } from '../domain-fixtures';
import { directoryWith, NOW } from './directory-fixtures';

function contactById(doc: Y.Doc, id: string) {
  return readDirectorySnapshot(doc).contacts.find((contact) => contact.id === id);
}

describe('merging two records of one person', () => {
  it('the survivor keeps its values and gets the ones it lacked; the other record disappears, its id still leads to the survivor', () => {
    const { doc, ids } = directoryWith([
      { lastName: 'Dupont', firstName: 'Claire', email: 'claire.dupont@example.fr', category: 'partenaire', notes: 'Rencontrée au COPIL de mars.' },
      { lastName: 'DUPOND', firstName: 'Claire', phone: '06 12 34 56 78', jobTitle: 'Directrice', communeName: 'Angers', communeCode: '49007', email: 'c.dupond@example.fr', category: 'elu', notes: 'Préfère être appelée le matin.' },
    ]);
    const [survivor = '', merged = ''] = ids;
    mergeContacts(doc, survivor, merged, {}, LOCAL_EDIT, NOW + 10);
    const snapshot = readDirectorySnapshot(doc);
    expect(snapshot.contacts).toHaveLength(1);
    expect(snapshot.contacts[0]).toMatchObject({
      id: survivor,
      lastName: 'Dupont',
      email: 'claire.dupont@example.fr',
      category: 'partenaire',
      phone: '06 12 34 56 78',
      jobTitle: 'Directrice',
      communeName: 'Angers',
      communeCode: '49007',
      notes: 'Rencontrée au COPIL de mars.\n\nPréfère être appelée le matin.',
      createdAt: NOW,
      updatedAt: NOW + 10,
    });
    expect(snapshot.aliases.get(merged)).toBe(survivor);
  });

  it('the person chooses, field by field, which record gives the value', () => {
    const { doc, ids } = directoryWith([
      { lastName: 'Dupont', firstName: 'Claire', email: 'ancienne@example.fr', legalBasis: 'public-interest' },
      { lastName: 'Dupont', firstName: 'Claire', email: 'claire@example.fr', legalBasis: 'consent', consentDate: '2025-01-15', notes: 'Seulement ici' },
    ]);
    const [survivor = '', merged = ''] = ids;
    mergeContacts(doc, survivor, merged, { email: 'merged', legalBasis: 'merged', notes: 'survivor' }, LOCAL_EDIT);
    expect(contactById(doc, survivor)).toMatchObject({ email: 'claire@example.fr', legalBasis: 'consent', consentDate: '2025-01-15', notes: '' });
  });

  it('the merge dialog asks only about the fields that differ', () => {
    const { doc, ids } = directoryWith([
      { lastName: 'Dupont', firstName: 'Claire', communeName: 'Angers' },
      { lastName: 'DUPONT', firstName: 'Claire', communeName: 'Angers', communeCode: '49007' },
    ]);
    const snapshot = readDirectorySnapshot(doc);
    const [left, right] = ids.map((id) => snapshot.contacts.find((contact) => contact.id === id));
    if (!left || !right) throw new Error('fixture contacts missing');
    expect(differingFields(left, right)).toEqual(['lastName', 'communeName']);
  });

  it('merging into a contact that had itself absorbed another keeps every old id resolving to the survivor', () => {
    const { doc, ids } = directoryWith([
      { lastName: 'Dupont', firstName: 'Claire' },
      { lastName: 'Dupond', firstName: 'Claire' },
      { lastName: 'DUPONT', firstName: 'Claire' },
    ]);
    const [first = '', second = '', third = ''] = ids;
    mergeContacts(doc, second, third, {}, LOCAL_EDIT);
    mergeContacts(doc, first, second, {}, LOCAL_EDIT);
    expect(contactAliasesMap(doc).toJSON()).toEqual({ [third]: first, [second]: first });
    expect(readDirectorySnapshot(doc).aliases.get(third)).toBe(first);
  });

  it('a contact cannot be merged with itself or with one a colleague already merged away', () => {
    const { doc, ids } = directoryWith([{ lastName: 'Dupont' }, { lastName: 'Dupond' }]);
    const [first = '', second = ''] = ids;
    expect(() => mergeContacts(doc, first, first, {}, LOCAL_EDIT)).toThrow(InvalidOperationError);
    mergeContacts(doc, first, second, {}, LOCAL_EDIT);
    expect(() => mergeContacts(doc, first, second, {}, LOCAL_EDIT)).toThrow('Un des deux contacts est introuvable');
  });

  it('a merge is one step to undo', () => {
    const { doc, ids } = directoryWith([{ lastName: 'Dupont', firstName: 'Claire' }, { lastName: 'Dupond', firstName: 'Claire', phone: '0612345678' }]);
    const [first = '', second = ''] = ids;
    const undo = new Y.UndoManager([doc.getMap('directory.contacts'), contactAliasesMap(doc)], { trackedOrigins: new Set([LOCAL_EDIT]) });
    mergeContacts(doc, first, second, {}, LOCAL_EDIT);
    undo.undo();
    const snapshot = readDirectorySnapshot(doc);
    expect(snapshot.contacts.map((contact) => contact.id).sort()).toEqual([first, second].sort());
    expect(snapshot.contacts.find((contact) => contact.id === first)?.phone).toBe('');
    expect(snapshot.aliases.size).toBe(0);
  });
});
