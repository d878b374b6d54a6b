import { AlignmentType, Paragraph, TextRun, type Table } from 'docx';
import { formatInteger } from '../format/french-format';
import { territoryPopulation, type MissionSnapshot, type TerritoryCommune } from '../model/mission';
import { A4, heading, LABEL_FILL, MUTED_TEXT, note, packA4Document, pageNumberFooter, tableBlocks } from './docx-blocks';
import {
  exportProvenance,
  missionDisplayTitle,
  missionSummaryFields,
  NO_COMMUNE,
  POPULATION_UNKNOWN,
  unknownPopulationNote,
  type MissionExportOptions,
} from './mission-summary';

const PAGE_MARGIN = 1134; // 2 cm
const CONTENT_WIDTH = A4.width - 2 * PAGE_MARGIN;

const { bodyRow, fixedTable, headerCell, headerRow, labelValueTable, textCell } = tableBlocks({
  cellMargins: { top: 70, bottom: 70, left: 110, right: 110 },
  borderColor: 'B7C4B3',
});

function fieldsTable(mission: MissionSnapshot): Table {
  return labelValueTable(missionSummaryFields(mission), CONTENT_WIDTH, 2600);
}

function populationText(commune: TerritoryCommune): string {
  return commune.population === null ? POPULATION_UNKNOWN : formatInteger(commune.population);
}

function communesTable(communes: readonly TerritoryCommune[]): Table {
  const widths = { name: 4300, code: 1700, departement: 1700, population: CONTENT_WIDTH - 7700 };
  const header = headerRow([
    headerCell('Commune', widths.name),
    headerCell('Code INSEE', widths.code),
    headerCell('Département', widths.departement),
    headerCell('Population', widths.population, AlignmentType.RIGHT),
  ]);
  const rows = communes.map((commune) =>
    bodyRow([
      textCell(commune.name, widths.name),
      textCell(commune.code, widths.code),
      textCell(commune.departement, widths.departement),
      textCell(populationText(commune), widths.population, {
        alignment: AlignmentType.RIGHT,
        color: commune.population === null ? MUTED_TEXT : undefined,
      }),
    ]),
  );
  const total = bodyRow([
    textCell('Total', widths.name, { bold: true, fill: LABEL_FILL }),
    textCell(communeCountText(communes.length), widths.code + widths.departement, { columnSpan: 2, color: MUTED_TEXT, fill: LABEL_FILL }),
    textCell(formatInteger(territoryPopulation(communes)), widths.population, { bold: true, fill: LABEL_FILL, alignment: AlignmentType.RIGHT }),
  ]);
  return fixedTable(CONTENT_WIDTH, [widths.name, widths.code, widths.departement, widths.population], [header, ...rows, total]);
}

function communeCountText(count: number): string {
  return count === 1 ? '1 commune' : `${count} communes`;
}

function territorySection(mission: MissionSnapshot): (Paragraph | Table)[] {
  const section: (Paragraph | Table)[] = [heading('Territoire', 2)];
  if (mission.epcis.length > 0) {
    const label = mission.epcis.length === 1 ? 'Intercommunalité' : 'Intercommunalités';
    section.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: `${label} : `, bold: true }), new TextRun(mission.epcis.map((epci) => epci.name).join(', '))],
      }),
    );
  }
  if (mission.communes.length === 0) {
    section.push(new Paragraph({ children: [new TextRun({ text: NO_COMMUNE, italics: true })] }));
    return section;
  }
  section.push(communesTable(mission.communes));
  const unknownNote = unknownPopulationNote(mission.communes);
  if (unknownNote) section.push(note(unknownNote, { before: 80 }));
  return section;
}

/** The mission's summary as a Word document: its card and its territory, on A4 in French. */
export async function buildMissionDocx(mission: MissionSnapshot, options: MissionExportOptions): Promise<Uint8Array> {
  const title = missionDisplayTitle(mission);
  return packA4Document({
    title,
    subject: 'Fiche de mission',
    description: `Synthèse de la mission « ${title} »`,
    margins: { page: PAGE_MARGIN, headerFooter: 567 },
    textSize: 20,
    paragraphSpacing: { line: 264 },
    headings: {
      heading1: { size: 36, spacing: { after: 120 } },
      heading2: { size: 26, spacing: { before: 360, after: 140 } },
    },
    footer: pageNumberFooter(title),
    children: [
      heading(title, 1),
      note(exportProvenance(options), { before: 80 }),
      heading('Fiche de la mission', 2),
      fieldsTable(mission),
      ...territorySection(mission),
    ],
  });
}
