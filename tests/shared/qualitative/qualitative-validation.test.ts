import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { QUALITATIVE_COLLECTIONS, RECORD_FIELD } from '@shared/qualitative/qualitative-structure';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { parseAmount, validateAmount, validateDateRange } from '@shared/qualitative/qualitative-validation';
import { QUALITATIVE_THEMES } from '@shared/qualitative/qualitative-vocabulary';
import { missionDoc } from './qualitative-fixtures';

describe('amounts typed the French way', () => {
  test.each([
    ['', null],
    ['  ', null],
    ['1500', 1500],
    ['1 500', 1500],
    ['1\u202f500,50 €', 1500.5],
    ['12.5', 12.5],
    ['-3', -3],
  ])('"%s" reads as %s', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  test('text that is not an amount is refused with a message rather than read as zero', () => {
    expect(parseAmount('mille euros')).toBeNaN();
    expect(validateAmount(parseAmount('mille euros'), 'montant')).toBe('Le montant doit être un nombre.');
    expect(validateAmount(-3, 'budget')).toBe('Le budget ne peut pas être négatif.');
    expect(validateAmount(0.29, 'budget')).toBeNull();
    expect(validateAmount(5_000_000_000, 'budget')).toBe('Le budget semble trop élevé : vérifiez le nombre de zéros.');
  });
});

describe('dates of a step', () => {
  test('an end before the start, or an impossible date, is explained', () => {
    expect(validateDateRange('2025-03-01', '2025-02-01')).toEqual({ endDate: 'La date de fin doit être postérieure à la date de début.' });
    expect(validateDateRange('2025-02-29', null)).toEqual({ startDate: 'La date de début n’est pas une date valide.' });
    expect(validateDateRange(null, '2025-02-01')).toEqual({});
  });
});

describe('themes', () => {
  test('one list offers the mission themes then the indicator themes, each subject once', () => {
    const ids = QUALITATIVE_THEMES.map((theme) => theme.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 3)).toEqual(['petite-enfance', 'enfance-jeunesse', 'parentalite']);
    expect(ids).toContain('revenus');
    expect(ids).toContain('emploi');
  });
});

describe('reading a half-synced or damaged diagnostic', () => {
  test('records with missing or foreign fields are read with defaults instead of breaking the page', () => {
    const doc = missionDoc();
    doc.transact(() => {
      const sheet = new Y.Map<unknown>();
      sheet.set('title', 'un titre en texte brut');
      sheet.set('status', 'statut-futur');
      doc.getMap(QUALITATIVE_COLLECTIONS.actionSheets).set('s1', sheet);
      const afom = new Y.Map<unknown>();
      afom.set(RECORD_FIELD.createdAt, 1);
      doc.getMap(QUALITATIVE_COLLECTIONS.afom).set('a1', afom);
      doc.getMap(QUALITATIVE_COLLECTIONS.observations).set('o1', new Y.Map());
    });

    const snapshot = readQualitativeSnapshot(doc);
    expect(snapshot.actionSheets[0]).toMatchObject({ title: 'un titre en texte brut', status: 'a-lancer', number: null, steps: [] });
    expect(snapshot.afom).toEqual([]);
    expect(snapshot.observations[0]).toMatchObject({ text: '', sourceKind: 'entretien', theme: null, quotes: [] });
  });
});
