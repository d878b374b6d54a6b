import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { metaMap, missionText } from '@shared/documents/document-structure';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import {
  addCommuneToTerritory,
  addEpciToTerritory,
  createMission,
  removeEpciFromTerritory,
  setMissionDescription,
  setMissionTheme,
  setMissionTitle,
} from '@shared/operations/mission-operations';
import { migrateDocument } from '@shared/schema/migrate-document';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { replaceText } from '@shared/text/replace-text';
import { AGGLO_BRIVE, AYEN, BRIVE, LOCAL_EDIT, MALEMORT, TULLE, exchangeUpdates, newMissionInput } from './domain-fixtures';

/** A mission created on one machine and already synced to a colleague's. */
function missionOnTwoMachines(input = newMissionInput()): { mine: Y.Doc; theirs: Y.Doc } {
  const mine = new Y.Doc();
  createMission(new Y.Doc(), mine, input, LOCAL_EDIT);
  const theirs = new Y.Doc();
  exchangeUpdates(mine, theirs);
  return { mine, theirs };
}

function expectConverged(left: Y.Doc, right: Y.Doc): void {
  expect(readMissionSnapshot(left)).toEqual(readMissionSnapshot(right));
  expect(metaMap(left).toJSON()).toEqual(metaMap(right).toJSON());
}

describe('documents edited on two machines', () => {
  test('two machines that open the same empty mission offline and migrate it agree once synced', () => {
    const mine = new Y.Doc();
    const theirs = new Y.Doc();
    expect(migrateDocument(mine, 'mission').status).toBe('migrated');
    expect(migrateDocument(theirs, 'mission').status).toBe('migrated');

    exchangeUpdates(mine, theirs);

    expectConverged(mine, theirs);
    expect(metaMap(mine).toJSON()).toEqual({ kind: 'mission', schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(migrateDocument(mine, 'mission').status).toBe('current');
    expect(migrateDocument(theirs, 'mission').status).toBe('current');
  });

  test('a mission created on one machine arrives whole on the other, which has nothing to migrate', () => {
    const { mine, theirs } = missionOnTwoMachines();
    const before = Y.encodeStateAsUpdate(theirs);

    expect(migrateDocument(theirs, 'mission')).toEqual({ status: 'current', version: CURRENT_SCHEMA_VERSION });

    expect(Y.encodeStateAsUpdate(theirs)).toEqual(before);
    expectConverged(mine, theirs);
    expect(readMissionSnapshot(theirs).title).toBe(newMissionInput().title);
  });

  test('missions created offline on two machines are both listed once the workspaces sync', () => {
    const myWorkspace = new Y.Doc();
    const theirWorkspace = new Y.Doc();
    const mineId = createMission(myWorkspace, new Y.Doc(), newMissionInput({ title: 'CTG Tulle' }), LOCAL_EDIT);
    const theirsId = createMission(theirWorkspace, new Y.Doc(), newMissionInput({ title: 'CTG Ussel' }), LOCAL_EDIT);

    exchangeUpdates(myWorkspace, theirWorkspace);

    const listed = (doc: Y.Doc) => listWorkspaceMissions(doc).map((entry) => entry.id).sort();
    expect(listed(myWorkspace)).toEqual([mineId, theirsId].sort());
    expect(listed(theirWorkspace)).toEqual(listed(myWorkspace));
  });

  test('two people editing different parts of the title at the same time both keep their words', () => {
    const { mine, theirs } = missionOnTwoMachines(newMissionInput({ title: 'Diagnostic territorial' }));

    setMissionTitle(mine, 'Pré-diagnostic territorial', LOCAL_EDIT);
    setMissionTitle(theirs, 'Diagnostic territorial partagé', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readMissionSnapshot(mine).title).toBe('Pré-diagnostic territorial partagé');
    expectConverged(mine, theirs);
  });

  test('two people editing different paragraphs of the description at the same time both keep their text', () => {
    const { mine, theirs } = missionOnTwoMachines(newMissionInput({ description: 'Contexte.\nEnjeux.\nSuites.' }));

    setMissionDescription(mine, 'Contexte rural.\nEnjeux.\nSuites.', LOCAL_EDIT);
    setMissionDescription(theirs, 'Contexte.\nEnjeux.\nSuites : COPIL en juin.', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readMissionSnapshot(theirs).description).toBe('Contexte rural.\nEnjeux.\nSuites : COPIL en juin.');
    expectConverged(mine, theirs);
  });

  test('themes ticked and unticked on two machines at the same time are all kept', () => {
    const { mine, theirs } = missionOnTwoMachines(newMissionInput({ themes: ['petite-enfance', 'seniors'] }));

    setMissionTheme(mine, 'sante', true, LOCAL_EDIT);
    setMissionTheme(mine, 'seniors', false, LOCAL_EDIT);
    setMissionTheme(theirs, 'logement', true, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readMissionSnapshot(mine).themes).toEqual(['petite-enfance', 'logement', 'sante']);
    expectConverged(mine, theirs);
  });

  test('communes added on two machines at the same time are all in the territory', () => {
    const { mine, theirs } = missionOnTwoMachines();

    addCommuneToTerritory(mine, TULLE, LOCAL_EDIT);
    addEpciToTerritory(theirs, AGGLO_BRIVE, [BRIVE, MALEMORT, AYEN], LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readMissionSnapshot(mine).communes.map((commune) => commune.name)).toEqual([
      'Ayen',
      'Brive-la-Gaillarde',
      'Malemort',
      'Tulle',
    ]);
    expectConverged(mine, theirs);

    removeEpciFromTerritory(theirs, AGGLO_BRIVE.code, LOCAL_EDIT);
    exchangeUpdates(mine, theirs);
    expect(readMissionSnapshot(mine).communes.map((commune) => commune.name)).toEqual(['Tulle']);
  });
});

describe('a mission that has not finished syncing', () => {
  test('still opens with what has arrived, and sensible defaults for the rest', () => {
    const { mine } = missionOnTwoMachines();
    const partial = new Y.Doc();
    const titleOnly = new Y.Doc();
    missionText(titleOnly, 'title').insert(0, missionText(mine, 'title').toString());
    Y.applyUpdate(partial, Y.encodeStateAsUpdate(titleOnly));

    expect(readMissionSnapshot(partial)).toEqual({
      id: '',
      title: newMissionInput().title,
      sponsor: '',
      themes: [],
      startDate: null,
      endDate: null,
      status: 'en-preparation',
      description: '',
      createdAt: 0,
      updatedAt: 0,
      epcis: [],
      communes: [],
    });
  });
});

describe('replacing text without losing a concurrent edit', () => {
  test('an emoji changed in a title stays an emoji instead of becoming replacement characters', () => {
    const { mine, theirs } = missionOnTwoMachines(newMissionInput({ title: 'Atelier 😀 jeunesse' }));

    setMissionTitle(mine, 'Atelier 😃 jeunesse', LOCAL_EDIT);
    exchangeUpdates(mine, theirs);

    expect(readMissionSnapshot(mine).title).toBe('Atelier 😃 jeunesse');
    expect(readMissionSnapshot(theirs).title).toBe('Atelier 😃 jeunesse');
  });

  test.each([
    ['', 'Atelier'],
    ['Atelier', ''],
    ['Atelier', 'Atelier'],
    ['aaa', 'aaaa'],
    ['abcabc', 'abc'],
    ['😀😀', '😀'],
    ['x😀', '😀😃'],
    ['Café 🇫🇷', 'Café 🇧🇪'],
  ])('replacing %j with %j gives exactly the new text', (current, next) => {
    const doc = new Y.Doc();
    const text = missionText(doc, 'title');
    text.insert(0, current);
    replaceText(text, next);
    expect(text.toString()).toBe(next);
  });
});
