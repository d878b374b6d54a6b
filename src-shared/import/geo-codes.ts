/**
 * French geographic codes as statistical files write them. Codes are text: "01001" keeps its
 * zero, Corsica is "2A004", overseas communes start with 97, an EPCI is its nine-digit SIREN.
 * Spreadsheets turn "01001" into the number 1001; the lost zero is put back here, and counted.
 */
import { normalizeForSearch } from '../text/normalize-search';
import type { TerritoryLevel, TerritoryRef } from '../diagnostic/territory-ref';

/** What a column of codes holds. "commune-suffix" is the last three digits of a commune code, beside a département column. */
export type GeoColumnLevel = TerritoryLevel | 'mixed' | 'commune-suffix';

const COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/;
const EPCI = /^\d{9}$/;
const DEPARTEMENT = /^(?:\d{2}|2[AB]|97\d)$/;
const REGION = /^\d{2}$/;
const PREFIXED = /^(COM|ARM|EPCI|DEP|REG|FE|FR|FRANCE)[-_ ](.+)$/;

/** How INSEE and others name France as a whole in a code column. */
const FRANCE_NAMES = new Set(['FR', 'FRA', 'FE', 'FRANCE', 'FRANCE ENTIERE', 'FRANCE ENTIÈRE']);

const PREFIX_LEVELS: Readonly<Record<string, TerritoryLevel>> = {
  COM: 'commune',
  ARM: 'commune',
  EPCI: 'epci',
  DEP: 'departement',
  REG: 'region',
  FE: 'france',
  FR: 'france',
  FRANCE: 'france',
};

const LEVEL_WORDS: Readonly<Record<string, TerritoryLevel>> = {
  com: 'commune',
  commune: 'commune',
  communes: 'commune',
  arm: 'commune',
  epci: 'epci',
  interco: 'epci',
  intercommunalite: 'epci',
  dep: 'departement',
  departement: 'departement',
  departements: 'departement',
  reg: 'region',
  region: 'region',
  regions: 'region',
  fe: 'france',
  fr: 'france',
  fra: 'france',
  france: 'france',
  'france entiere': 'france',
  pays: 'france',
};

/** The level a value of a "niveau géographique" column names ("COM", "Département", "FRANCE"), or null. */
export function levelFromWord(word: string): TerritoryLevel | null {
  return LEVEL_WORDS[normalizeForSearch(word)] ?? null;
}

export function isFranceName(cell: string): boolean {
  return FRANCE_NAMES.has(cell.trim().toUpperCase());
}

export interface RepairedCode {
  code: string;
  /** True when a leading zero lost in a spreadsheet was put back. */
  repaired: boolean;
}

function padded(code: string, length: number): RepairedCode {
  return code.length < length ? { code: code.padStart(length, '0'), repaired: true } : { code, repaired: false };
}

/** The code at the given level, with its lost leading zeros put back, or null when it cannot be one. */
export function codeAtLevel(cell: string, level: TerritoryLevel): RepairedCode | null {
  const code = cell.trim().toUpperCase();
  if (code === '') return null;
  switch (level) {
    case 'commune': {
      const repaired = /^\d{4}$/.test(code) ? padded(code, 5) : { code, repaired: false };
      return COMMUNE.test(repaired.code) ? repaired : null;
    }
    case 'epci':
      return EPCI.test(code) ? { code, repaired: false } : null;
    case 'departement': {
      const repaired = /^\d$/.test(code) ? padded(code, 2) : { code, repaired: false };
      return DEPARTEMENT.test(repaired.code) ? repaired : null;
    }
    case 'region': {
      const repaired = /^\d$/.test(code) ? padded(code, 2) : { code, repaired: false };
      return REGION.test(repaired.code) ? repaired : null;
    }
    case 'france':
      return { code: 'FR', repaired: false };
  }
}

export interface ResolvedCode {
  /** Several when the code alone cannot tell ("52": département Haute-Marne or région Pays de la Loire). */
  candidates: TerritoryRef[];
  repaired: boolean;
}

function single(level: TerritoryLevel, code: RepairedCode | null): ResolvedCode | null {
  return code ? { candidates: [{ level, code: code.code }], repaired: code.repaired } : null;
}

/**
 * The territory a code designates. With `level` known (a column of département codes, a level
 * column), the code is read at that level; otherwise its shape decides, and a prefix
 * ("COM-49007", "EPCI-200071876", "DEP-49", "REG-52") or a name of France wins over the shape.
 */
export function resolveGeoCode(cell: string, level: TerritoryLevel | null): ResolvedCode | null {
  const code = cell.trim().toUpperCase();
  if (code === '') return null;
  if (FRANCE_NAMES.has(code) && (level === null || level === 'france')) return single('france', { code: 'FR', repaired: false });
  const prefixed = PREFIXED.exec(code);
  if (prefixed) {
    const prefixLevel = PREFIX_LEVELS[prefixed[1] ?? ''];
    if (prefixLevel && (level === null || level === prefixLevel)) return single(prefixLevel, codeAtLevel(prefixed[2] ?? '', prefixLevel));
  }
  if (level !== null) return single(level, codeAtLevel(code, level));
  if (/^\d{4,5}$/.test(code) || /^2[AB]\d{3}$/.test(code)) return single('commune', codeAtLevel(code, 'commune'));
  if (EPCI.test(code)) return single('epci', { code, repaired: false });
  if (/^(?:2[AB]|97\d)$/.test(code)) return single('departement', { code, repaired: false });
  if (/^\d{1,2}$/.test(code)) {
    const departement = codeAtLevel(code, 'departement');
    const region = codeAtLevel(code, 'region');
    if (!departement || !region) return null;
    return {
      candidates: [
        { level: 'departement', code: departement.code },
        { level: 'region', code: region.code },
      ],
      repaired: departement.repaired,
    };
  }
  return null;
}

/**
 * The commune code from a département column and a commune column ("49" + "002" → "49002";
 * overseas "971" + "101" → "97101", the département's third digit starting the commune part).
 */
export function joinSplitCommuneCode(departementCell: string, communeCell: string): RepairedCode | null {
  const departement = codeAtLevel(departementCell, 'departement');
  const suffixText = communeCell.trim();
  if (!departement || !/^\d{1,3}$/.test(suffixText)) return null;
  const suffix = padded(suffixText, 3);
  const repaired = departement.repaired || suffix.repaired;
  if (departement.code.length === 3) {
    if (suffix.code.startsWith(departement.code.slice(2))) return { code: departement.code.slice(0, 2) + suffix.code, repaired };
    return /^\d{2}$/.test(suffixText) ? { code: departement.code + suffixText, repaired: departement.repaired } : null;
  }
  return { code: departement.code + suffix.code, repaired };
}

/** The shapes a code column is judged by. */
export type CodeShape =
  | 'commune'
  | 'commune-lost-zero'
  | 'epci'
  | 'departement'
  | 'two-digits'
  | 'one-digit'
  | 'three-digits'
  | 'france'
  | 'prefixed'
  | 'other';

export function codeShape(cell: string): CodeShape {
  const code = cell.toUpperCase();
  if (FRANCE_NAMES.has(code)) return 'france';
  if (PREFIXED.test(code)) return 'prefixed';
  if (COMMUNE.test(code)) return 'commune';
  if (/^\d{4}$/.test(code)) return 'commune-lost-zero';
  if (EPCI.test(code)) return 'epci';
  if (/^(?:2[AB]|97\d)$/.test(code)) return 'departement';
  if (/^\d{3}$/.test(code)) return 'three-digits';
  if (REGION.test(code)) return 'two-digits';
  if (/^\d$/.test(code)) return 'one-digit';
  return 'other';
}

/** A geographic role a header suggests, before the values confirm it. */
export interface GeoHeaderHint {
  role: 'code' | 'name' | 'code-or-name' | 'level';
  level: TerritoryLevel | null;
}

const CODE_WORDS = new Set(['code', 'cod', 'codes', 'numero', 'num', 'no', 'id', 'identifiant']);
const NAME_WORDS = new Set(['libelle', 'lib', 'nom', 'intitule', 'designation', 'name']);
const LEVEL_TOKENS: Readonly<Record<string, TerritoryLevel | null>> = {
  commune: 'commune',
  communes: 'commune',
  com: 'commune',
  insee: 'commune',
  departement: 'departement',
  dep: 'departement',
  region: 'region',
  reg: 'region',
  epci: 'epci',
  intercommunalite: 'epci',
  siren: 'epci',
  geographique: null,
  geo: null,
  territoire: null,
};

const EXACT_HINTS: Readonly<Record<string, GeoHeaderHint>> = {
  codgeo: { role: 'code', level: null },
  cog: { role: 'code', level: null },
  com: { role: 'code', level: 'commune' },
  depcom: { role: 'code', level: 'commune' },
  codcom: { role: 'code', level: 'commune' },
  codecommune: { role: 'code', level: 'commune' },
  insee: { role: 'code', level: 'commune' },
  codeinsee: { role: 'code', level: 'commune' },
  inseecom: { role: 'code', level: 'commune' },
  dep: { role: 'code', level: 'departement' },
  coddep: { role: 'code', level: 'departement' },
  reg: { role: 'code', level: 'region' },
  codreg: { role: 'code', level: 'region' },
  epci: { role: 'code-or-name', level: 'epci' },
  siren: { role: 'code', level: 'epci' },
  libgeo: { role: 'name', level: null },
  libcom: { role: 'name', level: 'commune' },
  libepci: { role: 'name', level: 'epci' },
  libdep: { role: 'name', level: 'departement' },
  libreg: { role: 'name', level: 'region' },
  nivgeo: { role: 'level', level: null },
  niveau: { role: 'level', level: null },
  typgeo: { role: 'level', level: null },
};

const LEVEL_HEADER = /^(?:niv(?:eau)? ?geo(?:graphique)?|niveau(?: de territoire| geographique)?|type ?(?:de )?(?:geo|territoire|zone))$/;

/** What a header ("CODGEO", "Code Insee de la commune", "Libellé de département", "NIVGEO") says about its column. */
export function geoHeaderHint(header: string): GeoHeaderHint | null {
  const normalized = normalizeForSearch(header);
  const exact = EXACT_HINTS[normalized] ?? EXACT_HINTS[normalized.replace(/ /g, '')];
  if (exact) return exact;
  if (LEVEL_HEADER.test(normalized)) return { role: 'level', level: null };
  const tokens = normalized.split(' ');
  const geoToken = tokens.find((token) => token in LEVEL_TOKENS);
  if (geoToken === undefined) return null;
  const level = LEVEL_TOKENS[geoToken] ?? null;
  const first = tokens[0] ?? '';
  if (CODE_WORDS.has(first) || first.startsWith('cod')) return { role: 'code', level };
  if (NAME_WORDS.has(first)) return { role: 'name', level };
  if (first === geoToken && tokens.length <= 3) return { role: 'code-or-name', level };
  return null;
}
