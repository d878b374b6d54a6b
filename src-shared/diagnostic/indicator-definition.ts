/** What an indicator is: its theme, unit, meaning, source and how communes add up into a territory. */

export const INDICATOR_THEMES = [
  { id: 'demographie', label: 'Démographie' },
  { id: 'familles', label: 'Familles et ménages' },
  { id: 'revenus', label: 'Revenus et pauvreté' },
  { id: 'prestations', label: 'Prestations sociales (CAF, MSA)' },
  { id: 'petite-enfance', label: 'Petite enfance' },
  { id: 'logement', label: 'Logement' },
  { id: 'emploi', label: 'Emploi et activité' },
  { id: 'sante', label: 'Santé' },
  { id: 'mobilite', label: 'Mobilité' },
] as const;

export type IndicatorThemeId = (typeof INDICATOR_THEMES)[number]['id'];

export function isIndicatorThemeId(value: unknown): value is IndicatorThemeId {
  return INDICATOR_THEMES.some((theme) => theme.id === value);
}

export function indicatorThemeLabel(id: IndicatorThemeId): string {
  return INDICATOR_THEMES.find((theme) => theme.id === id)?.label ?? id;
}

/**
 * Units, keyed by a stable id (synced in user-defined indicators: never rename one). `symbol` follows
 * the number; `singular` is used below 2, as French grammar wants ("1,5 personne", "2 personnes").
 */
export const INDICATOR_UNITS = {
  persons: { label: 'Personnes', symbol: 'personnes', singular: 'personne' },
  households: { label: 'Ménages', symbol: 'ménages', singular: 'ménage' },
  families: { label: 'Familles', symbol: 'familles', singular: 'famille' },
  dwellings: { label: 'Logements', symbol: 'logements', singular: 'logement' },
  places: { label: 'Places', symbol: 'places', singular: 'place' },
  beneficiaries: { label: 'Allocataires', symbol: 'allocataires', singular: 'allocataire' },
  professionals: { label: 'Professionnels', symbol: 'professionnels', singular: 'professionnel' },
  count: { label: 'Nombre', symbol: '', singular: '' },
  percent: { label: 'Pourcentage (%)', symbol: '%', singular: '%' },
  'percent-per-year': { label: 'Pourcentage par an (% par an)', symbol: '% par an', singular: '% par an' },
  euros: { label: 'Euros (€)', symbol: '€', singular: '€' },
  km2: { label: 'Kilomètres carrés (km²)', symbol: 'km²', singular: 'km²' },
  'inhabitants-per-km2': { label: 'Habitants par km² (hab./km²)', symbol: 'hab./km²', singular: 'hab./km²' },
  'places-per-100-children': {
    label: 'Places pour 100 enfants',
    symbol: 'places pour 100 enfants',
    singular: 'place pour 100 enfants',
  },
  'per-10000-inhabitants': { label: 'Pour 10 000 habitants', symbol: 'pour 10 000 hab.', singular: 'pour 10 000 hab.' },
  index: { label: 'Indice', symbol: '', singular: '' },
  'consultations-per-inhabitant': {
    label: 'Consultations par an et par habitant',
    symbol: 'consultations/an/hab.',
    singular: 'consultation/an/hab.',
  },
} as const satisfies Record<string, { label: string; symbol: string; singular: string }>;

export type IndicatorUnit = keyof typeof INDICATOR_UNITS;

export function isIndicatorUnit(value: unknown): value is IndicatorUnit {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(INDICATOR_UNITS, value);
}

export type IndicatorAggregation =
  /** Counts add up. */
  | { kind: 'sum' }
  /**
   * A rate: Σnumerator / Σdenominator × scale over the communes, never a mean of their rates. With a
   * null numerator (files that give only the rate), each commune's numerator is rebuilt as
   * rate × denominator / scale: this also gives weighted means (an APL weighted by population).
   */
  | { kind: 'ratio'; numerator: string | null; denominator: string; scale: number }
  /** Medians, deciles, variations over a period: shown per commune, flagged, never averaged. */
  | { kind: 'not-aggregable' };

export interface IndicatorDefinition {
  /** Stable synced code, uppercase: "POP", "TX_PAUVRETE". */
  code: string;
  label: string;
  theme: IndicatorThemeId;
  unit: IndicatorUnit;
  /** What the figure measures, in plain French, for the report's glossary. */
  definition: string;
  /** The usual producer and dataset, as captions cite it. */
  source: string;
  aggregation: IndicatorAggregation;
  decimals: number;
  /** True for indicators a user defined in a mission. */
  custom: boolean;
}

/** Space that French typography puts between a figure and its unit, and that never breaks a line. */
const NO_BREAK_SPACE = '\u00a0';

const numberFormats = new Map<number, Intl.NumberFormat>();

function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

/** "12 345,6" with the indicator's number of decimals. */
export function formatIndicatorNumber(value: number, decimals: number): string {
  const safeDecimals = Math.min(Math.max(Math.trunc(decimals), 0), 6);
  const text = numberFormat(safeDecimals).format(value);
  // "-0" reads as an error in a table: a value that rounds to zero is zero.
  return /^-0(,0*)?$/.test(text) ? text.slice(1) : text;
}

/** "12 345 personnes", "12,3 %", "25 820 €", "1 personne". */
export function formatIndicatorValue(value: number, definition: Pick<IndicatorDefinition, 'unit' | 'decimals'>): string {
  const number = formatIndicatorNumber(value, definition.decimals);
  const unit = INDICATOR_UNITS[definition.unit];
  const symbol = Math.abs(value) < 2 ? unit.singular : unit.symbol;
  return symbol === '' ? number : `${number}${NO_BREAK_SPACE}${symbol}`;
}

/** Decimals shown for a unit when a user-defined indicator does not say. */
export function defaultDecimals(unit: IndicatorUnit): number {
  switch (unit) {
    case 'percent':
    case 'percent-per-year':
    case 'inhabitants-per-km2':
    case 'km2':
    case 'places-per-100-children':
    case 'per-10000-inhabitants':
    case 'index':
    case 'consultations-per-inhabitant':
      return 1;
    default:
      return 0;
  }
}
