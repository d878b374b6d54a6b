import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createContact } from '../../src-shared/directory/contact-operations';
import { readDirectorySnapshot } from '../../src-shared/directory/directory-snapshot';
import { directoryDocumentName, missionDocumentName, workspaceDocumentName } from '../../src-shared/documents/document-names';
import { readMissionSnapshot } from '../../src-shared/documents/mission-snapshot';
import { listWorkspaceMissions } from '../../src-shared/documents/workspace-listing';
import type { GeoCommune } from '../../src-shared/geography/geography';
import { addCommuneToTerritory, createMission, setMissionTitle } from '../../src-shared/operations/mission-operations';
import { openServerStore } from '../../src-server/storage/open-server-store';
import { startPostgresServer, type PostgresTestServer } from '../helpers/postgres-server';
import { startRedisServer, type RedisTestServer } from '../helpers/redis-server';
import { OTHER_TEST_TOKEN, SyncTestBench, TEST_TOKEN, waitForStatus, waitUntil } from '../helpers/sync-server-harness';
import { newMissionInput } from '../shared/domain-fixtures';

const ORIGIN = 'test:user';
const BRESSUIRE: GeoCommune = { code: '79049', name: 'Bressuire', departement: '79', postalCodes: ['79300'], population: 19_581, epci: null };

/** The writers whose changes a document holds, as Yjs client ids. */
function writers(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].sort((a, b) => a - b);
}

let postgres: PostgresTestServer;
let redis: RedisTestServer;
let databaseUrl: string;
let bench: SyncTestBench;

beforeAll(async () => {
  postgres = await startPostgresServer();
  redis = await startRedisServer();
  databaseUrl = await postgres.createDatabase('bocage_instances');
  bench = new SyncTestBench();
}, 60_000);

afterAll(async () => {
  await bench?.cleanup();
  await redis?.stop();
  await postgres?.stop();
}, 60_000);

describe('two server instances behind a load balancer', () => {
  it('colleagues on different instances converge live, and both instances write to the shared PostgreSQL', async () => {
    const shared = { databaseUrl, redisUrl: redis.url };
    const first = await bench.startServer(0, shared);
    const second = await bench.startServer(0, shared);
    expect(first.store.kind).toBe('postgres');

    // Alice reaches the first instance and brings a new mission.
    const alice = { workspace: new Y.Doc(), mission: new Y.Doc() };
    const missionId = createMission(alice.workspace, alice.mission, newMissionInput({ title: 'Diagnostic CTG Bocage bressuirais' }), ORIGIN);
    const missionName = missionDocumentName(missionId);
    const aliceClient = bench.client(first.url, TEST_TOKEN);
    aliceClient.attach(workspaceDocumentName(), alice.workspace);
    aliceClient.attach(missionName, alice.mission);
    await waitForStatus(aliceClient, 'up-to-date');
    await bench.share(second, missionId, 'bruno', 'editeur');

    // Bruno reaches the second instance: same mission, and the directory that only he opens.
    const bruno = { mission: new Y.Doc(), directory: new Y.Doc() };
    const brunoClient = bench.client(second.url, OTHER_TEST_TOKEN);
    brunoClient.attach(missionName, bruno.mission);
    brunoClient.attach(directoryDocumentName(), bruno.directory);
    await waitUntil('Bruno receives Alice’s mission through the other instance', () => readMissionSnapshot(bruno.mission).title === 'Diagnostic CTG Bocage bressuirais');

    // Both edit at the same time, each through their own instance.
    setMissionTitle(alice.mission, 'Diagnostic CTG (version COPIL)', ORIGIN);
    addCommuneToTerritory(bruno.mission, BRESSUIRE, ORIGIN);
    createContact(bruno.directory, { lastName: 'Petit', firstName: 'Marc', category: 'partenaire' }, ORIGIN);
    await waitUntil(
      'both copies hold both edits',
      () =>
        [alice.mission, bruno.mission].every(
          (doc) => readMissionSnapshot(doc).title === 'Diagnostic CTG (version COPIL)' && readMissionSnapshot(doc).communes.length === 1,
        ),
      15_000,
    );
    await waitForStatus(aliceClient, 'up-to-date');
    await waitForStatus(brunoClient, 'up-to-date');
    expect(Y.encodeStateVector(alice.mission)).toEqual(Y.encodeStateVector(bruno.mission));

    aliceClient.destroy();
    brunoClient.destroy();
    await Promise.all([first.stop(), second.stop()]);

    // Read back from PostgreSQL through a store neither instance used.
    const store = await openServerStore({ dataDir: bench.dataDir, databaseUrl });
    try {
      const load = async (name: string): Promise<Y.Doc> => {
        const doc = new Y.Doc();
        const state = await store.loadDocument(name);
        if (state !== null) Y.applyUpdate(doc, state);
        return doc;
      };
      const mission = await load(missionName);
      expect(readMissionSnapshot(mission)).toEqual(readMissionSnapshot(alice.mission));
      expect(writers(mission)).toEqual(writers(alice.mission));
      expect(writers(mission)).toContain(bruno.mission.clientID);
      expect(writers(mission)).toContain(alice.mission.clientID);
      // Only the first instance ever held the workspace listing, only the second the directory.
      expect(listWorkspaceMissions(await load(workspaceDocumentName())).map((entry) => entry.id)).toEqual([missionId]);
      expect(readDirectorySnapshot(await load(directoryDocumentName())).contacts.map((contact) => contact.lastName)).toEqual(['Petit']);
    } finally {
      await store.close();
    }
  }, 60_000);
});
