import * as Y from 'yjs';
import { WORKSPACE_ENTRY_FIELD, workspaceMissionsMap } from '../documents/document-structure';
import { runOperation } from '../operations/document-guards';

/**
 * The origin of what an imported file brings into a document. Not a local origin: like a
 * colleague's synced change, an import is in nobody's undo history.
 */
export const ARCHIVE_IMPORT_ORIGIN = 'bocage:archive-import';

/**
 * Lists a mission that arrived in a mission file (which carries no workspace listing) so that it
 * shows on the home screen. A mission already listed, trashed or not, is left as it is, so that
 * importing the same file again changes nothing. Returns whether the listing changed.
 */
export function listImportedMission(workspaceDoc: Y.Doc, missionId: string, createdAt: number): boolean {
  if (workspaceMissionsMap(workspaceDoc).has(missionId)) return false;
  runOperation(workspaceDoc, ARCHIVE_IMPORT_ORIGIN, () => {
    const entry = new Y.Map<unknown>();
    entry.set(WORKSPACE_ENTRY_FIELD.createdAt, createdAt);
    workspaceMissionsMap(workspaceDoc).set(missionId, entry);
  });
  return true;
}

export interface ArchiveImportCounts {
  missions: number;
  photos: number;
  directory: boolean;
}

function counted(count: number, singular: string, plural: string): string {
  return `${count} ${count > 1 ? plural : singular}`;
}

/** What the user reads once a file is imported, e.g. « 1 mission, 3 photos importées ». */
export function archiveImportSummary({ missions, photos, directory }: ArchiveImportCounts): string {
  const parts = [counted(missions, 'mission', 'missions'), ...(photos > 0 ? [counted(photos, 'photo', 'photos')] : [])];
  const imported = parts.length > 1 || missions > 1 ? 'importées' : 'importée';
  const summary = missions === 0 && photos === 0 ? 'Aucune mission dans ce fichier' : `${parts.join(', ')} ${imported}`;
  return directory ? `${summary} ; annuaire des contacts fusionné.` : `${summary}.`;
}
