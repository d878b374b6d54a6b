import { readdirSync } from 'node:fs';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { META_FIELD, MISSION_FIELD, metaMap, missionMap } from '@shared/documents/document-structure';
import { ReadOnlyDocumentError } from '@shared/operations/document-guards';
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
import { migrateDocument } from '@shared/schema/migrate-document';
import { MIGRATIONS } from '@shared/schema/migrations';
import { migration0001InitialiseDocuments } from '@shared/schema/migrations/0001-initialise-documents';
import {
  CURRENT_SCHEMA_VERSION,
  isWrittenByNewerSchema,
  readDocumentKind,
  readSchemaVersion,
} from '@shared/schema/schema-version';
import { AGGLO_BRIVE, AYEN, LOCAL_EDIT, TULLE, newMissionInput } from './domain-fixtures';

const MIGRATIONS_FOLDER = new URL('../../src-shared/schema/migrations/', import.meta.url);

/** A document as a future Bocage would write it: a higher schema version and fields we do not know. */
function documentFromNewerBocage(): Y.Doc {
  const doc = new Y.Doc();
  createMission(new Y.Doc(), doc, newMissionInput(), LOCAL_EDIT);
  doc.transact(() => {
    metaMap(doc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1);
    missionMap(doc).set('futureField', { kept: true });
  }, 'a-newer-bocage');
  return doc;
}

function runMigration(doc: Y.Doc, kind: 'workspace' | 'mission' | 'directory'): void {
  doc.transact(() => migration0001InitialiseDocuments.migrate(doc, kind));
}

describe('migration 0001: initialise documents', () => {
  test('an empty mission document learns that it is a mission and gets no user field that could override a colleague’s', () => {
    const doc = new Y.Doc();
    runMigration(doc, 'mission');
    expect(metaMap(doc).get(META_FIELD.kind)).toBe('mission');
    expect(missionMap(doc).size).toBe(0);
  });

  test('an empty workspace document learns that it is a workspace and gets no mission fields', () => {
    const doc = new Y.Doc();
    runMigration(doc, 'workspace');
    expect(metaMap(doc).get(META_FIELD.kind)).toBe('workspace');
    expect(missionMap(doc).size).toBe(0);
  });

  test('a mission that already has a status keeps it', () => {
    const doc = new Y.Doc();
    missionMap(doc).set(MISSION_FIELD.status, 'terminee');
    metaMap(doc).set(META_FIELD.kind, 'mission');
    const before = Y.encodeStateAsUpdate(doc);

    runMigration(doc, 'mission');

    expect(missionMap(doc).get(MISSION_FIELD.status)).toBe('terminee');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('the migration list', () => {
  test('versions count 1, 2, 3… with no gap and names are unique, so every document reaches the same schema', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_migration, index) => index + 1));
    expect(new Set(MIGRATIONS.map((migration) => migration.name)).size).toBe(MIGRATIONS.length);
    expect(CURRENT_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  test('every migration file is registered, under the number and name of its file', () => {
    const files = readdirSync(MIGRATIONS_FOLDER)
      .filter((file) => file.endsWith('.ts'))
      .sort();
    const registered = MIGRATIONS.map((migration) => `${String(migration.version).padStart(4, '0')}-${migration.name}.ts`);
    expect(files).toEqual(registered);
  });

  test.each(['mission', 'workspace', 'directory'] as const)('an empty %s document runs every migration and reaches the current schema', (kind) => {
    const doc = new Y.Doc();

    expect(migrateDocument(doc, kind)).toEqual({
      status: 'migrated',
      from: 0,
      to: CURRENT_SCHEMA_VERSION,
      applied: MIGRATIONS.map((migration) => migration.name),
    });
    expect(readSchemaVersion(doc)).toBe(CURRENT_SCHEMA_VERSION);
    expect(readDocumentKind(doc)).toBe(kind);
  });

  test('migrating an up-to-date document changes nothing', () => {
    const doc = new Y.Doc();
    migrateDocument(doc, 'mission');
    const before = Y.encodeStateAsUpdate(doc);

    expect(migrateDocument(doc, 'mission')).toEqual({ status: 'current', version: CURRENT_SCHEMA_VERSION });
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});

describe('a document written by a newer Bocage', () => {
  test('is reported as newer and left byte for byte as it was', () => {
    const doc = documentFromNewerBocage();
    const before = Y.encodeStateAsUpdate(doc);

    expect(migrateDocument(doc, 'mission')).toEqual({
      status: 'newer',
      version: CURRENT_SCHEMA_VERSION + 1,
      supported: CURRENT_SCHEMA_VERSION,
    });
    expect(isWrittenByNewerSchema(doc)).toBe(true);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  const missionEdits: [string, (doc: Y.Doc) => void][] = [
    ['title', (doc) => setMissionTitle(doc, 'Autre titre', LOCAL_EDIT)],
    ['sponsor', (doc) => setMissionSponsor(doc, 'MSA', LOCAL_EDIT)],
    ['description', (doc) => setMissionDescription(doc, 'Autre description', LOCAL_EDIT)],
    ['theme', (doc) => setMissionTheme(doc, 'sante', true, LOCAL_EDIT)],
    ['status', (doc) => setMissionStatus(doc, 'archivee', LOCAL_EDIT)],
    ['dates', (doc) => setMissionDates(doc, '2030-01-01', null, LOCAL_EDIT)],
    ['commune added', (doc) => addCommuneToTerritory(doc, TULLE, LOCAL_EDIT)],
    ['EPCI added', (doc) => addEpciToTerritory(doc, AGGLO_BRIVE, [AYEN], LOCAL_EDIT)],
    ['commune removed', (doc) => removeCommuneFromTerritory(doc, TULLE.code, LOCAL_EDIT)],
    ['EPCI removed', (doc) => removeEpciFromTerritory(doc, AGGLO_BRIVE.code, LOCAL_EDIT)],
  ];

  test.each(missionEdits)('refuses a %s edit with a French explanation and stays unchanged', (_name, edit) => {
    const doc = documentFromNewerBocage();
    const before = Y.encodeStateAsUpdate(doc);

    expect(() => edit(doc)).toThrow(ReadOnlyDocumentError);
    expect(() => edit(doc)).toThrow('mettez l’application à jour');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  test('a newer workspace refuses trashing, restoring and listing a new mission, and the new mission is not written', () => {
    const workspaceDoc = new Y.Doc();
    const missionId = createMission(workspaceDoc, new Y.Doc(), newMissionInput(), LOCAL_EDIT);
    metaMap(workspaceDoc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1);
    const before = Y.encodeStateAsUpdate(workspaceDoc);
    const newMissionDoc = new Y.Doc();

    expect(() => trashMission(workspaceDoc, missionId, LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);
    expect(() => restoreMission(workspaceDoc, missionId, LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);
    expect(() => createMission(workspaceDoc, newMissionDoc, newMissionInput(), LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);

    expect(Y.encodeStateAsUpdate(workspaceDoc)).toEqual(before);
    expect(newMissionDoc.store.clients.size).toBe(0);
  });

  test('creating a mission into a newer mission document is refused and the workspace is not written', () => {
    const workspaceDoc = new Y.Doc();
    const missionDoc = documentFromNewerBocage();
    const before = Y.encodeStateAsUpdate(missionDoc);

    expect(() => createMission(workspaceDoc, missionDoc, newMissionInput(), LOCAL_EDIT)).toThrow(ReadOnlyDocumentError);

    expect(Y.encodeStateAsUpdate(missionDoc)).toEqual(before);
    expect(workspaceDoc.store.clients.size).toBe(0);
  });
});
