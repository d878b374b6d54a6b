import * as Y from 'yjs';
import { missionArchiveFileName, workspaceArchiveFileName } from '@shared/archive/archive-file-names';
import { ARCHIVE_IMPORT_ORIGIN, archiveImportSummary, listImportedMission } from '@shared/archive/archive-import';
import {
  ARCHIVE_TOO_LARGE_MESSAGE,
  MAX_ARCHIVE_CONTENT_BYTES,
  readBocageArchive,
  writeBocageArchive,
  type ArchiveAttachment,
  type ArchiveDocument,
} from '@shared/archive/bocage-archive';
import { workspaceMissionsMap } from '@shared/documents/document-structure';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import type { SaveFileRequest } from '@shared/ipc/ipc-contract';
import { ReadOnlyDocumentError } from '@shared/operations/document-guards';
import { isWrittenByNewerSchema } from '@shared/schema/schema-version';
import { missionAttachmentHashes } from '@shared/sync/attachment-references';
import { version } from '../../../package.json';
import { AttachmentStorageError, storeAttachment } from '../../storage/attachment-store';
import type { OpenDocument } from '../../storage/document-store';
import type { LocalDatabase } from '../../storage/local-database';
import { refreshCatalogEntry } from '../../storage/mission-catalog';

/** What export and import use of the workspace session; tests build it from the stores alone. */
export interface ArchiveWorkspace {
  readonly db: LocalDatabase;
  readonly workspace: OpenDocument;
  openMission(missionId: string): Promise<OpenDocument>;
  openDirectory(): Promise<OpenDocument>;
}

const PRODUCER = `Bocage ${version}`;

export interface ArchiveExport {
  request: SaveFileRequest;
  /** Photos the documents reference whose bytes this machine does not have (not received yet). */
  missingPhotos: number;
}

async function storedAttachments(db: LocalDatabase, hashes: readonly string[]): Promise<{ attachments: ArchiveAttachment[]; missing: number }> {
  const records = await db.attachments.bulkGet([...hashes]);
  const attachments = records.flatMap((record) => (record ? [{ hash: record.hash, mediaType: record.mediaType, bytes: record.bytes }] : []));
  return { attachments, missing: hashes.length - attachments.length };
}

/** The mission alone with its photos; contacts stay in the directory, which only the workspace file carries. */
export async function missionArchiveExport(source: ArchiveWorkspace, missionId: string, now: Date = new Date()): Promise<ArchiveExport> {
  const mission = await source.openMission(missionId);
  const { attachments, missing } = await storedAttachments(source.db, missionAttachmentHashes(mission.doc));
  const bytes = await writeBocageArchive({
    scope: 'mission',
    producer: PRODUCER,
    createdAt: now,
    documents: [{ name: mission.name, doc: mission.doc }],
    attachments,
  });
  return { request: { fileKind: 'bocage', suggestedName: missionArchiveFileName(readMissionSnapshot(mission.doc)), bytes }, missingPhotos: missing };
}

/** Everything this machine holds of the workspace: the listing, every mission (trash included), the directory, the photos. */
export async function workspaceArchiveExport(source: ArchiveWorkspace, now: Date = new Date()): Promise<ArchiveExport> {
  const missions = await Promise.all(listWorkspaceMissions(source.workspace.doc).map((entry) => source.openMission(entry.id)));
  const directory = await source.openDirectory();
  const hashes = new Set(missions.flatMap((mission) => missionAttachmentHashes(mission.doc)));
  const { attachments, missing } = await storedAttachments(source.db, [...hashes].sort());
  const bytes = await writeBocageArchive({
    scope: 'workspace',
    producer: PRODUCER,
    createdAt: now,
    documents: [source.workspace, directory, ...missions].map(({ name, doc }) => ({ name, doc })),
    attachments,
  });
  return { request: { fileKind: 'bocage', suggestedName: workspaceArchiveFileName(now), bytes }, missingPhotos: missing };
}

export type ArchiveImportOutcome = { status: 'imported'; summary: string } | { status: 'refused'; message: string };

const READ_ONLY_NOTE =
  ' Une partie du contenu vient d’une version plus récente de Bocage : elle est ouverte en lecture seule jusqu’à la mise à jour de l’application.';

const READER_REFUSAL =
  'Vous êtes lecteur d’une mission de ce fichier : l’import ne peut pas la modifier, et le serveur refuserait ces changements. Rien n’a été importé.';

async function targetOf(workspace: ArchiveWorkspace, document: ArchiveDocument): Promise<OpenDocument> {
  if (document.kind === 'mission') return workspace.openMission(document.id);
  if (document.kind === 'directory') return workspace.openDirectory();
  return workspace.workspace;
}

/**
 * Merges a `.bocage` file into this machine exactly as a sync would: each document's state is
 * applied to the very document the app has open, under a non-local origin. Nothing is written
 * unless the whole file checks out. Photos are stored before the documents that reference them,
 * so a photo never shows as missing.
 */
export async function importArchive(target: ArchiveWorkspace, bytes: Uint8Array): Promise<ArchiveImportOutcome> {
  const result = await readBocageArchive(bytes);
  if (result.status === 'invalid') return { status: 'refused', message: result.message };
  const { documents, attachments } = result.archive;
  const missions = documents.filter((document) => document.kind === 'mission');
  const carriesListing = documents.some((document) => document.kind === 'workspace');
  const unlisted = missions.filter((mission) => !workspaceMissionsMap(target.workspace.doc).has(mission.id));
  if (!carriesListing && unlisted.length > 0 && target.workspace.isReadOnly()) {
    return { status: 'refused', message: `${new ReadOnlyDocumentError().message} Rien n’a été importé.` };
  }
  const targets = new Map<string, OpenDocument>();
  for (const document of documents) targets.set(document.name, await targetOf(target, document));
  // A reader's copy would take the file's changes locally and the server would refuse them for good.
  const readOnlyForUser = missions.filter((mission) => {
    const open = targets.get(mission.name);
    return open !== undefined && open.isReadOnly() && !isWrittenByNewerSchema(open.doc);
  });
  if (readOnlyForUser.length > 0) return { status: 'refused', message: READER_REFUSAL };
  try {
    for (const attachment of attachments) await storeAttachment(target.db, attachment.bytes, attachment.mediaType);
  } catch (error) {
    if (error instanceof AttachmentStorageError) return { status: 'refused', message: error.message };
    throw error;
  }
  const opened = new Map<string, OpenDocument>();
  for (const document of documents) {
    const open = targets.get(document.name) ?? (await targetOf(target, document));
    Y.applyUpdate(open.doc, document.update, ARCHIVE_IMPORT_ORIGIN);
    opened.set(document.name, open);
  }
  if (!carriesListing) {
    for (const mission of unlisted) {
      const doc = opened.get(mission.name)?.doc;
      if (doc) listImportedMission(target.workspace.doc, mission.id, readMissionSnapshot(doc).createdAt);
    }
  }
  const trashed = new Set(listWorkspaceMissions(target.workspace.doc).flatMap((entry) => (entry.trashed ? [entry.id] : [])));
  for (const mission of missions) {
    const open = opened.get(mission.name);
    if (open) await refreshCatalogEntry(target.db, open, trashed.has(mission.id));
  }
  const summary = archiveImportSummary({
    missions: missions.length,
    photos: attachments.length,
    directory: documents.some((document) => document.kind === 'directory'),
  });
  const readOnly = [...opened.values()].some((open) => open.isReadOnly());
  return { status: 'imported', summary: readOnly ? `${summary}${READ_ONLY_NOTE}` : summary };
}

/** Refuses a file too big to be one before reading it into memory. */
export async function importArchiveFile(target: ArchiveWorkspace, file: Blob): Promise<ArchiveImportOutcome> {
  if (file.size > MAX_ARCHIVE_CONTENT_BYTES) return { status: 'refused', message: ARCHIVE_TOO_LARGE_MESSAGE };
  return importArchive(target, new Uint8Array(await file.arrayBuffer()));
}
