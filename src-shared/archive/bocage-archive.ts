/**
 * The `.bocage` file: a mission or the whole workspace in one file, to carry on a USB key to a site
 * without network, and to keep as the full backup that proves users own their data.
 *
 * A ZIP (readable with any unzip tool) holding:
 * - `manifest.json`: what the file holds (format, versions, documents, attachments);
 * - `documents/<document name>.yjs`: each document's full Yjs state, so importing it merges exactly
 *   like a sync (the same update the server would send);
 * - `attachments/<sha256>`: the bytes of each attachment, named by their SHA-256;
 * - `checksum.sha256`: the SHA-256 of every other entry, in the format of `sha256sum`, so that
 *   `sha256sum -c checksum.sha256` checks an unzipped copy without Bocage.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import * as Y from 'yjs';
import { z } from 'zod';
import { WORKSPACE_ID, parseDocumentName, type DocumentKind } from '../documents/document-names';
import { MISSION_FIELD, missionMap } from '../documents/document-structure';
import { formatInteger } from '../format/french-format';
import { isContentHash } from '../meetings/meeting-model';
import { CURRENT_SCHEMA_VERSION, readDocumentKind, readSchemaVersion } from '../schema/schema-version';
import { isAttachmentMediaType } from '../sync/attachment-references';
import { contentHash } from '../sync/content-hash';

export const ARCHIVE_FORMAT = 'bocage-archive';
/** Raised only when an older Bocage could no longer read what a newer one writes. */
export const ARCHIVE_FORMAT_VERSION = 1;

export type ArchiveScope = 'mission' | 'workspace';

/** Beyond this, a file is refused before anything is decompressed: a small ZIP can expand to gigabytes. */
export const MAX_ARCHIVE_CONTENT_BYTES = 512 * 1024 * 1024;
const MAX_ARCHIVE_ENTRIES = 20_000;
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const MANIFEST_FILE = 'manifest.json';
const CHECKSUM_FILE = 'checksum.sha256';
const DOCUMENTS_FOLDER = 'documents/';
const ATTACHMENTS_FOLDER = 'attachments/';

/** Every ZIP starts with a local file header, or with the end record when it is empty. */
const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
] as const;

/** What a document becomes in the file, read back. */
export interface ArchiveDocument {
  name: string;
  kind: DocumentKind;
  /** The mission id, or the workspace id for the workspace and directory documents. */
  id: string;
  schemaVersion: number;
  /** The document's full Yjs state update. */
  update: Uint8Array<ArrayBuffer>;
}

export interface ArchiveAttachment {
  /** SHA-256 of the bytes in lowercase hex: the key documents reference it by. */
  hash: string;
  mediaType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface BocageArchive {
  scope: ArchiveScope;
  /** ISO 8601 instant the file was written. */
  createdAt: string;
  /** The Bocage that wrote it, e.g. "Bocage 0.1.0". */
  producer: string;
  /** CURRENT_SCHEMA_VERSION of the Bocage that wrote it. */
  schemaVersion: number;
  documents: ArchiveDocument[];
  attachments: ArchiveAttachment[];
}

export interface ArchiveContent {
  scope: ArchiveScope;
  producer: string;
  createdAt: Date;
  documents: readonly { name: string; doc: Y.Doc }[];
  attachments: readonly ArchiveAttachment[];
}

export type ArchiveProblem = 'not-an-archive' | 'newer-format' | 'damaged' | 'unknown-document' | 'inconsistent' | 'too-large';

export type ArchiveReadResult = { status: 'valid'; archive: BocageArchive } | { status: 'invalid'; problem: ArchiveProblem; message: string };

const NOTHING_IMPORTED = 'rien n’a été importé.';

/** Also what the importer says before reading a file too big to be one Bocage writes. */
export const ARCHIVE_TOO_LARGE_MESSAGE = `Ce fichier est trop volumineux une fois décompressé (plus de ${formatInteger(MAX_ARCHIVE_CONTENT_BYTES / (1024 * 1024))} Mo) : ${NOTHING_IMPORTED}`;

const PROBLEM_MESSAGES: Record<Exclude<ArchiveProblem, 'unknown-document'>, string> = {
  'not-an-archive': `Ce fichier n’est pas un fichier Bocage (.bocage) : ${NOTHING_IMPORTED}`,
  'newer-format': 'Ce fichier vient d’une version plus récente de Bocage : mettez l’application à jour pour l’importer.',
  damaged: `Le fichier est endommagé (somme de contrôle incorrecte) : ${NOTHING_IMPORTED}`,
  inconsistent: `Le contenu de ce fichier ne correspond pas à sa description (il a peut-être été modifié à la main) : ${NOTHING_IMPORTED}`,
  'too-large': ARCHIVE_TOO_LARGE_MESSAGE,
};

function invalid(problem: Exclude<ArchiveProblem, 'unknown-document'>): ArchiveReadResult {
  return { status: 'invalid', problem, message: PROBLEM_MESSAGES[problem] };
}

function unknownDocument(name: string): ArchiveReadResult {
  return {
    status: 'invalid',
    problem: 'unknown-document',
    message: `Ce fichier contient un document que Bocage ne connaît pas (« ${name.slice(0, 80)} ») : ${NOTHING_IMPORTED}`,
  };
}

/** The documents Bocage knows: a mission, and the one workspace and directory this version has. */
function parseArchiveDocumentName(name: string): { kind: DocumentKind; id: string } | null {
  const parsed = parseDocumentName(name);
  if (!parsed) return null;
  if (parsed.kind !== 'mission' && parsed.id !== WORKSPACE_ID) return null;
  return parsed;
}

/**
 * A mission file holds that mission alone (contacts are the workspace's, see the mission export's
 * wording); a workspace file holds the listing, and may hold the directory and any missions.
 */
function scopeFits(scope: ArchiveScope, kinds: readonly DocumentKind[]): boolean {
  const count = (kind: DocumentKind) => kinds.filter((candidate) => candidate === kind).length;
  if (scope === 'mission') return kinds.length === 1 && count('mission') === 1;
  return count('workspace') === 1 && count('directory') <= 1;
}

function documentFile(name: string): string {
  return `${DOCUMENTS_FOLDER}${name}.yjs`;
}

function attachmentFile(hash: string): string {
  return `${ATTACHMENTS_FOLDER}${hash}`;
}

const manifestDocumentSchema = z
  .object({
    name: z.string().max(200),
    // Any text: a name Bocage does not know is refused with its own message, further on.
    kind: z.string().max(40),
    file: z.string().max(300),
    byteLength: z.number().int().nonnegative(),
    sha256: z.string().refine(isContentHash),
    schemaVersion: z.number().int().nonnegative(),
  })
  .strict();

const manifestAttachmentSchema = z
  .object({
    hash: z.string().refine(isContentHash),
    mediaType: z.string().refine(isAttachmentMediaType),
    file: z.string().max(300),
    byteLength: z.number().int().nonnegative(),
  })
  .strict();

const manifestSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
    createdAt: z.iso.datetime(),
    producer: z.string().max(200),
    scope: z.enum(['mission', 'workspace']),
    schemaVersion: z.number().int().nonnegative(),
    documents: z.array(manifestDocumentSchema).max(MAX_ARCHIVE_ENTRIES),
    attachments: z.array(manifestAttachmentSchema).max(MAX_ARCHIVE_ENTRIES),
  })
  .strict();

type Manifest = z.infer<typeof manifestSchema>;

/** Only the fields every format version keeps, to tell a newer Bocage file from something else. */
const formatHeaderSchema = z.object({ format: z.literal(ARCHIVE_FORMAT), formatVersion: z.number().int().positive() });

/** Writes the file. Throws (in French) when the content could not be read back by Bocage. */
export async function writeBocageArchive(content: ArchiveContent): Promise<Uint8Array<ArrayBuffer>> {
  const entries: Zippable = {};
  const checksums: [file: string, sha256: string][] = [];
  const documents: Manifest['documents'] = [];
  const kinds: DocumentKind[] = [];
  for (const { name, doc } of content.documents) {
    const parsed = parseArchiveDocumentName(name);
    if (!parsed) throw new Error(`Le document « ${name} » n’est pas un document de Bocage : il ne peut pas être exporté.`);
    // A copy, because the digest needs bytes on a plain ArrayBuffer.
    const update = new Uint8Array(Y.encodeStateAsUpdate(doc));
    const sha256 = await contentHash(update);
    const file = documentFile(name);
    entries[file] = update;
    checksums.push([file, sha256]);
    documents.push({ name, kind: parsed.kind, file, byteLength: update.byteLength, sha256, schemaVersion: readSchemaVersion(doc) });
    kinds.push(parsed.kind);
  }
  if (!scopeFits(content.scope, kinds)) {
    throw new Error('Ces documents ne forment pas un fichier Bocage complet : rien n’a été exporté.');
  }
  const attachments: Manifest['attachments'] = [];
  const seen = new Set<string>();
  for (const { hash, mediaType, bytes } of content.attachments) {
    if (seen.has(hash)) continue;
    seen.add(hash);
    // An attachment whose bytes changed on this disk would be refused by every machine importing the file.
    if (!isAttachmentMediaType(mediaType) || (await contentHash(bytes)) !== hash) {
      throw new Error('Une pièce jointe (photo) est endommagée sur cet ordinateur : rien n’a été exporté. Ajoutez-la de nouveau à sa réunion.');
    }
    const file = attachmentFile(hash);
    // Photos are already compressed: storing them as they are saves time and nothing else.
    entries[file] = [bytes, { level: 0 }];
    checksums.push([file, hash]);
    attachments.push({ hash, mediaType, file, byteLength: bytes.byteLength });
  }
  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: ARCHIVE_FORMAT_VERSION,
    createdAt: content.createdAt.toISOString(),
    producer: content.producer,
    scope: content.scope,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    documents,
    attachments,
  };
  const manifestBytes = strToU8(JSON.stringify(manifest, null, 2));
  const checksumLines = [[MANIFEST_FILE, await contentHash(manifestBytes)] as const, ...checksums].map(([file, sha256]) => `${sha256}  ${file}\n`);
  return zipSync({ [MANIFEST_FILE]: manifestBytes, ...entries, [CHECKSUM_FILE]: strToU8(checksumLines.join('')) });
}

function looksLikeZip(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURES.some((signature) => signature.every((byte, index) => bytes[index] === byte));
}

/** Entries by name, or the reason the ZIP is refused before most of it is decompressed. */
function unzipWithinLimits(bytes: Uint8Array): Record<string, Uint8Array<ArrayBuffer>> | 'not-an-archive' | 'too-large' {
  let total = 0;
  let count = 0;
  let tooLarge = false;
  let entries: Record<string, Uint8Array<ArrayBuffer>>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        // The declared sizes bound what is decompressed: fflate never writes past them.
        total += file.originalSize;
        count += 1;
        tooLarge ||= total > MAX_ARCHIVE_CONTENT_BYTES || count > MAX_ARCHIVE_ENTRIES;
        return !tooLarge;
      },
    });
  } catch {
    return 'not-an-archive';
  }
  return tooLarge ? 'too-large' : entries;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch {
    return undefined;
  }
}

/** `<sha256>  <file>` lines, or null when a line is not one. */
function parseChecksums(bytes: Uint8Array): Map<string, string> | null {
  const checksums = new Map<string, string>();
  for (const line of strFromU8(bytes).split('\n')) {
    if (line === '') continue;
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!match || checksums.has(match[2] as string)) return null;
    checksums.set(match[2] as string, match[1] as string);
  }
  return checksums;
}

/** True when every entry but the checksum file is listed in it with the SHA-256 of its bytes, and nothing else is. */
async function checksumsMatch(entries: Record<string, Uint8Array<ArrayBuffer>>): Promise<boolean> {
  const checksumBytes = entries[CHECKSUM_FILE];
  const checksums = checksumBytes ? parseChecksums(checksumBytes) : null;
  if (!checksums) return false;
  const files = Object.keys(entries).filter((file) => file !== CHECKSUM_FILE);
  if (files.length !== checksums.size) return false;
  for (const file of files) {
    const expected = checksums.get(file);
    if (expected === undefined || expected !== (await contentHash(entries[file] as Uint8Array<ArrayBuffer>))) return false;
  }
  return true;
}

/** The document decoded on its own, to check it is what its name says before it meets the user's copy. */
function decodedDocumentFits(update: Uint8Array, kind: DocumentKind, id: string, schemaVersion: number): boolean {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    const writtenKind = readDocumentKind(scratch);
    if (writtenKind !== null && writtenKind !== kind) return false;
    const missionId = kind === 'mission' ? missionMap(scratch).get(MISSION_FIELD.id) : undefined;
    if (missionId !== undefined && missionId !== id) return false;
    return readSchemaVersion(scratch) === schemaVersion;
  } catch {
    return false;
  } finally {
    scratch.destroy();
  }
}

/** Checks the manifest against the entries; returns the content, or why it does not fit. */
async function readContent(manifest: Manifest, entries: Record<string, Uint8Array<ArrayBuffer>>): Promise<ArchiveReadResult> {
  const listed = new Set<string>([MANIFEST_FILE]);
  const documents: ArchiveDocument[] = [];
  for (const entry of manifest.documents) {
    const parsed = parseArchiveDocumentName(entry.name);
    if (!parsed) return unknownDocument(entry.name);
    const update = entries[entry.file];
    const misplaced = entry.kind !== parsed.kind || entry.file !== documentFile(entry.name) || listed.has(entry.file);
    if (misplaced || !update || update.byteLength !== entry.byteLength) return invalid('inconsistent');
    listed.add(entry.file);
    if ((await contentHash(update)) !== entry.sha256) return invalid('damaged');
    if (!decodedDocumentFits(update, parsed.kind, parsed.id, entry.schemaVersion)) return invalid('inconsistent');
    documents.push({ name: entry.name, kind: parsed.kind, id: parsed.id, schemaVersion: entry.schemaVersion, update });
  }
  if (!scopeFits(manifest.scope, documents.map((document) => document.kind))) return invalid('inconsistent');
  const attachments: ArchiveAttachment[] = [];
  for (const entry of manifest.attachments) {
    const bytes = entries[entry.file];
    if (entry.file !== attachmentFile(entry.hash) || listed.has(entry.file) || !bytes || bytes.byteLength !== entry.byteLength) {
      return invalid('inconsistent');
    }
    listed.add(entry.file);
    if ((await contentHash(bytes)) !== entry.hash) return invalid('damaged');
    attachments.push({ hash: entry.hash, mediaType: entry.mediaType, bytes });
  }
  if (Object.keys(entries).some((file) => file !== CHECKSUM_FILE && !listed.has(file))) return invalid('inconsistent');
  return {
    status: 'valid',
    archive: {
      scope: manifest.scope,
      createdAt: manifest.createdAt,
      producer: manifest.producer,
      schemaVersion: manifest.schemaVersion,
      documents,
      attachments,
    },
  };
}

/**
 * Reads and checks a whole `.bocage` file before anything is written anywhere: the caller imports
 * all of it or, when the result is invalid, nothing.
 */
export async function readBocageArchive(bytes: Uint8Array): Promise<ArchiveReadResult> {
  if (!looksLikeZip(bytes)) return invalid('not-an-archive');
  const entries = unzipWithinLimits(bytes);
  if (typeof entries === 'string') return invalid(entries);
  const manifestBytes = entries[MANIFEST_FILE];
  if (!manifestBytes || manifestBytes.byteLength > MAX_MANIFEST_BYTES) return invalid('not-an-archive');
  const manifestJson = parseJson(manifestBytes);
  const header = formatHeaderSchema.safeParse(manifestJson);
  if (!header.success) return invalid('not-an-archive');
  // Before any other check: a newer format may lay its content out differently.
  if (header.data.formatVersion > ARCHIVE_FORMAT_VERSION) return invalid('newer-format');
  if (!(await checksumsMatch(entries))) return invalid('damaged');
  const manifest = manifestSchema.safeParse(manifestJson);
  if (!manifest.success) return invalid('inconsistent');
  return readContent(manifest.data, entries);
}
