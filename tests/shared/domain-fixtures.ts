import * as Y from 'yjs';
import { missionEditableTypes, workspaceMissionsMap } from '@shared/documents/document-structure';
import type { GeoCommune, GeoEpci } from '@shared/geography/geography';
import type { NewMissionInput } from '@shared/validation/mission-validation';

/** The origin a user's own edits carry on this machine. */
export const LOCAL_EDIT = { source: 'local-user' };

/** The origin a colleague's edits carry when they reach this machine. */
export const COLLEAGUE_EDIT = { source: 'colleague' };

export const CREATED_AT = Date.UTC(2024, 2, 5, 9, 30);

export function newMissionInput(overrides: Partial<NewMissionInput> = {}): NewMissionInput {
  return {
    title: 'Convention territoriale globale du Pays de Brive',
    sponsor: 'CAF de la Corrèze',
    themes: ['petite-enfance', 'parentalite'],
    startDate: '2024-03-01',
    endDate: '2024-12-31',
    status: 'en-cours',
    description: 'Diagnostic partagé avec les élus du territoire.',
    ...overrides,
  };
}

export function commune(code: string, name: string, overrides: Partial<GeoCommune> = {}): GeoCommune {
  return { code, name, departement: code.slice(0, 2), postalCodes: ['19000'], population: 1000, epci: null, ...overrides };
}

export const AYEN = commune('19015', 'Ayen', { postalCodes: ['19310'], population: 712 });
export const BRIVE = commune('19031', 'Brive-la-Gaillarde', { postalCodes: ['19100'], population: 46_961 });
export const MALEMORT = commune('19123', 'Malemort', { postalCodes: ['19360'], population: 8_100 });
export const TULLE = commune('19272', 'Tulle', { postalCodes: ['19000'], population: 14_600 });

export const AGGLO_BRIVE: GeoEpci = {
  code: '241927201',
  name: 'CA du Bassin de Brive',
  type: 'CA',
  members: [BRIVE.code, MALEMORT.code, AYEN.code],
};

/** An undo manager scoped like the app's: every root type of a mission document, local edits only. */
export function missionUndoManager(doc: Y.Doc, trackedOrigin: unknown): Y.UndoManager {
  return new Y.UndoManager(
    missionEditableTypes(doc),
    // No time-based merging: each operation must be its own undo step.
    { trackedOrigins: new Set([trackedOrigin]), captureTimeout: 0 },
  );
}

export function workspaceUndoManager(doc: Y.Doc, trackedOrigin: unknown): Y.UndoManager {
  return new Y.UndoManager(workspaceMissionsMap(doc), { trackedOrigins: new Set([trackedOrigin]), captureTimeout: 0 });
}

/** Records the origin of every top-level transaction on a document. */
export function recordTransactionOrigins(doc: Y.Doc): unknown[] {
  const origins: unknown[] = [];
  doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
  return origins;
}

/** Brings two replicas to the same state, as a sync round through the server would. */
export function exchangeUpdates(left: Y.Doc, right: Y.Doc): void {
  const leftMissing = Y.encodeStateAsUpdate(right, Y.encodeStateVector(left));
  const rightMissing = Y.encodeStateAsUpdate(left, Y.encodeStateVector(right));
  Y.applyUpdate(left, leftMissing, COLLEAGUE_EDIT);
  Y.applyUpdate(right, rightMissing, COLLEAGUE_EDIT);
}
