/**
 * Convergence property: three replicas of one mission, random named operations of the domain core
 * run on random replicas, random partitions, reconnections, delayed, reordered and duplicated
 * messages. Once every link is back and every message delivered, the three replicas hold the same
 * Yjs state and the app reads the same mission from them, lists in the same order; and no replica
 * ever breaks a rule of the domain (checked after every step, on each replica that holds no
 * update still waiting for another).
 *
 * A failure prints fast-check's seed, path and shrunk counterexample, and the command that
 * replays it exactly:
 *   BOCAGE_CONVERGENCE_SEED=<seed> BOCAGE_CONVERGENCE_PATH=<path> npx vitest run tests/shared/sync/convergence.property.test.ts
 * BOCAGE_CONVERGENCE_RUNS raises the number of runs (200 by default) for a longer search.
 */
import fc from 'fast-check';
import * as Y from 'yjs';
import { describe, expect, test, vi } from 'vitest';
import { addCard, createBoard } from '@shared/boards/board-operations';
import { nestedMap } from '@shared/boards/board-snapshot';
import { BOARD_FIELD, boardsMap, voteKey } from '@shared/documents/board-structure';
import { createMeeting, inviteContacts } from '@shared/meetings/meeting-operations';
import { InvalidOperationError } from '@shared/operations/document-guards';
import { createMission } from '@shared/operations/mission-operations';
import { createActionSheet } from '@shared/qualitative/action-sheet-operations';
import { createEnjeu } from '@shared/qualitative/enjeu-operations';
import { createObservation } from '@shared/qualitative/observation-operations';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { CREATED_AT, LOCAL_EDIT, newMissionInput } from '../domain-fixtures';
import { appView, brokenRules, documentContent, logPlacements, type PlacementLog } from './mission-invariants';
import { CONTACTS, REPLICAS, runEdit, steps, type Step } from './mission-steps';
import { ReplicaNetwork } from './replica-network';
import { restartIds } from './sequential-ids';

vi.mock('@shared/model/ids', async () => ({ newId: (await import('./sequential-ids')).nextId }));

const TEST_FILE = 'tests/shared/sync/convergence.property.test.ts';

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} doit être un entier positif (reçu : « ${raw} »).`);
  return value;
}

/** A mission as it stands after a first sync: a workshop with its board, a few records to edit. */
function seedMission(doc: Y.Doc): void {
  createMission(new Y.Doc(), doc, newMissionInput(), LOCAL_EDIT, CREATED_AT, 'mission');
  const meetingId = createMeeting(doc, { title: 'Atelier diagnostic partagé', date: '2024-04-12', startTime: '14:00', endTime: '16:30' }, LOCAL_EDIT, CREATED_AT);
  inviteContacts(doc, meetingId, CONTACTS.slice(0, 3), LOCAL_EDIT, CREATED_AT);
  const boardId = createBoard(doc, LOCAL_EDIT, { meetingId, template: 'afom', title: 'AFOM du territoire' }, CREATED_AT);
  addCard(doc, LOCAL_EDIT, boardId, { text: 'Un tissu associatif dense', zoneId: 'atouts', authorId: CONTACTS[0] }, CREATED_AT);
  addCard(doc, LOCAL_EDIT, boardId, { text: 'Peu de transports le soir', zoneId: 'faiblesses' }, CREATED_AT);
  createObservation(doc, { text: 'Les familles cherchent une garde le samedi.', theme: null, sourceKind: 'entretien', date: null, author: '' }, LOCAL_EDIT, CREATED_AT);
  createEnjeu(doc, { title: 'Accueil du jeune enfant', description: 'Horaires atypiques.', theme: null }, LOCAL_EDIT, CREATED_AT);
  createActionSheet(doc, { title: 'Micro-crèche intercommunale' }, LOCAL_EDIT, CREATED_AT);
}

function applyStep(network: ReplicaNetwork, step: Step, placements: PlacementLog): void {
  switch (step.kind) {
    case 'edit': {
      const doc = network.docs[step.replica]!;
      try {
        runEdit(doc, step);
      } catch (error) {
        // Refused on this replica's state (a card a colleague deleted, a budget spent): the user sees a message.
        if (!(error instanceof InvalidOperationError)) throw error;
      } finally {
        // A refused operation may still have written part of its transaction: that is a place too.
        logPlacements(doc, placements);
      }
      return;
    }
    case 'deliver':
      return network.deliver(step.from, step.to, step.pick, step.keep);
    case 'cut':
      return network.disconnect(step.a, step.b);
    case 'restore':
      return network.connect(step.a, step.b);
  }
}

function hasPendingUpdates(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

function expectRulesKept(doc: Y.Doc, replica: number, placements: PlacementLog, when: string): void {
  const broken = brokenRules(doc, placements);
  if (broken.length > 0) throw new Error(`Réplique ${replica}, ${when} : ${broken.join(' ; ')}`);
}

/** One run: the seeded mission on three replicas, the drawn steps, then every link restored and every message delivered. */
function runScenario(clientIds: number[], drawn: Step[]): void {
  restartIds();
  const docs = clientIds.map((clientId) => {
    const doc = new Y.Doc();
    // Fixed per run rather than random, so concurrent writes resolve the same way when replayed.
    doc.clientID = clientId;
    return doc;
  });
  const network = new ReplicaNetwork(docs);
  const placements: PlacementLog = new Map();
  seedMission(docs[0]!);
  logPlacements(docs[0]!, placements);
  network.settle();
  network.takeChanged();

  drawn.forEach((step, index) => {
    applyStep(network, step, placements);
    for (const replica of network.takeChanged()) {
      // An update that arrived before one it depends on is half applied (see replica-network.ts):
      // the rules hold again once nothing waits.
      if (!hasPendingUpdates(docs[replica]!)) expectRulesKept(docs[replica]!, replica, placements, `après l’étape ${index + 1}`);
    }
  });

  network.settle();
  const [reference, ...others] = docs as [Y.Doc, ...Y.Doc[]];
  docs.forEach((doc, replica) => {
    expect(hasPendingUpdates(doc), `réplique ${replica} : des mises à jour attendent encore une dépendance`).toBe(false);
    expectRulesKept(doc, replica, placements, 'à la fin');
  });
  const expectedView = appView(reference);
  const expectedContent = documentContent(reference);
  others.forEach((doc, index) => {
    const replica = index + 1;
    expect(Y.encodeStateVector(doc), `vecteur d’état de la réplique ${replica}`).toEqual(Y.encodeStateVector(reference));
    expect(Y.equalSnapshots(Y.snapshot(doc), Y.snapshot(reference)), `suppressions connues de la réplique ${replica}`).toBe(true);
    expect(appView(doc), `ce que l’application lit de la réplique ${replica}`).toEqual(expectedView);
    expect(documentContent(doc), `contenu complet de la réplique ${replica}`).toEqual(expectedContent);
  });
}

/** Runs a property; on failure, the message carries fast-check's report and the command that replays it. */
function assertProperty<Ts>(property: fc.IProperty<Ts>, parameters: fc.Parameters<Ts>): void {
  const details = fc.check(property, parameters);
  if (!details.failed) return;
  const replay = `BOCAGE_CONVERGENCE_SEED=${details.seed} BOCAGE_CONVERGENCE_PATH=${details.counterexamplePath ?? ''} npx vitest run ${TEST_FILE}`;
  throw new Error(`${fc.defaultReportMessage(details) ?? 'Propriété en échec.'}\n\nPour rejouer exactement ce cas :\n  ${replay}`);
}

const RUNS = positiveInteger('BOCAGE_CONVERGENCE_RUNS', 200);
/** About 25 ms a run here, twice that on a busy machine: a longer search gets the time it needs, shrinking included. */
const SEARCH_TIMEOUT_MS = 30_000 + RUNS * 100;

function replayParameters(): fc.Parameters<[number[], Step[]]> {
  const seed = process.env.BOCAGE_CONVERGENCE_SEED;
  const path = process.env.BOCAGE_CONVERGENCE_PATH;
  // The broken rule or the differing field goes into the report, next to the counterexample.
  const report = { numRuns: RUNS, includeErrorInReport: true };
  if (seed === undefined || seed === '') return report;
  return { ...report, seed: Number.parseInt(seed, 10), ...(path ? { path } : {}) };
}

describe('missions edited on three machines behind a flaky network', () => {
  test('whatever the edits, cuts, delays, reorders and duplicates, the three machines end up showing the same mission, and none ever breaks a rule of the domain', () => {
    const clientIds = fc.uniqueArray(fc.integer({ min: 1, max: 0xffff_ffff }), { minLength: REPLICAS, maxLength: REPLICAS });
    assertProperty(fc.property(clientIds, steps, runScenario), replayParameters());
  }, SEARCH_TIMEOUT_MS);

  test('a machine cut off while its colleague edits catches up on reconnection, even though the messages in flight were lost', () => {
    restartIds();
    const docs = [new Y.Doc(), new Y.Doc()];
    const network = new ReplicaNetwork(docs);
    seedMission(docs[0]!);
    network.settle();
    runEdit(docs[0]!, { kind: 'edit', replica: 0, at: 5, action: 'setMissionTitle', params: { edit: { at: 0, remove: 0, insert: 'CTG — ' } } });
    network.disconnect(0, 1);
    network.deliver(0, 1, 0, false);

    expect(readMissionSnapshot(docs[1]!).title).toBe(newMissionInput().title);
    network.connect(0, 1);
    network.deliver(0, 1, 0, false);
    expect(readMissionSnapshot(docs[1]!).title).toBe(`CTG — ${newMissionInput().title}`);
  });

  test('a broken rule on any replica fails the property with the replica and the rule named', () => {
    const doc = new Y.Doc();
    seedMission(doc);
    const placements: PlacementLog = new Map();
    logPlacements(doc, placements);
    const [board] = [...boardsMap(doc).values()];
    nestedMap(board!, BOARD_FIELD.votes)!.set(voteKey(CONTACTS[0], 'card'), 0);

    expect(() => expectRulesKept(doc, 2, placements, 'test')).toThrow(/Réplique 2, test : .*0 gommette/);
  });
});
