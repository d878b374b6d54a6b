/** The official geography (COG) the app ships, in the compact form the renderer loads lazily. */

export interface GeoCommune {
  code: string;
  name: string;
  departement: string;
  postalCodes: string[];
  population: number | null;
  epci: string | null;
}

export interface GeoEpci {
  /** SIREN of the EPCI, nine digits. */
  code: string;
  name: string;
  /** CC, CA, CU, METRO, MET69. */
  type: string;
  members: string[];
}

export interface GeoDepartement {
  code: string;
  name: string;
  region: string;
}

export interface GeoRegion {
  code: string;
  name: string;
}

export interface Geography {
  vintage: string;
  communes: GeoCommune[];
  epcis: GeoEpci[];
  departements: GeoDepartement[];
  regions: GeoRegion[];
  communeByCode: ReadonlyMap<string, GeoCommune>;
  epciByCode: ReadonlyMap<string, GeoEpci>;
  departementByCode: ReadonlyMap<string, GeoDepartement>;
  regionByCode: ReadonlyMap<string, GeoRegion>;
}

/** Arrays instead of objects: the shipped file is a third of the size. */
export interface CompactGeography {
  vintage: string;
  /** [code, name, departement, postal codes separated by spaces, population or -1] */
  communes: [string, string, string, string, number][];
  /** [code, name, type, member commune codes separated by spaces] */
  epcis: [string, string, string, string][];
  /** [code, name, region code] */
  departements: [string, string, string][];
  /** [code, name] */
  regions: [string, string][];
}

/** The shape of the records in @etalab/decoupage-administratif, only the fields we read. */
export interface EtalabCommuneRecord {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}

export interface EtalabEpciRecord {
  code: string;
  nom: string;
  type: string;
  membres: { code: string }[];
}

export interface EtalabDepartementRecord {
  code: string;
  nom: string;
  region: string;
}

export interface EtalabRegionRecord {
  code: string;
  nom: string;
}

export function compactGeography(
  vintage: string,
  communes: readonly EtalabCommuneRecord[],
  epcis: readonly EtalabEpciRecord[],
  departements: readonly EtalabDepartementRecord[],
  regions: readonly EtalabRegionRecord[],
): CompactGeography {
  return {
    vintage,
    communes: communes
      .filter((commune) => commune.type === 'commune-actuelle')
      .map((commune) => [
        commune.code,
        commune.nom,
        commune.departement ?? '',
        (commune.codesPostaux ?? []).join(' '),
        typeof commune.population === 'number' ? commune.population : -1,
      ]),
    epcis: epcis.map((epci) => [epci.code, epci.nom, epci.type, epci.membres.map((m) => m.code).join(' ')]),
    departements: departements.map((departement) => [departement.code, departement.nom, departement.region]),
    regions: regions.map((region) => [region.code, region.nom]),
  };
}

export function expandGeography(compact: CompactGeography): Geography {
  const epcis: GeoEpci[] = compact.epcis.map(([code, name, type, members]) => ({
    code,
    name,
    type,
    members: members === '' ? [] : members.split(' '),
  }));
  const epciOfCommune = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.members) epciOfCommune.set(member, epci.code);
  const communes: GeoCommune[] = compact.communes.map(([code, name, departement, postalCodes, population]) => ({
    code,
    name,
    departement,
    postalCodes: postalCodes === '' ? [] : postalCodes.split(' '),
    population: population >= 0 ? population : null,
    epci: epciOfCommune.get(code) ?? null,
  }));
  const departements: GeoDepartement[] = compact.departements.map(([code, name, region]) => ({ code, name, region }));
  const regions: GeoRegion[] = compact.regions.map(([code, name]) => ({ code, name }));
  return {
    vintage: compact.vintage,
    communes,
    epcis,
    departements,
    regions,
    communeByCode: new Map(communes.map((commune) => [commune.code, commune])),
    epciByCode: new Map(epcis.map((epci) => [epci.code, epci])),
    departementByCode: new Map(departements.map((departement) => [departement.code, departement])),
    regionByCode: new Map(regions.map((region) => [region.code, region])),
  };
}

export function epciPopulation(geography: Geography, epci: GeoEpci): number {
  return epci.members.reduce((total, code) => total + (geography.communeByCode.get(code)?.population ?? 0), 0);
}
