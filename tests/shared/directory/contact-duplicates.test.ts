import { describe, expect, it } from 'vitest';
import { compareForDuplicate, findDuplicateContacts, phoneDigits, withinOneEdit } from '@shared/directory/contact-duplicates';
import type { Contact } from '@shared/directory/contact-model';
import { contact, manyContacts, snapshotOf } from './directory-fixtures';

function person(lastName: string, firstName: string, fields: Partial<Contact> = {}): Contact {
  return contact(`${lastName}-${firstName}`, { lastName, firstName, ...fields });
}

describe('recognising the same person typed twice', () => {
  it.each([
    ['case and accents', person('MÉTAYER', 'Sophie'), person('Metayer', 'sophie'), 'même nom et prénom, écrits autrement : MÉTAYER Sophie / METAYER sophie'],
    ['hyphens and spaces', person('Houssin-Salvetat', 'Marie Noëlle'), person('HOUSSIN SALVETAT', 'Marie-Noelle'), 'même nom et prénom, écrits autrement : HOUSSIN-SALVETAT Marie Noëlle / HOUSSIN SALVETAT Marie-Noelle'],
    ['the same writing', person('Dupont', 'Claire'), person('Dupont', 'Claire'), 'même nom et prénom'],
    ['first and last name swapped', person('Claire', 'Dupont'), person('DUPONT', 'Claire'), 'nom et prénom inversés : CLAIRE Dupont / DUPONT Claire'],
    ['one letter off in the last name', person('Dupont', 'Claire'), person('Dupond', 'Claire'), 'orthographe proche : Dupont / Dupond'],
    ['two letters swapped in the last name', person('Lefebvre', 'Anne'), person('Lefbevre', 'Anne'), 'orthographe proche : Lefebvre / Lefbevre'],
    ['a letter missing in the first name', person('Moreau', 'Isabelle'), person('Moreau', 'Isabele'), 'orthographe proche : Isabelle / Isabele'],
    ['the same e-mail', person('Dupont', 'C.', { email: 'Claire.Dupont@example.fr ' }), person('Dupont-Morel', 'Claire', { email: 'claire.dupont@example.fr' }), 'même e-mail'],
    ['the same phone written differently', person('Roux', '', { phone: '+33 6 12 34 56 78' }), person('Roux', 'Martin', { phone: '06.12.34.56.78' }), 'même téléphone'],
  ])('%s', (_case, left, right, reason) => {
    expect(compareForDuplicate(left, right)?.reason).toBe(reason);
  });

  it.each([
    ['a common last name with different first names', person('Martin', 'Claude'), person('Martin', 'Louis')],
    ['short first names one letter apart', person('Martin', 'Rémi'), person('Martin', 'Rémy')],
    ['short last names one letter apart', person('Roux', 'Paul'), person('Rous', 'Paul')],
    ['close first names of a man and a woman', person('Martin', 'Denis', { civility: 'm' }), person('Martin', 'Denise', { civility: 'mme' })],
    ['two letters off', person('Dupont', 'Claire'), person('Dupuis', 'Claire')],
    ['a town hall e-mail shared by the mayor and the secretary', person('Brémond', 'Hélène', { email: 'mairie@angrie.fr' }), person('Lucas', 'Thierry', { email: 'mairie@angrie.fr' })],
    ['the same last name and no first name', person('Martin', ''), person('Martin', '')],
  ])('not flagged: %s', (_case, left, right) => {
    expect(compareForDuplicate(left, right)).toBeNull();
  });

  it('one edit means one substitution, insertion, deletion or swap of neighbours, no more', () => {
    expect(withinOneEdit('dupont', 'dupond')).toBe(true);
    expect(withinOneEdit('dupont', 'dupontt')).toBe(true);
    expect(withinOneEdit('dupont', 'dpuont')).toBe(true);
    expect(withinOneEdit('dupont', 'dupnot')).toBe(true);
    expect(withinOneEdit('dupont', 'dpount')).toBe(false);
    expect(withinOneEdit('dupont', 'dupuis')).toBe(false);
    expect(withinOneEdit('aab', 'ab')).toBe(true);
  });

  it('phone numbers compare by their digits, the +33 prefix read as a 0', () => {
    expect(phoneDigits('+33 (0)6 12 34 56 78')).toBe('0612345678');
    expect(phoneDigits('+33 6 12 34 56 78')).toBe('0612345678');
    expect(phoneDigits('0033 6 12 34 56 78')).toBe('0612345678');
  });
});

describe('the "Doublons possibles" list', () => {
  it('groups people linked by duplicates, each pair with its reason, trashed contacts left out', () => {
    const groups = findDuplicateContacts(
      snapshotOf([
        person('Dupont', 'Claire', { id: 'a' }),
        person('DUPOND', 'Claire', { id: 'b' }),
        person('Dupond', 'Clair', { id: 'c', email: 'cd@example.fr' }),
        person('Martin', 'Louis', { id: 'd' }),
        person('Martin', 'Claude', { id: 'e' }),
        person('Martin', 'Claude', { id: 'f', trashedAt: 1 }),
      ]),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.contactIds).toEqual(['c', 'b', 'a']);
    expect(groups[0]?.pairs.map((pair) => [pair.firstId, pair.secondId, pair.reason])).toEqual([
      ['a', 'b', 'orthographe proche : Dupont / DUPOND'],
      ['b', 'c', 'orthographe proche : Claire / Clair'],
    ]);
  });

  it('10,000 contacts are checked in under a second, and only the planted duplicates come out', () => {
    const contacts = manyContacts(10_000);
    const planted = [
      contact('copy-1', { lastName: (contacts[42]?.lastName ?? '').toLowerCase(), firstName: contacts[42]?.firstName ?? '' }),
      contact('copy-2', { lastName: `${contacts[4242]?.lastName ?? ''}S`, firstName: contacts[4242]?.firstName ?? '' }),
      contact('copy-3', { lastName: 'Nom-de-jeune-fille', firstName: contacts[9000]?.firstName ?? '', email: contacts[9000]?.email ?? '' }),
    ];
    const started = performance.now();
    const groups = findDuplicateContacts(snapshotOf([...contacts, ...planted]));
    const elapsed = performance.now() - started;
    expect(groups.map((group) => group.contactIds.sort())).toEqual(
      expect.arrayContaining([
        ['c42', 'copy-1'],
        ['c4242', 'copy-2'],
        ['c9000', 'copy-3'],
      ]),
    );
    expect(groups).toHaveLength(3);
    expect(elapsed).toBeLessThan(1_000);
  });
});
