/** The territories a mission's figures are read against: its communes, then EPCI, département, région, France. */
import type { Geography } from '../geography/geography';
import type { MissionSnapshot } from '../model/mission';
import { FRANCE, territoryKey, type TerritoryKey, type TerritoryRef } from './territory-ref';

export interface DiagnosticTerritory {
  key: TerritoryKey;
  ref: TerritoryRef;
  name: string;
  role: 'commune' | 'comparison';
  /**
   * True for an EPCI whose communes are exactly the mission's: its published figures are then the
   * mission's own, even where the communes' figures are secret or cannot be combined (medians).
   */
  sameAsMission: boolean;
}

type MissionTerritory = Pick<MissionSnapshot, 'communes' | 'epcis'>;

const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function entry(ref: TerritoryRef, name: string, role: DiagnosticTerritory['role'], sameAsMission = false): DiagnosticTerritory {
  return { key: territoryKey(ref), ref, name, role, sameAsMission };
}

export function comparisonTerritories(snapshot: MissionTerritory, geography: Geography): DiagnosticTerritory[] {
  const communeCodes = new Set(snapshot.communes.map((commune) => commune.code));
  const territories = snapshot.communes.map((commune) => entry({ level: 'commune', code: commune.code }, commune.name, 'commune'));

  // The EPCIs the user chose come first, then those the communes belong to today.
  const epciNames = new Map<string, string>();
  for (const epci of snapshot.epcis) epciNames.set(epci.code, geography.epciByCode.get(epci.code)?.name ?? epci.name);
  const otherEpcis: { code: string; name: string }[] = [];
  for (const commune of snapshot.communes) {
    const code = geography.communeByCode.get(commune.code)?.epci;
    const epci = code ? geography.epciByCode.get(code) : undefined;
    if (epci && !epciNames.has(epci.code) && !otherEpcis.some((other) => other.code === epci.code)) {
      otherEpcis.push({ code: epci.code, name: epci.name });
    }
  }
  otherEpcis.sort((a, b) => frenchCollator.compare(a.name, b.name));
  for (const { code, name } of otherEpcis) epciNames.set(code, name);
  for (const [code, name] of epciNames) {
    const members = geography.epciByCode.get(code)?.members ?? [];
    const sameAsMission =
      members.length > 0 && members.length === communeCodes.size && members.every((member) => communeCodes.has(member));
    territories.push(entry({ level: 'epci', code }, name, 'comparison', sameAsMission));
  }

  const departementCodes = [
    ...new Set(
      snapshot.communes
        .map((commune) => geography.communeByCode.get(commune.code)?.departement || commune.departement)
        .filter((code) => code !== ''),
    ),
  ].sort((a, b) => a.localeCompare(b));
  const regionCodes = new Set<string>();
  for (const code of departementCodes) {
    const departement = geography.departementByCode.get(code);
    territories.push(entry({ level: 'departement', code }, departement?.name ?? `Département ${code}`, 'comparison'));
    if (departement?.region) regionCodes.add(departement.region);
  }
  for (const code of [...regionCodes].sort((a, b) => a.localeCompare(b))) {
    territories.push(entry({ level: 'region', code }, geography.regionByCode.get(code)?.name ?? `Région ${code}`, 'comparison'));
  }
  territories.push(entry(FRANCE, 'France', 'comparison'));
  return territories;
}

/** The territories whose rows an import keeps for this mission; the rest of a national file is left out. */
export function missionTerritoryKeys(snapshot: MissionTerritory, geography: Geography): Set<TerritoryKey> {
  return new Set(comparisonTerritories(snapshot, geography).map((territory) => territory.key));
}

/**
 * Population of each territory from the shipped geography: a commune's own, larger territories as
 * the sum of their communes' (a commune without a known population counts as none). Used to give
 * invented counts a plausible size (demo mission, benchmarks).
 */
export function geographyPopulations(geography: Geography, territories: readonly DiagnosticTerritory[]): Map<TerritoryKey, number> {
  const byDepartement = new Map<string, number>();
  for (const commune of geography.communes) {
    byDepartement.set(commune.departement, (byDepartement.get(commune.departement) ?? 0) + (commune.population ?? 0));
  }
  const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
  const population = ({ ref }: DiagnosticTerritory): number => {
    switch (ref.level) {
      case 'commune':
        return geography.communeByCode.get(ref.code)?.population ?? 0;
      case 'epci':
        return sum((geography.epciByCode.get(ref.code)?.members ?? []).map((code) => geography.communeByCode.get(code)?.population ?? 0));
      case 'departement':
        return byDepartement.get(ref.code) ?? 0;
      case 'region':
        return sum(geography.departements.filter((departement) => departement.region === ref.code).map((departement) => byDepartement.get(departement.code) ?? 0));
      case 'france':
        return sum(byDepartement.values());
    }
  };
  return new Map(territories.map((territory) => [territory.key, population(territory)]));
}
