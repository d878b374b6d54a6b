import { describe, expect, test } from 'vitest';
import { defineCustomIndicator } from '@shared/diagnostic/indicator-operations';
import {
  addActionStep,
  addCoFunder,
  addEvaluationIndicator,
  createActionSheet,
  moveActionSheet,
  moveActionStep,
  removeActionStep,
  removeCoFunder,
  removeEvaluationIndicator,
  restoreActionSheet,
  setActionSheetEnjeuLink,
  setActionSheetNumber,
  setActionSheetOrientation,
  setActionSheetStatus,
  trashActionSheet,
  updateActionSheet,
  updateActionStep,
  updateCoFunder,
  updateEvaluationIndicator,
} from '@shared/qualitative/action-sheet-operations';
import { createEnjeu, trashEnjeu } from '@shared/qualitative/enjeu-operations';
import { createOrientation, trashOrientation } from '@shared/qualitative/orientation-operations';
import { actionSheetLabel, readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_EDIT } from '../domain-fixtures';
import { LATER, MUCH_LATER, missionDoc } from './qualitative-fixtures';

function sheet(doc: ReturnType<typeof missionDoc>, index = 0) {
  const found = readQualitativeSnapshot(doc).actionSheets[index];
  if (!found) throw new Error('no such fiche');
  return found;
}

describe('fiches actions', () => {
  test('a new fiche gets the next number, the status "à lancer" and empty sections', () => {
    const doc = missionDoc();
    const id = createActionSheet(doc, { title: ' Relais petite enfance itinérant ' }, LOCAL_EDIT, LATER);

    expect(sheet(doc)).toEqual({
      id,
      number: 1,
      title: 'Relais petite enfance itinérant',
      enjeuIds: [],
      orientationId: null,
      generalObjective: '',
      operationalObjectives: '',
      targetPublic: '',
      lead: '',
      partners: '',
      steps: [],
      humanResources: '',
      budgetAmount: null,
      budgetDetails: '',
      coFunders: [],
      expectedResults: '',
      evaluationIndicators: [],
      boardSources: [],
      status: 'a-lancer',
      order: expect.any(String),
      createdAt: LATER,
      updatedAt: LATER,
    });
    expect(actionSheetLabel(sheet(doc))).toBe('Fiche action n° 1 — Relais petite enfance itinérant');
  });

  test('numbers follow the highest ever given, trashed fiches included, so a restored fiche never collides', () => {
    const doc = missionDoc();
    createActionSheet(doc, { title: 'Une' }, LOCAL_EDIT);
    const second = createActionSheet(doc, { title: 'Deux' }, LOCAL_EDIT);
    trashActionSheet(doc, second, LOCAL_EDIT);
    createActionSheet(doc, { title: 'Trois' }, LOCAL_EDIT);
    createActionSheet(doc, { title: 'Dix', number: 10 }, LOCAL_EDIT);
    createActionSheet(doc, { title: 'Onze' }, LOCAL_EDIT);
    restoreActionSheet(doc, second, LOCAL_EDIT);

    expect(readQualitativeSnapshot(doc).actionSheets.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 Une',
      '2 Deux',
      '3 Trois',
      '10 Dix',
      '11 Onze',
    ]);
  });

  test('a number is editable but a number another fiche shows is refused', () => {
    const doc = missionDoc();
    createActionSheet(doc, { title: 'Accueil' }, LOCAL_EDIT);
    const id = createActionSheet(doc, { title: 'Mobilité' }, LOCAL_EDIT);

    setActionSheetNumber(doc, id, 7, LOCAL_EDIT);
    expect(sheet(doc, 1).number).toBe(7);
    expect(() => setActionSheetNumber(doc, id, 1, LOCAL_EDIT)).toThrow('Le numéro 1 est déjà celui de la fiche action « Accueil ».');
    expect(() => setActionSheetNumber(doc, id, 0, LOCAL_EDIT)).toThrow('Le numéro doit être un nombre entier entre 1 et 9999.');
    expect(() => setActionSheetNumber(doc, id, 2.5, LOCAL_EDIT)).toThrow('Le numéro doit être un nombre entier entre 1 et 9999.');
    expect(() => createActionSheet(doc, { title: 'Double', number: 7 }, LOCAL_EDIT)).toThrow('Le numéro 7 est déjà celui de la fiche action « Mobilité ».');
    expect(() => createActionSheet(doc, { title: ' ' }, LOCAL_EDIT)).toThrow('Le titre est obligatoire.');
  });

  test('every text section of a fiche is kept and a budget is stored in euros', () => {
    const doc = missionDoc();
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT, LATER);

    const content = {
      generalObjective: 'Rompre l’isolement des assistantes maternelles.',
      operationalObjectives: 'Ouvrir 4 permanences.\nFormer 20 professionnelles.',
      targetPublic: 'Assistantes maternelles, parents',
      lead: 'CC du Pays de Brive',
      partners: 'CAF, PMI, MSA',
      humanResources: '0,5 ETP animatrice',
      budgetAmount: 42_500.5,
      budgetDetails: 'Fonctionnement et véhicule',
      expectedResults: 'Hausse de la fréquentation',
    };

    updateActionSheet(doc, id, content, LOCAL_EDIT, MUCH_LATER);
    setActionSheetStatus(doc, id, 'en-cours', LOCAL_EDIT);

    expect(sheet(doc)).toMatchObject({
      ...content,
      status: 'en-cours',
      updatedAt: expect.any(Number),
    });
    updateActionSheet(doc, id, { budgetAmount: null }, LOCAL_EDIT);
    expect(sheet(doc).budgetAmount).toBeNull();
  });

  test.each([
    [{ budgetAmount: -1 }, 'Le budget ne peut pas être négatif.'],
    [{ budgetAmount: Number.NaN }, 'Le budget doit être un nombre.'],
    [{ budgetAmount: 10.555 }, 'Le budget ne peut pas avoir plus de deux décimales.'],
    [{ title: '' }, 'Le titre est obligatoire.'],
    [{ lead: 'x'.repeat(201) }, 'Ce texte ne peut pas dépasser 200 caractères.'],
  ])('an invalid fiche edit (%o) is refused with a French message', (patch, message) => {
    const doc = missionDoc();
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);
    expect(() => updateActionSheet(doc, id, patch, LOCAL_EDIT)).toThrow(message);
    expect(sheet(doc)).toMatchObject({ title: 'Relais', budgetAmount: null, lead: '' });
  });

  test('an unknown status is refused', () => {
    const doc = missionDoc();
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);
    expect(() => setActionSheetStatus(doc, id, 'suspendue' as never, LOCAL_EDIT)).toThrow('Statut inconnu.');
  });

  test('a fiche links to enjeux and to one orientation, and links to trashed records are hidden', () => {
    const doc = missionDoc();
    const enjeu = createEnjeu(doc, { title: 'Garde', description: '', theme: null }, LOCAL_EDIT);
    const orientation = createOrientation(doc, { title: 'Familles', description: '' }, LOCAL_EDIT);
    const other = createOrientation(doc, { title: 'Seniors', description: '' }, LOCAL_EDIT);
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);

    setActionSheetEnjeuLink(doc, id, enjeu, true, LOCAL_EDIT);
    setActionSheetOrientation(doc, id, orientation, LOCAL_EDIT);
    setActionSheetOrientation(doc, id, other, LOCAL_EDIT);
    expect(sheet(doc)).toMatchObject({ enjeuIds: [enjeu], orientationId: other });

    trashEnjeu(doc, enjeu, LOCAL_EDIT);
    trashOrientation(doc, other, LOCAL_EDIT);
    expect(sheet(doc)).toMatchObject({ enjeuIds: [], orientationId: null });
    expect(() => setActionSheetOrientation(doc, id, other, LOCAL_EDIT)).toThrow('Cette orientation est dans la corbeille.');
    setActionSheetOrientation(doc, id, null, LOCAL_EDIT);
    setActionSheetEnjeuLink(doc, id, enjeu, false, LOCAL_EDIT);
    expect(sheet(doc)).toMatchObject({ enjeuIds: [], orientationId: null });
  });

  test('the timetable lists steps with optional dates, in an order the user can change', () => {
    const doc = missionDoc();
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);
    const recruit = addActionStep(doc, id, { label: 'Recruter l’animatrice', startDate: '2025-01-06', endDate: '2025-03-31' }, LOCAL_EDIT);
    const vehicle = addActionStep(doc, id, { label: 'Acheter le véhicule', startDate: null, endDate: null }, LOCAL_EDIT);
    const open = addActionStep(doc, id, { label: 'Ouvrir les permanences', startDate: '2025-09-01', endDate: null }, LOCAL_EDIT);

    moveActionStep(doc, id, vehicle, 'up', LOCAL_EDIT);
    updateActionStep(doc, id, recruit, { endDate: '2025-04-30' }, LOCAL_EDIT);
    removeActionStep(doc, id, open, LOCAL_EDIT);

    expect(sheet(doc).steps.map(({ label, startDate, endDate }) => ({ label, startDate, endDate }))).toEqual([
      { label: 'Acheter le véhicule', startDate: null, endDate: null },
      { label: 'Recruter l’animatrice', startDate: '2025-01-06', endDate: '2025-04-30' },
    ]);
    expect(() => updateActionStep(doc, id, recruit, { endDate: '2024-12-31' }, LOCAL_EDIT)).toThrow(
      'La date de fin doit être postérieure à la date de début.',
    );
    expect(() => addActionStep(doc, id, { label: '', startDate: null, endDate: null }, LOCAL_EDIT)).toThrow(
      'Le libellé de l’étape est obligatoire.',
    );
    expect(() => addActionStep(doc, id, { label: 'x', startDate: '2025-13-01', endDate: null }, LOCAL_EDIT)).toThrow(
      'La date de début n’est pas une date valide.',
    );
    expect(() => moveActionStep(doc, id, open, 'up', LOCAL_EDIT)).toThrow('Cette étape est introuvable.');
  });

  test('co-funders are listed with their amounts; a negative amount is refused', () => {
    const doc = missionDoc();
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);
    const caf = addCoFunder(doc, id, { name: 'CAF de la Corrèze', amount: 20_000 }, LOCAL_EDIT);
    const msa = addCoFunder(doc, id, { name: 'MSA', amount: null }, LOCAL_EDIT);
    addCoFunder(doc, id, { name: 'Département', amount: 5_000 }, LOCAL_EDIT);

    updateCoFunder(doc, id, msa, { amount: 2_500 }, LOCAL_EDIT);
    updateCoFunder(doc, id, caf, { name: 'Caf de la Corrèze' }, LOCAL_EDIT);
    removeCoFunder(doc, id, caf, LOCAL_EDIT);

    expect(sheet(doc).coFunders.map(({ name, amount }) => ({ name, amount }))).toEqual([
      { name: 'MSA', amount: 2_500 },
      { name: 'Département', amount: 5_000 },
    ]);
    expect(() => updateCoFunder(doc, id, msa, { amount: -10 }, LOCAL_EDIT)).toThrow('Le montant ne peut pas être négatif.');
    expect(() => addCoFunder(doc, id, { name: ' ', amount: 1 }, LOCAL_EDIT)).toThrow('Le nom du cofinanceur est obligatoire.');
    expect(() => updateCoFunder(doc, id, caf, { amount: 1 }, LOCAL_EDIT)).toThrow('Ce cofinanceur est introuvable.');
  });

  test('evaluation indicators carry a label, an optional indicator of the catalogue or the mission, a baseline, a target and a date', () => {
    const doc = missionDoc();
    defineCustomIndicator(
      doc,
      {
        code: 'FREQ_RPE',
        label: 'Fréquentation du relais',
        theme: 'petite-enfance',
        unit: 'persons',
        definition: 'Personnes accueillies par an.',
        source: 'Relais',
        aggregation: { kind: 'sum' },
        decimals: 0,
      },
      LOCAL_EDIT,
    );
    const id = createActionSheet(doc, { title: 'Relais' }, LOCAL_EDIT);
    const coverage = addEvaluationIndicator(
      doc,
      id,
      { label: 'Taux de couverture', indicatorCode: 'TX_COUVERTURE_AJE', baseline: '48 %', target: '60 %', targetDate: '2027-12-31' },
      LOCAL_EDIT,
    );
    const visits = addEvaluationIndicator(doc, id, { label: 'Permanences tenues', indicatorCode: null, baseline: '', target: '40 par an', targetDate: null }, LOCAL_EDIT);

    updateEvaluationIndicator(doc, id, visits, { indicatorCode: 'FREQ_RPE', baseline: '0' }, LOCAL_EDIT);
    updateEvaluationIndicator(doc, id, coverage, { targetDate: null }, LOCAL_EDIT);

    expect(sheet(doc).evaluationIndicators.map(({ id: _id, order: _order, ...rest }) => rest)).toEqual([
      { label: 'Taux de couverture', indicatorCode: 'TX_COUVERTURE_AJE', baseline: '48 %', target: '60 %', targetDate: null },
      { label: 'Permanences tenues', indicatorCode: 'FREQ_RPE', baseline: '0', target: '40 par an', targetDate: null },
    ]);
    expect(() => updateEvaluationIndicator(doc, id, visits, { indicatorCode: 'FAUX' }, LOCAL_EDIT)).toThrow('Indicateur inconnu : FAUX.');
    expect(() => updateEvaluationIndicator(doc, id, visits, { targetDate: '31/12/2027' }, LOCAL_EDIT)).toThrow('La date n’est pas une date valide.');
    expect(() => addEvaluationIndicator(doc, id, { label: '', indicatorCode: null, baseline: '', target: '', targetDate: null }, LOCAL_EDIT)).toThrow(
      'Le libellé de l’indicateur d’évaluation est obligatoire.',
    );
    removeEvaluationIndicator(doc, id, coverage, LOCAL_EDIT);
    expect(sheet(doc).evaluationIndicators.map((indicator) => indicator.label)).toEqual(['Permanences tenues']);
  });

  test('fiches are reordered and a trashed fiche is listed in the trash under its number', () => {
    const doc = missionDoc();
    createActionSheet(doc, { title: 'Une' }, LOCAL_EDIT);
    const second = createActionSheet(doc, { title: 'Deux' }, LOCAL_EDIT);
    moveActionSheet(doc, second, 0, LOCAL_EDIT);
    expect(readQualitativeSnapshot(doc).actionSheets.map((s) => s.title)).toEqual(['Deux', 'Une']);

    trashActionSheet(doc, second, LOCAL_EDIT, LATER);
    expect(readQualitativeSnapshot(doc).trash).toEqual([{ collection: 'actionSheets', id: second, label: 'Fiche action n° 2 — Deux', trashedAt: LATER }]);
  });
});
