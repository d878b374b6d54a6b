import { describe, expect, it } from 'vitest';
import { documentSyncLabel } from '../../src-renderer/features/sync-status/document-sync-label';
import { documentSyncState, sendableChanges, type DocumentSyncInput } from '../../src-renderer/sync/document-sync-state';

const NEVER: DocumentSyncInput = { link: null, ledger: { pendingChanges: 0, acknowledgedAt: null }, refusal: null, readOnlyReason: null };
const MARCH_12 = new Date(2026, 2, 12, 10, 30).getTime();

function label(input: Partial<DocumentSyncInput>) {
  const state = documentSyncState({ ...NEVER, ...input });
  const { text, detail } = documentSyncLabel(state);
  return { status: state.status, said: detail === '' ? text : `${text} · ${detail}` };
}

describe('the sync state of one mission', () => {
  it('a mission never sent to the server says so', () => {
    expect(label({})).toEqual({ status: 'offline', said: 'Jamais synchronisée' });
  });

  it('a mission the server holds entirely is up to date', () => {
    expect(label({ link: 'synced', ledger: { pendingChanges: 0, acknowledgedAt: MARCH_12 } })).toEqual({
      status: 'up-to-date',
      said: 'À jour · Synchronisée le 12/03/2026 10:30',
    });
  });

  it('unsent changes are counted, with when the mission was last synchronised while offline', () => {
    expect(label({ link: 'offline', ledger: { pendingChanges: 3, acknowledgedAt: MARCH_12 } })).toEqual({
      status: 'pending',
      said: '3 modifications non envoyées · Hors ligne — dernière synchronisation le 12/03/2026 10:30',
    });
    expect(label({ link: 'synced', ledger: { pendingChanges: 1, acknowledgedAt: null } }).said).toBe('1 modification non envoyée · Envoi en cours');
  });

  it('photos not yet on the server keep the mission from showing as up to date, and keep the user from leaving', () => {
    expect(label({ link: 'synced', ledger: { pendingChanges: 0, acknowledgedAt: MARCH_12 }, attachments: { pendingUploads: 2 } }).said).toBe(
      '2 photos non envoyées · Envoi en cours',
    );
    const both = documentSyncState({ ...NEVER, link: 'offline', ledger: { pendingChanges: 1, acknowledgedAt: null }, attachments: { pendingUploads: 1 } });
    expect(documentSyncLabel(both).text).toBe('1 modification non envoyée et 1 photo non envoyée');
    expect(sendableChanges([both])).toBe(2);
  });

  it('offline without unsent changes shows the last synchronisation', () => {
    expect(label({ link: 'offline', ledger: { pendingChanges: 0, acknowledgedAt: MARCH_12 } }).said).toBe(
      'Hors ligne — dernière synchronisation le 12/03/2026 10:30',
    );
  });

  it('a mission the server refuses says why, and its changes are not offered as sendable', () => {
    const refused = documentSyncState({ ...NEVER, link: 'refused', ledger: { pendingChanges: 4, acknowledgedAt: null }, refusal: 'vous n’avez pas accès à cette mission sur le serveur' });
    expect(documentSyncLabel(refused)).toMatchObject({ text: 'Accès refusé', detail: 'Vous n’avez pas accès à cette mission sur le serveur.' });
    expect(sendableChanges([refused])).toBe(0);
  });

  it('a reader’s mission is read-only whatever its connection, and says how current it is', () => {
    const reader = documentSyncState({ ...NEVER, link: 'synced', ledger: { pendingChanges: 0, acknowledgedAt: MARCH_12 }, readOnlyReason: 'reader' });
    expect(reader).toMatchObject({ status: 'read-only', message: 'Lecture seule : vous êtes lecteur de cette mission.' });
    expect(documentSyncLabel(reader).text).toBe('À jour');
    expect(documentSyncState({ ...NEVER, readOnlyReason: 'newer-schema' }).message).toBe(
      'Document créé par une version plus récente de Bocage : mettez l’application à jour pour le modifier.',
    );
  });

  it('only pending changes that can still be sent keep the user from leaving', () => {
    const pending = documentSyncState({ ...NEVER, ledger: { pendingChanges: 2, acknowledgedAt: null } });
    const readOnly = documentSyncState({ ...NEVER, ledger: { pendingChanges: 5, acknowledgedAt: null }, readOnlyReason: 'reader' });
    expect(sendableChanges([pending, readOnly])).toBe(2);
  });
});
