import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { missionDocumentName, workspaceDocumentName } from '../../src-shared/documents/document-names';
import { META_FIELD, metaMap } from '../../src-shared/documents/document-structure';
import { readMissionSnapshot } from '../../src-shared/documents/mission-snapshot';
import { listWorkspaceMissions } from '../../src-shared/documents/workspace-listing';
import type { GeoCommune } from '../../src-shared/geography/geography';
import { ReadOnlyDocumentError } from '../../src-shared/operations/document-guards';
import {
  addCommuneToTerritory,
  createMission,
  setMissionTheme,
  setMissionTitle,
} from '../../src-shared/operations/mission-operations';
import { migrateDocument } from '../../src-shared/schema/migrate-document';
import { isWrittenByNewerSchema } from '../../src-shared/schema/schema-version';
import type { NewMissionInput } from '../../src-shared/validation/mission-validation';
import type { SyncState } from '../../src-renderer/sync/sync-client';
import { OTHER_TEST_TOKEN, SyncTestBench, waitForStatus, waitUntil } from '../helpers/sync-server-harness';

const ORIGIN = 'test:user';

const NEW_MISSION: NewMissionInput = {
  title: 'Diagnostic CTG Bocage bressuirais',
  sponsor: 'CAF des Deux-Sèvres',
  themes: ['petite-enfance'],
  startDate: '2025-01-06',
  endDate: '2025-06-30',
  status: 'en-cours',
  description: 'Pré-diagnostic partagé avant le premier COPIL.',
};

function commune(code: string, name: string, population: number): GeoCommune {
  return { code, name, departement: '79', postalCodes: ['79300'], population, epci: null };
}

const BRESSUIRE = commune('79049', 'Bressuire', 19_581);
const CERIZAY = commune('79062', 'Cerizay', 4_758);
const MAULEON = commune('79079', 'Mauléon', 8_564);

/** The writers whose changes a document holds, as Yjs client ids. */
function writers(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].sort((a, b) => a - b);
}

/** A colleague's machine: its own copy of the workspace and of one mission. */
function newMachine() {
  return { workspace: new Y.Doc(), mission: new Y.Doc() };
}

let bench: SyncTestBench;

beforeEach(() => {
  bench = new SyncTestBench();
});

afterEach(async () => {
  await bench.cleanup();
});

describe('office sync server with the renderer sync client', () => {
  it('a mission edited offline on two machines merges when both reconnect, workspace included', async () => {
    const server = await bench.startServer();
    const workspaceName = workspaceDocumentName();

    const alice = newMachine();
    const missionId = createMission(alice.workspace, alice.mission, NEW_MISSION, ORIGIN);
    const missionName = missionDocumentName(missionId);
    const bob = newMachine();

    const aliceClient = bench.client(server.url);
    const bobClient = bench.client(server.url, OTHER_TEST_TOKEN);
    aliceClient.attach(workspaceName, alice.workspace);
    aliceClient.attach(missionName, alice.mission);
    await waitForStatus(aliceClient, 'up-to-date');
    // Alice brought the mission to the server, so she is its editor; she shares it with Bruno.
    await bench.share(server, missionId, 'bruno', 'editeur');
    bobClient.attach(workspaceName, bob.workspace);
    bobClient.attach(missionName, bob.mission);
    await waitUntil('Bob receives the mission', () => readMissionSnapshot(bob.mission).title === NEW_MISSION.title);

    // Both leave the office: their documents stay, the sync stops.
    aliceClient.detach(missionName);
    aliceClient.detach(workspaceName);
    bobClient.detach(missionName);
    bobClient.detach(workspaceName);

    setMissionTitle(alice.mission, 'Diagnostic CTG du Bocage bressuirais (version COPIL)', ORIGIN);
    const aliceSecondMission = createMission(alice.workspace, new Y.Doc(), { ...NEW_MISSION, title: 'Schéma des services aux familles' }, ORIGIN);
    addCommuneToTerritory(bob.mission, BRESSUIRE, ORIGIN);
    addCommuneToTerritory(bob.mission, CERIZAY, ORIGIN);
    setMissionTheme(bob.mission, 'seniors', true, ORIGIN);
    const bobSecondMission = createMission(bob.workspace, new Y.Doc(), { ...NEW_MISSION, title: 'Convention territoriale globale' }, ORIGIN);

    expect(readMissionSnapshot(alice.mission).communes).toEqual([]);
    expect(readMissionSnapshot(bob.mission).title).toBe(NEW_MISSION.title);

    aliceClient.attach(workspaceName, alice.workspace);
    aliceClient.attach(missionName, alice.mission);
    bobClient.attach(workspaceName, bob.workspace);
    bobClient.attach(missionName, bob.mission);

    const bothEditsEverywhere = () =>
      [alice, bob].every(
        (machine) =>
          readMissionSnapshot(machine.mission).title === 'Diagnostic CTG du Bocage bressuirais (version COPIL)' &&
          readMissionSnapshot(machine.mission).communes.length === 2 &&
          listWorkspaceMissions(machine.workspace).length === 3,
      );
    await waitUntil('both machines hold both edits', bothEditsEverywhere);
    await waitForStatus(aliceClient, 'up-to-date');
    await waitForStatus(bobClient, 'up-to-date');

    const merged = readMissionSnapshot(alice.mission);
    expect(readMissionSnapshot(bob.mission)).toEqual(merged);
    expect(merged.communes.map((c) => c.name)).toEqual(['Bressuire', 'Cerizay']);
    expect(merged.themes).toEqual(['petite-enfance', 'seniors']);
    expect(Y.encodeStateVector(alice.mission)).toEqual(Y.encodeStateVector(bob.mission));
    const listedIds = (doc: Y.Doc) => listWorkspaceMissions(doc).map((entry) => entry.id).sort();
    expect(listedIds(alice.workspace)).toEqual([missionId, aliceSecondMission, bobSecondMission].sort());
    expect(listedIds(bob.workspace)).toEqual(listedIds(alice.workspace));
  });

  it('missions survive a restart of the server on the same data folder', async () => {
    const firstRun = await bench.startServer();
    const machine = newMachine();
    const missionId = createMission(machine.workspace, machine.mission, NEW_MISSION, ORIGIN);
    const missionName = missionDocumentName(missionId);
    addCommuneToTerritory(machine.mission, MAULEON, ORIGIN);
    const client = bench.client(firstRun.url);
    client.attach(workspaceDocumentName(), machine.workspace);
    client.attach(missionName, machine.mission);
    await waitForStatus(client, 'up-to-date');

    // Stopped with the client still connected: the stop itself must write what is pending.
    await firstRun.stop();
    await waitForStatus(client, 'offline');
    client.destroy();

    const secondRun = await bench.startServer();
    const newcomer = newMachine();
    const newcomerClient = bench.client(secondRun.url);
    newcomerClient.attach(workspaceDocumentName(), newcomer.workspace);
    newcomerClient.attach(missionName, newcomer.mission);
    await waitForStatus(newcomerClient, 'up-to-date');

    expect(readMissionSnapshot(newcomer.mission)).toEqual(readMissionSnapshot(machine.mission));
    expect(readMissionSnapshot(newcomer.mission).communes.map((c) => c.name)).toEqual(['Mauléon']);
    expect(listWorkspaceMissions(newcomer.workspace).map((entry) => entry.id)).toEqual([missionId]);
  });

  it.each([
    ['without a token', ''],
    ['with a wrong token', 'jeton-invente'],
  ])('a client %s gets no mission data and cannot write to the server', async (_case, token) => {
    const server = await bench.startServer();
    const owner = newMachine();
    const missionId = createMission(owner.workspace, owner.mission, NEW_MISSION, ORIGIN);
    const missionName = missionDocumentName(missionId);
    const ownerClient = bench.client(server.url);
    ownerClient.attach(missionName, owner.mission);
    await waitForStatus(ownerClient, 'up-to-date');
    ownerClient.destroy();

    const intruderDoc = new Y.Doc();
    setMissionTitle(intruderDoc, 'Titre écrit sans autorisation', ORIGIN);
    const intruder = bench.client(server.url, token);
    intruder.attach(missionName, intruderDoc);
    const refused = await waitForStatus(intruder, 'error');
    setMissionTitle(intruderDoc, 'Deuxième tentative sans autorisation', ORIGIN);

    expect(refused.errorMessage).toBe('le serveur a refusé le jeton d’accès');
    expect(writers(intruderDoc)).toEqual([intruderDoc.clientID]);
    expect(readMissionSnapshot(intruderDoc).sponsor).toBe('');

    // Read back from the stored copy, not from the server's memory.
    await server.stop();
    const restarted = await bench.startServer();
    const checker = newMachine();
    const checkerClient = bench.client(restarted.url);
    checkerClient.attach(missionName, checker.mission);
    await waitForStatus(checkerClient, 'up-to-date');
    expect(readMissionSnapshot(checker.mission).title).toBe(NEW_MISSION.title);
    expect(writers(checker.mission)).toEqual(writers(owner.mission));
    expect(intruder.getState().status).toBe('error');
  });

  it('a document name the server does not know is refused, while the other documents keep syncing', async () => {
    const server = await bench.startServer();
    const owner = newMachine();
    const missionId = createMission(owner.workspace, owner.mission, NEW_MISSION, ORIGIN);
    const ownerClient = bench.client(server.url);
    ownerClient.attach(missionDocumentName(missionId), owner.mission);
    await waitForStatus(ownerClient, 'up-to-date');

    const client = bench.client(server.url);
    const stray = new Y.Doc();
    client.attach('autre-application.document', stray);
    await waitUntil('the stray document is refused', () => client.getDocumentLink('autre-application.document') === 'refused');
    expect(client.getDocumentRefusal('autre-application.document')).toBe('le serveur a refusé un document dont le nom n’est pas valide');

    const colleague = newMachine();
    client.attach(missionDocumentName(missionId), colleague.mission);
    await waitUntil('the valid mission still arrives', () => readMissionSnapshot(colleague.mission).title === NEW_MISSION.title);
    client.detach('autre-application.document');
    await waitForStatus(client, 'up-to-date');
  });

  it('a mission saved by a newer Bocage reaches colleagues read-only and is never rewritten', async () => {
    const server = await bench.startServer();
    const newerMachine = newMachine();
    const missionId = createMission(newerMachine.workspace, newerMachine.mission, NEW_MISSION, ORIGIN);
    const missionName = missionDocumentName(missionId);
    metaMap(newerMachine.mission).set(META_FIELD.schemaVersion, 99);
    const newerClient = bench.client(server.url);
    newerClient.attach(missionName, newerMachine.mission);
    await waitForStatus(newerClient, 'up-to-date');
    await bench.share(server, missionId, 'bruno', 'editeur');

    const olderMachine = newMachine();
    const olderClient = bench.client(server.url, OTHER_TEST_TOKEN);
    olderClient.attach(missionName, olderMachine.mission);
    await waitForStatus(olderClient, 'up-to-date');

    expect(isWrittenByNewerSchema(olderMachine.mission)).toBe(true);
    expect(readMissionSnapshot(olderMachine.mission).title).toBe(NEW_MISSION.title);
    expect(() => setMissionTitle(olderMachine.mission, 'Titre modifié par une ancienne version', ORIGIN)).toThrow(ReadOnlyDocumentError);
    expect(() => addCommuneToTerritory(olderMachine.mission, BRESSUIRE, ORIGIN)).toThrow(ReadOnlyDocumentError);
    expect(migrateDocument(olderMachine.mission, 'mission')).toEqual({ status: 'newer', version: 99, supported: 1 });
    expect(olderClient.getState().status).toBe('up-to-date');

    const witness = newMachine();
    const witnessClient = bench.client(server.url);
    witnessClient.attach(missionName, witness.mission);
    await waitForStatus(witnessClient, 'up-to-date');
    expect(Y.encodeStateVector(witness.mission)).toEqual(Y.encodeStateVector(newerMachine.mission));
    expect(readMissionSnapshot(witness.mission)).toEqual(readMissionSnapshot(newerMachine.mission));
  });

  it('with the server down the client says offline without failing, then catches up by itself once it is back', async () => {
    const probe = await bench.startServer();
    const { port, url } = probe;
    await probe.stop();

    const failedAttemptTimes: number[] = [];
    class ObservedWebSocket extends WebSocket {
      constructor(address: string) {
        super(address);
        this.addEventListener('close', () => failedAttemptTimes.push(Date.now()));
      }
    }
    const machine = newMachine();
    const missionId = createMission(machine.workspace, machine.mission, NEW_MISSION, ORIGIN);
    const client = bench.client(url, undefined, ObservedWebSocket);
    const seen: SyncState[] = [];
    client.onStateChange((state) => seen.push(state));
    client.attach(missionDocumentName(missionId), machine.mission);

    await waitUntil('two connection attempts have failed', () => failedAttemptTimes.length >= 2);
    expect(client.getState()).toEqual({ status: 'offline', errorMessage: null, lastSyncedAt: null });
    expect(seen).toEqual([]);
    // Backoff: a refused connection is not retried at once.
    expect((failedAttemptTimes[1] ?? 0) - (failedAttemptTimes[0] ?? 0)).toBeGreaterThanOrEqual(900);

    await bench.startServer(port);
    await waitForStatus(client, 'up-to-date', 12_000);
    expect(seen.map((state) => state.status)).toContain('syncing');

    const colleague = newMachine();
    const colleagueClient = bench.client(url);
    colleagueClient.attach(missionDocumentName(missionId), colleague.mission);
    await waitForStatus(colleagueClient, 'up-to-date');
    expect(readMissionSnapshot(colleague.mission).title).toBe(NEW_MISSION.title);
  });

  it('the status shows unsent local changes and remembers when the client was last up to date', async () => {
    const server = await bench.startServer();
    let clock = 1_000;
    const client = bench.client(server.url, undefined, undefined, () => clock);
    const machine = newMachine();
    const missionId = createMission(machine.workspace, machine.mission, NEW_MISSION, ORIGIN);
    client.attach(missionDocumentName(missionId), machine.mission);
    expect(client.getState().status).not.toBe('up-to-date');

    expect(await waitForStatus(client, 'up-to-date')).toEqual({ status: 'up-to-date', errorMessage: null, lastSyncedAt: 1_000 });

    clock = 2_000;
    setMissionTitle(machine.mission, 'Diagnostic partagé', ORIGIN);
    expect(client.getState()).toEqual({ status: 'syncing', errorMessage: null, lastSyncedAt: 1_000 });
    expect(await waitForStatus(client, 'up-to-date')).toEqual({ status: 'up-to-date', errorMessage: null, lastSyncedAt: 2_000 });

    clock = 3_000;
    await server.stop();
    expect(await waitForStatus(client, 'offline')).toEqual({ status: 'offline', errorMessage: null, lastSyncedAt: 2_000 });
  });
});
