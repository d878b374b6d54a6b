import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as prng from 'lib0/prng';

/** The file: 35,000 rows of 28 columns (CODGEO, LIBGEO and 26 variables). */
export const SYNTHETIC_ROWS = 35_000;
const SEED = 2021;

/** Fewer fiscal households than this and INSEE puts the whole Filosofi line under statistical secret. */
const SECRET_HOUSEHOLDS = 50;
/** Fewer than this and Filosofi publishes only counts and the median: rates and deciles are secret. */
const RATES_SECRET_HOUSEHOLDS = 1000;
/** Share of census cells left empty (not available). */
const EMPTY_CENSUS_CELLS = 0.01;

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  population?: number;
}

type Secrecy = 'filosofi-line' | 'filosofi-rate' | 'census';

interface VariableColumn {
  code: string;
  /** Null: the value is the commune's population itself. */
  value: { kind: 'share'; of: number; decimals: number } | { kind: 'range'; min: number; max: number; decimals: number } | null;
  secrecy: Secrecy;
}

const share = (of: number, decimals: number) => ({ kind: 'share' as const, of, decimals });
const range = (min: number, max: number, decimals: number) => ({ kind: 'range' as const, min, max, decimals });

/**
 * Filosofi 2021 and census 2021 variables as INSEE names them: 21 the importer recognises, and 5
 * it does not (TP60AGE121, PACT21, PPSOC21, PPFAM21, PPMINI21) that the user leaves out.
 */
const VARIABLES: readonly VariableColumn[] = [
  { code: 'NBMENFISC21', value: share(0.44, 0), secrecy: 'filosofi-line' },
  { code: 'NBPERSMENFISC21', value: share(0.97, 0), secrecy: 'filosofi-line' },
  { code: 'MED21', value: range(18_000, 28_000, 0), secrecy: 'filosofi-line' },
  { code: 'PIMP21', value: range(30, 70, 1), secrecy: 'filosofi-rate' },
  { code: 'TP6021', value: range(5, 30, 1), secrecy: 'filosofi-rate' },
  { code: 'TP60AGE121', value: range(10, 40, 1), secrecy: 'filosofi-rate' },
  { code: 'PACT21', value: range(60, 80, 1), secrecy: 'filosofi-rate' },
  { code: 'PPSOC21', value: range(3, 10, 1), secrecy: 'filosofi-rate' },
  { code: 'PPFAM21', value: range(1, 5, 1), secrecy: 'filosofi-rate' },
  { code: 'PPMINI21', value: range(1, 5, 1), secrecy: 'filosofi-rate' },
  { code: 'D121', value: range(10_000, 14_000, 0), secrecy: 'filosofi-rate' },
  { code: 'D921', value: range(30_000, 45_000, 0), secrecy: 'filosofi-rate' },
  { code: 'RD21', value: range(2.5, 4, 1), secrecy: 'filosofi-rate' },
  { code: 'P21_POP', value: null, secrecy: 'census' },
  // The census's complementary counts are weighted: INSEE publishes them with decimals.
  { code: 'P21_POP0014', value: share(0.17, 5), secrecy: 'census' },
  { code: 'P21_POP1529', value: share(0.16, 5), secrecy: 'census' },
  { code: 'P21_POP65P', value: share(0.21, 5), secrecy: 'census' },
  { code: 'P21_POP75P', value: share(0.1, 5), secrecy: 'census' },
  { code: 'P21_LOG', value: share(0.55, 5), secrecy: 'census' },
  { code: 'P21_RP', value: share(0.45, 5), secrecy: 'census' },
  { code: 'P21_LOGVAC', value: share(0.04, 5), secrecy: 'census' },
  { code: 'P21_ACT1564', value: share(0.45, 5), secrecy: 'census' },
  { code: 'P21_CHOM1564', value: share(0.05, 5), secrecy: 'census' },
  { code: 'C21_MEN', value: share(0.44, 5), secrecy: 'census' },
  { code: 'C21_FAM', value: share(0.28, 5), secrecy: 'census' },
  { code: 'C21_FAMMONO', value: share(0.03, 5), secrecy: 'census' },
];

function frenchDecimal(value: number, decimals: number): string {
  return value.toFixed(decimals).replace('.', ',');
}

/** The first 35,000 communes and municipal arrondissements of the official list, in its order (01001 first, Corsica's 2A/2B among them). */
function communes(): EtalabCommune[] {
  const require = createRequire(import.meta.url);
  const all = JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8')) as EtalabCommune[];
  const rows = all.filter((commune) => commune.type === 'commune-actuelle' || commune.type === 'arrondissement-municipal').slice(0, SYNTHETIC_ROWS);
  if (rows.length < SYNTHETIC_ROWS) throw new Error(`La liste officielle ne compte que ${rows.length} communes.`);
  return rows;
}

/**
 * An INSEE-like communal file, the same bytes on every run: ";" separators, CRLF, UTF-8 names,
 * decimal commas, "s" where Filosofi's secret rules apply (small communes), and a few empty
 * census cells.
 */
export function syntheticInseeFile(): Uint8Array {
  const random = prng.create(SEED);
  const lines = [['CODGEO', 'LIBGEO', ...VARIABLES.map((variable) => variable.code)].join(';')];
  for (const commune of communes()) {
    const population = commune.population ?? 0;
    const households = population * 0.44;
    const cells = VARIABLES.map(({ value, secrecy }) => {
      if (secrecy === 'filosofi-line' && households < SECRET_HOUSEHOLDS) return 's';
      if (secrecy === 'filosofi-rate' && households < RATES_SECRET_HOUSEHOLDS) return 's';
      if (secrecy === 'census' && random.next() < EMPTY_CENSUS_CELLS) return '';
      if (value === null) return String(population);
      const noise = 0.9 + random.next() * 0.2;
      return value.kind === 'share'
        ? frenchDecimal(population * value.of * noise, value.decimals)
        : frenchDecimal(value.min + (value.max - value.min) * random.next(), value.decimals);
    });
    lines.push([commune.code, commune.nom, ...cells].join(';'));
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}
