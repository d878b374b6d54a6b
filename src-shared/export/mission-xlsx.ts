import ExcelJS from 'exceljs';
import { territoryPopulation, type MissionSnapshot } from '../model/mission';
import {
  exportProvenance,
  missionDisplayTitle,
  missionSummaryFields,
  NO_COMMUNE,
  unknownPopulationNote,
  type MissionExportOptions,
} from './mission-summary';
import { a4PageSetup, BASE_FONT, HEADER_FILL, HEADER_FONT, NORMAL_MARGINS, NOTE_FONT } from './xlsx-print';

const BOLD_FONT: Partial<ExcelJS.Font> = { ...BASE_FONT, bold: true };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF3EC' } };
/** A literal space as thousands separator, so the figure reads French whatever the reader's locale. */
const POPULATION_FORMAT = '# ##0';

const A4_PORTRAIT = a4PageSetup('portrait', 1, NORMAL_MARGINS);

function styleHeaderRow(sheet: ExcelJS.Worksheet, columnCount: number): void {
  const header = sheet.getRow(1);
  for (let column = 1; column <= columnCount; column += 1) {
    const headerCell = header.getCell(column);
    headerCell.font = HEADER_FONT;
    headerCell.fill = HEADER_FILL;
    headerCell.alignment = { vertical: 'middle' };
  }
  header.height = 20;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

function addMissionSheet(workbook: ExcelJS.Workbook, mission: MissionSnapshot, options: MissionExportOptions): void {
  const sheet = workbook.addWorksheet('Mission', { pageSetup: A4_PORTRAIT });
  sheet.columns = [
    { header: 'Champ', key: 'label', width: 22, style: { font: BOLD_FONT } },
    { header: 'Valeur', key: 'value', width: 80, style: { font: BASE_FONT } },
  ];
  for (const field of missionSummaryFields(mission)) {
    const row = sheet.addRow({ label: field.label, value: field.value });
    row.alignment = { vertical: 'top', wrapText: true };
  }
  sheet.addRow([]);
  sheet.addRow([exportProvenance(options)]).getCell(1).font = NOTE_FONT;
  styleHeaderRow(sheet, 2);
  sheet.headerFooter.oddFooter = '&C&8Page &P sur &N';
}

function addCommunesSheet(workbook: ExcelJS.Workbook, mission: MissionSnapshot): void {
  const sheet = workbook.addWorksheet('Communes', { pageSetup: A4_PORTRAIT });
  sheet.columns = [
    // Stored as text ("@"), so codes like 01001 or 2A004 keep their form when someone edits them.
    { header: 'Code INSEE', key: 'code', width: 13, style: { font: BASE_FONT, numFmt: '@' } },
    { header: 'Commune', key: 'name', width: 34, style: { font: BASE_FONT } },
    { header: 'Département', key: 'departement', width: 14, style: { font: BASE_FONT, numFmt: '@' } },
    { header: 'Codes postaux', key: 'postalCodes', width: 24, style: { font: BASE_FONT, numFmt: '@' } },
    { header: 'Population', key: 'population', width: 14, style: { font: BASE_FONT, numFmt: POPULATION_FORMAT } },
  ];
  styleHeaderRow(sheet, 5);
  sheet.getRow(1).getCell('population').alignment = { vertical: 'middle', horizontal: 'right' };
  sheet.headerFooter.oddFooter = '&C&8Page &P sur &N';

  if (mission.communes.length === 0) {
    sheet.addRow({ name: NO_COMMUNE }).getCell('name').font = NOTE_FONT;
    sheet.autoFilter = 'A1:E1';
    return;
  }

  for (const commune of mission.communes) {
    sheet.addRow({
      code: commune.code,
      name: commune.name,
      departement: commune.departement,
      postalCodes: commune.postalCodes.join(', '),
      // An unknown population stays empty: a 0 would be summed, averaged and charted as a real figure.
      population: commune.population,
    });
  }
  const lastCommuneRow = mission.communes.length + 1;
  // The filter stops above the total, so sorting the communes never moves the total row.
  sheet.autoFilter = `A1:E${lastCommuneRow}`;

  const total = sheet.addRow({
    name: 'Total',
    // The cached result lets viewers that do not recalculate (previews, imports) show the figure.
    population: { formula: `SUM(E2:E${lastCommuneRow})`, result: territoryPopulation(mission.communes) },
  });
  for (let column = 1; column <= 5; column += 1) {
    const totalCell = total.getCell(column);
    totalCell.font = BOLD_FONT;
    totalCell.fill = TOTAL_FILL;
    totalCell.border = { top: { style: 'thin', color: { argb: 'FF2F5D3A' } } };
  }

  const unknownNote = unknownPopulationNote(mission.communes);
  if (unknownNote) {
    sheet.addRow([]);
    sheet.addRow({ code: unknownNote }).getCell('code').font = NOTE_FONT;
  }
}

/** The mission's summary as an Excel workbook: a "Mission" sheet and a "Communes" sheet. */
export async function buildMissionXlsx(mission: MissionSnapshot, options: MissionExportOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const title = missionDisplayTitle(mission);
  workbook.creator = 'Bocage';
  workbook.lastModifiedBy = 'Bocage';
  workbook.title = title;
  workbook.subject = 'Fiche de mission';
  workbook.created = options.generatedAt;
  workbook.modified = options.generatedAt;
  addMissionSheet(workbook, mission, options);
  addCommunesSheet(workbook, mission);
  // exceljs hands back a Node Buffer or, in browsers, its polyfill: both are byte arrays that
  // new Uint8Array copies into a plain one, the type the save bridge accepts.
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
