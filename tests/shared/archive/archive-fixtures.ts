import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import { directoryDocumentName, missionDocumentName, workspaceDocumentName } from '@shared/documents/document-names';
import { createContact } from '@shared/directory/contact-operations';
import { createMeeting } from '@shared/meetings/meeting-operations';
import { attachPhoto } from '@shared/meetings/meeting-photo-operations';
import { createMission } from '@shared/operations/mission-operations';
import { createObservation } from '@shared/qualitative/observation-operations';
import { migrateDocument } from '@shared/schema/migrate-document';
import { CREATED_AT, LOCAL_EDIT, newMissionInput } from '../domain-fixtures';

/** Stand-ins for two photos of paper boards: what matters is that their bytes travel unchanged. */
export const PAPERBOARD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 1, 2, 3, 4, 5]);
export const POST_IT_WALL = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7, 6]);

export const OBSERVATION = 'Les assistantes maternelles rurales se disent isolées.';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface Workspace {
  workspace: Y.Doc;
  directory: Y.Doc;
  missions: Map<string, Y.Doc>;
}

/** A workspace with one mission holding an observation and a meeting with a photo of its paperboard. */
export function workspaceWithMission(title = 'CTG du Haut-Poitou'): { workspace: Workspace; missionId: string; meetingId: string } {
  const workspace = new Y.Doc();
  const mission = new Y.Doc();
  const missionId = createMission(workspace, mission, newMissionInput({ title }), LOCAL_EDIT, CREATED_AT);
  createObservation(mission, { text: OBSERVATION, theme: null, sourceKind: 'atelier', date: '2026-03-12', author: '' }, LOCAL_EDIT, CREATED_AT);
  const meetingId = createMeeting(mission, { title: 'Premier comité de pilotage', kind: 'copil' }, LOCAL_EDIT, CREATED_AT);
  attachPhoto(
    mission,
    LOCAL_EDIT,
    meetingId,
    { hash: sha256(PAPERBOARD), fileName: 'paperboard.jpg', mediaType: 'image/jpeg', byteLength: PAPERBOARD.byteLength, width: 64, height: 48 },
    CREATED_AT,
  );
  const directory = new Y.Doc();
  migrateDocument(directory, 'directory');
  createContact(directory, { lastName: 'Dupont', firstName: 'Claire', category: 'elu' }, LOCAL_EDIT, CREATED_AT);
  return { workspace: { workspace, directory, missions: new Map([[missionId, mission]]) }, missionId, meetingId };
}

export function missionDocuments(workspace: Workspace, missionId: string): { name: string; doc: Y.Doc }[] {
  return [{ name: missionDocumentName(missionId), doc: workspace.missions.get(missionId) as Y.Doc }];
}

export function workspaceDocuments(workspace: Workspace): { name: string; doc: Y.Doc }[] {
  return [
    { name: workspaceDocumentName(), doc: workspace.workspace },
    { name: directoryDocumentName(), doc: workspace.directory },
    ...[...workspace.missions].map(([id, doc]) => ({ name: missionDocumentName(id), doc })),
  ];
}

export function paperboardAttachment(bytes: Uint8Array = PAPERBOARD) {
  return { hash: sha256(bytes), mediaType: 'image/jpeg', bytes: bytes.slice() };
}

/**
 * Rewrites a file's entries, as a hand edit or a faulty copy would. With `recomputeChecksums`, the
 * checksum file is rewritten to match, as someone forging a file would do.
 */
export function rewriteArchive(
  bytes: Uint8Array,
  edit: (entries: Record<string, Uint8Array>) => void,
  { recomputeChecksums }: { recomputeChecksums: boolean },
): Uint8Array {
  const entries: Record<string, Uint8Array> = unzipSync(bytes);
  edit(entries);
  if (recomputeChecksums) {
    const lines = Object.entries(entries)
      .filter(([file]) => file !== 'checksum.sha256')
      .map(([file, content]) => `${sha256(content)}  ${file}\n`);
    entries['checksum.sha256'] = strToU8(lines.join(''));
  }
  return zipSync(entries);
}

export function readManifest(entries: Record<string, Uint8Array>): Record<string, unknown> {
  return JSON.parse(strFromU8(entries['manifest.json'] as Uint8Array)) as Record<string, unknown>;
}

export function writeManifest(entries: Record<string, Uint8Array>, manifest: unknown): void {
  entries['manifest.json'] = strToU8(JSON.stringify(manifest));
}
