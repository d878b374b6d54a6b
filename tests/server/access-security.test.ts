import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createContact } from '../../src-shared/directory/contact-operations';
import { readDirectorySnapshot } from '../../src-shared/directory/directory-snapshot';
import { directoryDocumentName, missionDocumentName, workspaceDocumentName } from '../../src-shared/documents/document-names';
import { readMissionSnapshot } from '../../src-shared/documents/mission-snapshot';
import { listWorkspaceMissions } from '../../src-shared/documents/workspace-listing';
import { createMission, setMissionTitle } from '../../src-shared/operations/mission-operations';
import { CURRENT_SCHEMA_VERSION } from '../../src-shared/schema/schema-version';
import { SYNC_PARAMETER, SYNC_PROTOCOL_VERSION } from '../../src-shared/sync/sync-protocol';
import type { NewMissionInput } from '../../src-shared/validation/mission-validation';
import { createUserToken } from '../../src-server/access/user-tokens';
import { openServerStore } from '../../src-server/storage/open-server-store';
import type { RunningSyncServer } from '../../src-server/sync-server';
import { OTHER_TEST_TOKEN, PARTNER_TEST_TOKEN, SyncTestBench, TEST_TOKEN, waitForStatus, waitUntil } from '../helpers/sync-server-harness';
import { newMissionInput } from '../shared/domain-fixtures';

const ORIGIN = 'test:user';
const SECRET_TITLE = 'Diagnostic CTG — suivi confidentiel';
const INTRUDER_TITLE = 'Titre écrit sans autorisation';

const NEW_MISSION: NewMissionInput = newMissionInput({ title: SECRET_TITLE });

/** The writers whose changes a document holds, as Yjs client ids. */
function writers(doc: Y.Doc): number[] {
  return [...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].sort((a, b) => a - b);
}

interface Attempt {
  doc: Y.Doc;
  refusal: Promise<string>;
  authenticated: Promise<string>;
  destroy(): void;
}

/**
 * A raw provider rather than the app's client: it edits before the server has answered, and keeps
 * editing after a refusal, which the app's client would never do but an attacker would.
 */
function attempt(server: RunningSyncServer, token: string, documentName: string, doc = new Y.Doc()): Attempt {
  const url = new URL(server.url);
  url.searchParams.set(SYNC_PARAMETER.protocol, String(SYNC_PROTOCOL_VERSION));
  url.searchParams.set(SYNC_PARAMETER.schema, String(CURRENT_SCHEMA_VERSION));
  const socket = new HocuspocusProviderWebsocket({ url: url.toString(), WebSocketPolyfill: WebSocket, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ name: documentName, document: doc, token, websocketProvider: socket });
  const authenticated = new Promise<string>((resolve) => provider.on('authenticated', ({ scope }: { scope: string }) => resolve(scope)));
  // An acceptance settles the refusal too, so a test expecting a refusal fails at once instead of timing out.
  const refusal = Promise.race([
    new Promise<string>((resolve) => provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason))),
    authenticated.then((scope) => `accepted (${scope})`),
  ]);
  provider.attach();
  return {
    doc,
    refusal,
    authenticated,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

let bench: SyncTestBench;
const attempts: Attempt[] = [];

beforeEach(() => {
  bench = new SyncTestBench();
});

afterEach(async () => {
  for (const open of attempts.splice(0)) open.destroy();
  await bench.cleanup();
});

/** Alice, a team member, brings a mission, the workspace listing and a directory to the server. */
async function serverWithAliceMission(): Promise<{ server: RunningSyncServer; missionId: string; mission: Y.Doc; workspace: Y.Doc; directory: Y.Doc }> {
  const server = await bench.startServer();
  const workspace = new Y.Doc();
  const mission = new Y.Doc();
  const directory = new Y.Doc();
  const missionId = createMission(workspace, mission, NEW_MISSION, ORIGIN);
  createContact(directory, { lastName: 'Durand', firstName: 'Lucie', category: 'elu' }, ORIGIN);
  const alice = bench.client(server.url, TEST_TOKEN);
  alice.attach(workspaceDocumentName(), workspace);
  alice.attach(missionDocumentName(missionId), mission);
  alice.attach(directoryDocumentName(), directory);
  await waitForStatus(alice, 'up-to-date');
  return { server, missionId, mission, workspace, directory };
}

/** Stops the server (which stores everything pending) and reads the documents back from its store. */
async function storedAfterStop(server: RunningSyncServer, names: string[]): Promise<Map<string, Y.Doc>> {
  await server.stop();
  const store = await openServerStore({ dataDir: bench.dataDir, databaseUrl: null });
  try {
    const stored = new Map<string, Y.Doc>();
    for (const name of names) {
      const doc = new Y.Doc();
      const state = await store.loadDocument(name);
      if (state !== null) Y.applyUpdate(doc, state);
      stored.set(name, doc);
    }
    return stored;
  } finally {
    await store.close();
  }
}

async function expectRefusedWithNothing(server: RunningSyncServer, token: string, documentName: string, expectedReason: string): Promise<Attempt> {
  const intruder = attempt(server, token, documentName);
  attempts.push(intruder);
  // Written before the server answers: the update is queued with the authentication, then dropped.
  setMissionTitle(intruder.doc, INTRUDER_TITLE, ORIGIN);
  expect(await intruder.refusal).toBe(expectedReason);
  setMissionTitle(intruder.doc, `${INTRUDER_TITLE} (deuxième tentative)`, ORIGIN);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(writers(intruder.doc)).toEqual([intruder.doc.clientID]);
  expect(readMissionSnapshot(intruder.doc).sponsor).toBe('');
  return intruder;
}

describe('access control on the sync server, checked in its store', () => {
  it.each([
    ['without a token', () => '', 'invalid-token'],
    ['with a wrong token', () => 'bocage_pas-un-vrai-jeton', 'invalid-token'],
  ])('a client %s gets nothing and changes nothing', async (_case, token, reason) => {
    const { server, missionId, mission } = await serverWithAliceMission();
    const name = missionDocumentName(missionId);
    await expectRefusedWithNothing(server, token(), name, reason);

    const stored = await storedAfterStop(server, [name]);
    expect(writers(stored.get(name) as Y.Doc)).toEqual(writers(mission));
    expect(readMissionSnapshot(stored.get(name) as Y.Doc).title).toBe(SECRET_TITLE);
  });

  it('a revoked account is refused like an unknown token, on every document', async () => {
    const { server, missionId, mission } = await serverWithAliceMission();
    const { token, tokenHash } = createUserToken();
    const former = await server.store.addUser({ name: 'ancien.collegue', team: true, tokenHash });
    await server.store.grantMission({ userId: former.id, missionId, role: 'editeur', grantedAt: Date.now() });
    const beforeRevocation = attempt(server, token, missionDocumentName(missionId));
    attempts.push(beforeRevocation);
    expect(await beforeRevocation.authenticated).toBe('read-write');
    beforeRevocation.destroy();

    await server.store.revokeUser(former.id, Date.now());
    for (const name of [missionDocumentName(missionId), workspaceDocumentName()]) {
      await expectRefusedWithNothing(server, token, name, 'invalid-token');
    }
    const stored = await storedAfterStop(server, [missionDocumentName(missionId)]);
    expect(writers(stored.get(missionDocumentName(missionId)) as Y.Doc)).toEqual(writers(mission));
  });

  it('a valid account without a role on a mission gets nothing of it, team member or partner', async () => {
    const { server, missionId, mission } = await serverWithAliceMission();
    const name = missionDocumentName(missionId);
    await expectRefusedWithNothing(server, OTHER_TEST_TOKEN, name, 'forbidden');
    await expectRefusedWithNothing(server, PARTNER_TEST_TOKEN, name, 'forbidden');
    // Being refused must not have made either of them its editor.
    expect((await server.store.listGrants({ missionId })).length).toBe(1);

    const stored = await storedAfterStop(server, [name]);
    expect(writers(stored.get(name) as Y.Doc)).toEqual(writers(mission));
  });

  it('a partner never receives the workspace listing nor the contacts directory', async () => {
    const { server, workspace, directory } = await serverWithAliceMission();
    for (const name of [workspaceDocumentName(), directoryDocumentName()]) {
      const intruder = attempt(server, PARTNER_TEST_TOKEN, name);
      attempts.push(intruder);
      createContact(intruder.doc, { lastName: 'Intrus', firstName: 'Ivan' }, ORIGIN);
      expect(await intruder.refusal).toBe('forbidden');
      expect(writers(intruder.doc)).toEqual([intruder.doc.clientID]);
      expect(listWorkspaceMissions(intruder.doc)).toEqual([]);
    }
    const stored = await storedAfterStop(server, [workspaceDocumentName(), directoryDocumentName()]);
    expect(writers(stored.get(workspaceDocumentName()) as Y.Doc)).toEqual(writers(workspace));
    expect(writers(stored.get(directoryDocumentName()) as Y.Doc)).toEqual(writers(directory));
    expect(readDirectorySnapshot(stored.get(directoryDocumentName()) as Y.Doc).contacts.map((contact) => contact.lastName)).toEqual(['Durand']);
  });

  it('a reader sees the mission but nothing they write reaches the server or their colleagues', async () => {
    const { server, missionId, mission } = await serverWithAliceMission();
    const name = missionDocumentName(missionId);
    await bench.share(server, missionId, 'caf79', 'lecteur');
    const reader = attempt(server, PARTNER_TEST_TOKEN, name);
    attempts.push(reader);
    expect(await reader.authenticated).toBe('readonly');
    await waitUntil('the reader receives the mission', () => readMissionSnapshot(reader.doc).title === SECRET_TITLE);

    setMissionTitle(reader.doc, INTRUDER_TITLE, ORIGIN);
    // A colleague's later edit arrives at the reader: the server has handled the reader's update by then.
    const colleague = bench.client(server.url, TEST_TOKEN);
    const colleagueCopy = new Y.Doc();
    colleague.attach(name, colleagueCopy);
    await waitForStatus(colleague, 'up-to-date');
    setMissionTitle(colleagueCopy, 'Diagnostic CTG (version COPIL)', ORIGIN);
    await waitUntil('the reader receives the colleague’s edit', () => readMissionSnapshot(reader.doc).title !== INTRUDER_TITLE);
    await waitForStatus(colleague, 'up-to-date');
    expect(writers(colleagueCopy)).not.toContain(reader.doc.clientID);
    expect(writers(mission)).not.toContain(reader.doc.clientID);

    const stored = await storedAfterStop(server, [name]);
    const storedMission = stored.get(name) as Y.Doc;
    expect(writers(storedMission)).not.toContain(reader.doc.clientID);
    expect(readMissionSnapshot(storedMission).title).toBe('Diagnostic CTG (version COPIL)');
  });

  it('the log records each refusal with its reason and never a token, a name or a document’s content', async () => {
    const { server, missionId } = await serverWithAliceMission();
    await expectRefusedWithNothing(server, 'bocage_jeton-devine', missionDocumentName(missionId), 'invalid-token');
    await expectRefusedWithNothing(server, PARTNER_TEST_TOKEN, missionDocumentName(missionId), 'forbidden');
    await server.stop();

    const refusals = bench.logs.filter((entry) => entry.event === 'connection-refused');
    expect(refusals.map((entry) => entry.reason)).toEqual(['invalid-token', 'forbidden']);
    expect(bench.logs.some((entry) => entry.event === 'connection-accepted' && typeof entry.userId === 'string')).toBe(true);
    const everything = bench.logs.map((entry) => JSON.stringify(entry)).join('\n');
    for (const secret of [TEST_TOKEN, PARTNER_TEST_TOKEN, 'bocage_jeton-devine', 'alice', 'caf79', SECRET_TITLE, 'Durand', '127.0.0.1']) {
      expect(everything).not.toContain(secret);
    }
  });
});
