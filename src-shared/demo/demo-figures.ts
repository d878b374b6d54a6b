/**
 * The demo's figures: plausible for a rural intercommunality, invented, and labelled so. Counts are
 * drawn from each territory's real population (the shipped geography), rates around levels typical
 * of such a territory, its département, its région and France. Small communes' fragile figures are
 * under statistical secret and a few are missing, as in real files.
 */
import { comparisonTerritories, geographyPopulations, type DiagnosticTerritory } from '../diagnostic/comparison-territories';
import { findIndicator, INDICATOR_CATALOGUE } from '../diagnostic/indicator-catalogue';
import type { IndicatorThemeId, IndicatorUnit } from '../diagnostic/indicator-definition';
import { applyIndicatorImport, defineCustomIndicator, setIndicatorValue } from '../diagnostic/indicator-operations';
import type { IndicatorValue, ValueStatus } from '../diagnostic/indicator-value';
import type { TerritoryLevel } from '../diagnostic/territory-ref';
import { readMissionSnapshot } from '../documents/mission-snapshot';
import { DEMO_SOURCE, type DemoContext } from './demo-context';

type ComparisonLevel = Exclude<TerritoryLevel, 'commune'>;

interface FigureSpec {
  code: string;
  years: readonly number[];
  /** "share": a count worth that share of the territory's population; "level": the figure itself. */
  kind: 'share' | 'level';
  /** Each commune draws its own within the range; other territories take their level. */
  commune: readonly [number, number];
  levels: Readonly<Record<ComparisonLevel, number>>;
  /** The figure of the earlier years relative to the latest one (1.1: ten percent higher then). */
  earlier?: number;
  /** Communes below this population have the figure under statistical secret. */
  secretBelow?: number;
  /** How many communes lack the latest figure. */
  missingCommunes?: number;
}

const CENSUS = [2015, 2021] as const;
const CENSUS_LATEST = [2021] as const;
const FILOSOFI = [2020, 2021] as const;
const CAF = [2022, 2023] as const;

function share(code: string, commune: readonly [number, number], levels: [number, number, number, number], extra: Partial<FigureSpec> = {}): FigureSpec {
  const [epci, departement, region, france] = levels;
  return { code, years: CENSUS, kind: 'share', commune, levels: { epci, departement, region, france }, ...extra };
}

function level(code: string, commune: readonly [number, number], levels: [number, number, number, number], extra: Partial<FigureSpec> = {}): FigureSpec {
  return { ...share(code, commune, levels, extra), kind: 'level' };
}

/**
 * Groups of indicators, each with the rates the table computes from them (a share of 60 ans ou
 * plus comes with its count and the population). The demo takes whole groups in this order.
 */
const FIGURE_GROUPS: readonly (readonly FigureSpec[])[] = [
  [
    share('POP', [1, 1], [1, 1, 1, 1], { earlier: 1.02 }),
    level('POP_VAR_ANN', [-1.2, 0.6], [-0.3, -0.2, 0.3, 0.3], { years: CENSUS_LATEST }),
    share('SUPERFICIE', [1 / 45, 1 / 12], [1 / 30, 1 / 41, 1 / 72, 1 / 106], { years: CENSUS_LATEST }),
    share('POP_0_2', [0.016, 0.028], [0.021, 0.022, 0.024, 0.03], { earlier: 1.12 }),
    share('POP_60_PLUS', [0.33, 0.45], [0.385, 0.37, 0.335, 0.275], { earlier: 0.92 }),
    share('POP_75_PLUS', [0.11, 0.18], [0.145, 0.135, 0.118, 0.096], { earlier: 0.95 }),
  ],
  [
    share('MENAGES', [0.45, 0.52], [0.48, 0.48, 0.47, 0.45], { earlier: 0.97 }),
    share('MENAGES_1_PERS', [0.15, 0.2], [0.175, 0.18, 0.17, 0.165], { earlier: 0.92 }),
    share('FAMILLES', [0.27, 0.31], [0.29, 0.285, 0.28, 0.29]),
    share('FAM_MONOPARENTALES', [0.022, 0.036], [0.029, 0.033, 0.037, 0.046], { earlier: 0.9 }),
  ],
  [
    share('PERS_MEN_FISC', [0.95, 0.98], [0.965, 0.96, 0.965, 0.97], { years: FILOSOFI }),
    level('MED_DISP', [20_400, 23_600], [21_860, 22_350, 22_950, 23_160], { years: FILOSOFI, earlier: 0.975, secretBelow: 150 }),
    level('TX_PAUVRETE', [10.5, 17.5], [13.4, 14.1, 13.6, 14.5], { years: FILOSOFI, earlier: 1.01, secretBelow: 1000 }),
  ],
  [
    share('ALLOC_CAF', [0.14, 0.2], [0.165, 0.19, 0.21, 0.24], { years: CAF, earlier: 0.98 }),
    share('ALLOC_BAS_REVENUS', [0.035, 0.055], [0.044, 0.05, 0.055, 0.07], { years: CAF, secretBelow: 250 }),
    share('ALLOC_RSA', [0.012, 0.024], [0.017, 0.02, 0.024, 0.03], { years: CAF, missingCommunes: 1 }),
    share('ALLOC_MSA_FAMILLE', [0.008, 0.02], [0.012, 0.008, 0.006, 0.003], { years: CAF }),
  ],
  [share('PLACES_AJE_TOTAL', [0.008, 0.016], [0.012, 0.014, 0.016, 0.018], { years: CENSUS_LATEST, missingCommunes: 1 })],
  [
    share('RES_PRINCIPALES', [0.47, 0.51], [0.48, 0.48, 0.47, 0.45]),
    share('MENAGES_VOITURE', [0.42, 0.46], [0.45, 0.44, 0.42, 0.365]),
  ],
  [
    level('APL_MG', [2, 3.9], [2.9, 3.3, 3.6, 3.4], { years: CAF, earlier: 1.05, missingCommunes: 1 }),
    share('MG_LIBERAUX', [0, 0.0012], [0.0007, 0.0009, 0.00095, 0.00085], { years: CENSUS_LATEST }),
  ],
  [
    share('LOGEMENTS', [0.6, 0.72], [0.64, 0.62, 0.6, 0.56]),
    share('RES_SECONDAIRES', [0.05, 0.14], [0.08, 0.09, 0.075, 0.055]),
    share('LOG_VACANTS', [0.05, 0.09], [0.07, 0.075, 0.065, 0.05], { earlier: 0.85 }),
  ],
  [
    share('POP_15_64', [0.5, 0.56], [0.53, 0.54, 0.56, 0.62]),
    share('ACTIFS_15_64', [0.37, 0.42], [0.4, 0.405, 0.42, 0.46]),
    share('CHOMEURS_15_64', [0.025, 0.045], [0.034, 0.038, 0.045, 0.055]),
  ],
];

interface CustomSpec {
  code: string;
  label: string;
  theme: IndicatorThemeId;
  unit: IndicatorUnit;
  definition: string;
  /** Per thousand inhabitants of the commune. */
  perThousand: readonly [number, number];
}

/** Local figures a mission collects itself, typed in by hand. */
const CUSTOM_SPECS: readonly CustomSpec[] = [
  {
    code: 'PASSAGES_FRANCE_SERVICES',
    label: 'Passages à l’espace France services (habitants de la commune)',
    theme: 'prestations',
    unit: 'count',
    definition: 'Visites d’habitants de la commune à l’espace France services sur l’année, d’après son registre d’accueil.',
    perThousand: [20, 120],
  },
  {
    code: 'REPAS_A_DOMICILE',
    label: 'Repas portés à domicile par mois',
    theme: 'demographie',
    unit: 'count',
    definition: 'Repas livrés chaque mois par le service de portage de repas aux personnes âgées ou handicapées de la commune.',
    perThousand: [5, 40],
  },
  {
    code: 'ATTENTE_ACCUEIL_JE',
    label: 'Demandes d’accueil du jeune enfant non satisfaites',
    theme: 'petite-enfance',
    unit: 'count',
    definition: 'Familles de la commune restées sans solution d’accueil pour un enfant de moins de 3 ans au 1er septembre, d’après le relais petite enfance.',
    perThousand: [0, 6],
  },
];

const CUSTOM_YEAR = 2024;

/** Rows of the indicator table a set of indicators gives: themselves and the rates computed from two of them. */
function tableRows(codes: ReadonlySet<string>): number {
  const computed = INDICATOR_CATALOGUE.filter(
    ({ code, aggregation }) =>
      !codes.has(code) && aggregation.kind === 'ratio' && aggregation.numerator !== null && codes.has(aggregation.numerator) && codes.has(aggregation.denominator),
  );
  return codes.size + computed.length;
}

/** Whole groups, in order, while they fit in the requested number of rows beside the mission's own indicators. */
function chooseFigureSpecs(indicatorRows: number): FigureSpec[] {
  const catalogueRows = indicatorRows - CUSTOM_SPECS.length;
  let chosen: FigureSpec[] = [];
  for (const group of FIGURE_GROUPS) {
    const candidate = [...chosen, ...group];
    if (tableRows(new Set(candidate.map((spec) => spec.code))) <= catalogueRows) chosen = candidate;
  }
  const rows = tableRows(new Set(chosen.map((spec) => spec.code))) + CUSTOM_SPECS.length;
  if (rows !== indicatorRows) {
    throw new Error(`La mission exemple ne sait pas composer exactement ${indicatorRows} indicateurs (au plus proche : ${rows}).`);
  }
  return chosen;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}


function figureValues(context: DemoContext, spec: FigureSpec, territories: readonly DiagnosticTerritory[], populations: ReadonlyMap<string, number>): IndicatorValue[] {
  const decimals = findIndicator(spec.code)?.decimals ?? 0;
  const latest = spec.years[spec.years.length - 1] as number;
  const communes = territories.filter((territory) => territory.role === 'commune');
  const missing = new Set<string>();
  while (missing.size < Math.min(spec.missingCommunes ?? 0, communes.length)) missing.add(context.pick(communes).key);

  const latestFigure = new Map<string, number>();
  for (const territory of communes) {
    const drawn = context.between(spec.commune[0], spec.commune[1]);
    latestFigure.set(territory.key, spec.kind === 'share' ? (populations.get(territory.key) ?? 0) * drawn : drawn);
  }
  for (const territory of territories) {
    if (territory.role === 'commune') continue;
    const levelValue = spec.levels[territory.ref.level as ComparisonLevel];
    // The mission's own EPCI adds up its communes' counts, so the table's totals agree with it.
    const figure =
      spec.kind === 'share' && territory.sameAsMission
        ? communes.reduce((total, commune) => total + (latestFigure.get(commune.key) ?? 0), 0)
        : spec.kind === 'share'
          ? (populations.get(territory.key) ?? 0) * levelValue
          : levelValue;
    latestFigure.set(territory.key, figure);
  }

  return spec.years.flatMap((year) =>
    territories.map((territory): IndicatorValue => {
      const latestValue = latestFigure.get(territory.key) ?? 0;
      const drift = year === latest ? 1 : (spec.earlier ?? 1) * context.between(0.99, 1.01);
      const population = populations.get(territory.key) ?? 0;
      let status: ValueStatus = 'ok';
      if (territory.role === 'commune' && spec.secretBelow !== undefined && population < spec.secretBelow) status = 'secret';
      else if (year === latest && missing.has(territory.key)) status = 'missing';
      return {
        indicator: spec.code,
        year,
        territory: territory.key,
        status,
        value: status === 'ok' ? round(latestValue * drift, decimals) : null,
        source: DEMO_SOURCE,
        origin: 'import',
        importId: DEMO_IMPORT_ID,
        updatedAt: context.now,
      };
    }),
  );
}

const DEMO_IMPORT_ID = 'donnees-fictives-demonstration';

/** Writes the figures through the import operation, then the mission's own indicators typed by hand. */
export function writeDemoFigures(context: DemoContext): void {
  const { mission } = context.docs;
  const territories = comparisonTerritories(readMissionSnapshot(mission), context.geography);
  const populations = geographyPopulations(context.geography, territories);
  const specs = chooseFigureSpecs(context.scale.indicators);
  const values = specs.flatMap((spec) => figureValues(context, spec, territories, populations));
  applyIndicatorImport(
    mission,
    {
      importId: DEMO_IMPORT_ID,
      fileName: 'donnees-fictives-demonstration.csv',
      source: DEMO_SOURCE,
      importedAt: context.tick(),
      values,
      summary: {
        rowsKept: territories.length,
        rowsSkipped: 0,
        indicators: specs.flatMap((spec) => spec.years.map((year) => ({ indicator: spec.code, year }))),
      },
    },
    context.origin,
  );

  const communes = territories.filter((territory) => territory.role === 'commune');
  for (const spec of CUSTOM_SPECS) {
    defineCustomIndicator(
      mission,
      { code: spec.code, label: spec.label, theme: spec.theme, unit: spec.unit, definition: spec.definition, source: DEMO_SOURCE, aggregation: { kind: 'sum' } },
      context.origin,
      context.tick(),
    );
    // The smallest commune has not answered the survey yet: its figure is missing, not zero.
    const silent = communes.reduce((smallest, commune) => ((populations.get(commune.key) ?? 0) < (populations.get(smallest.key) ?? 0) ? commune : smallest));
    for (const commune of communes) {
      const known = commune.key !== silent.key;
      const perThousand = context.between(spec.perThousand[0], spec.perThousand[1]);
      setIndicatorValue(
        mission,
        {
          indicator: spec.code,
          year: CUSTOM_YEAR,
          territory: commune.key,
          status: known ? 'ok' : 'missing',
          value: known ? Math.round(((populations.get(commune.key) ?? 0) / 1000) * perThousand) : null,
          source: DEMO_SOURCE,
        },
        context.origin,
        context.tick(),
      );
    }
  }
}
