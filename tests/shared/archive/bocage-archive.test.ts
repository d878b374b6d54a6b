import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import * as Y from 'yjs';
import { afterEach, describe, expect, test } from 'vitest';
import { ARCHIVE_FORMAT_VERSION, MAX_ARCHIVE_CONTENT_BYTES, readBocageArchive, writeBocageArchive, type ArchiveContent, type BocageArchive } from '@shared/archive/bocage-archive';
import { META_FIELD, metaMap, missionEditableTypes } from '@shared/documents/document-structure';
import { missionDocumentName, workspaceDocumentName } from '@shared/documents/document-names';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { setMissionTitle } from '@shared/operations/mission-operations';
import { createObservation } from '@shared/qualitative/observation-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { COLLEAGUE_EDIT, CREATED_AT, LOCAL_EDIT, exchangeUpdates } from '../domain-fixtures';
import {
  OBSERVATION,
  PAPERBOARD,
  POST_IT_WALL,
  missionDocuments,
  paperboardAttachment,
  readManifest,
  rewriteArchive,
  sha256,
  workspaceDocuments,
  workspaceWithMission,
  writeManifest,
} from './archive-fixtures';

const PRODUCER = 'Bocage 0.1.0';
const SAVED_AT = new Date(Date.UTC(2026, 2, 12, 17, 45));
const DAMAGED = 'Le fichier est endommagé (somme de contrôle incorrecte) : rien n’a été importé.';
const NOT_BOCAGE = 'Ce fichier n’est pas un fichier Bocage (.bocage) : rien n’a été importé.';

function missionArchiveContent(): { content: ArchiveContent; missionId: string } {
  const { workspace, missionId } = workspaceWithMission();
  return {
    missionId,
    content: { scope: 'mission', producer: PRODUCER, createdAt: SAVED_AT, documents: missionDocuments(workspace, missionId), attachments: [paperboardAttachment()] },
  };
}

async function validArchive(bytes: Uint8Array): Promise<BocageArchive> {
  const result = await readBocageArchive(bytes);
  if (result.status !== 'valid') throw new Error(`expected a valid archive, got: ${result.message}`);
  return result.archive;
}

/** What importing does to one document: the update, applied as a colleague's sync would be. */
function applyArchivedDocument(archive: BocageArchive, name: string, into: Y.Doc): void {
  const document = archive.documents.find((candidate) => candidate.name === name);
  if (!document) throw new Error(`${name} is not in the archive`);
  Y.applyUpdate(into, document.update, COLLEAGUE_EDIT);
}

/** Every root type of a mission, read as plain data: a replica that never touched one still shows it. */
function contentOf(mission: Y.Doc): unknown {
  missionEditableTypes(mission);
  metaMap(mission);
  return mission.toJSON();
}

const temporaryFolders: string[] = [];
afterEach(() => {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('writing and reading a .bocage file', () => {
  test('a mission carried in a file comes back whole on another machine: its title, observation, meeting and the photo’s very bytes', async () => {
    const { content, missionId } = missionArchiveContent();

    const archive = await validArchive(await writeBocageArchive(content));

    expect(archive).toMatchObject({ scope: 'mission', producer: PRODUCER, createdAt: SAVED_AT.toISOString(), schemaVersion: CURRENT_SCHEMA_VERSION });
    expect(archive.documents.map(({ name, kind, id, schemaVersion }) => ({ name, kind, id, schemaVersion }))).toEqual([
      { name: missionDocumentName(missionId), kind: 'mission', id: missionId, schemaVersion: CURRENT_SCHEMA_VERSION },
    ]);
    const elsewhere = new Y.Doc();
    applyArchivedDocument(archive, missionDocumentName(missionId), elsewhere);
    expect(readMissionSnapshot(elsewhere)).toMatchObject({ id: missionId, title: 'CTG du Haut-Poitou' });
    expect(readQualitativeSnapshot(elsewhere).observations.map((observation) => observation.text)).toEqual([OBSERVATION]);
    const [meeting] = readMeetings(elsewhere);
    expect(meeting?.photos.map((photo) => photo.hash)).toEqual([sha256(PAPERBOARD)]);
    expect(archive.attachments).toEqual([{ hash: sha256(PAPERBOARD), mediaType: 'image/jpeg', bytes: PAPERBOARD }]);
  });

  test('the whole workspace travels in one file: the listing, every mission and the contacts directory', async () => {
    const { workspace, missionId } = workspaceWithMission();

    const archive = await validArchive(
      await writeBocageArchive({ scope: 'workspace', producer: PRODUCER, createdAt: SAVED_AT, documents: workspaceDocuments(workspace), attachments: [paperboardAttachment()] }),
    );

    expect(archive.documents.map((document) => document.kind).sort()).toEqual(['directory', 'mission', 'workspace']);
    const directory = new Y.Doc();
    applyArchivedDocument(archive, 'bocage.directory.default', directory);
    expect(readDirectorySnapshot(directory).contacts.map((contact) => contact.lastName)).toEqual(['Dupont']);
    const listing = new Y.Doc();
    applyArchivedDocument(archive, workspaceDocumentName(), listing);
    expect([...listing.getMap('missions').keys()]).toEqual([missionId]);
  });

  test('anyone can check the file without Bocage: unzipped, `sha256sum -c checksum.sha256` passes, and the manifest says what it holds', async () => {
    const { content, missionId } = missionArchiveContent();
    const entries = unzipSync(await writeBocageArchive(content));
    const folder = mkdtempSync(join(tmpdir(), 'bocage-archive-'));
    temporaryFolders.push(folder);
    for (const [file, bytes] of Object.entries(entries)) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), bytes);
    }

    const report = execFileSync('sha256sum', ['-c', 'checksum.sha256'], { cwd: folder, encoding: 'utf8' });

    expect(report.trim().split('\n').sort()).toEqual(
      ['manifest.json: OK', `documents/${missionDocumentName(missionId)}.yjs: OK`, `attachments/${sha256(PAPERBOARD)}: OK`].sort(),
    );
    expect(readManifest(entries)).toMatchObject({
      format: 'bocage-archive',
      formatVersion: 1,
      scope: 'mission',
      producer: PRODUCER,
      attachments: [{ hash: sha256(PAPERBOARD), mediaType: 'image/jpeg', file: `attachments/${sha256(PAPERBOARD)}`, byteLength: PAPERBOARD.byteLength }],
    });
  });

  test('a photo whose bytes changed on this disk is not written into a backup that every other machine would refuse', async () => {
    const { content } = missionArchiveContent();
    const corrupted = { ...paperboardAttachment(), bytes: POST_IT_WALL.slice() };

    await expect(writeBocageArchive({ ...content, attachments: [corrupted] })).rejects.toThrow(/endommagée sur cet ordinateur/);
  });
});

describe('importing a file merges exactly like a sync', () => {
  test('a machine that kept working after the copy converges with the file, to the same state a sync would give, on both sides', async () => {
    const { workspace, missionId } = workspaceWithMission();
    const office = workspace.missions.get(missionId) as Y.Doc;
    const site = new Y.Doc();
    exchangeUpdates(site, office);
    // Both keep working apart: the office renames the mission, the site records what it heard.
    setMissionTitle(office, 'CTG du Haut-Poitou — phase 2', LOCAL_EDIT, CREATED_AT + 1000);
    createObservation(site, { text: 'Le relais petite enfance ne passe qu’une fois par mois.', theme: null, sourceKind: 'entretien', date: null, author: '' }, LOCAL_EDIT);
    const siteSyncedInstead = new Y.Doc();
    Y.applyUpdate(siteSyncedInstead, Y.encodeStateAsUpdate(site));
    const officeSyncedInstead = new Y.Doc();
    Y.applyUpdate(officeSyncedInstead, Y.encodeStateAsUpdate(office));
    exchangeUpdates(siteSyncedInstead, officeSyncedInstead);

    const fromOffice = await validArchive(
      await writeBocageArchive({ scope: 'mission', producer: PRODUCER, createdAt: SAVED_AT, documents: [{ name: missionDocumentName(missionId), doc: office }], attachments: [] }),
    );
    applyArchivedDocument(fromOffice, missionDocumentName(missionId), site);
    const fromSite = await validArchive(
      await writeBocageArchive({ scope: 'mission', producer: PRODUCER, createdAt: SAVED_AT, documents: [{ name: missionDocumentName(missionId), doc: site }], attachments: [] }),
    );
    applyArchivedDocument(fromSite, missionDocumentName(missionId), office);

    expect(readMissionSnapshot(site).title).toBe('CTG du Haut-Poitou — phase 2');
    expect(readQualitativeSnapshot(site).observations).toHaveLength(2);
    expect(contentOf(site)).toEqual(contentOf(siteSyncedInstead));
    expect(Y.encodeStateVector(site)).toEqual(Y.encodeStateVector(siteSyncedInstead));
    expect(contentOf(office)).toEqual(contentOf(site));
    expect(Y.encodeStateVector(office)).toEqual(Y.encodeStateVector(site));
  });

  test('a file imported twice changes nothing the second time', async () => {
    const { content, missionId } = missionArchiveContent();
    const archive = await validArchive(await writeBocageArchive(content));
    const replica = new Y.Doc();
    applyArchivedDocument(archive, missionDocumentName(missionId), replica);
    const changes: Uint8Array[] = [];
    replica.on('update', (update: Uint8Array) => changes.push(update));

    applyArchivedDocument(archive, missionDocumentName(missionId), replica);

    expect(changes).toEqual([]);
  });
});

describe('a file that is not a sound Bocage file is refused whole, with a reason in French', () => {
  test('one changed byte in a document is caught by the checksum', async () => {
    const { content, missionId } = missionArchiveContent();
    const file = `documents/${missionDocumentName(missionId)}.yjs`;
    const tampered = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => {
        const bytes = (entries[file] as Uint8Array).slice();
        bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x01;
        entries[file] = bytes;
      },
      { recomputeChecksums: false },
    );

    expect(await readBocageArchive(tampered)).toEqual({ status: 'invalid', problem: 'damaged', message: DAMAGED });
  });

  test('a manifest edited by hand is caught by the checksum', async () => {
    const { content } = missionArchiveContent();
    const tampered = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => writeManifest(entries, { ...readManifest(entries), producer: 'Bocage 9.9.9' }),
      { recomputeChecksums: false },
    );

    expect(await readBocageArchive(tampered)).toMatchObject({ status: 'invalid', problem: 'damaged', message: DAMAGED });
  });

  test('an entry slipped into the file without being listed is refused', async () => {
    const { content } = missionArchiveContent();
    const tampered = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => {
        entries['documents/bocage.mission.intrus.yjs'] = new Uint8Array([0, 0]);
      },
      { recomputeChecksums: false },
    );

    expect(await readBocageArchive(tampered)).toMatchObject({ status: 'invalid', problem: 'damaged' });
  });

  test('a photo whose bytes do not match its name is refused, even with checksums recomputed to match', async () => {
    const { content } = missionArchiveContent();
    const tampered = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => {
        entries[`attachments/${sha256(PAPERBOARD)}`] = POST_IT_WALL.slice();
        const manifest = readManifest(entries);
        writeManifest(entries, { ...manifest, attachments: [{ ...(manifest.attachments as object[])[0], byteLength: POST_IT_WALL.byteLength }] });
      },
      { recomputeChecksums: true },
    );

    expect(await readBocageArchive(tampered)).toEqual({ status: 'invalid', problem: 'damaged', message: DAMAGED });
  });

  test('a file from a newer Bocage asks for an update instead of guessing at its content', async () => {
    const { content } = missionArchiveContent();
    const newer = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => writeManifest(entries, { format: 'bocage-archive', formatVersion: ARCHIVE_FORMAT_VERSION + 1, layout: 'unknown to this version' }),
      { recomputeChecksums: false },
    );

    expect(await readBocageArchive(newer)).toEqual({
      status: 'invalid',
      problem: 'newer-format',
      message: 'Ce fichier vient d’une version plus récente de Bocage : mettez l’application à jour pour l’importer.',
    });
  });

  test.each([
    ['a text file', new TextEncoder().encode('Compte rendu du COPIL du 12 mars')],
    ['an empty file', new Uint8Array()],
    ['a truncated ZIP', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
  ])('%s is not taken for a Bocage file', async (_label, bytes) => {
    expect(await readBocageArchive(bytes)).toEqual({ status: 'invalid', problem: 'not-an-archive', message: NOT_BOCAGE });
  });

  test('another ZIP (a Word document, say) is not taken for a Bocage file', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const wordLike = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });

    expect(await readBocageArchive(wordLike)).toMatchObject({ status: 'invalid', problem: 'not-an-archive' });
  });

  test('a document whose name is not one of Bocage’s is refused by name, even with checksums recomputed to match', async () => {
    const { content, missionId } = missionArchiveContent();
    const original = `documents/${missionDocumentName(missionId)}.yjs`;
    const forged = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => {
        entries['documents/bocage.contacts.default.yjs'] = entries[original] as Uint8Array;
        delete entries[original];
        const manifest = readManifest(entries);
        const [document] = manifest.documents as Record<string, unknown>[];
        writeManifest(entries, { ...manifest, documents: [{ ...document, name: 'bocage.contacts.default', kind: 'contacts', file: 'documents/bocage.contacts.default.yjs' }] });
      },
      { recomputeChecksums: true },
    );

    expect(await readBocageArchive(forged)).toEqual({
      status: 'invalid',
      problem: 'unknown-document',
      message: 'Ce fichier contient un document que Bocage ne connaît pas (« bocage.contacts.default ») : rien n’a été importé.',
    });
  });

  test('a mission file whose content is another mission is refused: it would merge two missions into one', async () => {
    const { content } = missionArchiveContent();
    const other = workspaceWithMission('Autre mission');
    const forged = rewriteArchive(
      await writeBocageArchive(content),
      (entries) => {
        const [file] = Object.keys(entries).filter((name) => name.startsWith('documents/'));
        const otherMission = [...other.workspace.missions.values()][0] as Y.Doc;
        const bytes = Y.encodeStateAsUpdate(otherMission);
        entries[file as string] = bytes;
        const manifest = readManifest(entries);
        const [document] = manifest.documents as Record<string, unknown>[];
        writeManifest(entries, { ...manifest, documents: [{ ...document, byteLength: bytes.byteLength, sha256: sha256(bytes) }] });
      },
      { recomputeChecksums: true },
    );

    expect(await readBocageArchive(forged)).toMatchObject({ status: 'invalid', problem: 'inconsistent' });
  });

  test('a small file that would expand beyond the limit is refused before it is decompressed', async () => {
    const { content } = missionArchiveContent();
    const bytes = (await writeBocageArchive(content)).slice();
    // Each central directory record declares its entry's uncompressed size at offset 24.
    const view = new DataView(bytes.buffer);
    for (let offset = 0; offset + 46 <= bytes.length; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, MAX_ARCHIVE_CONTENT_BYTES + 1, true);
    }

    expect(await readBocageArchive(bytes)).toEqual({
      status: 'invalid',
      problem: 'too-large',
      message: 'Ce fichier est trop volumineux une fois décompressé (plus de 512 Mo) : rien n’a été importé.',
    });
  });

  test('a document written by a newer schema is read, to be opened read-only, not refused', async () => {
    const { workspace, missionId } = workspaceWithMission();
    const mission = workspace.missions.get(missionId) as Y.Doc;
    metaMap(mission).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1);

    const archive = await validArchive(
      await writeBocageArchive({ scope: 'mission', producer: PRODUCER, createdAt: SAVED_AT, documents: missionDocuments(workspace, missionId), attachments: [] }),
    );

    expect(archive.documents[0]?.schemaVersion).toBe(CURRENT_SCHEMA_VERSION + 1);
  });
});
