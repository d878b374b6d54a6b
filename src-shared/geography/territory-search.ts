import { normalizeForSearch } from '../text/normalize-search';
import { epciPopulation, type GeoCommune, type GeoEpci, type Geography } from './geography';

export type TerritoryOption =
  | { kind: 'commune'; code: string; label: string; detail: string; commune: GeoCommune }
  | { kind: 'epci'; code: string; label: string; detail: string; epci: GeoEpci };

const frenchNumber = new Intl.NumberFormat('fr-FR');

function communeOption(commune: GeoCommune): TerritoryOption {
  const postal = commune.postalCodes[0] ? `${commune.postalCodes[0]} · ` : '';
  const population = commune.population === null ? '' : ` · ${frenchNumber.format(commune.population)} hab.`;
  return {
    kind: 'commune',
    code: commune.code,
    label: `${commune.name} (${commune.departement})`,
    detail: `Commune · ${postal}INSEE ${commune.code}${population}`,
    commune,
  };
}

function epciOption(geography: Geography, epci: GeoEpci): TerritoryOption {
  return {
    kind: 'epci',
    code: epci.code,
    label: epci.name,
    detail: `EPCI · ${epci.members.length} communes · ${frenchNumber.format(epciPopulation(geography, epci))} hab.`,
    epci,
  };
}

/** Higher is better; 0 means no match. */
function nameScore(normalizedName: string, query: string): number {
  if (normalizedName === query) return 4;
  if (normalizedName.startsWith(query)) return 3;
  if (normalizedName.includes(` ${query}`)) return 2;
  return query.length >= 3 && normalizedName.includes(query) ? 1 : 0;
}

export interface TerritorySearchIndex {
  search(query: string, limit?: number): TerritoryOption[];
}

/**
 * Finds communes by name, INSEE code or postal code, and EPCI by name or SIREN.
 * Built once per geography; each search is a linear scan over pre-normalised names, which stays
 * under a few milliseconds for the 35,000 communes.
 */
export function createTerritorySearchIndex(geography: Geography): TerritorySearchIndex {
  const communeNames = geography.communes.map((commune) => normalizeForSearch(commune.name));
  const epciNames = geography.epcis.map((epci) => normalizeForSearch(epci.name));

  return {
    search(rawQuery, limit = 20) {
      const query = normalizeForSearch(rawQuery);
      if (query === '') return [];
      // Options are built only for the results shown: a short query matches thousands of communes.
      const scored: { score: number; population: number; toOption: () => TerritoryOption }[] = [];
      const isCode = /^[0-9][0-9ab]*$/.test(query.replace(/ /g, ''));
      const code = query.replace(/ /g, '').toUpperCase();
      geography.communes.forEach((commune, index) => {
        let score = 0;
        if (isCode) {
          if (commune.code === code) score = 5;
          else if (commune.postalCodes.includes(code)) score = 4;
          else if (code.length >= 2 && commune.code.startsWith(code)) score = 2;
          else if (code.length >= 2 && commune.postalCodes.some((postal) => postal.startsWith(code))) score = 2;
        } else {
          score = nameScore(communeNames[index] as string, query);
        }
        if (score > 0) scored.push({ score, population: commune.population ?? 0, toOption: () => communeOption(commune) });
      });
      geography.epcis.forEach((epci, index) => {
        const score = isCode ? (epci.code === code ? 5 : 0) : nameScore(epciNames[index] as string, query);
        if (score > 0) {
          scored.push({ score: score + 0.5, population: epciPopulation(geography, epci), toOption: () => epciOption(geography, epci) });
        }
      });
      scored.sort((a, b) => b.score - a.score || b.population - a.population);
      return scored.slice(0, limit).map((entry) => entry.toOption());
    },
  };
}
