import { territoryLabel, territoryPopulation, type MissionSnapshot } from './mission';
import type { MissionStatusId } from './mission-vocabulary';

/** What the home screen shows of a mission: derived from its document, so it can always be rebuilt. */
export interface MissionCatalogEntry {
  id: string;
  title: string;
  territoryLabel: string;
  status: MissionStatusId;
  communeCount: number;
  population: number;
  updatedAt: number;
  /** Written by a newer Bocage: listed, but opened read-only. */
  readOnly: boolean;
  /** Folded title and territory, for accent- and case-insensitive search. */
  searchText: string;
}

export function missionCatalogEntry(
  snapshot: MissionSnapshot,
  options: { readOnly: boolean; normalize: (value: string) => string },
): MissionCatalogEntry {
  const label = territoryLabel(snapshot);
  return {
    id: snapshot.id,
    title: snapshot.title,
    territoryLabel: label,
    status: snapshot.status,
    communeCount: snapshot.communes.length,
    population: territoryPopulation(snapshot.communes),
    updatedAt: snapshot.updatedAt,
    readOnly: options.readOnly,
    searchText: options.normalize(`${snapshot.title} ${label} ${snapshot.sponsor}`),
  };
}
