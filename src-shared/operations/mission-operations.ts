import * as Y from 'yjs';
import {
  MISSION_FIELD,
  WORKSPACE_ENTRY_FIELD,
  missionMap,
  missionText,
  missionThemesMap,
  territoryCommunesMap,
  territoryEpcisMap,
  workspaceMissionsMap,
} from '../documents/document-structure';
import type { GeoCommune, GeoEpci } from '../geography/geography';
import { newId } from '../model/ids';
import type { MissionStatusId, MissionThemeId } from '../model/mission-vocabulary';
import { isMissionStatusId, isMissionThemeId } from '../model/mission-vocabulary';
import { migrateDocument } from '../schema/migrate-document';
import { isWrittenByNewerSchema } from '../schema/schema-version';
import { replaceText } from '../text/replace-text';
import {
  hasErrors,
  MAX_DESCRIPTION_LENGTH,
  MAX_SPONSOR_LENGTH,
  validateDates,
  validateNewMission,
  validateTitle,
  type NewMissionInput,
} from '../validation/mission-validation';
import { InvalidOperationError, ReadOnlyDocumentError, runOperation } from './document-guards';

function touch(doc: Y.Doc, now: number): void {
  missionMap(doc).set(MISSION_FIELD.updatedAt, now);
}

/**
 * Creates a mission in its own (empty) document and lists it in the workspace document.
 * Returns the new mission's id.
 */
export function createMission(
  workspaceDoc: Y.Doc,
  missionDoc: Y.Doc,
  input: NewMissionInput,
  origin: unknown,
  now: number = Date.now(),
  id: string = newId(),
): string {
  const errors = validateNewMission(input);
  if (hasErrors(errors)) throw new InvalidOperationError(Object.values(errors).join(' '));
  // Both documents are checked before either is written: a mission must never exist unlisted.
  if (isWrittenByNewerSchema(workspaceDoc) || isWrittenByNewerSchema(missionDoc)) throw new ReadOnlyDocumentError();
  migrateDocument(missionDoc, 'mission');
  runOperation(missionDoc, origin, () => {
    const mission = missionMap(missionDoc);
    mission.set(MISSION_FIELD.id, id);
    mission.set(MISSION_FIELD.createdAt, now);
    mission.set(MISSION_FIELD.status, input.status);
    mission.set(MISSION_FIELD.startDate, input.startDate ?? '');
    mission.set(MISSION_FIELD.endDate, input.endDate ?? '');
    replaceText(missionText(missionDoc, 'title'), input.title.trim());
    replaceText(missionText(missionDoc, 'sponsor'), input.sponsor.trim());
    replaceText(missionText(missionDoc, 'description'), input.description);
    const themes = missionThemesMap(missionDoc);
    for (const theme of input.themes) themes.set(theme, true);
    touch(missionDoc, now);
  });
  migrateDocument(workspaceDoc, 'workspace');
  runOperation(workspaceDoc, origin, () => {
    const entry = new Y.Map<unknown>();
    entry.set(WORKSPACE_ENTRY_FIELD.createdAt, now);
    workspaceMissionsMap(workspaceDoc).set(id, entry);
  });
  return id;
}

export function setMissionTitle(doc: Y.Doc, title: string, origin: unknown, now: number = Date.now()): void {
  const error = validateTitle(title);
  if (error) throw new InvalidOperationError(error);
  runOperation(doc, origin, () => {
    replaceText(missionText(doc, 'title'), title);
    touch(doc, now);
  });
}

export function setMissionSponsor(doc: Y.Doc, sponsor: string, origin: unknown, now: number = Date.now()): void {
  if (sponsor.length > MAX_SPONSOR_LENGTH) throw new InvalidOperationError('Commanditaire trop long.');
  runOperation(doc, origin, () => {
    replaceText(missionText(doc, 'sponsor'), sponsor);
    touch(doc, now);
  });
}

export function setMissionDescription(doc: Y.Doc, description: string, origin: unknown, now: number = Date.now()): void {
  if (description.length > MAX_DESCRIPTION_LENGTH) throw new InvalidOperationError('Description trop longue.');
  runOperation(doc, origin, () => {
    replaceText(missionText(doc, 'description'), description);
    touch(doc, now);
  });
}

export function setMissionTheme(
  doc: Y.Doc,
  theme: MissionThemeId,
  included: boolean,
  origin: unknown,
  now: number = Date.now(),
): void {
  if (!isMissionThemeId(theme)) throw new InvalidOperationError('Thématique inconnue.');
  runOperation(doc, origin, () => {
    const themes = missionThemesMap(doc);
    if (included) themes.set(theme, true);
    else themes.delete(theme);
    touch(doc, now);
  });
}

export function setMissionStatus(doc: Y.Doc, status: MissionStatusId, origin: unknown, now: number = Date.now()): void {
  if (!isMissionStatusId(status)) throw new InvalidOperationError('Statut inconnu.');
  runOperation(doc, origin, () => {
    missionMap(doc).set(MISSION_FIELD.status, status);
    touch(doc, now);
  });
}

/**
 * Marks a mission as a demonstration whose figures are invented. It is never unset: a copy of the
 * demo keeps the warning however much it is edited, so made-up figures cannot pass for real ones.
 */
export function markMissionFictitious(doc: Y.Doc, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    missionMap(doc).set(MISSION_FIELD.fictitiousData, true);
    touch(doc, now);
  });
}

export function isFictitiousMission(doc: Y.Doc): boolean {
  return missionMap(doc).get(MISSION_FIELD.fictitiousData) === true;
}

/** Sets both dates at once so that the "end after start" rule is checked against the pair. */
export function setMissionDates(
  doc: Y.Doc,
  startDate: string | null,
  endDate: string | null,
  origin: unknown,
  now: number = Date.now(),
): void {
  const errors = validateDates(startDate, endDate);
  if (hasErrors(errors)) throw new InvalidOperationError(Object.values(errors).join(' '));
  runOperation(doc, origin, () => {
    const mission = missionMap(doc);
    mission.set(MISSION_FIELD.startDate, startDate ?? '');
    mission.set(MISSION_FIELD.endDate, endDate ?? '');
    touch(doc, now);
  });
}

function communeRecord(commune: GeoCommune, viaEpci: string | null): Y.Map<unknown> {
  const record = new Y.Map<unknown>();
  record.set('code', commune.code);
  record.set('name', commune.name);
  record.set('departement', commune.departement);
  record.set('population', commune.population);
  record.set('postalCodes', [...commune.postalCodes]);
  record.set('viaEpci', viaEpci);
  return record;
}

export function addCommuneToTerritory(doc: Y.Doc, commune: GeoCommune, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const communes = territoryCommunesMap(doc);
    const existing = communes.get(commune.code);
    if (existing) {
      // Chosen on its own now: it must stay when the EPCI it came with is removed.
      if (existing.get('viaEpci') === null) return;
      existing.set('viaEpci', null);
    } else {
      communes.set(commune.code, communeRecord(commune, null));
    }
    touch(doc, now);
  });
}

/** Adds an EPCI and every one of its member communes not already in the territory. */
export function addEpciToTerritory(
  doc: Y.Doc,
  epci: GeoEpci,
  members: readonly GeoCommune[],
  origin: unknown,
  now: number = Date.now(),
): void {
  runOperation(doc, origin, () => {
    const epcis = territoryEpcisMap(doc);
    if (!epcis.has(epci.code)) {
      const record = new Y.Map<unknown>();
      record.set('code', epci.code);
      record.set('name', epci.name);
      epcis.set(epci.code, record);
    }
    const communes = territoryCommunesMap(doc);
    for (const commune of members) {
      if (!communes.has(commune.code)) communes.set(commune.code, communeRecord(commune, epci.code));
    }
    touch(doc, now);
  });
}

export function removeCommuneFromTerritory(doc: Y.Doc, code: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    territoryCommunesMap(doc).delete(code);
    touch(doc, now);
  });
}

/** Removes the EPCI and the communes that came in with it; communes added one by one stay. */
export function removeEpciFromTerritory(doc: Y.Doc, code: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    territoryEpcisMap(doc).delete(code);
    const communes = territoryCommunesMap(doc);
    for (const [communeCode, record] of [...communes.entries()]) {
      if (record.get('viaEpci') === code) communes.delete(communeCode);
    }
    touch(doc, now);
  });
}

/** Soft delete: the mission leaves the home screen but its document stays, so it can be restored. */
export function trashMission(workspaceDoc: Y.Doc, missionId: string, origin: unknown, now: number = Date.now()): void {
  runOperation(workspaceDoc, origin, () => {
    workspaceMissionsMap(workspaceDoc).get(missionId)?.set(WORKSPACE_ENTRY_FIELD.trashedAt, now);
  });
}

export function restoreMission(workspaceDoc: Y.Doc, missionId: string, origin: unknown): void {
  runOperation(workspaceDoc, origin, () => {
    workspaceMissionsMap(workspaceDoc).get(missionId)?.delete(WORKSPACE_ENTRY_FIELD.trashedAt);
  });
}
