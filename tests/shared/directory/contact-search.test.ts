import { describe, expect, it } from 'vitest';
import { directoryCommunes, prepareContactSearch, searchContacts } from '@shared/directory/contact-search';
import type { Organisation } from '@shared/directory/contact-model';
import { contact, manyContacts, NOW, snapshotOf } from './directory-fixtures';

const caf: Organisation = { id: 'org-caf', name: 'CAF de Maine-et-Loire', kind: 'caf', communeCode: null, communeName: '', createdAt: NOW, updatedAt: NOW, trashedAt: null };
const mairie: Organisation = { id: 'org-mairie', name: 'Mairie d’Angrie', kind: 'commune', communeCode: '49008', communeName: 'Angrie', createdAt: NOW, updatedAt: NOW, trashedAt: null };

const people = snapshotOf(
  [
    contact('helene', { lastName: 'Brémond', firstName: 'Hélène', jobTitle: 'Maire', organisationId: 'org-mairie', category: 'elu', communeCode: '49008', communeName: 'Angrie', updatedAt: NOW + 3 }),
    contact('edith', { lastName: 'GUÉRIN', firstName: 'Édith', jobTitle: 'Référente famille', organisationId: 'org-caf', category: 'partenaire', communeName: 'Angers', email: 'e.guerin@caf49.example.fr', updatedAt: NOW + 1 }),
    contact('eric', { lastName: 'Guerin', firstName: 'Éric', category: 'habitant', communeCode: '49007', communeName: 'Angers', updatedAt: NOW + 2 }),
    contact('zoe', { lastName: 'Abadie', firstName: 'Zoé', category: 'associatif', updatedAt: NOW }),
    contact('gone', { lastName: 'Guérineau', firstName: 'Paul', trashedAt: NOW }),
  ],
  [caf, mairie],
);

const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

describe('finding a contact in the directory', () => {
  const search = prepareContactSearch(people);

  it('a name typed without accents or capitals finds the person', () => {
    expect(ids(search('guerin'))).toEqual(['edith', 'eric']);
    expect(ids(search('HELENE'))).toEqual(['helene']);
    expect(ids(search('bremond helene'))).toEqual(['helene']);
  });

  it('the first letters are enough, in any order, but letters inside a word do not match', () => {
    expect(ids(search('gu ed'))).toEqual(['edith']);
    expect(ids(search('ed gu'))).toEqual(['edith']);
    expect(search('erin')).toEqual([]);
  });

  it('the organisation, the commune, the function and the e-mail are searched too', () => {
    expect(ids(search('caf'))).toEqual(['edith']);
    expect(ids(search('mairie angrie'))).toEqual(['helene']);
    expect(ids(search('angers'))).toEqual(['edith', 'eric']);
    expect(ids(search('referente'))).toEqual(['edith']);
    expect(ids(search('e.guerin@caf49'))).toEqual(['edith']);
  });

  it('a trashed contact is found only in the trash', () => {
    expect(ids(search('guerineau'))).toEqual([]);
    expect(ids(search('guerineau', { trashed: 'only' }))).toEqual(['gone']);
    expect(ids(search('', { trashed: 'include' }))).toHaveLength(5);
  });

  it('category, commune and organisation filters narrow the list', () => {
    expect(ids(search('', { category: 'elu' }))).toEqual(['helene']);
    expect(ids(search('', { commune: '49007' }))).toEqual(['eric']);
    expect(ids(search('', { commune: 'nom:angers' }))).toEqual(['edith']);
    expect(ids(search('', { organisationId: 'org-caf' }))).toEqual(['edith']);
    expect(ids(search('guerin', { category: 'habitant' }))).toEqual(['eric']);
  });

  it('names sort the French way, accents and case ignored ("DUPONT Claire" order)', () => {
    expect(ids(search(''))).toEqual(['zoe', 'helene', 'edith', 'eric']);
  });

  it('lists sort by organisation, commune, category or last change, blanks last', () => {
    expect(ids(search('', { sort: 'organisation' }))).toEqual(['edith', 'helene', 'zoe', 'eric']);
    expect(ids(search('', { sort: 'commune' }))).toEqual(['edith', 'eric', 'helene', 'zoe']);
    expect(ids(search('', { sort: 'category' }))).toEqual(['zoe', 'helene', 'eric', 'edith']);
    expect(ids(search('', { sort: 'updated' }))).toEqual(['helene', 'eric', 'edith', 'zoe']);
  });

  it('ranked by relevance, people whose name matches come before those whose commune or organisation does', () => {
    const directory = snapshotOf([contact('angevin', { lastName: 'Zorn', firstName: 'Paul', communeName: 'Angers' }), contact('angel', { lastName: 'Angel', firstName: 'Marie' })]);
    expect(ids(searchContacts(directory, 'ange', { sort: 'relevance' }))).toEqual(['angel', 'angevin']);
    expect(ids(searchContacts(directory, 'ange'))).toEqual(['angel', 'angevin']);
    expect(ids(searchContacts(directory, 'ange', { sort: 'relevance', limit: 1 }))).toEqual(['angel']);
  });

  it('the commune filter offers each commune once, with its number of contacts', () => {
    expect(directoryCommunes(people)).toEqual([
      { key: 'nom:angers', label: 'Angers', count: 1 },
      { key: '49007', label: 'Angers', count: 1 },
      { key: '49008', label: 'Angrie', count: 1 },
    ]);
  });

  it('each keystroke over 10,000 contacts answers in a few milliseconds once the directory is prepared', () => {
    const directory = snapshotOf(manyContacts(10_000));
    const started = performance.now();
    const prepared = prepareContactSearch(directory);
    prepared('');
    const preparedIn = performance.now() - started;
    const typing = performance.now();
    for (const query of ['b', 'ba', 'bac', 'bacé', 'bacé c', 'bacé cl']) prepared(query);
    const perKeystroke = (performance.now() - typing) / 6;
    expect(prepared('bacédi cl').length).toBeGreaterThan(0);
    expect(preparedIn).toBeLessThan(1_500);
    expect(perKeystroke).toBeLessThan(50);
  });
});
