import type * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import {
  createEnjeu,
  moveEnjeu,
  restoreEnjeu,
  setEnjeuIndicatorLink,
  setEnjeuObservationLink,
  trashEnjeu,
  updateEnjeu,
} from '@shared/qualitative/enjeu-operations';
import { createObservation } from '@shared/qualitative/observation-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_EDIT, missionUndoManager } from '../domain-fixtures';
import { LATER, MUCH_LATER, missionDoc, observationInput } from './qualitative-fixtures';

function titles(doc: Y.Doc): string[] {
  return readQualitativeSnapshot(doc).enjeux.map((enjeu) => enjeu.title);
}

function enjeux(doc: Y.Doc, ...names: string[]): string[] {
  return names.map((title) => createEnjeu(doc, { title, description: '', theme: null }, LOCAL_EDIT));
}

describe('enjeux', () => {
  test('a new enjeu keeps its title, description and theme and comes last in priority', () => {
    const doc = missionDoc();
    enjeux(doc, 'Accès aux soins');
    const id = createEnjeu(doc, { title: ' Garde du jeune enfant ', description: 'Horaires atypiques.', theme: 'petite-enfance' }, LOCAL_EDIT, LATER);

    const enjeu = readQualitativeSnapshot(doc).enjeux[1];
    expect(enjeu).toMatchObject({
      id,
      title: 'Garde du jeune enfant',
      description: 'Horaires atypiques.',
      theme: 'petite-enfance',
      rank: 2,
      observationIds: [],
      indicatorCodes: [],
      createdAt: LATER,
    });
  });

  test('an enjeu without a title or with an unknown theme is refused', () => {
    const doc = missionDoc();
    expect(() => createEnjeu(doc, { title: '  ', description: '', theme: null }, LOCAL_EDIT)).toThrow('Le titre est obligatoire.');
    expect(() => createEnjeu(doc, { title: 'x', description: '', theme: 'foot' }, LOCAL_EDIT)).toThrow('Thématique inconnue.');
    expect(() => createEnjeu(doc, { title: 'x'.repeat(201), description: '', theme: null }, LOCAL_EDIT)).toThrow(
      'Le titre ne peut pas dépasser 200 caractères.',
    );
    const id = createEnjeu(doc, { title: 'Valide', description: '', theme: null }, LOCAL_EDIT);
    expect(() => updateEnjeu(doc, id, { title: '' }, LOCAL_EDIT)).toThrow('Le titre est obligatoire.');
    expect(titles(doc)).toEqual(['Valide']);
  });

  test('editing an enjeu changes only the fields given', () => {
    const doc = missionDoc();
    const id = createEnjeu(doc, { title: 'Mobilité', description: 'Peu de bus.', theme: 'mobilite' }, LOCAL_EDIT, LATER);
    updateEnjeu(doc, id, { description: 'Peu de bus, pas de transport à la demande.' }, LOCAL_EDIT, MUCH_LATER);
    updateEnjeu(doc, id, { theme: null }, LOCAL_EDIT, MUCH_LATER);

    expect(readQualitativeSnapshot(doc).enjeux[0]).toMatchObject({
      title: 'Mobilité',
      description: 'Peu de bus, pas de transport à la demande.',
      theme: null,
      updatedAt: MUCH_LATER,
    });
  });

  test('priority changes with "Monter" and "Descendre" and with a move to a rank; first and last stay put', () => {
    const doc = missionDoc();
    const [a, b, c, d] = enjeux(doc, 'A', 'B', 'C', 'D') as [string, string, string, string];

    moveEnjeu(doc, c, 'up', LOCAL_EDIT);
    expect(titles(doc)).toEqual(['A', 'C', 'B', 'D']);
    moveEnjeu(doc, a, 'down', LOCAL_EDIT);
    expect(titles(doc)).toEqual(['C', 'A', 'B', 'D']);
    moveEnjeu(doc, c, 'up', LOCAL_EDIT);
    moveEnjeu(doc, d, 'down', LOCAL_EDIT);
    expect(titles(doc)).toEqual(['C', 'A', 'B', 'D']);
    moveEnjeu(doc, d, 0, LOCAL_EDIT);
    expect(titles(doc)).toEqual(['D', 'C', 'A', 'B']);
    moveEnjeu(doc, d, 99, LOCAL_EDIT);
    expect(titles(doc)).toEqual(['C', 'A', 'B', 'D']);
    moveEnjeu(doc, b, 1, LOCAL_EDIT);
    expect(titles(doc)).toEqual(['C', 'B', 'A', 'D']);
    expect(readQualitativeSnapshot(doc).enjeux.map((enjeu) => enjeu.rank)).toEqual([1, 2, 3, 4]);
  });

  test('a hundred moves keep every enjeu in place with short keys, never re-keying the others', () => {
    const doc = missionDoc();
    const [top, , last] = enjeux(doc, 'Haut', 'Milieu', 'Bas') as [string, string, string];
    const keysBefore = readQualitativeSnapshot(doc).enjeux.map((enjeu) => enjeu.order);
    for (let round = 0; round < 50; round += 1) {
      moveEnjeu(doc, last, 1, LOCAL_EDIT);
      moveEnjeu(doc, last, 2, LOCAL_EDIT);
    }
    const after = readQualitativeSnapshot(doc).enjeux;
    expect(after.map((enjeu) => enjeu.title)).toEqual(['Haut', 'Milieu', 'Bas']);
    expect(after.find((enjeu) => enjeu.id === top)?.order).toBe(keysBefore[0]);
    expect(after.every((enjeu) => enjeu.order.length < 40)).toBe(true);
  });

  test('moving is one undo step', () => {
    const doc = missionDoc();
    const [, second] = enjeux(doc, 'Premier', 'Second') as [string, string];
    const undo = missionUndoManager(doc, LOCAL_EDIT);
    moveEnjeu(doc, second, 'up', LOCAL_EDIT);
    expect(titles(doc)).toEqual(['Second', 'Premier']);
    undo.undo();
    expect(titles(doc)).toEqual(['Premier', 'Second']);
  });

  test('an enjeu is grounded by observations and indicators, which can be unlinked', () => {
    const doc = missionDoc();
    const observation = createObservation(doc, observationInput(), LOCAL_EDIT, LATER);
    const [id] = enjeux(doc, 'Garde') as [string];

    setEnjeuObservationLink(doc, id, observation, true, LOCAL_EDIT);
    setEnjeuIndicatorLink(doc, id, 'PLACES_EAJE', true, LOCAL_EDIT);
    setEnjeuIndicatorLink(doc, id, 'TX_COUVERTURE_AJE', true, LOCAL_EDIT);
    setEnjeuIndicatorLink(doc, id, 'PLACES_EAJE', false, LOCAL_EDIT);

    expect(readQualitativeSnapshot(doc).enjeux[0]).toMatchObject({ observationIds: [observation], indicatorCodes: ['TX_COUVERTURE_AJE'] });
    setEnjeuObservationLink(doc, id, observation, false, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).enjeux[0]?.observationIds).toEqual([]);
    expect(() => setEnjeuIndicatorLink(doc, id, 'NIMPORTE', true, LOCAL_EDIT)).toThrow('Indicateur inconnu : NIMPORTE.');
    expect(() => setEnjeuObservationLink(doc, 'inconnu', observation, true, LOCAL_EDIT)).toThrow('Cet enjeu est introuvable.');
  });

  test('a trashed enjeu keeps its priority rank when restored', () => {
    const doc = missionDoc();
    const [, middle] = enjeux(doc, 'A', 'B', 'C') as [string, string];

    trashEnjeu(doc, middle, LOCAL_EDIT, LATER);
    expect(titles(doc)).toEqual(['A', 'C']);
    expect(readQualitativeSnapshot(doc).enjeux.map((enjeu) => enjeu.rank)).toEqual([1, 2]);
    expect(readQualitativeSnapshot(doc).trash).toEqual([{ collection: 'enjeux', id: middle, label: 'B', trashedAt: LATER }]);
    moveEnjeu(doc, middle, 'up', LOCAL_EDIT);

    restoreEnjeu(doc, middle, LOCAL_EDIT);
    expect(titles(doc)).toEqual(['A', 'B', 'C']);
  });
});
