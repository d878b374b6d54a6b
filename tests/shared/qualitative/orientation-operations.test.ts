import { describe, expect, test } from 'vitest';
import { createEnjeu, restoreEnjeu, trashEnjeu } from '@shared/qualitative/enjeu-operations';
import {
  createOrientation,
  moveOrientation,
  restoreOrientation,
  setOrientationEnjeuLink,
  trashOrientation,
  updateOrientation,
} from '@shared/qualitative/orientation-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { LATER, missionDoc } from './qualitative-fixtures';

describe('orientations stratégiques', () => {
  test('an orientation groups enjeux; a trashed enjeu disappears from it until restored', () => {
    const doc = missionDoc();
    const garde = createEnjeu(doc, { title: 'Garde', description: '', theme: null }, LOCAL_EDIT);
    const soins = createEnjeu(doc, { title: 'Soins', description: '', theme: null }, LOCAL_EDIT);
    const id = createOrientation(doc, { title: 'Soutenir les familles', description: 'Axe 1 de la CTG.' }, LOCAL_EDIT, LATER);

    setOrientationEnjeuLink(doc, id, garde, true, LOCAL_EDIT);
    setOrientationEnjeuLink(doc, id, soins, true, LOCAL_EDIT);
    trashEnjeu(doc, soins, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).orientations).toEqual([
      expect.objectContaining({ id, title: 'Soutenir les familles', description: 'Axe 1 de la CTG.', enjeuIds: [garde], createdAt: LATER }),
    ]);

    restoreEnjeu(doc, soins, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).orientations[0]?.enjeuIds).toEqual([garde, soins].sort());
    setOrientationEnjeuLink(doc, id, garde, false, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).orientations[0]?.enjeuIds).toEqual([soins]);
  });

  test('an orientation needs a title and can only group enjeux that exist and are not in the trash', () => {
    const doc = missionDoc();
    expect(() => createOrientation(doc, { title: '', description: '' }, LOCAL_EDIT)).toThrow('Le titre est obligatoire.');
    const id = createOrientation(doc, { title: 'Axe', description: '' }, LOCAL_EDIT);
    const enjeu = createEnjeu(doc, { title: 'E', description: '', theme: null }, LOCAL_EDIT);
    trashEnjeu(doc, enjeu, LOCAL_EDIT);
    expect(() => setOrientationEnjeuLink(doc, id, enjeu, true, LOCAL_EDIT)).toThrow('Cet enjeu est dans la corbeille.');
    expect(() => setOrientationEnjeuLink(doc, id, 'inconnu', true, LOCAL_EDIT)).toThrow('Cet enjeu est introuvable.');
    expect(() => updateOrientation(doc, 'inconnue', { title: 'x' }, LOCAL_EDIT)).toThrow('Cette orientation est introuvable.');
  });

  test('orientations are edited, reordered, trashed and restored', () => {
    const doc = missionDoc();
    const first = createOrientation(doc, { title: 'Premier axe', description: '' }, LOCAL_EDIT);
    const second = createOrientation(doc, { title: 'Second axe', description: '' }, LOCAL_EDIT);

    updateOrientation(doc, second, { title: 'Axe prioritaire', description: 'À lancer en 2025.' }, LOCAL_EDIT);
    moveOrientation(doc, second, 'up', LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).orientations.map((o) => o.title)).toEqual(['Axe prioritaire', 'Premier axe']);

    trashOrientation(doc, first, LOCAL_EDIT, LATER);
    expect(readQualitativeSnapshot(doc).trash).toEqual([{ collection: 'orientations', id: first, label: 'Premier axe', trashedAt: LATER }]);
    restoreOrientation(doc, first, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).orientations.map((o) => o.description)).toEqual(['À lancer en 2025.', '']);
  });
});
