import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { missionArchiveFileName, workspaceArchiveFileName } from '@shared/archive/archive-file-names';
import { ARCHIVE_IMPORT_ORIGIN, archiveImportSummary, listImportedMission } from '@shared/archive/archive-import';
import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import { saveFileRequestSchema } from '@shared/ipc/ipc-contract';
import { trashMission } from '@shared/operations/mission-operations';
import { CREATED_AT, LOCAL_EDIT, recordTransactionOrigins, workspaceUndoManager } from '../domain-fixtures';
import { workspaceWithMission } from './archive-fixtures';

describe('listing a mission that arrived in a mission file', () => {
  test('the mission appears in the workspace listing, outside the user’s undo history', () => {
    const workspace = new Y.Doc();
    const undo = workspaceUndoManager(workspace, LOCAL_EDIT);
    const origins = recordTransactionOrigins(workspace);

    expect(listImportedMission(workspace, 'mission-du-site', CREATED_AT)).toBe(true);

    expect(listWorkspaceMissions(workspace)).toEqual([{ id: 'mission-du-site', createdAt: CREATED_AT, trashed: false }]);
    expect(origins).toEqual([ARCHIVE_IMPORT_ORIGIN]);
    expect(undo.canUndo()).toBe(false);
  });

  test('a mission already listed, even in the trash, is left as the user left it', () => {
    const { workspace, missionId } = workspaceWithMission();
    trashMission(workspace.workspace, missionId, LOCAL_EDIT, CREATED_AT + 1);
    const before = Y.encodeStateVector(workspace.workspace);

    expect(listImportedMission(workspace.workspace, missionId, CREATED_AT)).toBe(false);

    expect(Y.encodeStateVector(workspace.workspace)).toEqual(before);
    expect(listWorkspaceMissions(workspace.workspace)).toEqual([{ id: missionId, createdAt: CREATED_AT, trashed: true }]);
  });
});

describe('what the user reads after an import', () => {
  test.each([
    [{ missions: 1, photos: 3, directory: false }, '1 mission, 3 photos importées.'],
    [{ missions: 1, photos: 1, directory: false }, '1 mission, 1 photo importées.'],
    [{ missions: 1, photos: 0, directory: false }, '1 mission importée.'],
    [{ missions: 4, photos: 0, directory: true }, '4 missions importées ; annuaire des contacts fusionné.'],
    [{ missions: 0, photos: 0, directory: true }, 'Aucune mission dans ce fichier ; annuaire des contacts fusionné.'],
  ])('%o reads « %s »', (counts, expected) => {
    expect(archiveImportSummary(counts)).toBe(expected);
  });
});

describe('names of .bocage files', () => {
  test('a mission file is named like the mission’s other exports, and the desktop save accepts it', () => {
    const name = missionArchiveFileName({ title: 'CTG : Haut-Poitou / phase 2' });

    expect(name).toBe('Mission - CTG Haut-Poitou phase 2.bocage');
    expect(saveFileRequestSchema.safeParse({ fileKind: 'bocage', suggestedName: name, bytes: new Uint8Array([1]) }).success).toBe(true);
  });

  test('a workspace backup carries its day, so backups sort by date', () => {
    expect(workspaceArchiveFileName(new Date(2026, 2, 5, 23, 59))).toBe('espace-de-travail-2026-03-05.bocage');
  });

  test('the desktop save refuses a .bocage file under another kind’s name', () => {
    expect(saveFileRequestSchema.safeParse({ fileKind: 'bocage', suggestedName: 'sauvegarde.zip', bytes: new Uint8Array([1]) }).success).toBe(false);
  });
});
