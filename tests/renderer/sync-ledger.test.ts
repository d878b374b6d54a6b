import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalDatabase } from '../../src-renderer/storage/local-database';
import { SyncLedger } from '../../src-renderer/sync/sync-ledger';

const NAME = 'bocage.mission.m-1';
const FAST = { recountDelayMs: 5, writeDelayMs: 5 };

let db: LocalDatabase;
const ledgers: SyncLedger[] = [];

function ledger(now?: () => number): SyncLedger {
  const created = new SyncLedger(db, { ...FAST, ...(now ? { now } : {}) });
  ledgers.push(created);
  return created;
}

async function pendingAfterRecount(subject: SyncLedger): Promise<number | undefined> {
  await new Promise((resolve) => setTimeout(resolve, 30));
  return subject.get(NAME)?.pendingChanges;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  db = new LocalDatabase();
});

afterEach(async () => {
  for (const subject of ledgers.splice(0)) await subject.stop();
  db.close();
});

describe('the sync ledger', () => {
  it('a document never acknowledged reads as never synchronised, with its local changes pending', async () => {
    const doc = new Y.Doc();
    doc.getMap('mission').set('title', 'Diagnostic');
    const subject = ledger();
    await subject.track(NAME, doc);
    expect(subject.get(NAME)).toEqual({ pendingChanges: 1, acknowledgedAt: null });
  });

  it('changes made offline are still counted after a restart, and drop to zero once acknowledged', async () => {
    const doc = new Y.Doc();
    doc.getMap('mission').set('title', 'Diagnostic');
    const before = ledger(() => 1_000);
    await before.track(NAME, doc);
    before.acknowledge(NAME, doc);
    expect(before.get(NAME)).toEqual({ pendingChanges: 0, acknowledgedAt: 1_000 });

    doc.getMap('mission').set('sponsor', 'Caf de la Somme');
    doc.getText('description').insert(0, 'Constat');
    expect(await pendingAfterRecount(before)).toBe(2);
    await before.stop();

    // The application restarts: a new ledger over the same local database.
    const after = ledger(() => 2_000);
    await after.track(NAME, doc);
    expect(after.get(NAME)).toEqual({ pendingChanges: 2, acknowledgedAt: 1_000 });
    after.acknowledge(NAME, doc);
    expect(after.get(NAME)).toEqual({ pendingChanges: 0, acknowledgedAt: 2_000 });
    await after.flush();
    expect((await db.syncedDocuments.get(NAME))?.acknowledgedAt).toBe(2_000);
  });

  it('an acknowledgement received while the stored record is read is not lost', async () => {
    const doc = new Y.Doc();
    doc.getMap('mission').set('title', 'Diagnostic');
    const subject = ledger();
    const tracking = subject.track(NAME, doc);
    subject.acknowledge(NAME, doc);
    await tracking;
    expect(subject.get(NAME)?.pendingChanges).toBe(0);
  });

  it('listeners hear when the count of unsent changes moves', async () => {
    const doc = new Y.Doc();
    const subject = ledger();
    await subject.track(NAME, doc);
    let heard = 0;
    subject.subscribe(() => (heard += 1));
    doc.getMap('mission').set('title', 'Diagnostic');
    expect(await pendingAfterRecount(subject)).toBe(1);
    expect(heard).toBe(1);
  });

  it('another server knows nothing: every change counts as unsent again', async () => {
    const doc = new Y.Doc();
    doc.getMap('mission').set('title', 'Diagnostic');
    const subject = ledger();
    await subject.track(NAME, doc);
    subject.acknowledge(NAME, doc);
    await subject.forgetServer();
    expect(subject.get(NAME)).toEqual({ pendingChanges: 1, acknowledgedAt: null });
    expect(await db.syncedDocuments.count()).toBe(0);
  });
});
