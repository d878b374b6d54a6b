import { describe, expect, test } from 'vitest';
import {
  createAfomItem,
  moveAfomItem,
  restoreAfomItem,
  setAfomIndicatorLink,
  setAfomObservationLink,
  trashAfomItem,
  updateAfomItem,
} from '@shared/qualitative/afom-operations';
import { createObservation, trashObservation } from '@shared/qualitative/observation-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { LATER, missionDoc, observationInput } from './qualitative-fixtures';

function afomTexts(doc: ReturnType<typeof missionDoc>): Record<string, string[]> {
  const grouped: Record<string, string[]> = {};
  for (const item of readQualitativeSnapshot(doc).afom) (grouped[item.quadrant] ??= []).push(item.text);
  return grouped;
}

describe('AFOM (atouts, faiblesses, opportunités, menaces)', () => {
  test('items are grouped by quadrant in the grid’s order and kept in the order they were added', () => {
    const doc = missionDoc();
    createAfomItem(doc, { quadrant: 'menaces', text: 'Départ du dernier médecin' }, LOCAL_EDIT);
    createAfomItem(doc, { quadrant: 'atouts', text: 'Tissu associatif dense' }, LOCAL_EDIT);
    createAfomItem(doc, { quadrant: 'atouts', text: 'Foncier disponible' }, LOCAL_EDIT);
    createAfomItem(doc, { quadrant: 'opportunites', text: 'Nouvelle CTG' }, LOCAL_EDIT);

    expect(readQualitativeSnapshot(doc).afom.map((item) => item.quadrant)).toEqual(['atouts', 'atouts', 'opportunites', 'menaces']);
    expect(afomTexts(doc)).toEqual({
      atouts: ['Tissu associatif dense', 'Foncier disponible'],
      opportunites: ['Nouvelle CTG'],
      menaces: ['Départ du dernier médecin'],
    });
  });

  test('an item moves up and down within its quadrant only', () => {
    const doc = missionDoc();
    const a = createAfomItem(doc, { quadrant: 'faiblesses', text: 'A' }, LOCAL_EDIT);
    createAfomItem(doc, { quadrant: 'atouts', text: 'Atout' }, LOCAL_EDIT);
    createAfomItem(doc, { quadrant: 'faiblesses', text: 'B' }, LOCAL_EDIT);
    const c = createAfomItem(doc, { quadrant: 'faiblesses', text: 'C' }, LOCAL_EDIT);

    moveAfomItem(doc, c, 'up', LOCAL_EDIT);
    moveAfomItem(doc, a, 'down', LOCAL_EDIT);
    expect(afomTexts(doc).faiblesses).toEqual(['C', 'A', 'B']);

    moveAfomItem(doc, c, 'up', LOCAL_EDIT);
    moveAfomItem(doc, a, 2, LOCAL_EDIT);
    expect(afomTexts(doc)).toEqual({ atouts: ['Atout'], faiblesses: ['C', 'B', 'A'] });
  });

  test('an item moved to another quadrant goes to its end, and its text can be corrected', () => {
    const doc = missionDoc();
    createAfomItem(doc, { quadrant: 'opportunites', text: 'Déjà là' }, LOCAL_EDIT);
    const id = createAfomItem(doc, { quadrant: 'menaces', text: 'Fermeture de la gare' }, LOCAL_EDIT);

    updateAfomItem(doc, id, { quadrant: 'opportunites', text: 'Réouverture de la gare' }, LOCAL_EDIT);

    expect(afomTexts(doc)).toEqual({ opportunites: ['Déjà là', 'Réouverture de la gare'] });
  });

  test('an unknown quadrant or an empty text is refused', () => {
    const doc = missionDoc();
    expect(() => createAfomItem(doc, { quadrant: 'forces' as never, text: 'x' }, LOCAL_EDIT)).toThrow('Quadrant AFOM inconnu.');
    expect(() => createAfomItem(doc, { quadrant: 'atouts', text: ' ' }, LOCAL_EDIT)).toThrow('Le texte ne peut pas être vide.');
    expect(readQualitativeSnapshot(doc).afom).toEqual([]);
  });

  test('an item cites observations and indicators; an observation in the trash cannot be cited and its citation is hidden', () => {
    const doc = missionDoc();
    const observation = createObservation(doc, observationInput(), LOCAL_EDIT, LATER);
    const id = createAfomItem(doc, { quadrant: 'faiblesses', text: 'Offre d’accueil insuffisante' }, LOCAL_EDIT);

    setAfomObservationLink(doc, id, observation, true, LOCAL_EDIT);
    setAfomIndicatorLink(doc, id, 'TX_COUVERTURE_AJE', true, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).afom[0]).toMatchObject({ observationIds: [observation], indicatorCodes: ['TX_COUVERTURE_AJE'] });

    trashObservation(doc, observation, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).afom[0]?.observationIds).toEqual([]);
    const other = createAfomItem(doc, { quadrant: 'atouts', text: 'x' }, LOCAL_EDIT);
    expect(() => setAfomObservationLink(doc, other, observation, true, LOCAL_EDIT)).toThrow('Ce constat est dans la corbeille.');
    expect(() => setAfomObservationLink(doc, other, 'inconnu', true, LOCAL_EDIT)).toThrow('Ce constat est introuvable.');
  });

  test('a trashed item can be restored to its place', () => {
    const doc = missionDoc();
    createAfomItem(doc, { quadrant: 'atouts', text: 'Premier' }, LOCAL_EDIT);
    const id = createAfomItem(doc, { quadrant: 'atouts', text: 'Deuxième' }, LOCAL_EDIT);
    createAfomItem(doc, { quadrant: 'atouts', text: 'Troisième' }, LOCAL_EDIT);

    trashAfomItem(doc, id, LOCAL_EDIT);
    expect(afomTexts(doc).atouts).toEqual(['Premier', 'Troisième']);
    restoreAfomItem(doc, id, LOCAL_EDIT);
    expect(afomTexts(doc).atouts).toEqual(['Premier', 'Deuxième', 'Troisième']);
  });
});
