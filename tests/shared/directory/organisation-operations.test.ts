import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createOrganisation, findOrCreateOrganisation, restoreOrganisation, trashOrganisation, updateOrganisation } from '@shared/directory/organisation-operations';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { InvalidOperationError } from '@shared/operations/document-guards';
import { LOCAL_EDIT } from '../domain-fixtures';
import { NOW } from './directory-fixtures';

function organisationsOf(doc: Y.Doc) {
  return readDirectorySnapshot(doc).organisations;
}

describe('organisations of the directory', () => {
  it('an organisation is created, renamed, trashed and restored', () => {
    const doc = new Y.Doc();
    const id = createOrganisation(doc, { name: '  CAF de Maine-et-Loire ', kind: 'caf' }, LOCAL_EDIT, NOW);
    expect(organisationsOf(doc)).toEqual([
      { id, name: 'CAF de Maine-et-Loire', kind: 'caf', communeCode: null, communeName: '', createdAt: NOW, updatedAt: NOW, trashedAt: null },
    ]);
    updateOrganisation(doc, id, { name: 'Caisse d’allocations familiales de Maine-et-Loire', communeName: 'Angers', communeCode: '49007' }, LOCAL_EDIT, NOW + 1);
    expect(organisationsOf(doc)[0]).toMatchObject({ name: 'Caisse d’allocations familiales de Maine-et-Loire', communeName: 'Angers', communeCode: '49007', updatedAt: NOW + 1 });
    trashOrganisation(doc, id, LOCAL_EDIT, NOW + 2);
    expect(organisationsOf(doc)[0]?.trashedAt).toBe(NOW + 2);
    restoreOrganisation(doc, id, LOCAL_EDIT, NOW + 3);
    expect(organisationsOf(doc)[0]?.trashedAt).toBeNull();
  });

  it('an organisation without a name, or renamed to nothing, is refused in French', () => {
    const doc = new Y.Doc();
    expect(() => createOrganisation(doc, { name: '  ' }, LOCAL_EDIT)).toThrow(new InvalidOperationError('Indiquez le nom de l’organisation.'));
    const id = createOrganisation(doc, { name: 'MSA Maine-et-Loire', kind: 'msa' }, LOCAL_EDIT);
    expect(() => updateOrganisation(doc, id, { name: '' }, LOCAL_EDIT)).toThrow(InvalidOperationError);
    expect(() => updateOrganisation(doc, 'unknown', { name: 'X' }, LOCAL_EDIT)).toThrow('Cette organisation est introuvable.');
    expect(organisationsOf(doc)[0]?.name).toBe('MSA Maine-et-Loire');
  });

  it('an import naming an organisation with other accents or capitals reuses it instead of creating a twin', () => {
    const doc = new Y.Doc();
    const id = createOrganisation(doc, { name: 'Mairie d’Angrie', kind: 'commune' }, LOCAL_EDIT, NOW);
    expect(findOrCreateOrganisation(doc, { name: "MAIRIE D'ANGRIE", kind: 'commune' }, LOCAL_EDIT)).toBe(id);
    const created = findOrCreateOrganisation(doc, { name: 'Centre social du Layon', kind: 'association' }, LOCAL_EDIT, NOW);
    expect(created).not.toBe(id);
    expect(organisationsOf(doc)).toHaveLength(2);
  });

  it('finding a trashed organisation by name brings it back rather than duplicating it', () => {
    const doc = new Y.Doc();
    const id = createOrganisation(doc, { name: 'Département de la Vienne', kind: 'departement' }, LOCAL_EDIT, NOW);
    trashOrganisation(doc, id, LOCAL_EDIT, NOW);
    expect(findOrCreateOrganisation(doc, { name: 'departement de la vienne', kind: 'departement' }, LOCAL_EDIT, NOW + 1)).toBe(id);
    expect(organisationsOf(doc)).toMatchObject([{ id, trashedAt: null }]);
  });
});
