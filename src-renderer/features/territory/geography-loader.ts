import { expandGeography, type Geography } from '@shared/geography/geography';
import { createTerritorySearchIndex, type TerritorySearchIndex } from '@shared/geography/territory-search';

export interface LoadedGeography {
  geography: Geography;
  index: TerritorySearchIndex;
}

let loading: Promise<LoadedGeography> | null = null;

/** The official geography ships inside the app (offline) but is only parsed on first use. */
export function loadGeography(): Promise<LoadedGeography> {
  loading ??= import('virtual:bocage-geography').then((module) => {
    const geography = expandGeography(module.default);
    return { geography, index: createTerritorySearchIndex(geography) };
  });
  return loading;
}
