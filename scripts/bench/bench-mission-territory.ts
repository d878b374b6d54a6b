import { missionTerritoryKeys } from '../../src-shared/diagnostic/comparison-territories';
import type { TerritoryKey } from '../../src-shared/diagnostic/territory-ref';
import { expandGeography, type GeoEpci, type Geography } from '../../src-shared/geography/geography';
import type { MissionSnapshot, TerritoryCommune } from '../../src-shared/model/mission';
import { loadCompactGeography } from '../vite/geography-plugin';

/** The mission for the import and indicator benchmarks: 30 communes. */
export const BENCH_MISSION_COMMUNES = 30;

export interface BenchMissionTerritory {
  /** The mission is this whole EPCI, chosen in the "Territoire" field as a user would. */
  epci: GeoEpci;
  /** As the mission document holds it once created from the EPCI. */
  territory: Pick<MissionSnapshot, 'communes' | 'epcis'>;
}

/** The geography the app ships, expanded as the renderer does. */
export function loadGeography(): Geography {
  return expandGeography(loadCompactGeography());
}

/**
 * The first EPCI of the shipped geography with exactly 30 communes, and the territory a mission
 * gets when the user picks it: its communes, sorted by name like the new-mission form does.
 */
export function benchMissionTerritory(geography: Geography): BenchMissionTerritory {
  const epci = geography.epcis.find((candidate) => candidate.members.length === BENCH_MISSION_COMMUNES);
  if (!epci) throw new Error(`Aucun EPCI de ${BENCH_MISSION_COMMUNES} communes dans la géographie ${geography.vintage}.`);
  const communes = epci.members.map((code): TerritoryCommune => {
    const commune = geography.communeByCode.get(code);
    if (!commune) throw new Error(`Commune ${code} de l’EPCI ${epci.code} absente de la géographie.`);
    const { name, departement, population, postalCodes } = commune;
    return { code, name, departement, population, postalCodes, viaEpci: epci.code };
  });
  communes.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { epci, territory: { communes, epcis: [{ code: epci.code, name: epci.name }] } };
}

/** Its communes, EPCI, département, région and France: the rows an import keeps. */
export function benchMissionScope(geography: Geography): TerritoryKey[] {
  return [...missionTerritoryKeys(benchMissionTerritory(geography).territory, geography)];
}
