/**
 * The second step of a file import: with the columns the user mapped to indicators, turn the rows
 * of the mission's territories into indicator values, and say what was left out and why. Planning
 * writes nothing: the caller writes every value in one transaction, or none.
 */
import type { IndicatorValue, ValueStatus } from '../diagnostic/indicator-value';
import { territoryKey, type TerritoryKey, type TerritoryLevel } from '../diagnostic/territory-ref';
import { formatInteger } from '../format/french-format';
import { markerMeaning, parseNumber } from './cell-values';
import { joinSplitCommuneCode, levelFromWord, resolveGeoCode, type GeoColumnLevel } from './geo-codes';
import { ImportError } from './import-error';
import type { ColumnInspection, SkipReason, TableInspection } from './table-inspection';

/** Where each row's territory is read: one column of codes, or a département column beside a commune column. */
export type GeoMapping =
  | {
      kind: 'code';
      column: number;
      /** 'auto' reads the level from each code (its shape, a prefix such as "DEP-49", a name of France). */
      level: TerritoryLevel | 'auto';
    }
  | { kind: 'split'; departementColumn: number; communeColumn: number };

export interface MappedColumn {
  column: number;
  indicator: string;
  year: number;
}

export interface IndicatorMapping {
  geo: GeoMapping;
  /** A column naming each row's level (COM, EPCI, DEP, REG, FRANCE); it wins over the code's shape. */
  levelColumn?: number;
  columns: MappedColumn[];
}

/** A pre-filled mapping for the user to correct: every column of figures, recognised or not. */
export interface SuggestedMapping {
  geo: GeoMapping | null;
  levelColumn?: number;
  columns: { column: number; indicator: string | null; year: number | null }[];
}

export interface ImportScope {
  /** The mission's territories: its communes and EPCIs, its département, région, and France. */
  keep: ReadonlySet<TerritoryKey>;
  /** As captions will cite it: "INSEE, Filosofi 2021". */
  source: string;
  importId: string;
  now: number;
}

export interface RowExample {
  line: number;
  message: string;
}

export interface SkippedRowGroup {
  reason: SkipReason;
  /** Plain French title of the group: "Lignes vides". */
  label: string;
  count: number;
  /** The first few rows, with their line numbers. */
  examples: RowExample[];
}

export interface InvalidCellGroup {
  column: number;
  label: string;
  count: number;
  examples: { line: number; text: string }[];
}

export interface ImportedSeries {
  indicator: string;
  year: number;
  ok: number;
  secret: number;
  missing: number;
}

export interface ImportReport {
  /** Every row under the header: data rows and rows left out while reading. */
  rowsRead: number;
  /** Rows of one of the mission's territories. */
  rowsKept: number;
  rowsOutsideTerritory: number;
  rowsSkipped: number;
  skipped: SkippedRowGroup[];
  /** Cells of mapped columns that hold neither a number nor a marker: no value is written for them. */
  invalidCells: InvalidCellGroup[];
  valuesWritten: number;
  okCount: number;
  secretCount: number;
  missingCount: number;
  /** Codes whose lost leading zeros were put back ("1001" → "01001"), in kept rows. */
  repairedCodes: number;
  series: ImportedSeries[];
  /** Territories of the mission the file has no row for. */
  territoriesNotFound: TerritoryKey[];
}

export interface ImportPlan {
  values: IndicatorValue[];
  report: ImportReport;
}

const EXAMPLES_PER_GROUP = 5;

const SKIP_LABELS: Readonly<Record<SkipReason, string>> = {
  blank: 'Lignes vides',
  'repeated-header': 'Lignes d’en-tête répétées',
  ragged: 'Lignes dont le nombre de colonnes ne correspond pas à l’en-tête',
  'malformed-quotes': 'Lignes aux guillemets mal fermés',
  footnote: 'Notes et sources sous le tableau',
  'text-only': 'Lignes de texte seul (titres intermédiaires, notes)',
  'unrecognised-geo-code': 'Lignes dont le code géographique n’est pas reconnu',
  'ambiguous-geo-code': 'Lignes dont le code peut désigner un département ou une région',
  'duplicate-territory': 'Lignes répétant un territoire déjà lu',
};

const GEO_PRIORITY: readonly GeoColumnLevel[] = ['mixed', 'commune', 'epci', 'departement', 'region', 'france'];

/** Pre-fills the mapping: the most detailed geography the file has, and the indicator each column of figures names. */
export function suggestMapping(inspection: TableInspection): SuggestedMapping {
  const { codeColumns, splitCodes, levelColumn } = inspection.geo;
  const ranked = [...codeColumns]
    .filter((column) => GEO_PRIORITY.includes(column.level))
    .sort((a, b) => GEO_PRIORITY.indexOf(a.level) - GEO_PRIORITY.indexOf(b.level));
  const best = ranked[0];
  const split = splitCodes[0];
  let geo: GeoMapping | null = null;
  if (best && (best.level === 'mixed' || best.level === 'commune' || !split)) {
    const level = best.level === 'mixed' || levelColumn !== null ? 'auto' : (best.level as TerritoryLevel);
    geo = { kind: 'code', column: best.column, level };
  } else if (split) {
    geo = { kind: 'split', departementColumn: split.departementColumn, communeColumn: split.communeColumn };
  }
  const taken = new Set<string>();
  const columns = inspection.columns
    .filter((column) => column.type === 'number')
    .map((column) => {
      const key = column.guess ? `${column.guess.indicator}|${column.guess.year ?? ''}` : null;
      // Two columns naming the same indicator and year: only the first is pre-filled, the user settles the other.
      if (key === null || taken.has(key)) return { column: column.index, indicator: null, year: null };
      taken.add(key);
      return { column: column.index, indicator: column.guess?.indicator ?? null, year: column.guess?.year ?? null };
    });
  return levelColumn === null ? { geo, columns } : { geo, levelColumn, columns };
}

function columnName(column: ColumnInspection | undefined, index: number): string {
  return column ? `« ${column.code ?? column.label} »` : `n° ${formatInteger(index + 1)}`;
}

function requireColumn(inspection: TableInspection, index: number, role: string): ColumnInspection {
  const column = Number.isInteger(index) ? inspection.columns[index] : undefined;
  if (!column) {
    throw new ImportError(
      'mapping-missing-column',
      `La colonne n° ${formatInteger(index + 1)} choisie pour ${role} n’existe pas : le fichier compte ${formatInteger(inspection.columns.length)} colonnes.`,
    );
  }
  return column;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

function validateMapping(inspection: TableInspection, mapping: IndicatorMapping): void {
  const geo = mapping.geo as GeoMapping | undefined;
  if (!geo) {
    throw new ImportError('mapping-no-geo', 'Choisissez la colonne qui donne le code géographique (commune, EPCI, département…) de chaque ligne.');
  }
  const geoColumns = geo.kind === 'code' ? [geo.column] : [geo.departementColumn, geo.communeColumn];
  for (const index of geoColumns) requireColumn(inspection, index, 'les codes géographiques');
  if (mapping.levelColumn !== undefined) requireColumn(inspection, mapping.levelColumn, 'le niveau géographique');
  if (mapping.columns.length === 0) {
    throw new ImportError('mapping-no-columns', 'Choisissez au moins une colonne à importer comme indicateur.');
  }
  const seenColumns = new Set<number>();
  const seenSeries = new Map<string, number>();
  for (const mapped of mapping.columns) {
    const column = requireColumn(inspection, mapped.column, 'un indicateur');
    const name = columnName(column, mapped.column);
    if (geoColumns.includes(mapped.column) || mapped.column === mapping.levelColumn) {
      throw new ImportError('mapping-invalid-indicator', `La colonne ${name} sert à reconnaître les territoires : elle ne peut pas être importée comme indicateur.`);
    }
    if (seenColumns.has(mapped.column)) {
      throw new ImportError('mapping-duplicate-indicator', `La colonne ${name} est choisie deux fois : une colonne ne donne qu’un indicateur.`);
    }
    seenColumns.add(mapped.column);
    if (mapped.indicator.trim() === '') {
      throw new ImportError('mapping-invalid-indicator', `Choisissez l’indicateur que donne la colonne ${name}.`);
    }
    if (!Number.isInteger(mapped.year) || mapped.year < MIN_YEAR || mapped.year > MAX_YEAR) {
      throw new ImportError('mapping-invalid-indicator', `Indiquez l’année des données de la colonne ${name} (par exemple 2021).`);
    }
    const series = `${mapped.indicator}|${mapped.year}`;
    const previous = seenSeries.get(series);
    if (previous !== undefined) {
      throw new ImportError(
        'mapping-duplicate-indicator',
        `L’indicateur ${mapped.indicator} ${mapped.year} est choisi pour deux colonnes (${columnName(inspection.columns[previous], previous)} et ${name}) : gardez-en une seule.`,
      );
    }
    seenSeries.set(series, mapped.column);
  }
}

type RowTerritory =
  | { kind: 'kept'; key: TerritoryKey; repaired: boolean }
  | { kind: 'outside' }
  | { kind: 'skipped'; reason: SkipReason; message: string };

function territoryOfRow(row: readonly string[], mapping: IndicatorMapping, keep: ReadonlySet<TerritoryKey>): RowTerritory {
  const geo = mapping.geo;
  if (geo.kind === 'split') {
    const departement = row[geo.departementColumn] ?? '';
    const commune = row[geo.communeColumn] ?? '';
    const joined = joinSplitCommuneCode(departement, commune);
    if (!joined) {
      return { kind: 'skipped', reason: 'unrecognised-geo-code', message: `code de commune illisible : département « ${departement} », commune « ${commune} »` };
    }
    const key = territoryKey({ level: 'commune', code: joined.code });
    return keep.has(key) ? { kind: 'kept', key, repaired: joined.repaired } : { kind: 'outside' };
  }
  const cell = row[geo.column] ?? '';
  let level: TerritoryLevel | null = geo.level === 'auto' ? null : geo.level;
  if (mapping.levelColumn !== undefined) {
    const word = row[mapping.levelColumn] ?? '';
    if (word !== '') {
      const named = levelFromWord(word);
      // A level Bocage does not keep (IRIS, zone d'emploi…) is simply not part of the mission.
      if (named === null) return { kind: 'outside' };
      level = named;
    }
  }
  if (cell === '') return { kind: 'skipped', reason: 'unrecognised-geo-code', message: 'code géographique vide' };
  const resolved = resolveGeoCode(cell, level);
  if (!resolved) return { kind: 'skipped', reason: 'unrecognised-geo-code', message: `code géographique non reconnu : « ${cell} »` };
  const kept = resolved.candidates.map(territoryKey).filter((key) => keep.has(key));
  const [first] = kept;
  if (first === undefined) return { kind: 'outside' };
  if (kept.length > 1) {
    return {
      kind: 'skipped',
      reason: 'ambiguous-geo-code',
      message: `« ${cell} » peut être un département ou une région : ajoutez une colonne de niveau (NIVGEO) ou des codes préfixés (DEP-${cell}, REG-${cell})`,
    };
  }
  return { kind: 'kept', key: first, repaired: resolved.repaired };
}

class GroupedRows {
  private readonly groups = new Map<SkipReason, SkippedRowGroup>();

  add(reason: SkipReason, line: number, message: string): void {
    let group = this.groups.get(reason);
    if (!group) {
      group = { reason, label: SKIP_LABELS[reason], count: 0, examples: [] };
      this.groups.set(reason, group);
    }
    group.count += 1;
    if (group.examples.length < EXAMPLES_PER_GROUP) group.examples.push({ line, message });
  }

  list(): SkippedRowGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}

/**
 * Turns the mapped cells of the mission's territories into indicator values: a number is "ok",
 * a secret or missing marker (or an empty cell) keeps its meaning with no value, and text in a
 * column of figures is reported and written as nothing, never as zero. Throws `ImportError` for
 * a mapping that cannot be applied, before planning anything.
 */
export function planIndicatorImport(inspection: TableInspection, mapping: IndicatorMapping, scope: ImportScope): ImportPlan {
  validateMapping(inspection, mapping);
  const skipped = new GroupedRows();
  for (const row of inspection.skippedRows) skipped.add(row.reason, row.line, row.message);

  const series = mapping.columns.map((mapped): ImportedSeries => ({ indicator: mapped.indicator, year: mapped.year, ok: 0, secret: 0, missing: 0 }));
  const invalid = mapping.columns.map(
    (mapped): InvalidCellGroup => ({ column: mapped.column, label: inspection.columns[mapped.column]?.label ?? '', count: 0, examples: [] }),
  );
  const values: IndicatorValue[] = [];
  const firstLineOf = new Map<TerritoryKey, number>();
  let rowsKept = 0;
  let rowsOutsideTerritory = 0;
  let planningSkips = 0;
  let repairedCodes = 0;

  inspection.rows.forEach((row, rowIndex) => {
    const line = inspection.rowLines[rowIndex] ?? rowIndex + 1;
    const territory = territoryOfRow(row, mapping, scope.keep);
    if (territory.kind === 'outside') {
      rowsOutsideTerritory += 1;
      return;
    }
    if (territory.kind === 'skipped') {
      skipped.add(territory.reason, line, territory.message);
      planningSkips += 1;
      return;
    }
    const firstLine = firstLineOf.get(territory.key);
    if (firstLine !== undefined) {
      skipped.add('duplicate-territory', line, `${territory.key} déjà lu ligne ${formatInteger(firstLine)} : la première ligne est gardée`);
      planningSkips += 1;
      return;
    }
    firstLineOf.set(territory.key, line);
    rowsKept += 1;
    if (territory.repaired) repairedCodes += 1;
    mapping.columns.forEach((mapped, mappedIndex) => {
      const cell = row[mapped.column] ?? '';
      let status: ValueStatus;
      let value: number | null = null;
      const number = cell === '' ? null : parseNumber(cell, inspection.decimalMark);
      if (number !== null) {
        status = 'ok';
        value = number;
      } else {
        const meaning = markerMeaning(cell);
        if (meaning === null) {
          const group = invalid[mappedIndex];
          if (group) {
            group.count += 1;
            if (group.examples.length < EXAMPLES_PER_GROUP) group.examples.push({ line, text: cell });
          }
          return;
        }
        status = meaning;
      }
      const counts = series[mappedIndex];
      if (counts) counts[status] += 1;
      values.push({
        indicator: mapped.indicator,
        year: mapped.year,
        territory: territory.key,
        status,
        value,
        source: scope.source,
        origin: 'import',
        importId: scope.importId,
        updatedAt: scope.now,
      });
    });
  });

  const count = (status: ValueStatus): number => values.filter((value) => value.status === status).length;
  return {
    values,
    report: {
      rowsRead: inspection.rows.length + inspection.skippedRows.length,
      rowsKept,
      rowsOutsideTerritory,
      rowsSkipped: inspection.skippedRows.length + planningSkips,
      skipped: skipped.list(),
      invalidCells: invalid.filter((group) => group.count > 0),
      valuesWritten: values.length,
      okCount: count('ok'),
      secretCount: count('secret'),
      missingCount: count('missing'),
      repairedCodes,
      series,
      territoriesNotFound: [...scope.keep].filter((key) => !firstLineOf.has(key)).sort(),
    },
  };
}
