import type { MissionStatusId, MissionThemeId } from './mission-vocabulary';

/** A commune of a mission's territory, as it was in the official geography when it was added. */
export interface TerritoryCommune {
  code: string;
  name: string;
  departement: string;
  population: number | null;
  postalCodes: string[];
  /** Set when the commune came in through an EPCI, so removing the EPCI removes it too. */
  viaEpci: string | null;
}

export interface TerritoryEpci {
  code: string;
  name: string;
}

/** A plain, immutable snapshot of a mission document, for views and exports. */
export interface MissionSnapshot {
  id: string;
  title: string;
  sponsor: string;
  themes: MissionThemeId[];
  startDate: string | null;
  endDate: string | null;
  status: MissionStatusId;
  description: string;
  createdAt: number;
  updatedAt: number;
  epcis: TerritoryEpci[];
  communes: TerritoryCommune[];
}

export function territoryPopulation(communes: readonly TerritoryCommune[]): number {
  return communes.reduce((total, commune) => total + (commune.population ?? 0), 0);
}

/** A short territory label for lists: the EPCI names, or the commune names when there is no EPCI. */
export function territoryLabel(snapshot: Pick<MissionSnapshot, 'epcis' | 'communes'>): string {
  if (snapshot.epcis.length > 0) return snapshot.epcis.map((epci) => epci.name).join(', ');
  const names = snapshot.communes.map((commune) => commune.name);
  if (names.length <= 3) return names.join(', ');
  return `${names.slice(0, 3).join(', ')} et ${names.length - 3} autre(s)`;
}
