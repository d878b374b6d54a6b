/**
 * What the pre-diagnostic says, section by section, as a format-free ReportDocument: the Word
 * writer and the print preview render this one text, so the .docx, the preview and the PDF agree.
 * Tables and figures are numbered here, in the order the user arranged the sections.
 */
import type { Board } from '../../boards/board-model';
import { BOARD_TEMPLATE_LABELS } from '../../boards/board-model';
import { rankCards } from '../../boards/board-results';
import type { DiagnosticTerritory } from '../../diagnostic/comparison-territories';
import { findIndicator } from '../../diagnostic/indicator-catalogue';
import { formatIndicatorNumber, INDICATOR_THEMES, INDICATOR_UNITS, type IndicatorDefinition } from '../../diagnostic/indicator-definition';
import type { IndicatorCell, IndicatorRow } from '../../diagnostic/indicator-table';
import { formatEuros, formatInteger, formatIsoDate } from '../../format/french-format';
import { attendanceStatistics } from '../../meetings/attendance-statistics';
import { meetingKindLabel, MEETING_KINDS, type AttendanceStatus, type Meeting } from '../../meetings/meeting-model';
import { meetingParticipantRows } from '../../meetings/participant-rows';
import { territoryLabel, territoryPopulation } from '../../model/mission';
import type { ActionSheet, ActionStep, Enjeu, Observation } from '../../qualitative/qualitative-model';
import { actionSheetLabel, excerpt } from '../../qualitative/qualitative-snapshot';
import {
  actionSheetStatusLabel,
  AFOM_QUADRANTS,
  OBSERVATION_SOURCE_KINDS,
  observationSourceKindLabel,
  QUALITATIVE_THEMES,
  qualitativeThemeLabel,
} from '../../qualitative/qualitative-vocabulary';
import type { MissionDeliverableSource } from '../deliverables/deliverable-source';
import { missionDisplayTitle, missionSummaryFields, NO_COMMUNE, NOT_PROVIDED, unknownPopulationNote } from '../mission-summary';
import { meetingPlaceText } from '../sign-in-sheet-content';
import { frenchTypography } from './french-typography';
import {
  PRE_DIAGNOSTIC_SECTION_LABELS,
  type BarChartSpec,
  type InlineRun,
  type PreDiagnosticSectionId,
  type ReportBlock,
  type ReportCell,
  type ReportColumn,
  type ReportCover,
  type ReportDocument,
  type ReportSection,
} from './report-model';
import type { PreDiagnosticOptions } from './report-options';

export const PRE_DIAGNOSTIC_KIND = 'Pré-diagnostic territorial';

export const FICTITIOUS_NOTICE =
  'Données fictives : ce document décrit une mission de démonstration. Ses chiffres, constats, participants et fiches actions sont inventés et ne décrivent pas la situation réelle du territoire.';

/**
 * What a section with nothing to show says, so a reader knows it is empty rather than broken. The
 * context and the annexes always have something to say (the mission's card, its geography).
 */
export const EMPTY_SECTION_TEXT = {
  'territory-portrait': 'Aucun indicateur n’a encore été importé ou saisi pour ce territoire.',
  'thematic-diagnostics': 'Aucun indicateur ni constat n’a encore été saisi.',
  afom: 'Aucun élément d’AFOM n’a encore été saisi.',
  enjeux: 'Aucun enjeu n’a encore été formulé.',
  orientations: 'Aucune orientation n’a encore été définie.',
  'action-sheets': 'Aucune fiche action n’a encore été rédigée.',
  workshops: 'Aucun tableau d’atelier n’a encore été créé.',
} as const satisfies Partial<Record<PreDiagnosticSectionId, string>>;

const MISSION_COLUMN = 'Territoire de la mission';

/**
 * The headline figures of a CTG or social pre-diagnostic, in reading order; the portrait shows
 * those the mission has figures for.
 */
const KEY_FIGURE_CODES = [
  'POP',
  'POP_VAR_ANN',
  'DENSITE',
  'PART_0_14',
  'PART_75_PLUS',
  'PART_FAM_MONO',
  'MED_DISP',
  'TX_PAUVRETE',
  'ALLOC_CAF',
  'PART_ALLOC_BAS_REVENUS',
  'TX_COUVERTURE_AJE',
  'TX_CHOMAGE',
  'APL_MG',
];
/** Without any headline figure, the first indicators of each theme stand in, up to this many. */
const MAX_FALLBACK_KEY_FIGURES = 8;

// ——— Words and numbers ———

function plural(count: number, singular: string, pluralForm: string): string {
  return `${formatInteger(count)} ${count > 1 ? pluralForm : singular}`;
}

const frenchList = new Intl.ListFormat('fr', { type: 'conjunction' });

/** "2020, 2021 et 2022", with "année" or "années" before them. */
function yearsText(years: Iterable<number>): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b).map(String);
  if (sorted.length === 0) return 'années non précisées';
  return `${sorted.length > 1 ? 'années' : 'année'} ${frenchList.format(sorted)}`;
}

/** The day of a machine-local moment as "22 novembre 2026": the date the user sees on their calendar. */
function localLongDate(moment: Date): string {
  const iso = `${moment.getFullYear()}-${String(moment.getMonth() + 1).padStart(2, '0')}-${String(moment.getDate()).padStart(2, '0')}`;
  return formatIsoDate(iso);
}

function orNotProvided(text: string): string {
  return text.trim() || NOT_PROVIDED;
}

function periodText(start: string | null, end: string | null): string {
  const from = formatIsoDate(start);
  const to = formatIsoDate(end);
  if (from && to) return `du ${from} au ${to}`;
  if (from) return `à partir du ${from}`;
  if (to) return `jusqu’au ${to}`;
  return 'dates à préciser';
}

/** "INSEE, RP 2021" already says its year; "INSEE, recensement" gets ", 2021". */
function sourceWithYear(source: string, year: number): string {
  return source.includes(String(year)) ? source : `${source}, ${year}`;
}

// ——— Blocks ———

function paragraph(text: string, look?: 'normal' | 'note' | 'quote' | 'lead'): ReportBlock {
  return look ? { kind: 'paragraph', runs: [{ text }], look } : { kind: 'paragraph', runs: [{ text }] };
}

/** One paragraph per line a user typed, blank lines dropped. */
function paragraphs(text: string): ReportBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => paragraph(line));
}

function heading(level: 1 | 2 | 3, text: string): ReportBlock {
  return { kind: 'heading', level, text };
}

function labelled(label: string, text: string): InlineRun[] {
  return [{ text: `${label} : `, bold: true }, { text }];
}

const TONES: Record<IndicatorCell['status'], ReportCell['tone']> = {
  ok: 'normal',
  partial: 'normal',
  secret: 'secret',
  missing: 'missing',
  'not-aggregable': 'muted',
};

/**
 * A figure in a table: the number alone, its unit being in the row's label, so that narrow columns
 * of five territories do not break "10 661 personnes" in the middle of a word.
 */
function figureCell(cell: IndicatorCell, definition: IndicatorDefinition): ReportCell {
  const known = cell.value !== null && (cell.status === 'ok' || cell.status === 'partial');
  const text = known ? formatIndicatorNumber(cell.value as number, definition.decimals) : cell.formatted;
  return { text, tone: TONES[cell.status], align: 'right' };
}

/** "Part des 75 ans ou plus (%)": the unit the row's figures are in. */
function labelWithUnit(definition: IndicatorDefinition): string {
  const symbol = INDICATOR_UNITS[definition.unit].symbol;
  return symbol === '' ? definition.label : `${definition.label} (${symbol})`;
}

// ——— The build ———

interface Numbering {
  table(): number;
  figure(): number;
}

function numbering(): Numbering {
  let tables = 0;
  let figures = 0;
  return { table: () => (tables += 1), figure: () => (figures += 1) };
}

interface ReportContext {
  source: MissionDeliverableSource;
  rows: readonly IndicatorRow[];
  rowByCode: ReadonlyMap<string, IndicatorRow>;
  comparisons: readonly DiagnosticTerritory[];
  numbers: Numbering;
}

function createContext(source: MissionDeliverableSource): ReportContext {
  const rows = source.diagnostic.themes.flatMap((group) => group.rows);
  return {
    source,
    rows,
    rowByCode: new Map(rows.map((row) => [row.definition.code, row])),
    // An EPCI made of exactly the mission's communes would only repeat the mission's column.
    comparisons: source.diagnostic.territories.filter((territory) => territory.role === 'comparison' && !territory.sameAsMission),
    numbers: numbering(),
  };
}

function tableCaption(context: ReportContext, text: string): string {
  return `Tableau ${context.numbers.table()} – ${text}`;
}

function definitionOf(context: ReportContext, code: string): IndicatorDefinition | undefined {
  return context.rowByCode.get(code)?.definition ?? findIndicator(code, context.source.diagnostic.definitions);
}

/** "Taux de pauvreté : 14,2 % en 2021": an indicator cited as evidence, with the mission's figure. */
function indicatorEvidence(context: ReportContext, code: string): string {
  const row = context.rowByCode.get(code);
  if (row) return `${row.definition.label} : ${row.mission.formatted} en ${row.year}`;
  return definitionOf(context, code)?.label ?? code;
}

/** The sources the figures of a row were read from ("INSEE, RP 2021"), each once. */
function rowSources(row: IndicatorRow): string[] {
  const sources = [row.mission.source, ...row.comparisons.map((territory) => territory.cell.source)]
    .flatMap((source) => source.split(' ; '))
    .map((source) => source.trim())
    .filter((source) => source !== '');
  const unique = [...new Set(sources)];
  return unique.length > 0 ? unique : [row.definition.source];
}

function citedSources(row: IndicatorRow): string {
  return rowSources(row)
    .map((source) => sourceWithYear(source, row.year))
    .join(' ; ');
}

/** "Source : INSEE, RP 2021." or "Sources : …" when the territories' figures come from several. */
function sourcesSentence(row: IndicatorRow): string {
  return `${rowSources(row).length > 1 ? 'Sources' : 'Source'} : ${citedSources(row)}.`;
}

// ——— Indicator tables ———

function indicatorColumns(context: ReportContext, withSource: boolean): ReportColumn[] {
  return [
    { header: 'Indicateur', weight: 3 },
    { header: 'Année', weight: 0.9, align: 'center' },
    { header: MISSION_COLUMN, weight: 1.6, align: 'right' },
    ...context.comparisons.map((territory): ReportColumn => ({ header: territory.name, weight: 1.4, align: 'right' })),
    ...(withSource ? [{ header: 'Source', weight: 2.2 }] : []),
  ];
}

function indicatorRowCells(context: ReportContext, row: IndicatorRow, withSource: boolean): ReportCell[] {
  const byKey = new Map(row.comparisons.map((territory) => [territory.key, territory.cell]));
  return [
    { text: labelWithUnit(row.definition) },
    { text: String(row.year), align: 'center' },
    figureCell(row.mission, row.definition),
    ...context.comparisons.map((territory): ReportCell => {
      const cell = byKey.get(territory.key);
      return cell ? figureCell(cell, row.definition) : { text: '', align: 'right' };
    }),
    ...(withSource ? [{ text: citedSources(row) }] : []),
  ];
}

/**
 * The caveats of the mission's figures (partial, published by the EPCI), as the screen shows them.
 * A caveat shared by every row is said once, one shared by some rows names them, so that the same
 * sentence is not printed ten times under a table.
 */
function missionNotes(rows: readonly IndicatorRow[]): ReportBlock[] {
  const rowsByNote = new Map<string, IndicatorRow[]>();
  for (const row of rows) {
    if (row.mission.note === '') continue;
    rowsByNote.set(row.mission.note, [...(rowsByNote.get(row.mission.note) ?? []), row]);
  }
  return [...rowsByNote].map(([note, noted]) => {
    if (noted.length === rows.length && rows.length > 1) return paragraph(`${MISSION_COLUMN}, tous les indicateurs : ${note}`, 'note');
    return paragraph(`${MISSION_COLUMN}, ${noted.map((row) => row.definition.label).join(', ')} : ${note}`, 'note');
  });
}

function indicatorTable(context: ReportContext, rows: readonly IndicatorRow[], withSource: boolean, caption: string): ReportBlock[] {
  return [
    {
      kind: 'table',
      columns: indicatorColumns(context, withSource),
      rows: rows.map((row) => indicatorRowCells(context, row, withSource)),
      caption,
      headerRowCount: 1,
    },
    ...missionNotes(rows),
  ];
}

// ——— Charts ———

function chartSpec(context: ReportContext, row: IndicatorRow): BarChartSpec {
  const bar = (label: string, cell: IndicatorCell, highlight: boolean) => {
    const known = cell.value !== null && (cell.status === 'ok' || cell.status === 'partial');
    return { label, value: known ? cell.value : null, valueText: cell.formatted, highlight };
  };
  const byKey = new Map(row.comparisons.map((territory) => [territory.key, territory]));
  return {
    kind: 'bars',
    title: `${row.definition.label} (${row.year})`,
    unit: INDICATOR_UNITS[row.definition.unit].symbol,
    bars: [
      bar(MISSION_COLUMN, row.mission, true),
      ...context.comparisons.flatMap((territory) => {
          const cell = byKey.get(territory.key)?.cell;
          return cell ? [bar(territory.name, cell, false)] : [];
        }),
    ],
  };
}

function figureBlock(context: ReportContext, row: IndicatorRow): ReportBlock {
  const chart = chartSpec(context, row);
  // "n.d." already ends with its full stop.
  const values = chart.bars.map((bar) => `${bar.label} : ${bar.valueText}`).join(' ; ').replace(/\.?$/, '.');
  return {
    kind: 'figure',
    chart,
    altText: `Diagramme en barres, ${row.definition.label} en ${row.year}. ${values}`,
    caption: `Figure ${context.numbers.figure()} – ${row.definition.label} (${row.year}). ${sourcesSentence(row)}`,
  };
}

/** Rates, shares and medians compare across territories of any size; counts do not, so they get no chart. */
function isChartable(row: IndicatorRow): boolean {
  return row.definition.aggregation.kind !== 'sum';
}

// ——— Sections ———

function contextMethod(context: ReportContext): ReportBlock[] {
  const { mission, meetings, qualitative, diagnostic, directory } = context.source;
  const blocks: ReportBlock[] = [];
  if (context.source.fictitious) blocks.push({ kind: 'paragraph', runs: [{ text: FICTITIOUS_NOTICE, bold: true }], look: 'lead' });

  blocks.push(heading(2, 'Contexte de la mission'));
  const summary = missionSummaryFields(mission).filter((field) => field.label !== 'Titre' && field.label !== 'Description');
  const population = territoryPopulation(mission.communes);
  const populationNote = unknownPopulationNote(mission.communes);
  blocks.push({
    kind: 'fields',
    rows: [
      ...summary,
      {
        label: 'Communes',
        value:
          mission.communes.length === 0
            ? NO_COMMUNE
            : `${plural(mission.communes.length, 'commune', 'communes')} : ${mission.communes.map((commune) => commune.name).join(', ')}`,
      },
      {
        label: 'Population',
        value:
          mission.communes.length === 0
            ? NOT_PROVIDED
            : [`${plural(population, 'habitant', 'habitants')} (population municipale, géographie officielle ${context.source.geographyVintage})`, populationNote]
                .filter((part) => part !== null)
                .join('. '),
      },
    ],
  });
  blocks.push(...paragraphs(mission.description));

  blocks.push(heading(2, 'Méthode'));
  const statistics = attendanceStatistics(meetings, directory);
  if (meetings.length === 0) {
    blocks.push(paragraph('Aucune réunion n’a encore été enregistrée.'));
  } else {
    const byKind = MEETING_KINDS.map((kind) => ({ label: kind.label, count: meetings.filter((meeting) => meeting.kind === kind.id).length }))
      .filter((entry) => entry.count > 0)
      .map((entry) => `${entry.label} : ${entry.count}`)
      .join(' ; ');
    blocks.push(
      paragraph(
        `La démarche compte ${plural(meetings.length, 'réunion', 'réunions')} (${byKind}) ; ${plural(statistics.distinctPeople, 'personne y a participé', 'personnes différentes y ont participé')}.`,
      ),
    );
    const present = new Map(statistics.perMeeting.map((counts) => [counts.meetingId, counts.present]));
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Date', weight: 1.6 },
        { header: 'Type', weight: 1.3 },
        { header: 'Réunion', weight: 3 },
        { header: 'Lieu', weight: 2.2 },
        { header: 'Présents', weight: 1, align: 'right' },
      ],
      rows: meetings.map((meeting) => [
        { text: formatIsoDate(meeting.date) || 'Date à préciser' },
        { text: meetingKindLabel(meeting.kind) },
        { text: meeting.title },
        { text: meetingPlaceText(meeting.communeName, meeting.room) || NOT_PROVIDED },
        { text: formatInteger(present.get(meeting.id) ?? 0), align: 'right' },
      ]),
      caption: tableCaption(context, 'Réunions de la démarche et nombre de personnes présentes.'),
      headerRowCount: 1,
    });
  }

  if (qualitative.observations.length === 0) {
    blocks.push(paragraph('Aucun constat qualitatif n’a encore été saisi.'));
  } else {
    blocks.push(paragraph(`Les ${plural(qualitative.observations.length, 'constat qualitatif', 'constats qualitatifs')} proviennent des sources suivantes :`));
    blocks.push({
      kind: 'bullets',
      items: OBSERVATION_SOURCE_KINDS.map((kind) => ({ label: kind.label, count: qualitative.observations.filter((item) => item.sourceKind === kind.id).length }))
        .filter((entry) => entry.count > 0)
        .map((entry) => [{ text: `${entry.label} : ${plural(entry.count, 'constat', 'constats')}` }]),
    });
  }

  if (diagnostic.imports.length === 0) {
    blocks.push(paragraph('Aucun fichier de données n’a encore été importé ; les chiffres éventuels ont été saisis à la main.'));
  } else {
    blocks.push(paragraph('Les données statistiques proviennent des fichiers suivants :'));
    blocks.push({
      kind: 'bullets',
      items: diagnostic.imports.map((record) => {
        return labelled(
          record.source || record.fileName,
          `${yearsText(record.indicators.map((entry) => entry.year))} (fichier « ${record.fileName} », importé le ${localLongDate(new Date(record.importedAt))}).`,
        );
      }),
    });
  }
  return blocks;
}

function keyFigureRows(context: ReportContext): IndicatorRow[] {
  const headline = KEY_FIGURE_CODES.flatMap((code) => context.rowByCode.get(code) ?? []);
  if (headline.length > 0) return headline;
  return context.source.diagnostic.themes.flatMap((group) => group.rows.slice(0, 1)).slice(0, MAX_FALLBACK_KEY_FIGURES);
}

function territoryPortrait(context: ReportContext): ReportBlock[] {
  const rows = keyFigureRows(context);
  if (rows.length === 0) return [paragraph(EMPTY_SECTION_TEXT['territory-portrait'])];
  const sources = [...new Set(rows.flatMap((row) => rowSources(row).map((source) => sourceWithYear(source, row.year))))];
  const blocks: ReportBlock[] = [
    heading(2, 'Chiffres clés'),
    paragraph(
      `Le territoire de la mission est comparé à ${frenchList.format(context.comparisons.map((territory) => territory.name))}. Une valeur couverte par le secret statistique est notée « secret stat. », une valeur non disponible « n.d. ».`,
    ),
    ...indicatorTable(context, rows, false, tableCaption(context, `Chiffres clés du territoire et des territoires de comparaison. Sources : ${sources.join(' ; ')}.`)),
  ];
  const charted = rows.filter(isChartable);
  if (charted.length > 0) {
    blocks.push(heading(2, 'Comparaisons en graphiques'));
    for (const row of charted) blocks.push(figureBlock(context, row));
  }
  return blocks;
}

function observationBlocks(observation: Observation): ReportBlock[] {
  const origin = [observationSourceKindLabel(observation.sourceKind), formatIsoDate(observation.date)].filter((part) => part !== '').join(', ');
  const [first = '', ...rest] = observation.text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return [
    { kind: 'paragraph', runs: [{ text: `${origin} — `, bold: true }, { text: first }] },
    ...rest.map((line) => paragraph(line)),
    ...observation.quotes
      .filter((quote) => quote.text.trim() !== '')
      .map((quote): ReportBlock => {
        const text = quote.text.trim();
        return { kind: 'paragraph', runs: [{ text: text.startsWith('«') ? text : `« ${text} »`, italics: true }], look: 'quote' };
      }),
  ];
}

function thematicDiagnostics(context: ReportContext): ReportBlock[] {
  const { observations } = context.source.qualitative;
  const indicatorThemeIds = INDICATOR_THEMES.map((theme) => theme.id as string);
  const themeIds = [...indicatorThemeIds, ...QUALITATIVE_THEMES.map((theme) => theme.id).filter((id) => !indicatorThemeIds.includes(id))];
  const groups = new Map(context.source.diagnostic.themes.map((group) => [group.theme as string, group]));
  const blocks: ReportBlock[] = [];
  for (const themeId of themeIds) {
    const group = groups.get(themeId);
    const themed = observations.filter((observation) => observation.theme === themeId);
    if (!group && themed.length === 0) continue;
    const label = group?.label ?? qualitativeThemeLabel(themeId);
    blocks.push(heading(2, label));
    if (group) {
      blocks.push(heading(3, 'Indicateurs'));
      blocks.push(...indicatorTable(context, group.rows, true, tableCaption(context, `${label} : indicateurs du territoire et des territoires de comparaison.`)));
    }
    if (themed.length > 0) {
      blocks.push(heading(3, 'Constats'));
      for (const observation of themed) blocks.push(...observationBlocks(observation));
    }
  }
  const unclassified = observations.filter((observation) => observation.theme === null);
  if (unclassified.length > 0) {
    blocks.push(heading(2, 'Constats non classés'));
    for (const observation of unclassified) blocks.push(...observationBlocks(observation));
  }
  return blocks.length > 0 ? blocks : [paragraph(EMPTY_SECTION_TEXT['thematic-diagnostics'])];
}

function afom(context: ReportContext): ReportBlock[] {
  const items = context.source.qualitative.afom;
  if (items.length === 0) return [paragraph(EMPTY_SECTION_TEXT.afom)];
  return AFOM_QUADRANTS.flatMap((quadrant): ReportBlock[] => {
    const inQuadrant = items.filter((item) => item.quadrant === quadrant.id);
    if (inQuadrant.length === 0) return [heading(2, quadrant.label), paragraph(`Aucun élément dans « ${quadrant.label} ».`, 'note')];
    return [
      heading(2, quadrant.label),
      {
        kind: 'bullets',
        items: inQuadrant.map((item): InlineRun[] => {
          const evidence = item.indicatorCodes.map((code) => indicatorEvidence(context, code));
          return evidence.length > 0 ? [{ text: item.text }, { text: ` (${evidence.join(' ; ')})`, italics: true }] : [{ text: item.text }];
        }),
      },
    ];
  });
}

function enjeuName(enjeu: Pick<Enjeu, 'rank' | 'title'>): string {
  return `Priorité ${enjeu.rank} – ${enjeu.title.trim() || 'Enjeu sans titre'}`;
}

function enjeux(context: ReportContext): ReportBlock[] {
  const { enjeux: list, observations } = context.source.qualitative;
  if (list.length === 0) return [paragraph(EMPTY_SECTION_TEXT.enjeux)];
  const observationById = new Map(observations.map((observation) => [observation.id, observation]));
  return list.flatMap((enjeu): ReportBlock[] => {
    const evidence: InlineRun[][] = [
      ...enjeu.observationIds.flatMap((id) => {
        const observation = observationById.get(id);
        return observation ? [labelled('Constat', excerpt(observation.text, 160))] : [];
      }),
      ...enjeu.indicatorCodes.map((code) => labelled('Indicateur', indicatorEvidence(context, code))),
    ];
    return [
      heading(2, enjeuName(enjeu)),
      ...(enjeu.theme ? [paragraph(`Thème : ${qualitativeThemeLabel(enjeu.theme)}`, 'note')] : []),
      ...paragraphs(enjeu.description),
      ...(evidence.length > 0 ? [{ kind: 'bullets', items: evidence } satisfies ReportBlock] : []),
    ];
  });
}

function orientations(context: ReportContext): ReportBlock[] {
  const { orientations: list, enjeux: allEnjeux, actionSheets } = context.source.qualitative;
  if (list.length === 0) return [paragraph(EMPTY_SECTION_TEXT.orientations)];
  const enjeuById = new Map(allEnjeux.map((enjeu) => [enjeu.id, enjeu]));
  return list.flatMap((orientation, index): ReportBlock[] => {
    const linked = orientation.enjeuIds.flatMap((id) => enjeuById.get(id) ?? []).sort((a, b) => a.rank - b.rank);
    const sheets = actionSheets.filter((sheet) => sheet.orientationId === orientation.id);
    return [
      heading(2, `Orientation ${index + 1} – ${orientation.title.trim() || 'Orientation sans titre'}`),
      ...paragraphs(orientation.description),
      ...(linked.length > 0 ? [] : [paragraph('Aucun enjeu n’est rattaché à cette orientation.', 'note')]),
      ...(linked.length + sheets.length > 0
        ? [
            {
              kind: 'bullets',
              items: [...linked.map((enjeu) => labelled('Enjeu', enjeuName(enjeu))), ...sheets.map((sheet) => [{ text: actionSheetLabel(sheet) }])],
            } satisfies ReportBlock,
          ]
        : []),
    ];
  });
}

function stepLine(step: ActionStep): string {
  return `${step.label.trim() || 'Étape sans libellé'} : ${periodText(step.startDate, step.endDate)}`;
}

function linesOr(lines: readonly string[], empty: string): string {
  return lines.length > 0 ? lines.join('\n') : empty;
}

function actionSheetFields(context: ReportContext, sheet: ActionSheet): { label: string; value: string }[] {
  const { enjeux: allEnjeux, orientations: allOrientations } = context.source.qualitative;
  const enjeuById = new Map(allEnjeux.map((enjeu) => [enjeu.id, enjeu]));
  const orientation = allOrientations.find((candidate) => candidate.id === sheet.orientationId);
  const linkedEnjeux = sheet.enjeuIds.flatMap((id) => enjeuById.get(id) ?? []).sort((a, b) => a.rank - b.rank);
  return [
    { label: 'Enjeux', value: linesOr(linkedEnjeux.map(enjeuName), 'Aucun enjeu rattaché') },
    { label: 'Orientation stratégique', value: orientation ? orientation.title.trim() || 'Orientation sans titre' : 'Aucune orientation rattachée' },
    { label: 'Objectif général', value: orNotProvided(sheet.generalObjective) },
    { label: 'Objectifs opérationnels', value: orNotProvided(sheet.operationalObjectives) },
    { label: 'Public cible', value: orNotProvided(sheet.targetPublic) },
    { label: 'Pilote', value: orNotProvided(sheet.lead) },
    { label: 'Partenaires', value: orNotProvided(sheet.partners) },
    { label: 'Étapes et calendrier', value: linesOr(sheet.steps.map(stepLine), NOT_PROVIDED) },
    { label: 'Moyens humains', value: orNotProvided(sheet.humanResources) },
    { label: 'Budget prévisionnel', value: sheet.budgetAmount === null ? NOT_PROVIDED : formatEuros(sheet.budgetAmount) },
    { label: 'Détail des moyens financiers', value: orNotProvided(sheet.budgetDetails) },
    {
      label: 'Cofinanceurs',
      value: linesOr(
        sheet.coFunders.map((funder) => `${funder.name.trim() || 'Cofinanceur sans nom'} : ${funder.amount === null ? 'montant non renseigné' : formatEuros(funder.amount)}`),
        NOT_PROVIDED,
      ),
    },
    { label: 'Résultats attendus', value: orNotProvided(sheet.expectedResults) },
    {
      label: 'Indicateurs d’évaluation',
      value: linesOr(
        sheet.evaluationIndicators.map((indicator) => {
          const measure = indicator.indicatorCode ? ` (${definitionOf(context, indicator.indicatorCode)?.label ?? indicator.indicatorCode})` : '';
          return (
            `${indicator.label.trim() || 'Indicateur sans libellé'}${measure} — valeur de départ : ${indicator.baseline.trim() || 'non renseignée'} ; ` +
            `cible : ${indicator.target.trim() || 'non renseignée'} ; échéance : ${formatIsoDate(indicator.targetDate) || 'non renseignée'}`
          );
        }),
        NOT_PROVIDED,
      ),
    },
    { label: 'Statut', value: actionSheetStatusLabel(sheet.status) },
  ];
}

function actionSheets(context: ReportContext): ReportBlock[] {
  const sheets = context.source.qualitative.actionSheets;
  if (sheets.length === 0) return [paragraph(EMPTY_SECTION_TEXT['action-sheets'])];
  return sheets.flatMap((sheet, index): ReportBlock[] => [
    ...(index > 0 ? [{ kind: 'page-break' } satisfies ReportBlock] : []),
    heading(2, actionSheetLabel(sheet)),
    { kind: 'fields', rows: actionSheetFields(context, sheet) },
  ]);
}

const NO_ZONE = 'Hors zone';

function boardBlocks(context: ReportContext, board: Board): ReportBlock[] {
  const meeting = context.source.meetings.find((candidate) => candidate.id === board.meetingId);
  const zoneTitle = new Map(board.zones.map((zone) => [zone.id, zone.title]));
  const meetingText = meeting
    ? `${meetingKindLabel(meeting.kind)} « ${meeting.title} »${meeting.date ? ` du ${formatIsoDate(meeting.date)}` : ''}`
    : 'Réunion introuvable';
  const blocks: ReportBlock[] = [
    heading(2, board.title.trim() || 'Tableau sans titre'),
    paragraph(`${meetingText}. Méthode : ${BOARD_TEMPLATE_LABELS[board.template]}. ${plural(board.cards.length, 'carte', 'cartes')}.`, 'note'),
  ];
  if (board.cards.length === 0) return [...blocks, paragraph('Aucune carte n’a été posée sur ce tableau.')];

  const clustered = board.clusters
    .map((cluster) => ({ cluster, cards: board.cards.filter((card) => card.clusterId === cluster.id) }))
    .filter((entry) => entry.cards.length > 0);
  if (clustered.length > 0) {
    blocks.push(heading(3, 'Regroupements'));
    for (const { cluster, cards } of clustered) {
      blocks.push({ kind: 'paragraph', runs: [{ text: cluster.title.trim() || 'Regroupement sans titre', bold: true }] });
      blocks.push({ kind: 'bullets', items: cards.map((card) => [{ text: card.text }]) });
    }
  }

  const revealed = board.voting.revealed;
  const ranked = revealed ? rankCards(board) : [];
  const rankedIds = new Set(ranked.map((result) => result.card.id));
  const ranks: string[] = [];
  for (const [index, result] of ranked.entries()) {
    const previous = ranked[index - 1];
    // Two cards with as many dots share their rank, as on a podium.
    ranks.push(previous && previous.total === result.total ? (ranks[index - 1] ?? '') : String(index + 1));
  }
  const zoneOf = (zoneId: string | null) => (zoneId === null ? undefined : zoneTitle.get(zoneId)) ?? NO_ZONE;
  const rows: ReportCell[][] = [
    ...ranked.map((result, index) => [
      { text: ranks[index] ?? '', align: 'center' as const },
      { text: result.card.text },
      { text: zoneOf(result.card.zoneId) },
      { text: formatInteger(result.total), align: 'right' as const },
    ]),
    ...board.cards
      .filter((card) => !rankedIds.has(card.id))
      .map((card) => [
        { text: '—', align: 'center' as const, tone: 'muted' as const },
        { text: card.text },
        { text: zoneOf(card.zoneId) },
        revealed ? { text: '0', align: 'right' as const } : { text: 'non révélés', align: 'right' as const, tone: 'muted' as const },
      ]),
  ];
  blocks.push(heading(3, revealed ? 'Cartes classées par votes' : 'Cartes'));
  if (!revealed) blocks.push(paragraph('Les votes de ce tableau n’ont pas été révélés : les cartes sont listées dans l’ordre de leur saisie.', 'note'));
  blocks.push({
    kind: 'table',
    columns: [
      { header: 'Rang', weight: 0.8, align: 'center' },
      { header: 'Carte', weight: 5 },
      { header: 'Zone', weight: 1.8 },
      { header: 'Gommettes', weight: 1.2, align: 'right' },
    ],
    rows,
    caption: tableCaption(context, `Cartes du tableau « ${board.title.trim() || 'Tableau sans titre'} »${revealed ? ', classées par nombre de gommettes' : ''}.`),
    headerRowCount: 1,
  });
  return blocks;
}

function workshops(context: ReportContext): ReportBlock[] {
  const { boards } = context.source;
  if (boards.length === 0) return [paragraph(EMPTY_SECTION_TEXT.workshops)];
  return boards.flatMap((board) => boardBlocks(context, board));
}

function meetingTitle(meeting: Meeting): string {
  return [meetingKindLabel(meeting.kind), meeting.title, formatIsoDate(meeting.date)].filter((part) => part !== '').join(' – ');
}

/**
 * Who came to each meeting, as elected officials may read it: names, organisation, function,
 * category and attendance only. No e-mail, telephone or address leaves the directory this way.
 */
function attendanceBlocks(context: ReportContext): ReportBlock[] {
  const { meetings, directory } = context.source;
  if (meetings.length === 0) return [paragraph('Aucune réunion n’a encore été enregistrée.')];
  const statistics = attendanceStatistics(meetings, directory);
  const blocks: ReportBlock[] = [
    paragraph(
      `Réunions : ${formatInteger(meetings.length)} ; personnes différentes présentes au moins une fois : ${formatInteger(statistics.distinctPeople)} ; présences cumulées : ${formatInteger(statistics.totalAttendances)}.`,
    ),
  ];
  for (const meeting of meetings) {
    blocks.push(heading(3, meetingTitle(meeting)));
    const rows = meetingParticipantRows(meeting, directory);
    if (rows.length === 0) {
      blocks.push(paragraph('Aucun participant n’est inscrit à cette réunion.', 'note'));
      continue;
    }
    const count = (status: AttendanceStatus) => rows.filter((row) => row.attendance === status).length;
    blocks.push(
      paragraph(
        `Personnes présentes : ${count('present')} ; excusées : ${count('excused')} ; absentes : ${count('absent')} ; attendues sans pointage : ${count('expected')}.`,
        'note',
      ),
    );
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Nom', weight: 2.2 },
        { header: 'Organisation', weight: 2.2 },
        { header: 'Fonction', weight: 1.8 },
        { header: 'Catégorie', weight: 1.8 },
        { header: 'Présence', weight: 1.2 },
      ],
      rows: rows.map((row) => [
        { text: row.displayName },
        { text: row.organisationName },
        { text: row.jobTitle },
        { text: row.categoryLabel },
        { text: row.attendanceLabel, tone: row.attendance === 'present' ? 'strong' : 'normal' },
      ]),
      caption: tableCaption(context, `Participants : ${meetingTitle(meeting)}.`),
      headerRowCount: 1,
    });
  }
  return blocks;
}

function sourceBlocks(context: ReportContext): ReportBlock[] {
  const { imports } = context.source.diagnostic;
  const blocks: ReportBlock[] = [paragraph(`Géographie officielle : ${context.source.geographyVintage} (communes, EPCI, départements et régions).`)];
  const cited = new Map<string, { years: Set<number>; indicators: Set<string> }>();
  for (const row of context.rows) {
    for (const source of rowSources(row)) {
      const entry = cited.get(source) ?? { years: new Set<number>(), indicators: new Set<string>() };
      entry.years.add(row.year);
      entry.indicators.add(row.definition.label);
      cited.set(source, entry);
    }
  }
  if (cited.size > 0) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: 'Source', weight: 2.5 },
        { header: 'Années', weight: 1, align: 'center' },
        { header: 'Indicateurs cités', weight: 4 },
      ],
      rows: [...cited].map(([source, entry]) => [
        { text: source },
        { text: [...entry.years].sort((a, b) => a - b).join(', '), align: 'center' },
        { text: [...entry.indicators].join(', ') },
      ]),
      caption: tableCaption(context, 'Sources des chiffres cités et années des données.'),
      headerRowCount: 1,
    });
  }
  if (imports.length > 0) {
    blocks.push(paragraph('Fichiers importés :'));
    blocks.push({
      kind: 'bullets',
      items: imports.map((record) => {
        return labelled(
          `« ${record.fileName} »`,
          `${record.source || 'source non précisée'} ; ${yearsText(record.indicators.map((entry) => entry.year))} ; ${plural(record.valueCount, 'valeur', 'valeurs')} ; importé le ${localLongDate(new Date(record.importedAt))}.`,
        );
      }),
    });
  }
  if (cited.size === 0 && imports.length === 0) blocks.push(paragraph('Aucune donnée statistique n’est encore enregistrée dans la mission.'));
  return blocks;
}

function annexes(context: ReportContext): ReportBlock[] {
  return [heading(2, 'Participants et présences'), ...attendanceBlocks(context), heading(2, 'Sources des données'), ...sourceBlocks(context)];
}

const SECTION_BUILDERS: Record<PreDiagnosticSectionId, (context: ReportContext) => ReportBlock[]> = {
  'context-method': contextMethod,
  'territory-portrait': territoryPortrait,
  'thematic-diagnostics': thematicDiagnostics,
  afom,
  enjeux,
  orientations,
  'action-sheets': actionSheets,
  workshops,
  annexes,
};

// ——— Typography ———

function typesetBlock(block: ReportBlock): ReportBlock {
  switch (block.kind) {
    case 'heading':
      return { ...block, text: frenchTypography(block.text) };
    case 'paragraph':
      return { ...block, runs: block.runs.map((run) => ({ ...run, text: frenchTypography(run.text) })) };
    case 'bullets':
      return { ...block, items: block.items.map((runs) => runs.map((run) => ({ ...run, text: frenchTypography(run.text) }))) };
    case 'table':
      return {
        ...block,
        columns: block.columns.map((column) => ({ ...column, header: frenchTypography(column.header) })),
        rows: block.rows.map((cells) => cells.map((cell) => ({ ...cell, text: frenchTypography(cell.text) }))),
        ...(block.caption === undefined ? {} : { caption: frenchTypography(block.caption) }),
      };
    case 'fields':
      return { ...block, rows: block.rows.map((row) => ({ label: frenchTypography(row.label), value: frenchTypography(row.value) })) };
    case 'figure':
      return {
        ...block,
        chart: {
          ...block.chart,
          title: frenchTypography(block.chart.title),
          bars: block.chart.bars.map((bar) => ({ ...bar, label: frenchTypography(bar.label), valueText: frenchTypography(bar.valueText) })),
        },
        altText: frenchTypography(block.altText),
        caption: frenchTypography(block.caption),
      };
    case 'page-break':
      return block;
  }
}

function cover(source: MissionDeliverableSource, options: PreDiagnosticOptions): ReportCover {
  return {
    title: frenchTypography(missionDisplayTitle(source.mission)),
    kind: PRE_DIAGNOSTIC_KIND,
    territory: frenchTypography(territoryLabel(source.mission) || 'Territoire non renseigné'),
    sponsor: frenchTypography(orNotProvided(source.mission.sponsor)),
    date: localLongDate(options.generatedAt),
    author: frenchTypography(options.author.trim()),
    version: frenchTypography(options.version.trim()),
    fictitiousNotice: source.fictitious ? frenchTypography(FICTITIOUS_NOTICE) : null,
  };
}

/**
 * The pre-diagnostic of a mission: the sections the user included, in their order. Every text is
 * final (French typography applied); tables and figures are numbered in document order.
 */
export function buildPreDiagnosticReport(source: MissionDeliverableSource, options: PreDiagnosticOptions): ReportDocument {
  const context = createContext(source);
  const sections: ReportSection[] = options.sections
    .filter((choice) => choice.included)
    .map((choice) => ({
      id: choice.id,
      title: frenchTypography(PRE_DIAGNOSTIC_SECTION_LABELS[choice.id]),
      blocks: SECTION_BUILDERS[choice.id](context).map(typesetBlock),
    }));
  const reportCover = cover(source, options);
  return { cover: reportCover, sections, runningHeader: `${reportCover.title} — Pré-diagnostic` };
}
