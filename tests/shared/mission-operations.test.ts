import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { META_FIELD, MISSION_FIELD, metaMap, missionMap } from '@shared/documents/document-structure';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { territoryLabel, territoryPopulation } from '@shared/model/mission';
import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import { InvalidOperationError } from '@shared/operations/document-guards';
import {
  addCommuneToTerritory,
  addEpciToTerritory,
  createMission,
  removeCommuneFromTerritory,
  removeEpciFromTerritory,
  restoreMission,
  setMissionDates,
  setMissionDescription,
  setMissionSponsor,
  setMissionStatus,
  setMissionTheme,
  setMissionTitle,
  trashMission,
} from '@shared/operations/mission-operations';
import { MIGRATION_ORIGIN } from '@shared/schema/migrate-document';
import { CURRENT_SCHEMA_VERSION, readDocumentKind, readSchemaVersion } from '@shared/schema/schema-version';
import {
  AGGLO_BRIVE,
  AYEN,
  BRIVE,
  COLLEAGUE_EDIT,
  CREATED_AT,
  LOCAL_EDIT,
  MALEMORT,
  TULLE,
  exchangeUpdates,
  missionUndoManager,
  newMissionInput,
  recordTransactionOrigins,
  workspaceUndoManager,
} from './domain-fixtures';

const LATER = CREATED_AT + 60_000;
const MISSION_ID = 'mission-0001';

function createdMission(): { workspaceDoc: Y.Doc; missionDoc: Y.Doc } {
  const workspaceDoc = new Y.Doc();
  const missionDoc = new Y.Doc();
  createMission(workspaceDoc, missionDoc, newMissionInput(), LOCAL_EDIT, CREATED_AT, MISSION_ID);
  return { workspaceDoc, missionDoc };
}

function isUntouched(doc: Y.Doc): boolean {
  return doc.store.clients.size === 0;
}

describe('creating a mission', () => {
  test('a new mission keeps every field the user typed and appears in the workspace list', () => {
    const workspaceDoc = new Y.Doc();
    const missionDoc = new Y.Doc();

    const id = createMission(workspaceDoc, missionDoc, newMissionInput({ title: '  CTG Pays de Brive  ' }), LOCAL_EDIT, CREATED_AT);

    expect(readMissionSnapshot(missionDoc)).toEqual({
      id,
      title: 'CTG Pays de Brive',
      sponsor: 'CAF de la Corrèze',
      themes: ['petite-enfance', 'parentalite'],
      startDate: '2024-03-01',
      endDate: '2024-12-31',
      status: 'en-cours',
      description: 'Diagnostic partagé avec les élus du territoire.',
      createdAt: CREATED_AT,
      updatedAt: CREATED_AT,
      epcis: [],
      communes: [],
    });
    expect(listWorkspaceMissions(workspaceDoc)).toEqual([{ id, createdAt: CREATED_AT, trashed: false }]);
    expect(readSchemaVersion(missionDoc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readDocumentKind(missionDoc)).toBe('mission');
    expect(readDocumentKind(workspaceDoc)).toBe('workspace');
  });

  test('two missions created on the same machine get different ids', () => {
    const workspaceDoc = new Y.Doc();
    const first = createMission(workspaceDoc, new Y.Doc(), newMissionInput(), LOCAL_EDIT);
    const second = createMission(workspaceDoc, new Y.Doc(), newMissionInput(), LOCAL_EDIT);
    expect(first).not.toBe(second);
    expect(listWorkspaceMissions(workspaceDoc).map((entry) => entry.id).sort()).toEqual([first, second].sort());
  });

  test.each(['', '   \t '])('a mission without a title (%j) is refused in French and nothing is written', (title) => {
    const workspaceDoc = new Y.Doc();
    const missionDoc = new Y.Doc();
    expect(() => createMission(workspaceDoc, missionDoc, newMissionInput({ title }), LOCAL_EDIT)).toThrow(
      new InvalidOperationError('Le titre est obligatoire.'),
    );
    expect(isUntouched(workspaceDoc)).toBe(true);
    expect(isUntouched(missionDoc)).toBe(true);
  });

  test('a mission ending before it starts is refused in French', () => {
    const input = newMissionInput({ startDate: '2024-06-01', endDate: '2024-05-31' });
    expect(() => createMission(new Y.Doc(), new Y.Doc(), input, LOCAL_EDIT)).toThrow(
      'La date de fin doit être postérieure à la date de début.',
    );
  });
});

describe('editing a mission', () => {
  const setters: {
    name: string;
    edit(doc: Y.Doc): void;
    expected: Partial<ReturnType<typeof readMissionSnapshot>>;
  }[] = [
    { name: 'title', edit: (doc) => setMissionTitle(doc, 'CTG Brive 2024-2028', LOCAL_EDIT, LATER), expected: { title: 'CTG Brive 2024-2028' } },
    { name: 'sponsor', edit: (doc) => setMissionSponsor(doc, 'MSA Limousin', LOCAL_EDIT, LATER), expected: { sponsor: 'MSA Limousin' } },
    {
      name: 'description',
      edit: (doc) => setMissionDescription(doc, 'Ateliers en mairie.', LOCAL_EDIT, LATER),
      expected: { description: 'Ateliers en mairie.' },
    },
    {
      name: 'theme added',
      edit: (doc) => setMissionTheme(doc, 'sante', true, LOCAL_EDIT, LATER),
      expected: { themes: ['petite-enfance', 'parentalite', 'sante'] },
    },
    {
      name: 'theme removed',
      edit: (doc) => setMissionTheme(doc, 'petite-enfance', false, LOCAL_EDIT, LATER),
      expected: { themes: ['parentalite'] },
    },
    { name: 'status', edit: (doc) => setMissionStatus(doc, 'terminee', LOCAL_EDIT, LATER), expected: { status: 'terminee' } },
    {
      name: 'dates',
      edit: (doc) => setMissionDates(doc, '2025-01-01', '2025-06-30', LOCAL_EDIT, LATER),
      expected: { startDate: '2025-01-01', endDate: '2025-06-30' },
    },
    { name: 'dates cleared', edit: (doc) => setMissionDates(doc, null, null, LOCAL_EDIT, LATER), expected: { startDate: null, endDate: null } },
  ];

  test.each(setters)('changing the $name is saved and marks the mission as modified', ({ edit, expected }) => {
    const { missionDoc } = createdMission();
    const before = readMissionSnapshot(missionDoc);

    edit(missionDoc);

    expect(readMissionSnapshot(missionDoc)).toEqual({ ...before, ...expected, updatedAt: LATER });
  });

  test.each(setters)('changing the $name is one transaction carrying the editor’s origin', ({ edit }) => {
    const { missionDoc } = createdMission();
    const origins = recordTransactionOrigins(missionDoc);
    edit(missionDoc);
    expect(origins).toEqual([LOCAL_EDIT]);
  });

  test('a blank title is refused in French and the old title stays', () => {
    const { missionDoc } = createdMission();
    expect(() => setMissionTitle(missionDoc, '  ', LOCAL_EDIT)).toThrow('Le titre est obligatoire.');
    expect(readMissionSnapshot(missionDoc).title).toBe(newMissionInput().title);
  });

  test('an end date before the start date is refused in French and the old dates stay', () => {
    const { missionDoc } = createdMission();
    expect(() => setMissionDates(missionDoc, '2024-09-01', '2024-08-31', LOCAL_EDIT)).toThrow(
      'La date de fin doit être postérieure à la date de début.',
    );
    expect(readMissionSnapshot(missionDoc)).toMatchObject({ startDate: '2024-03-01', endDate: '2024-12-31', updatedAt: CREATED_AT });
  });

  test.each([
    ['2024-02-30', '2024-12-31', 'La date de début n’est pas une date valide.'],
    ['2024-03-01', '31/12/2024', 'La date de fin n’est pas une date valide.'],
  ])('an impossible date (%s → %s) is refused in French', (startDate, endDate, message) => {
    const { missionDoc } = createdMission();
    expect(() => setMissionDates(missionDoc, startDate, endDate, LOCAL_EDIT)).toThrow(message);
    expect(readMissionSnapshot(missionDoc).updatedAt).toBe(CREATED_AT);
  });

  test('an unknown status or theme is refused rather than stored', () => {
    const { missionDoc } = createdMission();
    expect(() => setMissionStatus(missionDoc, 'abandonnee' as never, LOCAL_EDIT)).toThrow(InvalidOperationError);
    expect(() => setMissionTheme(missionDoc, 'culture' as never, true, LOCAL_EDIT)).toThrow(InvalidOperationError);
    expect(missionMap(missionDoc).get(MISSION_FIELD.status)).toBe('en-cours');
  });
});

describe('the territory of a mission', () => {
  test('adding the same commune twice keeps one commune and changes nothing the second time', () => {
    const { missionDoc } = createdMission();
    addCommuneToTerritory(missionDoc, TULLE, LOCAL_EDIT, LATER);
    const afterFirst = Y.encodeStateAsUpdate(missionDoc);

    addCommuneToTerritory(missionDoc, TULLE, LOCAL_EDIT, LATER + 1);

    expect(Y.encodeStateAsUpdate(missionDoc)).toEqual(afterFirst);
    expect(readMissionSnapshot(missionDoc).communes).toEqual([
      { code: '19272', name: 'Tulle', departement: '19', population: 14_600, postalCodes: ['19000'], viaEpci: null },
    ]);
    expect(readMissionSnapshot(missionDoc).updatedAt).toBe(LATER);
  });

  test('adding an EPCI brings its member communes; removing it takes back only those', () => {
    const { missionDoc } = createdMission();
    addCommuneToTerritory(missionDoc, AYEN, LOCAL_EDIT, LATER);
    addEpciToTerritory(missionDoc, AGGLO_BRIVE, [BRIVE, MALEMORT, AYEN], LOCAL_EDIT, LATER);

    const withEpci = readMissionSnapshot(missionDoc);
    expect(withEpci.epcis).toEqual([{ code: AGGLO_BRIVE.code, name: 'CA du Bassin de Brive' }]);
    expect(withEpci.communes.map((c) => [c.name, c.viaEpci])).toEqual([
      ['Ayen', null],
      ['Brive-la-Gaillarde', AGGLO_BRIVE.code],
      ['Malemort', AGGLO_BRIVE.code],
    ]);

    removeEpciFromTerritory(missionDoc, AGGLO_BRIVE.code, LOCAL_EDIT, LATER + 1);

    const withoutEpci = readMissionSnapshot(missionDoc);
    expect(withoutEpci.epcis).toEqual([]);
    expect(withoutEpci.communes.map((c) => c.name)).toEqual(['Ayen']);
    expect(withoutEpci.updatedAt).toBe(LATER + 1);
  });

  test('a commune chosen on its own after its EPCI stays when the EPCI is removed', () => {
    const { missionDoc } = createdMission();
    addEpciToTerritory(missionDoc, AGGLO_BRIVE, [BRIVE, MALEMORT], LOCAL_EDIT, LATER);
    addCommuneToTerritory(missionDoc, MALEMORT, LOCAL_EDIT, LATER + 1);
    expect(readMissionSnapshot(missionDoc).updatedAt).toBe(LATER + 1);

    removeEpciFromTerritory(missionDoc, AGGLO_BRIVE.code, LOCAL_EDIT, LATER + 2);

    expect(readMissionSnapshot(missionDoc).communes.map((c) => [c.name, c.viaEpci])).toEqual([['Malemort', null]]);
  });

  test('removing a commune takes it out of the territory', () => {
    const { missionDoc } = createdMission();
    addCommuneToTerritory(missionDoc, TULLE, LOCAL_EDIT, LATER);
    addCommuneToTerritory(missionDoc, AYEN, LOCAL_EDIT, LATER);
    removeCommuneFromTerritory(missionDoc, TULLE.code, LOCAL_EDIT, LATER + 1);
    expect(readMissionSnapshot(missionDoc)).toMatchObject({ communes: [{ code: AYEN.code }], updatedAt: LATER + 1 });
  });

  test.each([
    ['adding a commune', (doc: Y.Doc) => addCommuneToTerritory(doc, TULLE, LOCAL_EDIT)],
    ['adding an EPCI', (doc: Y.Doc) => addEpciToTerritory(doc, AGGLO_BRIVE, [BRIVE, MALEMORT, AYEN], LOCAL_EDIT)],
    ['removing a commune', (doc: Y.Doc) => removeCommuneFromTerritory(doc, TULLE.code, LOCAL_EDIT)],
    ['removing an EPCI', (doc: Y.Doc) => removeEpciFromTerritory(doc, AGGLO_BRIVE.code, LOCAL_EDIT)],
  ])('%s is one transaction carrying the editor’s origin', (_name, operation) => {
    const { missionDoc } = createdMission();
    const origins = recordTransactionOrigins(missionDoc);
    operation(missionDoc);
    expect(origins).toEqual([LOCAL_EDIT]);
  });

  test('the home screen names the EPCI of the territory, or its first communes, and totals the population', () => {
    const { missionDoc } = createdMission();
    for (const added of [TULLE, AYEN, BRIVE, MALEMORT]) addCommuneToTerritory(missionDoc, added, LOCAL_EDIT);
    const communesOnly = readMissionSnapshot(missionDoc);
    expect(territoryLabel(communesOnly)).toBe('Ayen, Brive-la-Gaillarde, Malemort et 1 autre(s)');
    expect(territoryPopulation(communesOnly.communes)).toBe(712 + 46_961 + 8_100 + 14_600);

    addEpciToTerritory(missionDoc, AGGLO_BRIVE, [BRIVE, MALEMORT, AYEN], LOCAL_EDIT);
    expect(territoryLabel(readMissionSnapshot(missionDoc))).toBe('CA du Bassin de Brive');
  });
});

describe('the trash', () => {
  test('a trashed mission is marked as such in the list and comes back when restored', () => {
    const { workspaceDoc } = createdMission();

    trashMission(workspaceDoc, MISSION_ID, LOCAL_EDIT, LATER);
    expect(listWorkspaceMissions(workspaceDoc)).toEqual([{ id: MISSION_ID, createdAt: CREATED_AT, trashed: true }]);

    restoreMission(workspaceDoc, MISSION_ID, LOCAL_EDIT);
    expect(listWorkspaceMissions(workspaceDoc)).toEqual([{ id: MISSION_ID, createdAt: CREATED_AT, trashed: false }]);
  });

  test('trashing and restoring are each one transaction carrying the editor’s origin', () => {
    const { workspaceDoc } = createdMission();
    const origins = recordTransactionOrigins(workspaceDoc);
    trashMission(workspaceDoc, MISSION_ID, LOCAL_EDIT);
    restoreMission(workspaceDoc, MISSION_ID, LOCAL_EDIT);
    expect(origins).toEqual([LOCAL_EDIT, LOCAL_EDIT]);
  });
});

describe('transactions and undo', () => {
  test('creating a mission writes each document in one transaction of the editor, after its migration', () => {
    const workspaceDoc = new Y.Doc();
    const missionDoc = new Y.Doc();
    const workspaceOrigins = recordTransactionOrigins(workspaceDoc);
    const missionOrigins = recordTransactionOrigins(missionDoc);

    createMission(workspaceDoc, missionDoc, newMissionInput(), LOCAL_EDIT);

    expect(missionOrigins).toEqual([MIGRATION_ORIGIN, LOCAL_EDIT]);
    expect(workspaceOrigins).toEqual([MIGRATION_ORIGIN, LOCAL_EDIT]);
  });

  test('undo takes back a whole EPCI addition in one step, and redo puts it back', () => {
    const { missionDoc } = createdMission();
    const undoManager = missionUndoManager(missionDoc, LOCAL_EDIT);
    const before = readMissionSnapshot(missionDoc);

    addEpciToTerritory(missionDoc, AGGLO_BRIVE, [BRIVE, MALEMORT, AYEN], LOCAL_EDIT, LATER);
    const after = readMissionSnapshot(missionDoc);
    expect(after.communes).toHaveLength(3);

    undoManager.undo();
    expect(readMissionSnapshot(missionDoc)).toEqual(before);
    expect(undoManager.canUndo()).toBe(false);

    undoManager.redo();
    expect(readMissionSnapshot(missionDoc)).toEqual(after);
  });

  test('each undo takes back exactly one operation, the latest first', () => {
    const { missionDoc } = createdMission();
    const undoManager = missionUndoManager(missionDoc, LOCAL_EDIT);

    setMissionStatus(missionDoc, 'terminee', LOCAL_EDIT, LATER);
    setMissionDates(missionDoc, '2025-01-01', '2025-02-01', LOCAL_EDIT, LATER + 1);

    undoManager.undo();
    expect(readMissionSnapshot(missionDoc)).toMatchObject({
      status: 'terminee',
      startDate: '2024-03-01',
      endDate: '2024-12-31',
      updatedAt: LATER,
    });
    undoManager.undo();
    expect(readMissionSnapshot(missionDoc)).toMatchObject({ status: 'en-cours', updatedAt: CREATED_AT });
  });

  test('undoing a mission creation removes it from the workspace list in one step', () => {
    const workspaceDoc = new Y.Doc();
    const undoManager = workspaceUndoManager(workspaceDoc, LOCAL_EDIT);
    createMission(workspaceDoc, new Y.Doc(), newMissionInput(), LOCAL_EDIT);

    undoManager.undo();

    expect(listWorkspaceMissions(workspaceDoc)).toEqual([]);
    // The migration is not the user's edit: undo leaves the document's schema in place.
    expect(metaMap(workspaceDoc).get(META_FIELD.schemaVersion)).toBe(CURRENT_SCHEMA_VERSION);
  });

  test('undo never takes back a colleague’s change made on the same document', () => {
    const { missionDoc } = createdMission();
    const undoManager = missionUndoManager(missionDoc, LOCAL_EDIT);

    setMissionTitle(missionDoc, 'CTG Brive révisée', LOCAL_EDIT, LATER);
    setMissionSponsor(missionDoc, 'MSA Limousin', COLLEAGUE_EDIT, LATER + 1);
    undoManager.undo();

    expect(readMissionSnapshot(missionDoc)).toMatchObject({ title: newMissionInput().title, sponsor: 'MSA Limousin' });
    expect(undoManager.canUndo()).toBe(false);
  });

  test('undo never takes back a colleague’s change received by sync', () => {
    const { missionDoc } = createdMission();
    const colleagueDoc = new Y.Doc();
    exchangeUpdates(missionDoc, colleagueDoc);
    const undoManager = missionUndoManager(missionDoc, LOCAL_EDIT);

    addCommuneToTerritory(missionDoc, TULLE, LOCAL_EDIT, LATER);
    setMissionDescription(colleagueDoc, 'Compte rendu du COPIL.', COLLEAGUE_EDIT, LATER + 1);
    exchangeUpdates(missionDoc, colleagueDoc);
    undoManager.undo();

    expect(readMissionSnapshot(missionDoc)).toMatchObject({ communes: [], description: 'Compte rendu du COPIL.' });
  });
});
