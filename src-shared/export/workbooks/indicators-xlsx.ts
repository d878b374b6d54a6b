/**
 * The indicators workbook of a mission: one sheet per theme as the screen's table shows it (the
 * mission's territory, then its comparison territories), every commune's figure, every stored value
 * in long format, and the definitions. Written in streaming mode: the long-format sheet of a large
 * mission runs to 100,000 rows and more.
 */
import type { DiagnosticTerritory } from '../../diagnostic/comparison-territories';
import {
  INDICATOR_UNITS,
  indicatorThemeLabel,
  type IndicatorDefinition,
} from '../../diagnostic/indicator-definition';
import { MISSING_TEXT, SECRET_TEXT, type IndicatorCell, type IndicatorRow } from '../../diagnostic/indicator-table';
import type { IndicatorValue } from '../../diagnostic/indicator-value';
import type { TerritoryKey, TerritoryLevel } from '../../diagnostic/territory-ref';
import { formatDateTime } from '../../format/french-format';
import type { MissionDeliverableSource } from '../deliverables/deliverable-source';
import { estimatedWrappedRowHeight } from '../xlsx-print';
import { streamWorkbookToBytes, type Cell, type CellStyle, type ColumnSpec, type StreamingWorkbook } from '../xlsx-stream/streaming-xlsx-writer';

export interface IndicatorsWorkbookOptions {
  generatedAt: Date;
}

/** Title, subtitle, notice (or a gap), then the column headers. */
const HEADER_ROW = 4;
const TITLE_STYLE: CellStyle = { bold: true, size: 14, color: '2F5D3A' };
const NOTE_STYLE: CellStyle = { italic: true, color: '5A5A5A' };
const FICTITIOUS_STYLE: CellStyle = { bold: true, color: 'B42318' };
const HEADER_STYLE: CellStyle = { bold: true, color: 'FFFFFF', fill: '2F5D3A', wrap: true };
const HEADER_HEIGHT = 30;
/** A figure that is not a number (secret, missing, not aggregable) reads as a remark, never as 0. */
const UNKNOWN_FIGURE_STYLE: CellStyle = { italic: true, color: '808080' };
const FICTITIOUS_NOTICE = 'Données fictives : mission de démonstration, ces chiffres sont inventés et ne décrivent pas le territoire réel.';
const NO_VALUES_NOTE = 'Aucune valeur d’indicateur dans la mission : importez un fichier ou saisissez des valeurs dans la partie « Indicateurs ».';

const LEVEL_LABELS: Record<TerritoryLevel, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  departement: 'Département',
  region: 'Région',
  france: 'France',
};

const STATUS_LABELS: Record<IndicatorValue['status'], string> = {
  ok: 'Connue',
  secret: 'Secret statistique',
  missing: 'Non disponible',
};

const ORIGIN_LABELS: Record<IndicatorValue['origin'], string> = {
  import: 'Import de fichier',
  manual: 'Saisie manuelle',
};

/**
 * The Excel format of an indicator's figures: its decimals, thousands grouped, and the symbol of
 * percentages and euros. Percentages are stored as 12.5 for 12.5 %, so the sign is literal text:
 * Excel's own "%" would multiply by 100.
 */
export function indicatorNumberFormat(definition: Pick<IndicatorDefinition, 'unit' | 'decimals'>): string {
  const decimals = Math.min(Math.max(Math.trunc(definition.decimals), 0), 6);
  const number = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  switch (definition.unit) {
    case 'percent':
      return `${number}"\u00a0%"`;
    case 'percent-per-year':
      return `${number}"\u00a0% par an"`;
    case 'euros':
      return `${number}"\u00a0€"`;
    default:
      return number;
  }
}

function figureCell(cell: Pick<IndicatorCell, 'status' | 'value' | 'formatted'>, numFmt: string): Cell {
  if (cell.value !== null && (cell.status === 'ok' || cell.status === 'partial')) return { value: cell.value, numFmt };
  return { value: cell.formatted, ...UNKNOWN_FIGURE_STYLE };
}

function storedFigureCell(value: IndicatorValue, numFmt: string): Cell {
  if (value.status === 'ok' && value.value !== null) return { value: value.value, numFmt };
  return { value: value.status === 'secret' ? SECRET_TEXT : MISSING_TEXT, ...UNKNOWN_FIGURE_STYLE };
}

function aggregationText(definition: IndicatorDefinition, labelOf: (code: string) => string): string {
  const { aggregation } = definition;
  switch (aggregation.kind) {
    case 'sum':
      return 'Somme des communes.';
    case 'ratio': {
      const scale = aggregation.scale === 1 ? '' : ` × ${aggregation.scale}`;
      return aggregation.numerator === null
        ? `Moyenne des communes pondérée par : ${labelOf(aggregation.denominator)}.`
        : `Rapport recalculé sur les communes : Σ ${labelOf(aggregation.numerator)} / Σ ${labelOf(aggregation.denominator)}${scale} (jamais une moyenne des taux).`;
    }
    case 'not-aggregable':
      return 'Non agrégeable (médiane, décile, variation) : lire les valeurs par commune.';
  }
}

/**
 * Tall enough for the longest wrapped text of the row: LibreOffice keeps the default height on the
 * rows it opens, and a wrapped text would spill over the next row.
 */
function wrappedRowHeight(texts: readonly (string | null)[], columns: readonly ColumnSpec[]): number {
  const heights = texts.map((text, index) => (text ? estimatedWrappedRowHeight(text, columns[index]?.width ?? 10, 10) : 15));
  return Math.min(Math.max(15, ...heights), 409);
}

function distinctSources(cells: readonly Pick<IndicatorCell, 'source'>[], fallback: string): string {
  const sources = [...new Set(cells.flatMap((cell) => cell.source.split(' ; ')).filter((source) => source.trim() !== ''))];
  return sources.length > 0 ? sources.join(' ; ') : fallback;
}

interface SheetFrame {
  title: string;
  columns: readonly ColumnSpec[];
  headers: readonly string[];
  frozenColumns?: number;
  landscape?: boolean;
}

/** Starts a sheet the way every Bocage table starts: title, subtitle, notice, header row. */
function startSheet(workbook: StreamingWorkbook, name: string, frame: SheetFrame, subtitle: string, fictitious: boolean) {
  const sheet = workbook.addSheet(name, {
    columns: frame.columns,
    frozenRows: HEADER_ROW,
    frozenColumns: frame.frozenColumns ?? 0,
    autoFilter: { headerRow: HEADER_ROW },
    landscape: frame.landscape ?? true,
    printTitleRow: HEADER_ROW,
  });
  sheet.addRow([{ value: frame.title, ...TITLE_STYLE }], { height: 20 });
  sheet.addRow([{ value: subtitle, ...NOTE_STYLE }]);
  sheet.addRow(fictitious ? [{ value: FICTITIOUS_NOTICE, ...FICTITIOUS_STYLE }] : []);
  sheet.addRow(frame.headers, { height: Math.max(HEADER_HEIGHT, wrappedRowHeight(frame.headers, frame.columns)), style: HEADER_STYLE });
  return sheet;
}

function missionColumnHeader(communeCount: number): string {
  return `Territoire de la mission (${communeCount} commune${communeCount > 1 ? 's' : ''})`;
}

function writeThemeSheets(workbook: StreamingWorkbook, source: MissionDeliverableSource, subtitle: string): void {
  const { themes, territories } = source.diagnostic;
  const comparisons = territories.filter((territory) => territory.role === 'comparison');
  const communeCount = territories.length - comparisons.length;
  const headers = ['Indicateur', 'Unité', 'Année', missionColumnHeader(communeCount), ...comparisons.map((territory) => territory.name), 'Source', 'Remarque'];
  // Narrow enough for A4 landscape at a readable scale: the long texts wrap instead.
  const columns: ColumnSpec[] = [{ width: 34 }, { width: 14 }, { width: 7 }, { width: 15 }, ...comparisons.map(() => ({ width: 14 })), { width: 28 }, { width: 36 }];
  if (themes.length === 0) {
    const sheet = startSheet(workbook, 'Indicateurs', { title: 'Indicateurs', columns, headers }, subtitle, source.fictitious);
    sheet.addRow([{ value: NO_VALUES_NOTE, ...NOTE_STYLE }]);
    sheet.end();
    return;
  }
  for (const theme of themes) {
    const sheet = startSheet(workbook, theme.label, { title: `Indicateurs – ${theme.label}`, columns, headers, frozenColumns: 1 }, subtitle, source.fictitious);
    for (const row of theme.rows) {
      const numFmt = indicatorNumberFormat(row.definition);
      const texts = {
        label: row.definition.label,
        unit: INDICATOR_UNITS[row.definition.unit].label,
        source: distinctSources([row.mission, ...row.comparisons.map(({ cell }) => cell)], row.definition.source),
        note: row.mission.note,
      };
      sheet.addRow(
        [
          texts.label,
          texts.unit,
          row.year,
          figureCell(row.mission, numFmt),
          ...row.comparisons.map(({ cell }) => figureCell(cell, numFmt)),
          texts.source,
          texts.note,
        ],
        { height: wrappedRowHeight([texts.label, texts.unit, null, null, ...comparisons.map(() => null), texts.source, texts.note], columns), style: { wrap: true } },
      );
    }
    sheet.end();
  }
}

function writeCommunesSheet(workbook: StreamingWorkbook, source: MissionDeliverableSource, subtitle: string): void {
  const sheet = startSheet(
    workbook,
    'Communes',
    {
      title: 'Indicateurs par commune',
      headers: ['Commune', 'Code commune', 'Thème', 'Indicateur', 'Année', 'Valeur', 'Unité', 'Source'],
      columns: [{ width: 28 }, { width: 12 }, { width: 24 }, { width: 44 }, { width: 8 }, { width: 16 }, { width: 20 }, { width: 48 }],
    },
    subtitle,
    source.fictitious,
  );
  const rows: IndicatorRow[] = source.diagnostic.themes.flatMap((theme) => theme.rows);
  const communes = source.diagnostic.territories.filter((territory) => territory.role === 'commune');
  for (const [position, commune] of communes.entries()) {
    for (const row of rows) {
      const cell = row.communes[position]?.cell;
      if (!cell) continue;
      sheet.addRow([
        commune.name,
        commune.ref.code,
        indicatorThemeLabel(row.definition.theme),
        row.definition.label,
        row.year,
        figureCell(cell, indicatorNumberFormat(row.definition)),
        INDICATOR_UNITS[row.definition.unit].label,
        cell.source === '' ? row.definition.source : cell.source,
      ]);
    }
  }
  if (communes.length === 0 || rows.length === 0) sheet.addRow([{ value: NO_VALUES_NOTE, ...NOTE_STYLE }]);
  sheet.end();
}

function territoryNamer(territories: readonly DiagnosticTerritory[]): { name: (key: TerritoryKey) => string; rank: (key: TerritoryKey) => number } {
  const byKey = new Map(territories.map((territory, position) => [territory.key, { name: territory.name, position }]));
  return {
    name: (key) => byKey.get(key)?.name ?? key.slice(key.indexOf(':') + 1),
    rank: (key) => byKey.get(key)?.position ?? territories.length,
  };
}

function writeValuesSheet(workbook: StreamingWorkbook, source: MissionDeliverableSource, subtitle: string, definitions: ReadonlyMap<string, IndicatorDefinition>): void {
  const sheet = startSheet(
    workbook,
    'Valeurs',
    {
      title: 'Toutes les valeurs enregistrées',
      headers: ['Code indicateur', 'Indicateur', 'Année', 'Niveau', 'Code du territoire', 'Territoire', 'État', 'Valeur', 'Source', 'Origine'],
      columns: [{ width: 22 }, { width: 44 }, { width: 8 }, { width: 13 }, { width: 14 }, { width: 28 }, { width: 18 }, { width: 16 }, { width: 48 }, { width: 18 }],
    },
    subtitle,
    source.fictitious,
  );
  const order = new Map([...definitions.keys()].map((code, position) => [code, position]));
  const territories = territoryNamer(source.diagnostic.territories);
  const values = [...source.diagnostic.index.values()].sort(
    (a, b) =>
      (order.get(a.indicator) ?? order.size) - (order.get(b.indicator) ?? order.size) ||
      a.indicator.localeCompare(b.indicator) ||
      a.year - b.year ||
      territories.rank(a.territory) - territories.rank(b.territory) ||
      a.territory.localeCompare(b.territory),
  );
  const formats = new Map<string, string>();
  for (const value of values) {
    const definition = definitions.get(value.indicator);
    let numFmt = formats.get(value.indicator);
    if (numFmt === undefined) {
      numFmt = definition ? indicatorNumberFormat(definition) : '#,##0.##';
      formats.set(value.indicator, numFmt);
    }
    const separator = value.territory.indexOf(':');
    const level = value.territory.slice(0, separator) as TerritoryLevel;
    sheet.addRow([
      value.indicator,
      definition?.label ?? value.indicator,
      value.year,
      LEVEL_LABELS[level],
      value.territory.slice(separator + 1),
      territories.name(value.territory),
      STATUS_LABELS[value.status],
      storedFigureCell(value, numFmt),
      value.source,
      ORIGIN_LABELS[value.origin],
    ]);
  }
  if (values.length === 0) sheet.addRow([{ value: NO_VALUES_NOTE, ...NOTE_STYLE }]);
  sheet.end();
}

const DEFINITION_COLUMNS: ColumnSpec[] = [{ width: 22 }, { width: 36 }, { width: 22 }, { width: 22 }, { width: 60 }, { width: 40 }, { width: 50 }, { width: 14 }];

function writeDefinitionsSheet(workbook: StreamingWorkbook, source: MissionDeliverableSource, subtitle: string, definitions: ReadonlyMap<string, IndicatorDefinition>): void {
  const sheet = startSheet(
    workbook,
    'Définitions',
    {
      title: 'Définitions des indicateurs',
      headers: ['Code', 'Indicateur', 'Thème', 'Unité', 'Définition', 'Source', 'Calcul pour le territoire de la mission', 'Origine'],
      columns: DEFINITION_COLUMNS,
      frozenColumns: 1,
    },
    subtitle,
    source.fictitious,
  );
  const used = new Set(source.diagnostic.index.indicators());
  const labelOf = (code: string) => definitions.get(code)?.label ?? code;
  let written = 0;
  for (const definition of definitions.values()) {
    if (!used.has(definition.code)) continue;
    const texts = [
      definition.code,
      definition.label,
      indicatorThemeLabel(definition.theme),
      INDICATOR_UNITS[definition.unit].label,
      definition.definition,
      definition.source,
      aggregationText(definition, labelOf),
      definition.custom ? 'Propre à la mission' : 'Catalogue Bocage',
    ];
    sheet.addRow(texts, { height: wrappedRowHeight(texts, DEFINITION_COLUMNS), style: { wrap: true } });
    written += 1;
  }
  if (written === 0) sheet.addRow([{ value: NO_VALUES_NOTE, ...NOTE_STYLE }]);
  sheet.end();
}

/**
 * The indicators workbook, in the order a reader needs it: the themes' tables, every commune,
 * every stored value, then the definitions.
 */
export async function buildIndicatorsWorkbook(source: MissionDeliverableSource, options: IndicatorsWorkbookOptions): Promise<Uint8Array> {
  const { mission, diagnostic } = source;
  const definitions = new Map(diagnostic.definitions.map((definition) => [definition.code, definition]));
  const communeCount = diagnostic.territories.filter((territory) => territory.role === 'commune').length;
  const subtitle = `${mission.title} – ${communeCount} commune${communeCount > 1 ? 's' : ''} (géographie ${source.geographyVintage}) – exporté le ${formatDateTime(options.generatedAt.getTime())}.`;
  return streamWorkbookToBytes(
    (workbook) => {
      writeThemeSheets(workbook, source, subtitle);
      writeCommunesSheet(workbook, source, subtitle);
      writeValuesSheet(workbook, source, subtitle, definitions);
      writeDefinitionsSheet(workbook, source, subtitle, definitions);
    },
    { title: `Indicateurs – ${mission.title}`, creator: 'Bocage', created: options.generatedAt },
  );
}
