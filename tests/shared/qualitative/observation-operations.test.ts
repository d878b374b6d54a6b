import { describe, expect, test } from 'vitest';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { InvalidOperationError } from '@shared/operations/document-guards';
import {
  addObservationQuote,
  createObservation,
  removeObservationQuote,
  restoreObservation,
  setObservationIndicatorLink,
  trashObservation,
  updateObservation,
  updateObservationQuote,
} from '@shared/qualitative/observation-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { CREATED_AT, LOCAL_EDIT, missionUndoManager } from '../domain-fixtures';
import { LATER, MUCH_LATER, missionDoc, observationInput } from './qualitative-fixtures';

describe('observations (constats)', () => {
  test('a new observation keeps its text, theme, source, date and author', () => {
    const doc = missionDoc();
    const id = createObservation(doc, observationInput({ text: '  Peu de places en crèche.  ' }), LOCAL_EDIT, LATER);

    expect(readQualitativeSnapshot(doc).observations).toEqual([
      {
        id,
        text: 'Peu de places en crèche.',
        theme: 'petite-enfance',
        sourceKind: 'entretien',
        date: '2024-04-12',
        author: 'Claire Martin',
        quotes: [],
        indicatorCodes: [],
        boardSources: [],
        createdAt: LATER,
        updatedAt: LATER,
      },
    ]);
    expect(readMissionSnapshot(doc).updatedAt).toBe(LATER);
  });

  test('an observation may use an indicator theme (revenus) as well as a mission theme, or none', () => {
    const doc = missionDoc();
    createObservation(doc, observationInput({ theme: 'revenus', author: '', date: null }), LOCAL_EDIT, LATER);
    createObservation(doc, observationInput({ theme: null }), LOCAL_EDIT, MUCH_LATER);

    const [first, second] = readQualitativeSnapshot(doc).observations;
    expect(first).toMatchObject({ theme: 'revenus', author: '', date: null });
    expect(second?.theme).toBeNull();
  });

  test('observations are listed in the order they were written', () => {
    const doc = missionDoc();
    createObservation(doc, observationInput({ text: 'Deuxième' }), LOCAL_EDIT, MUCH_LATER);
    createObservation(doc, observationInput({ text: 'Premier' }), LOCAL_EDIT, LATER);

    expect(readQualitativeSnapshot(doc).observations.map((o) => o.text)).toEqual(['Premier', 'Deuxième']);
  });

  test('each field can be edited on its own and the edit is dated', () => {
    const doc = missionDoc();
    const id = createObservation(doc, observationInput(), LOCAL_EDIT, LATER);

    updateObservation(doc, id, { sourceKind: 'atelier' }, LOCAL_EDIT, MUCH_LATER);
    updateObservation(doc, id, { date: null, author: '', theme: 'logement' }, LOCAL_EDIT, MUCH_LATER);
    updateObservation(doc, id, { text: 'Texte corrigé' }, LOCAL_EDIT, MUCH_LATER);

    expect(readQualitativeSnapshot(doc).observations[0]).toMatchObject({
      text: 'Texte corrigé',
      sourceKind: 'atelier',
      date: null,
      author: '',
      theme: 'logement',
      createdAt: LATER,
      updatedAt: MUCH_LATER,
    });
  });

  test.each([
    [{ text: '   ' }, 'Le constat ne peut pas être vide.'],
    [{ date: '2024-02-30' }, 'La date n’est pas une date valide.'],
    [{ date: '12/04/2024' }, 'La date n’est pas une date valide.'],
    [{ theme: 'astrologie' }, 'Thématique inconnue.'],
    [{ sourceKind: 'rumeur' as never }, 'Type de source inconnu.'],
    [{ author: 'x'.repeat(201) }, 'Ce texte ne peut pas dépasser 200 caractères.'],
  ])('an invalid observation (%o) is refused with a French message and nothing is written', (override, message) => {
    const doc = missionDoc();
    const before = readQualitativeSnapshot(doc);
    expect(() => createObservation(doc, observationInput(override), LOCAL_EDIT)).toThrow(new InvalidOperationError(message));
    expect(readQualitativeSnapshot(doc)).toEqual(before);
  });

  test('an edit to an observation that does not exist is refused', () => {
    expect(() => updateObservation(missionDoc(), 'inconnu', { text: 'x' }, LOCAL_EDIT)).toThrow('Ce constat est introuvable.');
  });

  test('verbatim quotes are kept one by one, in the order they were added, and can be corrected or removed', () => {
    const doc = missionDoc();
    const id = createObservation(doc, observationInput(), LOCAL_EDIT, LATER);
    const first = addObservationQuote(doc, id, '« On fait 40 km pour la PMI. »', LOCAL_EDIT);
    const second = addObservationQuote(doc, id, '« Le bus passe deux fois par jour. »', LOCAL_EDIT);
    addObservationQuote(doc, id, '« Personne ne connaît le RPE. »', LOCAL_EDIT);

    updateObservationQuote(doc, id, first, '« On fait 45 km pour la PMI. »', LOCAL_EDIT);
    removeObservationQuote(doc, id, second, LOCAL_EDIT);

    expect(readQualitativeSnapshot(doc).observations[0]?.quotes.map((quote) => quote.text)).toEqual([
      '« On fait 45 km pour la PMI. »',
      '« Personne ne connaît le RPE. »',
    ]);
    expect(() => addObservationQuote(doc, id, ' ', LOCAL_EDIT)).toThrow('La citation ne peut pas être vide.');
    expect(() => updateObservationQuote(doc, id, second, 'x', LOCAL_EDIT)).toThrow('Cette citation est introuvable.');
  });

  test('an observation links to catalogue indicators by code and refuses codes nobody defined', () => {
    const doc = missionDoc();
    const id = createObservation(doc, observationInput(), LOCAL_EDIT, LATER);

    setObservationIndicatorLink(doc, id, 'TX_PAUVRETE', true, LOCAL_EDIT);
    setObservationIndicatorLink(doc, id, 'FAM_MONOPARENTALES', true, LOCAL_EDIT);
    setObservationIndicatorLink(doc, id, 'TX_PAUVRETE', false, LOCAL_EDIT);

    expect(readQualitativeSnapshot(doc).observations[0]?.indicatorCodes).toEqual(['FAM_MONOPARENTALES']);
    expect(() => setObservationIndicatorLink(doc, id, 'INVENTE', true, LOCAL_EDIT)).toThrow('Indicateur inconnu : INVENTE.');
    expect(() => setObservationIndicatorLink(doc, id, 'A|B', true, LOCAL_EDIT)).toThrow('Code d’indicateur invalide.');
  });

  test('a trashed observation leaves the list for the trash and comes back whole when restored', () => {
    const doc = missionDoc();
    const id = createObservation(doc, observationInput({ text: 'Isolement des seniors' }), LOCAL_EDIT, LATER);
    addObservationQuote(doc, id, '« Je ne vois personne. »', LOCAL_EDIT);

    trashObservation(doc, id, LOCAL_EDIT, MUCH_LATER);
    expect(readQualitativeSnapshot(doc).observations).toEqual([]);
    expect(readQualitativeSnapshot(doc).trash).toEqual([
      { collection: 'observations', id, label: 'Isolement des seniors', trashedAt: MUCH_LATER },
    ]);

    restoreObservation(doc, id, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).trash).toEqual([]);
    expect(readQualitativeSnapshot(doc).observations[0]?.quotes.map((quote) => quote.text)).toEqual(['« Je ne vois personne. »']);
  });

  test('creating an observation is one undo step, and so is each edit', () => {
    const doc = missionDoc();
    const undo = missionUndoManager(doc, LOCAL_EDIT);
    const id = createObservation(doc, observationInput({ text: 'Avant' }), LOCAL_EDIT, CREATED_AT);
    updateObservation(doc, id, { text: 'Après' }, LOCAL_EDIT);

    undo.undo();
    expect(readQualitativeSnapshot(doc).observations[0]?.text).toBe('Avant');
    undo.undo();
    expect(readQualitativeSnapshot(doc).observations).toEqual([]);
  });
});
