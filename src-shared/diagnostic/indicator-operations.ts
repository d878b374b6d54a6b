/** The named operations that write indicator values, imports and user-defined indicators. */
import * as Y from 'yjs';
import { DIAGNOSTIC_ROOT, diagnosticCollection, diagnosticValuesMap } from '../documents/diagnostic-structure';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import { CUSTOM_INDICATOR_FIELD, customIndicatorsMap, parseAggregation, readCustomIndicators } from './custom-indicators';
import { findIndicator, isCatalogueCode } from './indicator-catalogue';
import { defaultDecimals, isIndicatorThemeId, isIndicatorUnit, type IndicatorDefinition } from './indicator-definition';
import { valueKey, type IndicatorValue, type StoredIndicatorValue, type ValueStatus } from './indicator-value';
import { parseStoredIndicatorValue, parseValueKey } from './indicator-value-index';
import { parseTerritoryKey, territoryKey, type TerritoryKey } from './territory-ref';

export const MIN_INDICATOR_YEAR = 1900;
export const MAX_INDICATOR_YEAR = 2100;
export const MAX_SOURCE_LENGTH = 300;

export interface IndicatorValueInput {
  indicator: string;
  year: number;
  territory: string;
  status: ValueStatus;
  value: number | null;
  source: string;
}

/** The value's cell: which indicator, which year, which territory. */
export type IndicatorValueAddress = Pick<IndicatorValueInput, 'indicator' | 'year' | 'territory'>;

function fail(message: string): never {
  throw new InvalidOperationError(message);
}

function checkIndicator(code: string, custom: readonly IndicatorDefinition[]): void {
  if (!findIndicator(code, custom)) fail(`Indicateur inconnu : « ${code} ».`);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_INDICATOR_YEAR || year > MAX_INDICATOR_YEAR) {
    fail(`L’année doit être un nombre entier entre ${MIN_INDICATOR_YEAR} et ${MAX_INDICATOR_YEAR}.`);
  }
}

function checkTerritory(territory: string): TerritoryKey {
  const ref = parseTerritoryKey(territory);
  if (!ref) fail(`Territoire inconnu : « ${territory} ».`);
  return territoryKey(ref);
}

function checkStatusAndValue(status: ValueStatus, value: number | null): void {
  switch (status) {
    case 'ok':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('Une valeur connue doit être un nombre.');
      return;
    case 'secret':
    case 'missing':
      if (value !== null) fail('Une valeur en secret statistique ou non disponible ne porte pas de chiffre.');
      return;
    default:
      fail('État de la valeur inconnu : choisissez « connue », « secret statistique » ou « non disponible ».');
  }
}

function checkSource(source: string): string {
  const trimmed = source.trim();
  if (trimmed === '') fail('Indiquez la source de la valeur (par exemple « INSEE, RP 2021 »).');
  if (trimmed.length > MAX_SOURCE_LENGTH) fail('Source trop longue.');
  return trimmed;
}

function checkAddress(address: IndicatorValueAddress, custom: readonly IndicatorDefinition[]): string {
  checkIndicator(address.indicator, custom);
  checkYear(address.year);
  return valueKey(address.indicator, address.year, checkTerritory(address.territory));
}

/** Types or corrects one figure. A typed figure is never overwritten by a later file import. */
export function setIndicatorValue(doc: Y.Doc, input: IndicatorValueInput, origin: unknown, now: number = Date.now()): void {
  const key = checkAddress(input, readCustomIndicators(doc));
  checkStatusAndValue(input.status, input.value);
  const source = checkSource(input.source);
  const stored: StoredIndicatorValue = { status: input.status, value: input.value, source, origin: 'manual', updatedAt: now };
  runOperation(doc, origin, () => {
    diagnosticValuesMap(doc).set(key, stored);
  });
}

export function clearIndicatorValue(doc: Y.Doc, address: IndicatorValueAddress, origin: unknown): void {
  const key = checkAddress(address, readCustomIndicators(doc));
  runOperation(doc, origin, () => {
    diagnosticValuesMap(doc).delete(key);
  });
}

/** Removes every value of an indicator (of one year when given), typed or imported. Returns how many. */
export function clearIndicatorValues(doc: Y.Doc, indicator: string, origin: unknown, year?: number): number {
  if (year !== undefined) checkYear(year);
  return runOperation(doc, origin, () => {
    const values = diagnosticValuesMap(doc);
    let removed = 0;
    for (const key of [...values.keys()]) {
      const parts = parseValueKey(key);
      if (parts?.indicator === indicator && (year === undefined || parts.year === year)) {
        values.delete(key);
        removed += 1;
      }
    }
    return removed;
  });
}

export interface IndicatorImportSummary {
  rowsKept: number;
  rowsSkipped: number;
  indicators: { indicator: string; year: number }[];
}

export interface IndicatorImportInput {
  importId: string;
  fileName: string;
  /** Caption of the data source: "INSEE, Filosofi 2021". Used for values that carry none. */
  source: string;
  importedAt: number;
  values: readonly IndicatorValue[];
  summary: IndicatorImportSummary;
}

export interface IndicatorImportResult {
  written: number;
  /** Values left as they were because the user had typed or corrected them. */
  keptManual: number;
}

/** Synced field names of an import record: never rename or reuse one. */
export const IMPORT_FIELD = {
  id: 'id',
  fileName: 'fileName',
  source: 'source',
  importedAt: 'importedAt',
  rowsKept: 'rowsKept',
  rowsSkipped: 'rowsSkipped',
  /** Plain array of { indicator, year }. */
  indicators: 'indicators',
  valueCount: 'valueCount',
  keptManual: 'keptManual',
} as const;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * Writes a file's values and records the import, in one transaction. Everything is checked first:
 * a single bad value refuses the whole file, so a mission never holds half an import.
 */
export function applyIndicatorImport(doc: Y.Doc, input: IndicatorImportInput, origin: unknown): IndicatorImportResult {
  const importId = input.importId.trim();
  if (importId === '') fail('Identifiant d’import manquant.');
  const fileName = input.fileName.trim();
  if (fileName === '') fail('Le nom du fichier importé manque.');
  if (!Number.isFinite(input.importedAt)) fail('Date d’import invalide.');
  if (input.values.length === 0) fail('Le fichier ne contient aucune valeur à importer.');
  if (!isCount(input.summary.rowsKept) || !isCount(input.summary.rowsSkipped)) fail('Bilan de l’import invalide.');
  if (diagnosticCollection(doc, DIAGNOSTIC_ROOT.imports).has(importId)) fail('Ce fichier a déjà été importé dans la mission.');
  const fallbackSource = input.source.trim();
  const custom = readCustomIndicators(doc);
  const prepared = input.values.map((value, position) => {
    try {
      const key = checkAddress(value, custom);
      checkStatusAndValue(value.status, value.value);
      const source = checkSource(value.source.trim() === '' ? fallbackSource : value.source);
      const stored: StoredIndicatorValue = {
        status: value.status,
        value: value.value,
        source,
        origin: 'import',
        importId,
        updatedAt: input.importedAt,
      };
      return { key, stored };
    } catch (error) {
      if (!(error instanceof InvalidOperationError)) throw error;
      throw new InvalidOperationError(
        `Valeur n° ${position + 1} (${value.indicator}, ${value.year}, ${value.territory}) : ${error.message} Aucune valeur n’a été importée.`,
      );
    }
  });
  for (const { indicator, year } of input.summary.indicators) {
    checkIndicator(indicator, custom);
    checkYear(year);
  }

  return runOperation(doc, origin, () => {
    const values = diagnosticValuesMap(doc);
    let written = 0;
    let keptManual = 0;
    // A file listing the same figure twice keeps its last occurrence.
    for (const [key, stored] of new Map(prepared.map(({ key, stored }) => [key, stored]))) {
      if (parseStoredIndicatorValue(values.get(key))?.origin === 'manual') {
        keptManual += 1;
        continue;
      }
      values.set(key, stored);
      written += 1;
    }
    const record = new Y.Map<unknown>();
    record.set(IMPORT_FIELD.id, importId);
    record.set(IMPORT_FIELD.fileName, fileName);
    record.set(IMPORT_FIELD.source, fallbackSource);
    record.set(IMPORT_FIELD.importedAt, input.importedAt);
    record.set(IMPORT_FIELD.rowsKept, input.summary.rowsKept);
    record.set(IMPORT_FIELD.rowsSkipped, input.summary.rowsSkipped);
    record.set(
      IMPORT_FIELD.indicators,
      input.summary.indicators.map(({ indicator, year }) => ({ indicator, year })),
    );
    record.set(IMPORT_FIELD.valueCount, written);
    record.set(IMPORT_FIELD.keptManual, keptManual);
    diagnosticCollection(doc, DIAGNOSTIC_ROOT.imports).set(importId, record);
    return { written, keptManual };
  });
}

export interface ImportRecord {
  id: string;
  fileName: string;
  source: string;
  importedAt: number;
  rowsKept: number;
  rowsSkipped: number;
  indicators: { indicator: string; year: number }[];
  valueCount: number;
  keptManual: number;
}

function readIndicatorList(value: unknown): { indicator: string; year: number }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { indicator, year } = item as Record<string, unknown>;
    return typeof indicator === 'string' && typeof year === 'number' ? [{ indicator, year }] : [];
  });
}

/** The mission's data sources, oldest import first: the "sources" annex of the report. */
export function readImports(doc: Y.Doc): ImportRecord[] {
  const records: ImportRecord[] = [];
  for (const [id, record] of diagnosticCollection(doc, DIAGNOSTIC_ROOT.imports).entries()) {
    if (!(record instanceof Y.Map)) continue;
    const fileName = record.get(IMPORT_FIELD.fileName);
    const importedAt = record.get(IMPORT_FIELD.importedAt);
    if (typeof fileName !== 'string' || typeof importedAt !== 'number') continue;
    const count = (field: string): number => {
      const value = record.get(field);
      return isCount(value) ? value : 0;
    };
    const source = record.get(IMPORT_FIELD.source);
    records.push({
      id,
      fileName,
      source: typeof source === 'string' ? source : '',
      importedAt,
      rowsKept: count(IMPORT_FIELD.rowsKept),
      rowsSkipped: count(IMPORT_FIELD.rowsSkipped),
      indicators: readIndicatorList(record.get(IMPORT_FIELD.indicators)),
      valueCount: count(IMPORT_FIELD.valueCount),
      keptManual: count(IMPORT_FIELD.keptManual),
    });
  }
  return records.sort((a, b) => a.importedAt - b.importedAt || a.id.localeCompare(b.id));
}

/** A user-defined indicator's fields; `decimals` defaults to the unit's usual precision. */
export type CustomIndicatorInput = Omit<IndicatorDefinition, 'decimals' | 'custom'> & { decimals?: number };

export type CustomIndicatorChanges = Partial<Omit<CustomIndicatorInput, 'code'>>;

const CUSTOM_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,23}$/;
export const MAX_LABEL_LENGTH = 200;
export const MAX_DEFINITION_LENGTH = 2000;

function checkAggregationReference(
  role: 'numérateur' | 'dénominateur',
  code: string,
  self: string,
  custom: readonly IndicatorDefinition[],
): void {
  if (code === self) fail(`Le ${role} ne peut pas être l’indicateur lui-même.`);
  const reference = findIndicator(code, custom);
  if (!reference) fail(`Le ${role} « ${code} » n’est pas un indicateur connu.`);
  // Σnumerator / Σdenominator only means something when both add up across communes.
  if (reference.aggregation.kind !== 'sum') {
    fail(`Le ${role} doit être un effectif qui s’additionne d’une commune à l’autre ; « ${reference.label} » ne l’est pas.`);
  }
}

function checkCustomFields(
  fields: Omit<CustomIndicatorInput, 'code'>,
  code: string,
  custom: readonly IndicatorDefinition[],
): Omit<CustomIndicatorInput, 'code'> & { decimals: number } {
  const label = fields.label.trim();
  if (label === '') fail('Donnez un libellé à l’indicateur.');
  if (label.length > MAX_LABEL_LENGTH) fail('Libellé trop long.');
  if (!isIndicatorThemeId(fields.theme)) fail('Thème inconnu.');
  if (!isIndicatorUnit(fields.unit)) fail('Unité inconnue.');
  if (fields.definition.length > MAX_DEFINITION_LENGTH) fail('Définition trop longue.');
  const source = fields.source.trim();
  if (source === '') fail('Indiquez la source de l’indicateur (par exemple « Mairie, registre 2024 »).');
  if (source.length > MAX_SOURCE_LENGTH) fail('Source trop longue.');
  const aggregation = parseAggregation(fields.aggregation);
  if (!aggregation) fail('Mode de calcul invalide : pour un ratio, l’échelle doit être un nombre positif (100 pour un pourcentage).');
  if (aggregation.kind === 'ratio') {
    if (aggregation.numerator !== null) checkAggregationReference('numérateur', aggregation.numerator, code, custom);
    checkAggregationReference('dénominateur', aggregation.denominator, code, custom);
  }
  const decimals = fields.decimals ?? defaultDecimals(fields.unit);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) fail('Le nombre de décimales doit être compris entre 0 et 6.');
  return { label, theme: fields.theme, unit: fields.unit, definition: fields.definition.trim(), source, aggregation, decimals };
}

function writeCustomFields(record: Y.Map<unknown>, fields: ReturnType<typeof checkCustomFields>, now: number): void {
  record.set(CUSTOM_INDICATOR_FIELD.label, fields.label);
  record.set(CUSTOM_INDICATOR_FIELD.theme, fields.theme);
  record.set(CUSTOM_INDICATOR_FIELD.unit, fields.unit);
  record.set(CUSTOM_INDICATOR_FIELD.definition, fields.definition);
  record.set(CUSTOM_INDICATOR_FIELD.source, fields.source);
  record.set(CUSTOM_INDICATOR_FIELD.aggregation, { ...fields.aggregation });
  record.set(CUSTOM_INDICATOR_FIELD.decimals, fields.decimals);
  record.set(CUSTOM_INDICATOR_FIELD.updatedAt, now);
}

/** Adds an indicator of the mission's own (a local count, a partner's figure). */
export function defineCustomIndicator(doc: Y.Doc, input: CustomIndicatorInput, origin: unknown, now: number = Date.now()): void {
  const code = input.code.trim().toUpperCase();
  if (!CUSTOM_CODE_PATTERN.test(code)) {
    fail('Le code doit compter de 2 à 24 caractères : lettres majuscules sans accent, chiffres ou « _ », en commençant par une lettre.');
  }
  if (isCatalogueCode(code)) fail(`Le code « ${code} » est déjà celui d’un indicateur du catalogue.`);
  const custom = readCustomIndicators(doc);
  if (customIndicatorsMap(doc).has(code)) fail(`Un indicateur de la mission porte déjà le code « ${code} ».`);
  const fields = checkCustomFields(input, code, custom);
  runOperation(doc, origin, () => {
    const record = new Y.Map<unknown>();
    record.set(CUSTOM_INDICATOR_FIELD.code, code);
    record.set(CUSTOM_INDICATOR_FIELD.createdAt, now);
    writeCustomFields(record, fields, now);
    customIndicatorsMap(doc).set(code, record);
  });
}

/** Changes a custom indicator's description or calculation; its code never changes (values refer to it). */
export function updateCustomIndicator(
  doc: Y.Doc,
  code: string,
  changes: CustomIndicatorChanges,
  origin: unknown,
  now: number = Date.now(),
): void {
  const custom = readCustomIndicators(doc);
  const current = custom.find((definition) => definition.code === code);
  const record = customIndicatorsMap(doc).get(code);
  if (!current || !record) fail(`Indicateur de la mission introuvable : « ${code} ».`);
  const fields = checkCustomFields({ ...current, ...changes }, code, custom);
  runOperation(doc, origin, () => writeCustomFields(record, fields, now));
}

/** Removes a custom indicator, refused while values or another indicator's calculation still use it. */
export function removeCustomIndicator(doc: Y.Doc, code: string, origin: unknown): void {
  const custom = readCustomIndicators(doc);
  if (!customIndicatorsMap(doc).has(code)) fail(`Indicateur de la mission introuvable : « ${code} ».`);
  let valueCount = 0;
  for (const key of diagnosticValuesMap(doc).keys()) if (parseValueKey(key)?.indicator === code) valueCount += 1;
  if (valueCount > 0) {
    fail(
      valueCount === 1
        ? 'Cet indicateur a encore une valeur dans la mission : supprimez-la avant de retirer l’indicateur.'
        : `Cet indicateur a encore ${valueCount} valeurs dans la mission : supprimez-les avant de retirer l’indicateur.`,
    );
  }
  const user = custom.find(
    (definition) =>
      definition.aggregation.kind === 'ratio' &&
      (definition.aggregation.numerator === code || definition.aggregation.denominator === code),
  );
  if (user) fail(`L’indicateur « ${user.label} » se calcule à partir de celui-ci : modifiez-le ou retirez-le d’abord.`);
  runOperation(doc, origin, () => {
    customIndicatorsMap(doc).delete(code);
  });
}
