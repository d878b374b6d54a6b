import type * as Y from 'yjs';
import type { MissionSnapshot, TerritoryCommune, TerritoryEpci } from '../model/mission';
import {
  DEFAULT_MISSION_STATUS,
  isMissionStatusId,
  isMissionThemeId,
  MISSION_THEMES,
  type MissionThemeId,
} from '../model/mission-vocabulary';
import {
  MISSION_FIELD,
  missionMap,
  missionText,
  missionThemesMap,
  territoryCommunesMap,
  territoryEpcisMap,
} from './document-structure';

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function readCommune(record: Y.Map<unknown>): TerritoryCommune | null {
  const code = record.get('code');
  const name = record.get('name');
  if (typeof code !== 'string' || typeof name !== 'string') return null;
  const population = record.get('population');
  const postalCodes = record.get('postalCodes');
  return {
    code,
    name,
    departement: typeof record.get('departement') === 'string' ? (record.get('departement') as string) : '',
    population: typeof population === 'number' ? population : null,
    postalCodes: Array.isArray(postalCodes) ? postalCodes.filter((p): p is string => typeof p === 'string') : [],
    viaEpci: stringOrNull(record.get('viaEpci')),
  };
}

function readEpci(record: Y.Map<unknown>): TerritoryEpci | null {
  const code = record.get('code');
  const name = record.get('name');
  if (typeof code !== 'string' || typeof name !== 'string') return null;
  return { code, name };
}

/** Reads a mission document into plain data. Tolerates missing fields (a half-synced document). */
export function readMissionSnapshot(doc: Y.Doc): MissionSnapshot {
  const mission = missionMap(doc);
  const themesMap = missionThemesMap(doc);
  const themes = MISSION_THEMES.map((theme) => theme.id).filter(
    (id): id is MissionThemeId => isMissionThemeId(id) && themesMap.get(id) === true,
  );
  const status = mission.get(MISSION_FIELD.status);
  const communes = [...territoryCommunesMap(doc).values()]
    .map(readCommune)
    .filter((commune): commune is TerritoryCommune => commune !== null)
    .sort((a, b) => frenchCollator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  const epcis = [...territoryEpcisMap(doc).values()]
    .map(readEpci)
    .filter((epci): epci is TerritoryEpci => epci !== null)
    .sort((a, b) => frenchCollator.compare(a.name, b.name));
  const createdAt = numberOr(mission.get(MISSION_FIELD.createdAt), 0);
  return {
    id: typeof mission.get(MISSION_FIELD.id) === 'string' ? (mission.get(MISSION_FIELD.id) as string) : '',
    title: missionText(doc, 'title').toString(),
    sponsor: missionText(doc, 'sponsor').toString(),
    themes,
    startDate: stringOrNull(mission.get(MISSION_FIELD.startDate)),
    endDate: stringOrNull(mission.get(MISSION_FIELD.endDate)),
    status: isMissionStatusId(status) ? status : DEFAULT_MISSION_STATUS,
    description: missionText(doc, 'description').toString(),
    createdAt,
    updatedAt: numberOr(mission.get(MISSION_FIELD.updatedAt), createdAt),
    epcis,
    communes,
  };
}
