import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyContactImport, parseCategory, parseCivility, planContactImport, townHallName, type ContactImportOptions } from '@shared/directory/contact-import';
import { suggestContactImportDefaults, suggestContactMapping, type ContactMapping } from '@shared/directory/contact-import-mapping';
import type { ContactInput } from '@shared/directory/contact-model';
import { mergeContacts } from '@shared/directory/contact-merge';
import { createContact } from '@shared/directory/contact-operations';
import { createOrganisation } from '@shared/directory/organisation-operations';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { isImportError } from '@shared/import/import-error';
import { inspectTableFile } from '@shared/import/inspect-table-file';
import { LOCAL_EDIT } from '../domain-fixtures';
import { contactFixture, directoryWith, NOW } from './directory-fixtures';

const RNE_FIXTURE = 'elus-maires-fictifs.latin1.txt';
const CSV_FIXTURE = 'participants-atelier.csv';

function options(doc: Y.Doc, overrides: Partial<ContactImportOptions> = {}): ContactImportOptions {
  return {
    category: 'autre',
    jobTitle: '',
    legalBasis: 'public-interest',
    consentDate: null,
    dataSource: 'Import de test',
    retentionUntil: '2028-03-12',
    existing: readDirectorySnapshot(doc),
    ...overrides,
  };
}

/** The people already in the directory before importing the list of mayors. */
const ALREADY_KNOWN: ContactInput[] = [
  { lastName: 'Dupont', firstName: 'Claire', email: 'claire.dupont@caf49.example.fr', category: 'partenaire' },
  { lastName: 'Mathilde', firstName: 'Olivier', phone: '02 41 00 00 01' },
  { lastName: 'Guerin', firstName: 'Edith', category: 'elu' },
];

describe('a list of mayors exported from the Répertoire national des élus (ISO-8859-1, TAB, title line, split codes)', () => {
  it('the columns are recognised: names, sex as civility, the commune code made of two columns, the commune; dates of birth and professions are left out', async () => {
    const inspection = await inspectTableFile(contactFixture(RNE_FIXTURE), { fileName: RNE_FIXTURE });
    expect(suggestContactMapping(inspection)).toEqual({
      columns: { communeName: 3, lastName: 4, firstName: 5, civility: 6 },
      splitCommuneCode: { departementColumn: 0, communeColumn: 2 },
    });
    expect(suggestContactImportDefaults(inspection)).toEqual({
      category: 'elu',
      jobTitle: 'Maire',
      dataSource: `Répertoire national des élus (fichier « ${RNE_FIXTURE} »)`,
    });
  });

  it('the plan sorts rows into new mayors, people already known (by accents, swapped names or spelling) and rows left out with their line and reason', async () => {
    const { doc, ids } = directoryWith(ALREADY_KNOWN);
    const inspection = await inspectTableFile(contactFixture(RNE_FIXTURE), { fileName: RNE_FIXTURE });
    const defaults = suggestContactImportDefaults(inspection);
    const plan = planContactImport(inspection, suggestContactMapping(inspection), options(doc, defaults));

    expect(plan.toCreate.map((row) => [row.line, row.input.civility, row.input.lastName, row.input.firstName, row.input.communeCode, row.organisation?.name])).toEqual([
      [3, 'mme', 'BRÉMOND', 'Hélène', '49002', 'Mairie d’Allonnes'],
      [4, 'm', 'LEFÈVRE', 'Jean-Noël', '49007', 'Mairie d’Angers'],
      [6, 'm', 'MARTIN', 'Claude', '49009', 'Mairie d’Antoigné'],
      [7, 'm', 'MARTIN', 'Louis', '49010', 'Mairie d’Armaillé'],
      [12, 'm', 'COEUR', 'René', '86290', 'Mairie du Vigeant'],
      [14, 'mme', 'FAUCHEUX', 'Gaëlle', null, 'Mairie des Ormes'],
    ]);
    expect(plan.toCreate[0]?.input).toMatchObject({ jobTitle: 'Maire', category: 'elu', communeName: 'Allonnes', legalBasis: 'public-interest', retentionUntil: '2028-03-12', dataSource: defaults.dataSource });
    expect(plan.toCreate.at(-1)?.warnings).toEqual(['code de commune non reconnu, ignoré : « 86 ABC »']);

    expect(plan.duplicates.map((row) => [row.line, row.match, row.reason])).toEqual([
      [5, { kind: 'contact', contactId: ids[2], name: 'Edith Guerin' }, 'même nom et prénom, écrits autrement : GUERIN Edith / GUÉRIN Édith'],
      [8, { kind: 'contact', contactId: ids[0], name: 'Claire Dupont' }, 'orthographe proche : Dupont / DUPOND'],
      [9, { kind: 'contact', contactId: ids[1], name: 'Olivier Mathilde' }, 'nom et prénom inversés : MATHILDE Olivier / OLIVIER Mathilde'],
      [10, { kind: 'row', line: 4, name: 'M. Jean-Noël LEFÈVRE' }, 'même nom et prénom, écrits autrement : LEFÈVRE Jean-Noël / LEFEVRE jean noel'],
      [15, { kind: 'row', line: 6, name: 'M. Claude MARTIN' }, 'même nom et prénom (communes différentes : Antoigné / Lhommaizé)'],
    ]);
    expect(plan.duplicates.map((row) => row.suggested)).toEqual(['skip', 'skip', 'skip', 'skip', 'create']);
    expect(plan.skipped).toEqual([
      { line: 11, reason: 'ni nom ni prénom' },
      { line: 13, reason: '3 champs au lieu de 12' },
    ]);
    expect(plan.report).toEqual({
      rowsRead: 13,
      toCreate: 6,
      duplicates: 5,
      skipped: 2,
      organisationsToCreate: ['Mairie d’Allonnes', 'Mairie d’Angers', 'Mairie d’Antoigné', 'Mairie d’Armaillé', 'Mairie du Vigeant', 'Mairie des Ormes'],
    });
  });

  it('importing writes the new mayors with their town halls, and each possible duplicate as decided, in one undoable step', async () => {
    const { doc, ids } = directoryWith(ALREADY_KNOWN);
    const existingTownHall = createOrganisation(doc, { name: "MAIRIE D'ANGERS", kind: 'commune' }, LOCAL_EDIT, NOW);
    const inspection = await inspectTableFile(contactFixture(RNE_FIXTURE), { fileName: RNE_FIXTURE });
    const plan = planContactImport(inspection, suggestContactMapping(inspection), options(doc, suggestContactImportDefaults(inspection)));
    const undo = new Y.UndoManager([doc.getMap('directory.contacts'), doc.getMap('directory.organisations')], { trackedOrigins: new Set([LOCAL_EDIT]) });
    undo.clear();

    const result = applyContactImport(doc, plan, { 5: 'merge', 8: 'create', 10: 'merge' }, LOCAL_EDIT, NOW + 100);
    // The rows created anyway (one as decided, the namesake by default) and the merged one bring the town halls of
    // Abbeville, Lhommaizé and Angrie; Angers' already existed.
    expect(result).toMatchObject({ created: 8, merged: 2, skipped: 1, organisationsCreated: 8 });

    const snapshot = readDirectorySnapshot(doc);
    expect(snapshot.contacts).toHaveLength(3 + 8);
    const byName = (lastName: string) => snapshot.contacts.filter((contact) => contact.lastName === lastName);
    expect(byName('Guerin')[0]).toMatchObject({ id: ids[2], firstName: 'Edith', civility: 'mme', jobTitle: 'Maire', communeCode: '49008', communeName: 'Angrie' });
    expect(byName('DUPOND')).toHaveLength(1);
    expect(byName('OLIVIER')).toHaveLength(0);
    expect(byName('lefevre')).toHaveLength(0);
    const lefevre = byName('LEFÈVRE')[0];
    expect(lefevre?.organisationId).toBe(existingTownHall);
    const organisations = new Map(snapshot.organisations.map((organisation) => [organisation.id, organisation]));
    expect(organisations.get(byName('COEUR')[0]?.organisationId ?? '')).toMatchObject({ name: 'Mairie du Vigeant', kind: 'commune', communeCode: '86290', communeName: 'Le Vigeant' });
    expect(organisations.get(byName('Guerin')[0]?.organisationId ?? '')?.name).toBe('Mairie d’Angrie');

    undo.undo();
    expect(readDirectorySnapshot(doc).contacts).toHaveLength(3);
    expect(readDirectorySnapshot(doc).organisations).toHaveLength(1);
  });

  it('when the person a row was to be merged into was merged away meanwhile, the row completes the survivor', async () => {
    const { doc, ids } = directoryWith(ALREADY_KNOWN);
    const inspection = await inspectTableFile(contactFixture(RNE_FIXTURE), { fileName: RNE_FIXTURE });
    const plan = planContactImport(inspection, suggestContactMapping(inspection), options(doc, suggestContactImportDefaults(inspection)));
    const survivor = createContact(doc, { lastName: 'Guérin', firstName: 'Édith' }, LOCAL_EDIT);
    mergeContacts(doc, survivor, ids[2] ?? '', {}, LOCAL_EDIT);
    applyContactImport(doc, plan, { 5: 'merge' }, LOCAL_EDIT);
    const guerins = readDirectorySnapshot(doc).contacts.filter((contact) => contact.firstName === 'Édith');
    expect(guerins).toMatchObject([{ id: survivor, jobTitle: 'Maire', communeCode: '49008' }]);
  });
});

describe('a participant list saved from a spreadsheet (CSV with ;)', () => {
  it('civility, function, organisation, category, e-mail and phone are read; communes get their INSEE code by name; a broken e-mail is dropped with a warning; a walk-in typed twice is proposed as a duplicate', async () => {
    const { doc, ids } = directoryWith([{ lastName: 'Dupont-Morel', firstName: 'Claire', email: 'claire.dupont@caf49.example.fr' }]);
    const inspection = await inspectTableFile(contactFixture(CSV_FIXTURE), { fileName: CSV_FIXTURE });
    const mapping = suggestContactMapping(inspection);
    expect(mapping).toEqual({
      columns: { civility: 0, lastName: 1, firstName: 2, jobTitle: 3, organisation: 4, communeName: 5, email: 6, phone: 7, category: 8 },
      splitCommuneCode: null,
    });
    const communeCodes: Record<string, string> = { Angers: '49007', Allonnes: '49002' };
    const plan = planContactImport(inspection, mapping, options(doc, { ...suggestContactImportDefaults(inspection), communeCodeOf: (name) => communeCodes[name] ?? null }));
    expect(plan.toCreate.map((row) => row.input.communeCode)).toEqual(['49002', null, null, '49002']);
    expect(plan.duplicates.map((row) => [row.line, row.match.kind === 'contact' ? row.match.contactId : row.match.line, row.reason])).toEqual([
      [2, ids[0], 'même e-mail'],
      [6, 4, 'même nom et prénom, écrits autrement : LEMAIRE Sophie / LE MAIRE Sophie'],
    ]);
    expect(plan.toCreate.map((row) => [row.input.civility, row.input.lastName, row.input.category, row.organisation])).toEqual([
      ['m', 'Ribeiro', 'associatif', { name: 'Association Les Amis du Bocage', kind: 'association' }],
      ['mme', 'Lemaire', 'habitant', null],
      ['m', 'Nguyen', 'technicien', { name: 'Communauté de communes Baugeois-Vallée', kind: 'epci' }],
      ['m', 'Roux', 'elu', { name: 'Mairie d’Allonnes', kind: 'commune', communeCode: '49002', communeName: 'Allonnes' }],
    ]);
    expect(plan.toCreate[1]?.input.email).toBe('');
    expect(plan.toCreate[1]?.warnings).toEqual(['e-mail non valide, ignoré : « sophie.lemaire(at)example.fr »']);
    expect(plan.skipped).toEqual([{ line: 8, reason: 'ni nom ni prénom' }]);

    const result = applyContactImport(doc, plan, { 2: 'merge', 6: 'merge' }, LOCAL_EDIT);
    expect(result).toMatchObject({ created: 4, merged: 2, skipped: 0 });
    const contacts = readDirectorySnapshot(doc).contacts;
    expect(contacts.find((contact) => contact.id === ids[0])).toMatchObject({ lastName: 'Dupont-Morel', civility: 'mme', jobTitle: 'Directrice de l\'action sociale', phone: '06 12 34 56 78' });
    expect(contacts.find((contact) => contact.lastName === 'Lemaire')).toMatchObject({ phone: '07 98 76 54 32' });
  });

  it('consent as the legal basis needs its date, which every imported contact then carries', async () => {
    const doc = new Y.Doc();
    const inspection = await inspectTableFile(contactFixture(CSV_FIXTURE), { fileName: CSV_FIXTURE });
    const mapping = suggestContactMapping(inspection);
    const withoutDate = planContactImport(inspection, mapping, options(doc, { legalBasis: 'consent' }));
    expect(withoutDate.toCreate).toEqual([]);
    expect(withoutDate.skipped[0]?.reason).toContain('Indiquez la date du consentement');
    const withDate = planContactImport(inspection, mapping, options(doc, { legalBasis: 'consent', consentDate: '2025-03-12' }));
    expect(withDate.toCreate.every((row) => row.input.legalBasis === 'consent' && row.input.consentDate === '2025-03-12')).toBe(true);
  });

  it('a mapping without a name column is refused with a French message', async () => {
    const inspection = await inspectTableFile(contactFixture(CSV_FIXTURE), { fileName: CSV_FIXTURE });
    const mapping: ContactMapping = { columns: { email: 6 }, splitCommuneCode: null };
    let refusal: unknown;
    try {
      planContactImport(inspection, mapping, options(new Y.Doc()));
    } catch (error) {
      refusal = error;
    }
    expect(isImportError(refusal) && refusal.code).toBe('mapping-no-columns');
    expect((refusal as Error).message).toBe('Indiquez la colonne du nom ou celle du prénom : sans elles, aucun contact ne peut être créé.');
  });
});

describe('a participant list as an Excel workbook', () => {
  it('a title row above the header, a commune code that lost its zero and a duplicate with one letter off are handled', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Émargement');
    sheet.addRow(['Atelier parentalité du 12 mars 2025 – liste des inscrits']);
    sheet.addRow([]);
    sheet.addRow(['NOM', 'Prénom', 'Organisme', 'Adresse mail', 'Code INSEE', 'Commune']);
    sheet.addRow(['Petitjean', 'Aurélie', 'Centre social du Layon', 'a.petitjean@example.fr', 1004, 'Ambérieu-en-Bugey']);
    sheet.addRow(['Dupond', 'Claire', 'CAF de Maine-et-Loire', '', 49007, 'Angers']);
    sheet.addRow(['Benali', 'Karim', '', 'k.benali@example.fr', 49007, 'Angers']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { doc, ids } = directoryWith([{ lastName: 'Dupont', firstName: 'Claire' }]);

    const inspection = await inspectTableFile(bytes, { fileName: 'inscrits.xlsx' });
    const mapping = suggestContactMapping(inspection);
    expect(mapping).toEqual({ columns: { lastName: 0, firstName: 1, organisation: 2, email: 3, communeCode: 4, communeName: 5 }, splitCommuneCode: null });
    const plan = planContactImport(inspection, mapping, options(doc));
    expect(plan.toCreate.map((row) => [row.line, row.input.lastName, row.input.communeCode])).toEqual([
      [4, 'Petitjean', '01004'],
      [6, 'Benali', '49007'],
    ]);
    expect(plan.duplicates.map((row) => [row.line, row.match.kind === 'contact' && row.match.contactId, row.reason])).toEqual([[5, ids[0], 'orthographe proche : Dupont / Dupond']]);
  });
});

const REAL_RNE = fileURLToPath(new URL('../../../../shared/data/real/rne_maires_2020-12_dep49-80-86.latin1.txt', import.meta.url));
const HAS_REAL_RNE = existsSync(REAL_RNE);
if (!HAS_REAL_RNE) console.warn(`real RNE file absent (${REAL_RNE}): the real list of mayors import test is skipped`);

describe.skipIf(!HAS_REAL_RNE)('the real list of mayors of Maine-et-Loire, Somme and Vienne (skipped when ../shared/data/real is absent)', () => {
  it('1,213 mayors are planned with their INSEE code and town hall, none skipped, in well under a second', async () => {
    const bytes = new Uint8Array(readFileSync(REAL_RNE));
    const inspection = await inspectTableFile(bytes, { fileName: 'rne_maires_2020-12_dep49-80-86.latin1.txt' });
    const mapping = suggestContactMapping(inspection);
    expect(mapping.splitCommuneCode).toEqual({ departementColumn: 0, communeColumn: 2 });
    const doc = new Y.Doc();
    const started = performance.now();
    const plan = planContactImport(inspection, mapping, options(doc, suggestContactImportDefaults(inspection)));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(plan.skipped).toEqual([]);
    expect(plan.toCreate.length + plan.duplicates.length).toBe(1_213);
    const angers = plan.toCreate.find((row) => row.input.communeCode === '49007');
    expect(angers?.input).toMatchObject({ lastName: 'BECHU', firstName: 'Christophe', civility: 'm', jobTitle: 'Maire', category: 'elu', communeName: 'Angers' });
    expect(angers?.organisation).toEqual({ name: 'Mairie d’Angers', kind: 'commune', communeCode: '49007', communeName: 'Angers' });
    expect(plan.toCreate.every((row) => /^(?:49|80|86)\d{3}$/.test(row.input.communeCode ?? ''))).toBe(true);
    // Two mayors share a name with another mayor: shown for a check, created by default as they live elsewhere.
    expect(plan.duplicates.map((row) => [row.input.lastName, row.input.firstName, row.suggested])).toEqual([
      ['MARTIN', 'Guillaume', 'create'],
      ['DURAND', 'Pierre', 'create'],
    ]);
    expect(plan.duplicates[1]?.reason).toBe('même nom et prénom (communes différentes : Ailly-sur-Noye / Maulay)');

    const result = applyContactImport(doc, plan, {}, LOCAL_EDIT);
    expect(result.created).toBe(1_213);
    expect(readDirectorySnapshot(doc).organisations.length).toBe(result.organisationsCreated);
  });
});

describe('reading cells of contact files', () => {
  it.each([
    ['M', 'm'],
    ['M.', 'm'],
    ['Monsieur', 'm'],
    ['H', 'm'],
    ['F', 'mme'],
    ['Mme', 'mme'],
    ['MADAME', 'mme'],
    ['X', null],
  ] as const)('civility "%s" reads as %s', (cell, civility) => {
    expect(parseCivility(cell)).toBe(civility);
  });

  it.each([
    ['Élu·e', 'elu'],
    ['élus', 'elu'],
    ['Technicienne', 'technicien'],
    ['Partenaire institutionnel', 'partenaire'],
    ['CAF', 'partenaire'],
    ['Associatif', 'associatif'],
    ['habitante', 'habitant'],
    ['Bénévole', null],
  ] as const)('category "%s" reads as %s', (cell, category) => {
    expect(parseCategory(cell)).toBe(category);
  });

  it('a town hall is named the French way', () => {
    expect(townHallName('Angers')).toBe('Mairie d’Angers');
    expect(townHallName('Le Mans')).toBe('Mairie du Mans');
    expect(townHallName('Les Ponts-de-Cé')).toBe('Mairie des Ponts-de-Cé');
    expect(townHallName('La Flèche')).toBe('Mairie de La Flèche');
    expect(townHallName('Écueillé')).toBe('Mairie d’Écueillé');
    expect(townHallName('Hérisson')).toBe('Mairie de Hérisson');
  });
});
