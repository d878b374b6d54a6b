/**
 * Names of the Yjs documents, shared by the local store and the sync server.
 * A name is also the key under which the server stores the document: never change a prefix.
 */
export const WORKSPACE_ID = 'default';

export type DocumentKind = 'workspace' | 'mission' | 'directory';

export function workspaceDocumentName(workspaceId: string = WORKSPACE_ID): string {
  return `bocage.workspace.${workspaceId}`;
}

export function missionDocumentName(missionId: string): string {
  return `bocage.mission.${missionId}`;
}

/** The contacts shared by every mission of the workspace. */
export function directoryDocumentName(workspaceId: string = WORKSPACE_ID): string {
  return `bocage.directory.${workspaceId}`;
}

export interface ParsedDocumentName {
  kind: DocumentKind;
  id: string;
}

const DOCUMENT_NAME_PATTERN = /^bocage\.(workspace|mission|directory)\.([A-Za-z0-9-]{1,64})$/;

export function parseDocumentName(name: string): ParsedDocumentName | null {
  const match = DOCUMENT_NAME_PATTERN.exec(name);
  if (!match) return null;
  return { kind: match[1] as DocumentKind, id: match[2] as string };
}
