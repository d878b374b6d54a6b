import type * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import {
  createActionSheet,
  setActionSheetNumber,
  updateActionSheet,
} from '@shared/qualitative/action-sheet-operations';
import { createEnjeu, moveEnjeu, restoreEnjeu, setEnjeuObservationLink, trashEnjeu, updateEnjeu } from '@shared/qualitative/enjeu-operations';
import { addObservationQuote, createObservation } from '@shared/qualitative/observation-operations';
import { duplicateActionSheetNumbers, readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { LOCAL_EDIT, exchangeUpdates } from '../domain-fixtures';
import { LATER, MUCH_LATER, missionOnTwoMachines, observationInput } from './qualitative-fixtures';

function expectConverged(left: Y.Doc, right: Y.Doc): void {
  expect(readQualitativeSnapshot(left)).toEqual(readQualitativeSnapshot(right));
}

function titles(doc: Y.Doc): string[] {
  return readQualitativeSnapshot(doc).enjeux.map((enjeu) => enjeu.title);
}

/** Enjeux created on my machine and synced to my colleague's before both go offline. */
function sharedEnjeux(names: readonly string[]): { mine: Y.Doc; theirs: Y.Doc; ids: string[] } {
  const { mine, theirs } = missionOnTwoMachines();
  const ids = names.map((title) => createEnjeu(mine, { title, description: '', theme: null }, LOCAL_EDIT));
  exchangeUpdates(mine, theirs);
  return { mine, theirs, ids };
}

describe('the qualitative diagnostic edited on two machines', () => {
  test('two people linking different observations to the same enjeu offline both keep their link', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const enjeu = createEnjeu(mine, { title: 'Garde du jeune enfant', description: '', theme: null }, LOCAL_EDIT);
    const interview = createObservation(mine, observationInput({ text: 'Entretien PMI' }), LOCAL_EDIT, LATER);
    const workshop = createObservation(mine, observationInput({ text: 'Atelier parents', sourceKind: 'atelier' }), LOCAL_EDIT, MUCH_LATER);
    exchangeUpdates(mine, theirs);

    setEnjeuObservationLink(mine, enjeu, interview, true, LOCAL_EDIT);
    setEnjeuObservationLink(theirs, enjeu, workshop, true, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readQualitativeSnapshot(mine).enjeux[0]?.observationIds).toEqual([interview, workshop].sort());
    expectConverged(mine, theirs);
  });

  test('two people writing in the same fiche action at the same time both keep their words', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const id = createActionSheet(mine, { title: 'Relais petite enfance' }, LOCAL_EDIT);
    updateActionSheet(mine, id, { generalObjective: 'Rompre l’isolement des assistantes maternelles.' }, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    updateActionSheet(mine, id, { generalObjective: 'Rompre l’isolement des assistantes maternelles rurales.' }, LOCAL_EDIT);
    updateActionSheet(theirs, id, { generalObjective: 'Rompre durablement l’isolement des assistantes maternelles.' }, LOCAL_EDIT);
    updateActionSheet(theirs, id, { partners: 'CAF, MSA' }, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readQualitativeSnapshot(mine).actionSheets[0]).toMatchObject({
      generalObjective: 'Rompre durablement l’isolement des assistantes maternelles rurales.',
      partners: 'CAF, MSA',
    });
    expectConverged(mine, theirs);
  });

  test('two people creating "fiche 3" offline keep both fiches, and the duplicate number is shown until one is renumbered', () => {
    const { mine, theirs } = missionOnTwoMachines();
    createActionSheet(mine, { title: 'Une' }, LOCAL_EDIT);
    createActionSheet(mine, { title: 'Deux' }, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    const myThree = createActionSheet(mine, { title: 'Mobilité solidaire' }, LOCAL_EDIT);
    createActionSheet(theirs, { title: 'Maison France services' }, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    const sheets = readQualitativeSnapshot(mine).actionSheets;
    expect(sheets.map((sheet) => sheet.number)).toEqual([1, 2, 3, 3]);
    expect(sheets.map((sheet) => sheet.title).sort()).toEqual(['Deux', 'Maison France services', 'Mobilité solidaire', 'Une']);
    expect(duplicateActionSheetNumbers(sheets)).toEqual(new Set([3]));
    expectConverged(mine, theirs);

    setActionSheetNumber(mine, myThree, 4, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);
    expect(duplicateActionSheetNumbers(readQualitativeSnapshot(theirs).actionSheets)).toEqual(new Set());
  });

  test('an enjeu trashed on one machine while edited on the other comes back with the edit when restored', () => {
    const { mine, theirs, ids } = sharedEnjeux(['Accès aux droits']);
    const [id] = ids as [string];

    trashEnjeu(mine, id, LOCAL_EDIT, LATER);
    updateEnjeu(theirs, id, { description: 'Les permanences CAF ont fermé.' }, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readQualitativeSnapshot(theirs).enjeux).toEqual([]);
    expect(readQualitativeSnapshot(theirs).trash.map((entry) => entry.id)).toEqual([id]);
    restoreEnjeu(theirs, id, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);
    expect(readQualitativeSnapshot(mine).enjeux[0]).toMatchObject({ title: 'Accès aux droits', description: 'Les permanences CAF ont fermé.' });
    expectConverged(mine, theirs);
  });

  test('priorities changed on two machines offline end in the same order on both, with every enjeu kept', () => {
    const { mine, theirs, ids } = sharedEnjeux(['A', 'B', 'C', 'D', 'E']);
    const [a, , , d, e] = ids as [string, string, string, string, string];

    moveEnjeu(mine, e, 0, LOCAL_EDIT);
    moveEnjeu(theirs, a, 'down', LOCAL_EDIT);
    moveEnjeu(theirs, d, 'up', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(titles(mine)).toEqual(['E', 'B', 'A', 'D', 'C']);
    expectConverged(mine, theirs);
  });

  test('two enjeux moved into the same gap offline get the same key, still show one agreed order, and can be moved between', () => {
    const { mine, theirs, ids } = sharedEnjeux(['A', 'B', 'X', 'Y']);
    const [, b, x, y] = ids as [string, string, string, string];

    moveEnjeu(mine, x, 1, LOCAL_EDIT);
    moveEnjeu(theirs, y, 1, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    const snapshot = readQualitativeSnapshot(mine);
    expect(snapshot.enjeux.find((enjeu) => enjeu.id === x)?.order).toBe(snapshot.enjeux.find((enjeu) => enjeu.id === y)?.order);
    expectConverged(mine, theirs);
    const tied = titles(mine).slice(1, 3);
    expect(tied.sort()).toEqual(['X', 'Y']);
    expect(titles(mine)).toEqual(['A', ...titles(mine).slice(1, 3), 'B']);

    moveEnjeu(mine, b, 2, LOCAL_EDIT);
    const [first, second] = titles(theirs).slice(1, 3);
    exchangeUpdates(mine, theirs);
    expect(titles(mine)).toEqual(['A', first, 'B', second]);
    expectConverged(mine, theirs);
  });

  test('quotes added to the same observation on two machines are all kept', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const id = createObservation(mine, observationInput(), LOCAL_EDIT, LATER);
    exchangeUpdates(mine, theirs);

    addObservationQuote(mine, id, '« Citation de Claire »', LOCAL_EDIT);
    addObservationQuote(theirs, id, '« Citation de Malik »', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readQualitativeSnapshot(mine).observations[0]?.quotes.map((quote) => quote.text).sort()).toEqual([
      '« Citation de Claire »',
      '« Citation de Malik »',
    ]);
    expectConverged(mine, theirs);
  });
});
