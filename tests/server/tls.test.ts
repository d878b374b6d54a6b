import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { missionDocumentName, workspaceDocumentName } from '../../src-shared/documents/document-names';
import { readMissionSnapshot } from '../../src-shared/documents/mission-snapshot';
import { createMission } from '../../src-shared/operations/mission-operations';
import type { RunningSyncServer } from '../../src-server/sync-server';
import { OTHER_TEST_TOKEN, SyncTestBench, TEST_TOKEN, waitForStatus, waitUntil } from '../helpers/sync-server-harness';

let bench: SyncTestBench;
let server: RunningSyncServer;
let certificate: Buffer;

/** A self-signed certificate for 127.0.0.1, made for this run: it is its own authority. */
function makeCertificate(folder: string): { certFile: string; keyFile: string } {
  const certFile = join(folder, 'cert.pem');
  const keyFile = join(folder, 'key.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile],
      { stdio: 'pipe' },
    );
  } catch (error) {
    throw new Error('openssl is needed to make a test certificate: apt-get install -y openssl', { cause: error });
  }
  return { certFile, keyFile };
}

function httpsStatus(url: string, ca: Buffer | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, ca === undefined ? {} : { ca }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

beforeAll(async () => {
  bench = new SyncTestBench();
  const tls = makeCertificate(bench.dataDir);
  certificate = readFileSync(tls.certFile);
  server = await bench.startServer(0, { tls });
});

afterAll(async () => {
  await bench.cleanup();
});

describe('built-in TLS', () => {
  it('the server announces wss:// and https:// addresses', () => {
    expect(server.url).toBe(`wss://127.0.0.1:${server.port}`);
    expect(server.httpUrl).toBe(`https://127.0.0.1:${server.port}`);
  });

  it('two colleagues sync a mission over wss:// when their machines trust the certificate', async () => {
    const ca = certificate;
    class TrustingWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { ca });
      }
    }
    const workspace = new Y.Doc();
    const mission = new Y.Doc();
    const missionId = createMission(workspace, mission, { title: 'Mission chiffrée', sponsor: '', themes: [], startDate: '2025-01-06', endDate: '2025-06-30', status: 'en-cours', description: '' }, 'test');
    const alice = bench.client(server.url, TEST_TOKEN, TrustingWebSocket);
    alice.attach(workspaceDocumentName(), workspace);
    alice.attach(missionDocumentName(missionId), mission);
    await waitForStatus(alice, 'up-to-date');
    await bench.share(server, missionId, 'bruno', 'lecteur');

    const copy = new Y.Doc();
    const bruno = bench.client(server.url, OTHER_TEST_TOKEN, TrustingWebSocket);
    bruno.attach(missionDocumentName(missionId), copy);
    await waitUntil('Bruno receives the mission over TLS', () => readMissionSnapshot(copy).title === 'Mission chiffrée');
    expect(await httpsStatus(`${server.httpUrl}/health`, ca)).toBe(200);
  });

  it('a client that does not trust the certificate never gets through', async () => {
    await expect(httpsStatus(`${server.httpUrl}/health`, undefined)).rejects.toThrow(/self[- ]signed/i);
    const refused = await new Promise<string>((resolve) => {
      const socket = new WebSocket(server.url);
      socket.on('open', () => resolve('open'));
      socket.on('error', (error) => resolve(error.message));
    });
    expect(refused).toMatch(/self[- ]signed/i);
  });
});
