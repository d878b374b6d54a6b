import 'fake-indexeddb/auto';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { createHash } from 'node:crypto';
import Dexie from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { META_FIELD, metaMap, missionEditableTypes } from '@shared/documents/document-structure';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { createContact } from '@shared/directory/contact-operations';
import { createMeeting } from '@shared/meetings/meeting-operations';
import { attachPhoto } from '@shared/meetings/meeting-photo-operations';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { createMission } from '@shared/operations/mission-operations';
import { createObservation } from '@shared/qualitative/observation-operations';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { LOCAL_ORIGIN } from '../../src-renderer/app/local-origin';
import {
  importArchive,
  missionArchiveExport,
  workspaceArchiveExport,
  type ArchiveWorkspace,
} from '../../src-renderer/features/mission-archive/archive-files';
import { readAttachment, storeAttachment } from '../../src-renderer/storage/attachment-store';
import { DocumentStore } from '../../src-renderer/storage/document-store';
import { LocalDatabase } from '../../src-renderer/storage/local-database';

const PAPERBOARD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 7, 7, 7]);
const OBSERVATION = 'Les assistantes maternelles rurales se disent isolées.';
const TITLE = 'CTG du Haut-Poitou';
const SAVED_AT = new Date(2026, 2, 12, 18, 0);

interface Machine extends ArchiveWorkspace {
  store: DocumentStore;
}

const machines: Machine[] = [];

async function shutDownMachines(): Promise<void> {
  for (const machine of machines.splice(0)) {
    await machine.store.destroy();
    machine.db.close();
  }
}

/**
 * Another computer: its own IndexedDB, documents and Dexie database. The previous one is shut down
 * first, because open documents of the same name in one process share their changes (window relay).
 */
async function newMachine(): Promise<Machine> {
  await shutDownMachines();
  globalThis.indexedDB = new IDBFactory();
  Dexie.dependencies.indexedDB = globalThis.indexedDB;
  const store = new DocumentStore();
  const db = new LocalDatabase();
  const workspace = await store.openWorkspace();
  const machine: Machine = {
    store,
    db,
    workspace,
    openMission: (missionId) => store.openMission(missionId),
    openDirectory: () => store.openDirectory(),
  };
  machines.push(machine);
  return machine;
}

afterEach(shutDownMachines);

/** The office laptop: a mission with an observation, a meeting with the photo of its paperboard, and a contact. */
async function officeWithMission(): Promise<{ office: Machine; missionId: string }> {
  const office = await newMachine();
  const missionId = crypto.randomUUID();
  const mission = await office.openMission(missionId);
  createMission(office.workspace.doc, mission.doc, { title: TITLE, sponsor: 'CAF de la Vienne', themes: [], startDate: null, endDate: null, status: 'en-cours', description: '' }, LOCAL_ORIGIN, Date.now(), missionId);
  createObservation(mission.doc, { text: OBSERVATION, theme: null, sourceKind: 'atelier', date: null, author: '' }, LOCAL_ORIGIN);
  const meetingId = createMeeting(mission.doc, { title: 'Premier comité de pilotage', kind: 'copil' }, LOCAL_ORIGIN);
  const hash = await storeAttachment(office.db, PAPERBOARD.slice(), 'image/jpeg');
  attachPhoto(mission.doc, LOCAL_ORIGIN, meetingId, { hash, fileName: 'paperboard.jpg', mediaType: 'image/jpeg', byteLength: PAPERBOARD.byteLength, width: 64, height: 48 });
  createContact((await office.openDirectory()).doc, { lastName: 'Dupont', firstName: 'Claire', category: 'elu' }, LOCAL_ORIGIN);
  return { office, missionId };
}

async function photoBytes(machine: Machine): Promise<Uint8Array | null> {
  const blob = await readAttachment(machine.db, createHash('sha256').update(PAPERBOARD).digest('hex'));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
}

/** Records every change made to the machine's documents from now on. */
async function watchChanges(machine: Machine, missionId: string): Promise<unknown[]> {
  const changes: unknown[] = [];
  for (const open of [machine.workspace, await machine.openDirectory(), await machine.openMission(missionId)]) {
    open.doc.on('update', (_update: Uint8Array, origin: unknown) => changes.push(origin));
  }
  return changes;
}

describe('a mission carried on a USB key to a machine that never synced', () => {
  it('shows up on the home screen with its observation and the photo of its paperboard, outside the undo history', async () => {
    const { office, missionId } = await officeWithMission();
    const exported = await missionArchiveExport(office, missionId, SAVED_AT);
    expect(exported).toMatchObject({ request: { fileKind: 'bocage', suggestedName: `Mission - ${TITLE}.bocage` }, missingPhotos: 0 });

    const site = await newMachine();
    const outcome = await importArchive(site, exported.request.bytes);

    expect(outcome).toEqual({ status: 'imported', summary: '1 mission, 1 photo importées.' });
    expect((await site.db.catalog.toArray()).map((entry) => entry.title)).toEqual([TITLE]);
    const mission = await site.openMission(missionId);
    expect(readQualitativeSnapshot(mission.doc).observations.map((observation) => observation.text)).toEqual([OBSERVATION]);
    expect(readMeetings(mission.doc)[0]?.photos).toHaveLength(1);
    expect(await photoBytes(site)).toEqual(PAPERBOARD);
    const undo = new Y.UndoManager(missionEditableTypes(mission.doc), { trackedOrigins: new Set([LOCAL_ORIGIN]) });
    expect(undo.canUndo()).toBe(false);
    // The mission file carries no contact: those travel with the workspace file.
    expect(readDirectorySnapshot((await site.openDirectory()).doc).contacts).toEqual([]);
  });

  it('stays after the application restarts: the import is written to the machine’s own storage', async () => {
    const { office, missionId } = await officeWithMission();
    const { request } = await missionArchiveExport(office, missionId, SAVED_AT);
    const site = await newMachine();
    await importArchive(site, request.bytes);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await site.store.destroy();

    const restarted = new DocumentStore();
    const mission = await restarted.openMission(missionId);
    const workspace = await restarted.openWorkspace();

    expect(readQualitativeSnapshot(mission.doc).observations).toHaveLength(1);
    expect([...workspace.doc.getMap('missions').keys()]).toEqual([missionId]);
    await restarted.destroy();
  });

  it('importing the same file a second time changes nothing', async () => {
    const { office, missionId } = await officeWithMission();
    const { request } = await missionArchiveExport(office, missionId, SAVED_AT);
    const site = await newMachine();
    await importArchive(site, request.bytes);
    const changes = await watchChanges(site, missionId);

    expect(await importArchive(site, request.bytes)).toMatchObject({ status: 'imported' });

    expect(changes).toEqual([]);
    expect(await site.db.attachments.count()).toBe(1);
  });

  it('a damaged file writes nothing at all, not even its intact photo', async () => {
    const { office, missionId } = await officeWithMission();
    const { request } = await missionArchiveExport(office, missionId, SAVED_AT);
    const entries = unzipSync(request.bytes);
    const documentFile = Object.keys(entries).find((file) => file.startsWith('documents/')) as string;
    entries[documentFile] = strToU8('not a Yjs update at all');
    const damaged = zipSync(entries);
    const site = await newMachine();

    const outcome = await importArchive(site, damaged);

    expect(outcome).toEqual({ status: 'refused', message: 'Le fichier est endommagé (somme de contrôle incorrecte) : rien n’a été importé.' });
    expect(await site.db.attachments.count()).toBe(0);
    expect(await site.db.catalog.count()).toBe(0);
    expect(site.workspace.doc.getMap('missions').size).toBe(0);
  });

  it('a mission written by a newer Bocage is imported and opened read-only, as when it arrives by sync', async () => {
    const { office, missionId } = await officeWithMission();
    metaMap((await office.openMission(missionId)).doc).set(META_FIELD.schemaVersion, CURRENT_SCHEMA_VERSION + 1);
    const { request } = await missionArchiveExport(office, missionId, SAVED_AT);
    const site = await newMachine();

    const outcome = await importArchive(site, request.bytes);

    expect(outcome.status === 'imported' && outcome.summary).toMatch(/lecture seule/);
    expect((await site.openMission(missionId)).isReadOnly()).toBe(true);
    expect((await site.db.catalog.toArray()).map((entry) => entry.readOnly)).toEqual([true]);
  });

  it('a reader of the mission cannot import changes into it: the server would refuse them, so nothing is written', async () => {
    const { office, missionId } = await officeWithMission();
    const { request } = await missionArchiveExport(office, missionId, SAVED_AT);
    const site = await newMachine();
    const reader: Machine = {
      ...site,
      openMission: async (id) => ({ ...(await site.openMission(id)), isReadOnly: () => true }),
    };

    const outcome = await importArchive(reader, request.bytes);

    expect(outcome).toEqual({
      status: 'refused',
      message: 'Vous êtes lecteur d’une mission de ce fichier : l’import ne peut pas la modifier, et le serveur refuserait ces changements. Rien n’a été importé.',
    });
    expect(await site.db.attachments.count()).toBe(0);
    expect(readMissionSnapshot((await site.openMission(missionId)).doc).title).not.toBe(TITLE);
  });
});

describe('the whole workspace as one backup file', () => {
  it('restores on a new machine every mission, the contacts directory and the photos', async () => {
    const { office, missionId } = await officeWithMission();
    const exported = await workspaceArchiveExport(office, SAVED_AT);
    expect(exported.request.suggestedName).toBe('espace-de-travail-2026-03-12.bocage');

    const replacement = await newMachine();
    const outcome = await importArchive(replacement, exported.request.bytes);

    expect(outcome).toEqual({ status: 'imported', summary: '1 mission, 1 photo importées ; annuaire des contacts fusionné.' });
    expect((await replacement.db.catalog.toArray()).map((entry) => entry.id)).toEqual([missionId]);
    expect(readDirectorySnapshot((await replacement.openDirectory()).doc).contacts.map((contact) => contact.lastName)).toEqual(['Dupont']);
    expect(await photoBytes(replacement)).toEqual(PAPERBOARD);
  });

  it('says how many photos it could not include because this machine never received them', async () => {
    const { office } = await officeWithMission();
    await office.db.attachments.clear();

    const exported = await workspaceArchiveExport(office, SAVED_AT);

    expect(exported.missingPhotos).toBe(1);
  });
});
