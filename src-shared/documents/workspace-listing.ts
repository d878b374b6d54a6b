import type * as Y from 'yjs';
import { WORKSPACE_ENTRY_FIELD, workspaceMissionsMap } from './document-structure';

export interface WorkspaceMissionEntry {
  id: string;
  createdAt: number;
  trashed: boolean;
}

export function listWorkspaceMissions(workspaceDoc: Y.Doc): WorkspaceMissionEntry[] {
  return [...workspaceMissionsMap(workspaceDoc).entries()].map(([id, entry]) => {
    const createdAt = entry.get(WORKSPACE_ENTRY_FIELD.createdAt);
    return {
      id,
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
      trashed: typeof entry.get(WORKSPACE_ENTRY_FIELD.trashedAt) === 'number',
    };
  });
}
