import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '@shared/diagnostic/indicator-catalogue';
import { INDICATOR_THEMES } from '@shared/diagnostic/indicator-definition';
import { applyIndicatorImport, setIndicatorValue } from '@shared/diagnostic/indicator-operations';
import type { IndicatorValue, ValueStatus } from '@shared/diagnostic/indicator-value';
import type { TerritoryKey } from '@shared/diagnostic/territory-ref';
import { readMissionDeliverableSource, type MissionDeliverableSource } from '@shared/export/deliverables/deliverable-source';
import { buildIndicatorsWorkbook, indicatorNumberFormat } from '@shared/export/workbooks/indicators-xlsx';
import type { Geography } from '@shared/geography/geography';
import { addCommuneToTerritory, addEpciToTerritory, createMission, markMissionFictitious } from '@shared/operations/mission-operations';
import { benchMissionTerritory, loadGeography } from '../../../scripts/bench/bench-mission-territory';
import { BENCH_YEARS, buildIndicatorMission } from '../../../scripts/bench/indicator-mission';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, readWorkbook } from '../gdpr/test-support';

const LOCAL_EDIT = 'test';
const NOW = Date.UTC(2026, 2, 20, 10, 15);
const GENERATED_AT = new Date(NOW);
const PAYS_DE_MORMAL = '200043321';
const MISSION_COMMUNES = 6;
const RP = 'INSEE, RP 2021';
const HEADER_ROW = 4;
const PERCENT_ONE_DECIMAL = '#,##0.0"\u00a0%"';

function label(code: string): string {
  const definition = findIndicator(code);
  if (!definition) throw new Error(`Indicateur ${code} absent du catalogue.`);
  return definition.label;
}

function figure(indicator: string, year: number, territory: TerritoryKey, value: number | 'secret' | 'missing', source = RP): IndicatorValue {
  const known = typeof value === 'number';
  const status: ValueStatus = known ? 'ok' : value;
  return { indicator, year, territory, status, value: known ? value : null, source, origin: 'import', updatedAt: NOW };
}

function newMission(title: string): { mission: Y.Doc; missionId: string } {
  const mission = new Y.Doc();
  const missionId = createMission(
    new Y.Doc(),
    mission,
    { title, sponsor: 'Caf du Nord', themes: ['petite-enfance'], startDate: '2026-01-05', endDate: '2026-12-18', status: 'en-cours', description: '' },
    LOCAL_EDIT,
    NOW,
  );
  return { mission, missionId };
}

function importValues(mission: Y.Doc, importId: string, values: IndicatorValue[]): void {
  const indicators = [...new Map(values.map(({ indicator, year }) => [`${indicator}|${year}`, { indicator, year }])).values()];
  applyIndicatorImport(
    mission,
    { importId, fileName: `${importId}.csv`, source: RP, importedAt: NOW, values, summary: { rowsKept: values.length, rowsSkipped: 0, indicators } },
    LOCAL_EDIT,
  );
}

/**
 * Six communes of the Pays de Mormal (their EPCI, the Nord, Hauts-de-France and France as
 * comparisons): families and single-parent families by commune, the first commune's under
 * statistical secret; the share of single-parent families published for the comparisons, secret
 * for the région and not available for France; populations over two years, one typed by hand.
 */
function mormalMission(geography: Geography) {
  const { mission, missionId } = newMission('Diagnostic CTG Pays de Mormal & Avesnois');
  const epci = geography.epciByCode.get(PAYS_DE_MORMAL);
  if (!epci) throw new Error('CC du Pays de Mormal absente de la géographie.');
  const communes = epci.members.slice(0, MISSION_COMMUNES).map((code) => {
    const commune = geography.communeByCode.get(code);
    if (!commune) throw new Error(`Commune ${code} absente.`);
    return commune;
  });
  for (const commune of communes) addCommuneToTerritory(mission, commune, LOCAL_EDIT, NOW);
  markMissionFictitious(mission, LOCAL_EDIT, NOW);
  const communeKeys = communes.map((commune): TerritoryKey => `commune:${commune.code}`);
  const values: IndicatorValue[] = [
    ...communeKeys.map((key, index) => figure('FAMILLES', 2021, key, 100 * (index + 1))),
    ...communeKeys.map((key, index) => figure('FAM_MONOPARENTALES', 2021, key, index === 0 ? 'secret' : 10 * (index + 1))),
    figure('PART_FAM_MONO', 2021, `epci:${PAYS_DE_MORMAL}`, 12.5),
    figure('PART_FAM_MONO', 2021, 'departement:59', 14.2),
    figure('PART_FAM_MONO', 2021, 'region:32', 'secret'),
    figure('PART_FAM_MONO', 2021, 'france:FR', 'missing'),
    ...[2020, 2021].flatMap((year) => [
      ...communeKeys.map((key, index) => figure('POP', year, key, 1000 + 100 * index + (year - 2020))),
      figure('POP', year, `epci:${PAYS_DE_MORMAL}`, 47_000 + year - 2020, 'INSEE, populations légales'),
      figure('POP', year, 'france:FR', 68_000_000 + year - 2020, 'INSEE, populations légales'),
    ]),
  ];
  importValues(mission, 'rp-2021', values);
  setIndicatorValue(mission, { indicator: 'POP', year: 2021, territory: 'departement:59', status: 'ok', value: 2_608_346, source: 'Saisie du chargé de mission' }, LOCAL_EDIT, NOW);
  const source = readMissionDeliverableSource({ missionId, mission, directory: new Y.Doc() }, geography);
  return { source, communes, storedValues: values.length + 1 };
}

function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`Pas de feuille « ${name} » (feuilles : ${workbook.worksheets.map((each) => each.name).join(', ')}).`);
  return sheet;
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: row.cellCount }, (_, index) => row.getCell(index + 1).text);
}

/** The row whose first cells are these texts, below the header. */
function rowStarting(sheet: ExcelJS.Worksheet, ...texts: string[]): ExcelJS.Row {
  for (let rowNumber = HEADER_ROW + 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    if (texts.every((text, index) => row.getCell(index + 1).text === text)) return row;
  }
  throw new Error(`Aucune ligne ne commence par ${texts.join(' | ')} dans « ${sheet.name} ».`);
}

describe('the indicators workbook of a mission', () => {
  const geography = loadGeography();
  let mormal: ReturnType<typeof mormalMission>;
  let bytes: Uint8Array;
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    mormal = mormalMission(geography);
    bytes = await buildIndicatorsWorkbook(mormal.source, { generatedAt: GENERATED_AT });
    workbook = await readWorkbook(bytes);
  });

  it('has one sheet per theme with figures, then the communes, every stored value and the definitions', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Démographie', 'Familles et ménages', 'Communes', 'Valeurs', 'Définitions']);
    expect(workbook.title).toBe('Indicateurs – Diagnostic CTG Pays de Mormal & Avesnois');
  });

  it('shows each theme as the screen does: the mission’s figure, then the EPCI, the département, the région and France, as numbers in the unit’s format', () => {
    const sheet = sheetNamed(workbook, 'Familles et ménages');
    expect(sheet.getCell('A1').text).toBe('Indicateurs – Familles et ménages');
    expect(rowTexts(sheet, HEADER_ROW)).toEqual([
      'Indicateur',
      'Unité',
      'Année',
      'Territoire de la mission (6 communes)',
      'CC du Pays de Mormal',
      'Nord',
      'Hauts-de-France',
      'France',
      'Source',
      'Remarque',
    ]);
    const share = rowStarting(sheet, label('PART_FAM_MONO'));
    // Σ single-parent families / Σ families of the five communes whose figure is known: 200 / 2,000.
    expect(share.getCell(4).value).toBe(10);
    expect(share.getCell(4).numFmt).toBe(PERCENT_ONE_DECIMAL);
    expect(share.getCell(5).value).toBe(12.5);
    expect(share.getCell(5).numFmt).toBe(PERCENT_ONE_DECIMAL);
    expect(share.getCell(6).value).toBe(14.2);
    expect(share.getCell(3).value).toBe(2021);
    expect(share.getCell(2).value).toBe('Pourcentage (%)');
    expect(share.getCell(9).value).toBe(RP);
    expect(String(share.getCell(10).value)).toMatch(/^Partiel \(calculé sur 5 communes sur 6 ; secret statistique : Le Quesnoy\)/);
    const families = rowStarting(sheet, label('FAMILLES'));
    expect(families.getCell(4).value).toBe(2100);
    expect(families.getCell(4).numFmt).toBe('#,##0');
  });

  it('writes a secret or missing figure as « secret stat. » or « n.d. » in grey italics, never as 0 or an empty cell', () => {
    const share = rowStarting(sheetNamed(workbook, 'Familles et ménages'), label('PART_FAM_MONO'));
    expect(share.getCell(7).value).toBe('secret stat.');
    expect(share.getCell(7).font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    expect(share.getCell(8).value).toBe('n.d.');
    expect(share.getCell(8).font).toMatchObject({ italic: true, color: { argb: 'FF808080' } });
    const communes = sheetNamed(workbook, 'Communes');
    expect(rowStarting(communes, 'Le Quesnoy', mormal.communes[0]?.code ?? '', 'Familles et ménages', label('FAM_MONOPARENTALES')).getCell(6).value).toBe('secret stat.');
  });

  it('keeps the header row in view and filterable on every sheet, and prints it on every A4 page', () => {
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(sheet.autoFilter).toMatch(new RegExp(`^A${HEADER_ROW}:[A-Z]+${sheet.rowCount}$`));
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
      expect(sheet.getCell(`A${HEADER_ROW}`).fill).toMatchObject({ fgColor: { argb: 'FF2F5D3A' } });
    }
    expect(sheetNamed(workbook, 'Familles et ménages').views[0]).toMatchObject({ xSplit: 1 });
  });

  it('says on every sheet that the demonstration mission’s figures are fictitious', () => {
    for (const sheet of workbook.worksheets) expect(sheet.getCell('A3').text).toMatch(/^Données fictives/);
    expect(sheetNamed(workbook, 'Valeurs').getCell('A2').text).toMatch(/^Diagnostic CTG Pays de Mormal & Avesnois – 6 communes \(géographie COG \d{4}\) – exporté le /);
  });

  it('lists each commune’s figure for each indicator of the tables', () => {
    const sheet = sheetNamed(workbook, 'Communes');
    const tableRows = mormal.source.diagnostic.themes.reduce((total, theme) => total + theme.rows.length, 0);
    expect(sheet.rowCount).toBe(HEADER_ROW + MISSION_COMMUNES * tableRows);
    const landrecies = rowStarting(sheet, 'Landrecies', mormal.communes[1]?.code ?? '', 'Démographie', label('POP'));
    expect(landrecies.getCell(5).value).toBe(2021);
    expect(landrecies.getCell(6).value).toBe(1101);
    expect(landrecies.getCell(6).numFmt).toBe('#,##0');
  });

  it('keeps every stored value in long format, with its year, territory, state, source and origin', () => {
    const sheet = sheetNamed(workbook, 'Valeurs');
    expect(rowTexts(sheet, HEADER_ROW)).toEqual(['Code indicateur', 'Indicateur', 'Année', 'Niveau', 'Code du territoire', 'Territoire', 'État', 'Valeur', 'Source', 'Origine']);
    expect(sheet.rowCount).toBe(HEADER_ROW + mormal.storedValues);
    // Communes come in the mission's order, by name: Bavay first.
    expect(rowTexts(sheet, HEADER_ROW + 1)).toEqual(['POP', label('POP'), '2020', 'Commune', '59053', 'Bavay', 'Connue', '1200', RP, 'Import de fichier']);
    const typed = rowStarting(sheet, 'POP', label('POP'), '2021', 'Département');
    expect(typed.getCell(6).value).toBe('Nord');
    expect(typed.getCell(8).value).toBe(2_608_346);
    expect(typed.getCell(9).value).toBe('Saisie du chargé de mission');
    expect(typed.getCell(10).value).toBe('Saisie manuelle');
    const secret = rowStarting(sheet, 'PART_FAM_MONO', label('PART_FAM_MONO'), '2021', 'Région');
    expect(secret.getCell(7).value).toBe('Secret statistique');
    expect(secret.getCell(8).value).toBe('secret stat.');
    const missing = rowStarting(sheet, 'PART_FAM_MONO', label('PART_FAM_MONO'), '2021', 'France');
    expect(missing.getCell(7).value).toBe('Non disponible');
    expect(missing.getCell(8).value).toBe('n.d.');
  });

  it('defines each indicator used, with its unit, source and how the mission’s figure is computed', () => {
    const sheet = sheetNamed(workbook, 'Définitions');
    expect(sheet.rowCount).toBe(HEADER_ROW + 4);
    const share = rowStarting(sheet, 'PART_FAM_MONO');
    expect(rowTexts(sheet, share.number).slice(1, 4)).toEqual([label('PART_FAM_MONO'), 'Familles et ménages', 'Pourcentage (%)']);
    expect(share.getCell(5).value).toBe('Familles monoparentales pour 100 familles.');
    expect(share.getCell(7).value).toBe('Rapport recalculé sur les communes : Σ Familles monoparentales / Σ Familles × 100 (jamais une moyenne des taux).');
    expect(rowStarting(sheet, 'POP').getCell(7).value).toBe('Somme des communes.');
  });

  it('gives percentages a literal « % » sign: the app stores 12.5 for 12.5 %, which Excel’s own % would show as 1250 %', () => {
    expect(indicatorNumberFormat({ unit: 'percent', decimals: 1 })).toBe(PERCENT_ONE_DECIMAL);
    expect(indicatorNumberFormat({ unit: 'euros', decimals: 0 })).toBe('#,##0"\u00a0€"');
    expect(indicatorNumberFormat({ unit: 'inhabitants-per-km2', decimals: 1 })).toBe('#,##0.0');
  });

  it('still gives a readable workbook for a mission without figures, saying where to add them', async () => {
    const { mission, missionId } = newMission('Mission sans chiffres');
    const empty: MissionDeliverableSource = readMissionDeliverableSource({ missionId, mission, directory: new Y.Doc() }, geography);
    const read = await readWorkbook(await buildIndicatorsWorkbook(empty, { generatedAt: GENERATED_AT }));
    expect(read.worksheets.map((sheet) => sheet.name)).toEqual(['Indicateurs', 'Communes', 'Valeurs', 'Définitions']);
    expect(sheetNamed(read, 'Valeurs').getCell(`A${HEADER_ROW + 1}`).text).toMatch(/^Aucune valeur d’indicateur dans la mission/);
    expect(sheetNamed(read, 'Indicateurs').getCell('A3').text).toBe('');
  });

  it('holds all 6,800 values of a 30-commune mission with 40 indicators over 5 years, one table per theme', async () => {
    const bench = benchMissionTerritory(geography);
    const { mission, missionId } = newMission('Diagnostic territorial 30 communes');
    const members = bench.epci.members.flatMap((code) => geography.communeByCode.get(code) ?? []);
    addEpciToTerritory(mission, bench.epci, members, LOCAL_EDIT, NOW);
    const data = buildIndicatorMission(geography, bench, 'Diagnostic territorial 30 communes');
    Y.applyUpdate(mission, data.update);
    const source = readMissionDeliverableSource({ missionId, mission, directory: new Y.Doc() }, geography);
    const read = await readWorkbook(await buildIndicatorsWorkbook(source, { generatedAt: GENERATED_AT }));
    expect(read.worksheets.map((sheet) => sheet.name)).toEqual([...INDICATOR_THEMES.map((theme) => theme.label), 'Communes', 'Valeurs', 'Définitions']);
    expect(sheetNamed(read, 'Valeurs').rowCount).toBe(HEADER_ROW + 40 * BENCH_YEARS.length * 34);
    expect(sheetNamed(read, 'Communes').rowCount).toBe(HEADER_ROW + 40 * 30);
    expect(sheetNamed(read, 'Définitions').rowCount).toBe(HEADER_ROW + 40);
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    let workDir: string;
    let csvBySheet: Map<string, string>;

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'bocage-indicators-xlsx-'));
      const path = join(workDir, 'indicateurs.xlsx');
      await writeFile(path, bytes);
      const csvFiles = await convertWithLibreOffice(path, 'csv', workDir, LIBREOFFICE_TIMEOUT_MS);
      csvBySheet = new Map(await Promise.all(csvFiles.map(async (file) => [basename(file, '.csv').replace(/^indicateurs-/, ''), await readFile(file, 'utf8')] as const)));
    }, LIBREOFFICE_TIMEOUT_MS);

    afterAll(async () => {
      await rm(workDir, { recursive: true, force: true });
    });

    it('opens every sheet, with the figures as numbers and secret or missing figures named as such', () => {
      expect([...csvBySheet.keys()].sort()).toEqual(workbook.worksheets.map((sheet) => sheet.name).sort());
      const families = csvBySheet.get('Familles et ménages') ?? '';
      expect(families).toContain(`${label('PART_FAM_MONO')},Pourcentage (%),2021,10,12.5,14.2,secret stat.,n.d.,"${RP}",Partiel`);
      expect(families).toContain('Données fictives');
      const values = (csvBySheet.get('Valeurs') ?? '').trim().split('\n');
      expect(values).toHaveLength(HEADER_ROW + mormal.storedValues);
      expect(values).toContain(`PART_FAM_MONO,${label('PART_FAM_MONO')},2021,Région,32,Hauts-de-France,Secret statistique,secret stat.,"${RP}",Import de fichier`);
    });
  });
});
