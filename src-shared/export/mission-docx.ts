import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatInteger } from '../format/french-format';
import { territoryPopulation, type MissionSnapshot, type TerritoryCommune } from '../model/mission';
import {
  exportProvenance,
  missionDisplayTitle,
  missionSummaryFields,
  NO_COMMUNE,
  POPULATION_UNKNOWN,
  unknownPopulationNote,
  type MissionExportOptions,
} from './mission-summary';

/** Sizes in twentieths of a point (twips), the unit of WordprocessingML. */
const A4 = { width: 11906, height: 16838 };
const PAGE_MARGIN = 1134; // 2 cm
const CONTENT_WIDTH = A4.width - 2 * PAGE_MARGIN;

const FONT = 'Arial';
const ACCENT = '2F5D3A';
const LABEL_FILL = 'EEF3EC';
const HEADER_FILL = ACCENT;
const BORDER_COLOR = 'B7C4B3';
const MUTED_TEXT = '5A5A5A';

const CELL_MARGINS = { top: 70, bottom: 70, left: 110, right: 110 };
const THIN_BORDER = { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR };
const TABLE_BORDERS = {
  top: THIN_BORDER,
  bottom: THIN_BORDER,
  left: THIN_BORDER,
  right: THIN_BORDER,
  insideHorizontal: THIN_BORDER,
  insideVertical: THIN_BORDER,
};

type Alignment = (typeof AlignmentType)[keyof typeof AlignmentType];

interface CellContent {
  text: string;
  width: number;
  bold?: boolean;
  color?: string;
  fill?: string;
  alignment?: Alignment;
  columnSpan?: number;
}

function cell({ text, width, bold = false, color, fill, alignment = AlignmentType.LEFT, columnSpan = 1 }: CellContent): TableCell {
  // A multi-line value (a description) keeps its line breaks as separate paragraphs.
  const lines = text.split(/\r?\n/);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan,
    margins: CELL_MARGINS,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    children: lines.map(
      (line) => new Paragraph({ alignment, children: [new TextRun({ text: line, bold, ...(color ? { color } : {}) })] }),
    ),
  });
}

function fieldsTable(mission: MissionSnapshot): Table {
  const labelWidth = 2600;
  const valueWidth = CONTENT_WIDTH - labelWidth;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, valueWidth],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: missionSummaryFields(mission).map(
      (field) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell({ text: field.label, width: labelWidth, bold: true, fill: LABEL_FILL }),
            cell({ text: field.value, width: valueWidth }),
          ],
        }),
    ),
  });
}

function populationText(commune: TerritoryCommune): string {
  return commune.population === null ? POPULATION_UNKNOWN : formatInteger(commune.population);
}

function communesTable(communes: readonly TerritoryCommune[]): Table {
  const widths = { name: 4300, code: 1700, departement: 1700, population: CONTENT_WIDTH - 7700 };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell({ text: 'Commune', width: widths.name, bold: true, color: 'FFFFFF', fill: HEADER_FILL }),
      cell({ text: 'Code INSEE', width: widths.code, bold: true, color: 'FFFFFF', fill: HEADER_FILL }),
      cell({ text: 'Département', width: widths.departement, bold: true, color: 'FFFFFF', fill: HEADER_FILL }),
      cell({ text: 'Population', width: widths.population, bold: true, color: 'FFFFFF', fill: HEADER_FILL, alignment: AlignmentType.RIGHT }),
    ],
  });
  const rows = communes.map(
    (commune) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell({ text: commune.name, width: widths.name }),
          cell({ text: commune.code, width: widths.code }),
          cell({ text: commune.departement, width: widths.departement }),
          cell({
            text: populationText(commune),
            width: widths.population,
            alignment: AlignmentType.RIGHT,
            ...(commune.population === null ? { color: MUTED_TEXT } : {}),
          }),
        ],
      }),
  );
  const total = new TableRow({
    cantSplit: true,
    children: [
      cell({ text: 'Total', width: widths.name, bold: true, fill: LABEL_FILL }),
      cell({ text: communeCountText(communes.length), width: widths.code + widths.departement, columnSpan: 2, color: MUTED_TEXT, fill: LABEL_FILL }),
      cell({
        text: formatInteger(territoryPopulation(communes)),
        width: widths.population,
        bold: true,
        fill: LABEL_FILL,
        alignment: AlignmentType.RIGHT,
      }),
    ],
  });
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [widths.name, widths.code, widths.departement, widths.population],
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [header, ...rows, total],
  });
}

function communeCountText(count: number): string {
  return count === 1 ? '1 commune' : `${count} communes`;
}

function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text, italics: true, color: MUTED_TEXT, size: 18 })] });
}

function territorySection(mission: MissionSnapshot): (Paragraph | Table)[] {
  const section: (Paragraph | Table)[] = [new Paragraph({ text: 'Territoire', heading: HeadingLevel.HEADING_2 })];
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
  if (unknownNote) section.push(note(unknownNote));
  return section;
}

function pageNumberFooter(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: `${title} · Page `, color: MUTED_TEXT, size: 16 }),
          new TextRun({ children: [PageNumber.CURRENT], color: MUTED_TEXT, size: 16 }),
          new TextRun({ text: ' sur ', color: MUTED_TEXT, size: 16 }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], color: MUTED_TEXT, size: 16 }),
        ],
      }),
    ],
  });
}

/** The mission's summary as a Word document: its card and its territory, on A4 in French. */
export async function buildMissionDocx(mission: MissionSnapshot, options: MissionExportOptions): Promise<Uint8Array> {
  const title = missionDisplayTitle(mission);
  const document = new Document({
    title,
    subject: 'Fiche de mission',
    creator: 'Bocage',
    lastModifiedBy: 'Bocage',
    description: `Synthèse de la mission « ${title} »`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: 20, language: { value: 'fr-FR' } },
          paragraph: { spacing: { line: 264 } },
        },
        // Explicit outline levels make Word's navigation pane and table of contents pick the headings up.
        heading1: {
          run: { font: FONT, size: 36, bold: true, color: ACCENT },
          paragraph: { outlineLevel: 0, keepNext: true, spacing: { after: 120 } },
        },
        heading2: {
          run: { font: FONT, size: 26, bold: true, color: ACCENT },
          paragraph: { outlineLevel: 1, keepNext: true, spacing: { before: 360, after: 140 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN, header: 567, footer: 567 },
          },
        },
        footers: { default: pageNumberFooter(title) },
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }),
          note(exportProvenance(options)),
          new Paragraph({ text: 'Fiche de la mission', heading: HeadingLevel.HEADING_2 }),
          fieldsTable(mission),
          ...territorySection(mission),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
