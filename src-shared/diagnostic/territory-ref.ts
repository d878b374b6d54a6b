/**
 * The territories an indicator value can belong to. A mission's own territory is never stored:
 * it is recomputed from its communes' values each time (see aggregation).
 */
export const TERRITORY_LEVELS = ['commune', 'epci', 'departement', 'region', 'france'] as const;

export type TerritoryLevel = (typeof TERRITORY_LEVELS)[number];

export interface TerritoryRef {
  level: TerritoryLevel;
  /** Official code as text: "01001", "2A004", "200000172", "49", "52"; "FR" for France. */
  code: string;
}

/** "commune:01001", "epci:200000172", "departement:2A", "region:52", "france:FR". */
export type TerritoryKey = `${TerritoryLevel}:${string}`;

export const FRANCE: TerritoryRef = { level: 'france', code: 'FR' };

export function territoryKey(ref: TerritoryRef): TerritoryKey {
  return `${ref.level}:${ref.code}`;
}

export function isTerritoryLevel(value: unknown): value is TerritoryLevel {
  return TERRITORY_LEVELS.some((level) => level === value);
}

export function parseTerritoryKey(key: string): TerritoryRef | null {
  const separator = key.indexOf(':');
  if (separator <= 0) return null;
  const level = key.slice(0, separator);
  const code = key.slice(separator + 1);
  if (!isTerritoryLevel(level) || code === '') return null;
  return { level, code };
}
