import * as Y from 'yjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { addCard, addDot, createBoard, groupCards, setPaperDots, setVotesRevealed } from '@shared/boards/board-operations';
import { applyIndicatorImport } from '@shared/diagnostic/indicator-operations';
import type { IndicatorValue } from '@shared/diagnostic/indicator-value';
import type { TerritoryKey } from '@shared/diagnostic/territory-ref';
import { createContact } from '@shared/directory/contact-operations';
import { createOrganisation } from '@shared/directory/organisation-operations';
import { readMissionDeliverableSource, type MissionDeliverableSource } from '@shared/export/deliverables/deliverable-source';
import { buildPreDiagnosticReport, EMPTY_SECTION_TEXT, FICTITIOUS_NOTICE } from '@shared/export/report/pre-diagnostic-content';
import { frenchTypography } from '@shared/export/report/french-typography';
import type { ReportBlock, ReportDocument, ReportSection } from '@shared/export/report/report-model';
import { defaultSectionChoices, type PreDiagnosticOptions, type SectionChoice } from '@shared/export/report/report-options';
import { formatInteger } from '@shared/format/french-format';
import type { Geography } from '@shared/geography/geography';
import { createMeeting, inviteContacts, setAttendance } from '@shared/meetings/meeting-operations';
import { addEpciToTerritory, createMission, markMissionFictitious } from '@shared/operations/mission-operations';
import {
  addActionStep,
  addCoFunder,
  addEvaluationIndicator,
  createActionSheet,
  setActionSheetEnjeuLink,
  setActionSheetOrientation,
  setActionSheetStatus,
  updateActionSheet,
} from '@shared/qualitative/action-sheet-operations';
import { createAfomItem, setAfomIndicatorLink } from '@shared/qualitative/afom-operations';
import { createEnjeu, setEnjeuIndicatorLink, setEnjeuObservationLink } from '@shared/qualitative/enjeu-operations';
import { addObservationQuote, createObservation } from '@shared/qualitative/observation-operations';
import { createOrientation, setOrientationEnjeuLink } from '@shared/qualitative/orientation-operations';
import { loadGeography } from '../../../scripts/bench/bench-mission-territory';
import { CREATED_AT, LOCAL_EDIT, newMissionInput } from '../domain-fixtures';

const LUBERSAC_POMPADOUR = '200066603';
const CORREZE: TerritoryKey = 'departement:19';
const NOUVELLE_AQUITAINE: TerritoryKey = 'region:75';
const FRANCE: TerritoryKey = 'france:FR';
const EPCI: TerritoryKey = `epci:${LUBERSAC_POMPADOUR}`;
const POVERTY = 'Taux de pauvreté (seuil à 60 %)';

const CLAIRE_EMAIL = 'claire.martin@mairie-lubersac.fr';
const CLAIRE_PHONE = '06 12 34 56 78';
const KARIM_EMAIL = 'karim.benali@caf19.fr';
const KARIM_PHONE = '05 55 00 11 22';

const OPTIONS: PreDiagnosticOptions = {
  sections: defaultSectionChoices(),
  author: 'Chargée de mission CTG',
  version: 'Version 1 – document de travail',
  generatedAt: new Date(2026, 10, 22, 15, 30),
};

let geography: Geography;

beforeAll(() => {
  geography = loadGeography();
});

function value(indicator: string, year: number, territory: TerritoryKey, figure: number | 'secret' | 'missing', source: string): IndicatorValue {
  const known = typeof figure === 'number';
  return { indicator, year, territory, status: known ? 'ok' : figure, value: known ? figure : null, source, origin: 'import', updatedAt: CREATED_AT };
}

interface Fixture {
  source: MissionDeliverableSource;
  cardTexts: { mostVoted: string; second: string; unvoted: string };
}

/**
 * A CTG mission on the real communes of the CC du Pays de Lubersac-Pompadour, built with the
 * operations the app runs: figures (one secret for the mission, one missing for France), observations,
 * AFOM, enjeux, an orientation, two fiches actions, a workshop with its sign-in and a voted board.
 */
function ctgMission(): Fixture {
  const mission = new Y.Doc();
  const directory = new Y.Doc();
  createMission(new Y.Doc(), mission, newMissionInput({ title: 'CTG du Pays de Lubersac-Pompadour', description: "Objectif: partager le diagnostic avec les élus. C'est une démarche concertée." }), LOCAL_EDIT, CREATED_AT);
  markMissionFictitious(mission, LOCAL_EDIT, CREATED_AT);
  const epci = geography.epciByCode.get(LUBERSAC_POMPADOUR);
  if (!epci) throw new Error('EPCI missing from the shipped geography');
  addEpciToTerritory(mission, epci, epci.members.map((code) => geography.communeByCode.get(code)!), LOCAL_EDIT, CREATED_AT);

  const communes = epci.members.map((code): TerritoryKey => `commune:${code}`);
  applyIndicatorImport(
    mission,
    {
      importId: 'import-filosofi',
      fileName: 'filosofi-2021.xlsx',
      source: 'INSEE, Filosofi 2021',
      importedAt: CREATED_AT,
      values: [
        ...communes.map((territory) => value('TX_PAUVRETE', 2021, territory, 'secret', 'INSEE, Filosofi 2021')),
        value('TX_PAUVRETE', 2021, EPCI, 'secret', 'INSEE, Filosofi 2021'),
        value('TX_PAUVRETE', 2021, CORREZE, 13.9, 'INSEE, Filosofi 2021'),
        value('TX_PAUVRETE', 2021, NOUVELLE_AQUITAINE, 13.6, 'INSEE, Filosofi 2021'),
        value('TX_PAUVRETE', 2021, FRANCE, 'missing', 'INSEE, Filosofi 2021'),
      ],
      summary: { rowsKept: 14, rowsSkipped: 0, indicators: [{ indicator: 'TX_PAUVRETE', year: 2021 }] },
    },
    LOCAL_EDIT,
  );
  applyIndicatorImport(
    mission,
    {
      importId: 'import-rp',
      fileName: 'rp-2021.csv',
      source: 'INSEE, RP 2021',
      importedAt: CREATED_AT + 1000,
      values: [
        ...communes.map((territory, index) => value('POP', 2021, territory, 400 + index * 100, 'INSEE, RP 2021')),
        value('PART_FAM_MONO', 2021, EPCI, 11.2, 'INSEE, RP 2021'),
        value('PART_FAM_MONO', 2021, CORREZE, 13.1, 'INSEE, RP 2021'),
        value('PART_FAM_MONO', 2021, NOUVELLE_AQUITAINE, 14.4, 'INSEE, RP 2021'),
        value('PART_FAM_MONO', 2021, FRANCE, 16.3, 'INSEE, RP 2021'),
      ],
      summary: {
        rowsKept: 14,
        rowsSkipped: 0,
        indicators: [
          { indicator: 'POP', year: 2021 },
          { indicator: 'PART_FAM_MONO', year: 2021 },
        ],
      },
    },
    LOCAL_EDIT,
  );

  const childcare = createObservation(
    mission,
    { text: 'Les familles manquent de places en crèche le mercredi!', theme: 'petite-enfance', sourceKind: 'entretien', date: '2026-03-12', author: 'Chargée de mission' },
    LOCAL_EDIT,
    CREATED_AT,
  );
  addObservationQuote(mission, childcare, "On n'a aucune solution le mercredi", LOCAL_EDIT, CREATED_AT);
  createObservation(
    mission,
    { text: 'Les retraités modestes renoncent à certains droits.', theme: 'revenus', sourceKind: 'atelier', date: '2026-04-02', author: '' },
    LOCAL_EDIT,
    CREATED_AT + 1,
  );
  createObservation(mission, { text: 'Le bus du marché ne passe plus.', theme: null, sourceKind: 'visite', date: null, author: '' }, LOCAL_EDIT, CREATED_AT + 2);

  const strength = createAfomItem(mission, { quadrant: 'atouts', text: 'Un tissu associatif dense' }, LOCAL_EDIT, CREATED_AT);
  setAfomIndicatorLink(mission, strength, 'PART_FAM_MONO', true, LOCAL_EDIT, CREATED_AT);
  createAfomItem(mission, { quadrant: 'menaces', text: 'Le départ des médecins' }, LOCAL_EDIT, CREATED_AT);

  const firstEnjeu = createEnjeu(mission, { title: 'Accueillir les jeunes enfants', description: 'Ouvrir des places le mercredi.', theme: 'petite-enfance' }, LOCAL_EDIT, CREATED_AT);
  setEnjeuObservationLink(mission, firstEnjeu, childcare, true, LOCAL_EDIT, CREATED_AT);
  setEnjeuIndicatorLink(mission, firstEnjeu, 'TX_PAUVRETE', true, LOCAL_EDIT, CREATED_AT);
  createEnjeu(mission, { title: 'Garder les services de proximité', description: '', theme: null }, LOCAL_EDIT, CREATED_AT);
  const orientation = createOrientation(mission, { title: 'Soutenir les familles', description: 'Une offre de garde adaptée.' }, LOCAL_EDIT, CREATED_AT);
  setOrientationEnjeuLink(mission, orientation, firstEnjeu, true, LOCAL_EDIT, CREATED_AT);

  const sheet = createActionSheet(mission, { title: 'Relais petite enfance itinérant' }, LOCAL_EDIT, CREATED_AT);
  updateActionSheet(
    mission,
    sheet,
    {
      generalObjective: 'Rapprocher l’accueil des familles.',
      operationalObjectives: 'Tenir une permanence par commune.',
      targetPublic: 'Familles avec enfants de moins de 3 ans',
      lead: 'Centre social de Lubersac',
      partners: 'CAF de la Corrèze, communes',
      humanResources: 'Une animatrice à mi-temps',
      budgetAmount: 42500,
      budgetDetails: 'Véhicule et animation',
      expectedResults: 'Des familles mieux informées',
    },
    LOCAL_EDIT,
    CREATED_AT,
  );
  addActionStep(mission, sheet, { label: 'Recrutement', startDate: '2027-01-04', endDate: '2027-03-31' }, LOCAL_EDIT, CREATED_AT);
  addCoFunder(mission, sheet, { name: 'CAF de la Corrèze', amount: 21250 }, LOCAL_EDIT, CREATED_AT);
  addEvaluationIndicator(
    mission,
    sheet,
    { label: 'Familles reçues', indicatorCode: null, baseline: '0 permanence', target: '10 permanences par mois', targetDate: '2027-12-31' },
    LOCAL_EDIT,
    CREATED_AT,
  );
  setActionSheetEnjeuLink(mission, sheet, firstEnjeu, true, LOCAL_EDIT, CREATED_AT);
  setActionSheetOrientation(mission, sheet, orientation, LOCAL_EDIT, CREATED_AT);
  setActionSheetStatus(mission, sheet, 'en-cours', LOCAL_EDIT, CREATED_AT);
  createActionSheet(mission, { title: 'Transport à la demande' }, LOCAL_EDIT, CREATED_AT);

  const mairie = createOrganisation(directory, { name: 'Mairie de Lubersac', kind: 'commune' }, LOCAL_EDIT, CREATED_AT);
  const claire = createContact(
    directory,
    { civility: 'mme', firstName: 'Claire', lastName: 'Martin', jobTitle: 'Adjointe aux affaires sociales', organisationId: mairie, category: 'elu', email: CLAIRE_EMAIL, phone: CLAIRE_PHONE },
    LOCAL_EDIT,
    CREATED_AT,
  );
  const karim = createContact(
    directory,
    { civility: 'm', firstName: 'Karim', lastName: 'Benali', jobTitle: 'Conseiller territorial', category: 'partenaire', email: KARIM_EMAIL, phone: KARIM_PHONE },
    LOCAL_EDIT,
    CREATED_AT,
  );
  const meeting = createMeeting(
    mission,
    { kind: 'atelier', title: 'Atelier petite enfance', date: '2026-04-02', startTime: '14:00', endTime: '16:30', communeName: 'Lubersac', room: 'Salle des fêtes' },
    LOCAL_EDIT,
    CREATED_AT,
  );
  inviteContacts(mission, meeting, [claire, karim], LOCAL_EDIT, CREATED_AT);
  setAttendance(mission, meeting, claire, 'present', LOCAL_EDIT, CREATED_AT);
  setAttendance(mission, meeting, karim, 'excused', LOCAL_EDIT, CREATED_AT);

  const board = createBoard(mission, LOCAL_EDIT, { meetingId: meeting, template: 'brainstorm', title: 'Idées pour les familles' }, CREATED_AT);
  const cardTexts = { unvoted: 'Un café des parents', second: 'Une ludothèque', mostVoted: 'Une crèche ouverte le mercredi' };
  const unvoted = addCard(mission, LOCAL_EDIT, board, { text: cardTexts.unvoted }, CREATED_AT);
  const second = addCard(mission, LOCAL_EDIT, board, { text: cardTexts.second }, CREATED_AT);
  const mostVoted = addCard(mission, LOCAL_EDIT, board, { text: cardTexts.mostVoted }, CREATED_AT);
  addDot(mission, LOCAL_EDIT, board, claire, second, CREATED_AT);
  addDot(mission, LOCAL_EDIT, board, claire, mostVoted, CREATED_AT);
  setPaperDots(mission, LOCAL_EDIT, board, mostVoted, 4, CREATED_AT);
  groupCards(mission, LOCAL_EDIT, board, [unvoted, mostVoted], 'Accueil des enfants', CREATED_AT);
  setVotesRevealed(mission, LOCAL_EDIT, board, true, CREATED_AT);

  return { source: readMissionDeliverableSource({ missionId: 'ctg-lubersac', mission, directory }, geography), cardTexts };
}

function emptyMission(): MissionDeliverableSource {
  const mission = new Y.Doc();
  createMission(new Y.Doc(), mission, newMissionInput({ title: 'Mission toute neuve' }), LOCAL_EDIT, CREATED_AT);
  return readMissionDeliverableSource({ missionId: 'empty', mission, directory: new Y.Doc() }, geography);
}

function section(report: ReportDocument, id: ReportSection['id']): ReportSection {
  const found = report.sections.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`section ${id} missing`);
  return found;
}

function blocksOf<Kind extends ReportBlock['kind']>(blocks: readonly ReportBlock[], kind: Kind): Extract<ReportBlock, { kind: Kind }>[] {
  return blocks.filter((block): block is Extract<ReportBlock, { kind: Kind }> => block.kind === kind);
}

/** Every word the reader can see in a section, one string per block. */
function textOf(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return block.text;
    case 'paragraph':
      return block.runs.map((run) => run.text).join('');
    case 'bullets':
      return block.items.map((runs) => runs.map((run) => run.text).join('')).join('\n');
    case 'table':
      return [block.columns.map((column) => column.header).join(' | '), ...block.rows.map((row) => row.map((cell) => cell.text).join(' | ')), block.caption ?? ''].join('\n');
    case 'fields':
      return block.rows.map((row) => `${row.label}: ${row.value}`).join('\n');
    case 'figure':
      return [block.chart.title, ...block.chart.bars.map((bar) => `${bar.label} ${bar.valueText}`), block.altText, block.caption].join('\n');
    case 'page-break':
      return '';
  }
}

function sectionText(report: ReportDocument, id: ReportSection['id']): string {
  return section(report, id).blocks.map(textOf).join('\n');
}

/** Compares French text whatever no-break spaces typography put in. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('the Word pre-diagnostic’s content', () => {
  test('the document holds only the sections the user included, in the order they chose', () => {
    const { source } = ctgMission();
    const sections: SectionChoice[] = [
      { id: 'annexes', included: true },
      { id: 'afom', included: true },
      { id: 'context-method', included: false },
      { id: 'action-sheets', included: true },
      { id: 'territory-portrait', included: false },
    ];
    const report = buildPreDiagnosticReport(source, { ...OPTIONS, sections });
    expect(report.sections.map((entry) => entry.id)).toEqual(['annexes', 'afom', 'action-sheets']);
    expect(report.sections.map((entry) => plain(entry.title))).toEqual(['Annexes : participants et sources', 'AFOM (atouts, faiblesses, opportunités, menaces)', 'Fiches actions']);
    expect(report.sections[0]?.title).toContain('\u00a0:');
  });

  test('the cover names the mission, its territory, sponsor, date, author and version, and warns that demo figures are fictitious', () => {
    const { source } = ctgMission();
    const report = buildPreDiagnosticReport(source, OPTIONS);
    expect(report.cover).toMatchObject({
      title: 'CTG du Pays de Lubersac-Pompadour',
      kind: 'Pré-diagnostic territorial',
      territory: 'CC du Pays de Lubersac-Pompadour',
      sponsor: 'CAF de la Corrèze',
      date: '22 novembre 2026',
      author: 'Chargée de mission CTG',
      version: 'Version 1 – document de travail',
    });
    expect(report.cover.fictitiousNotice).toBe(frenchTypography(FICTITIOUS_NOTICE));
    expect(plain(report.cover.fictitiousNotice ?? '')).toMatch(/^Données fictives : /);
    expect(report.runningHeader).toBe('CTG du Pays de Lubersac-Pompadour — Pré-diagnostic');
    const lead = section(report, 'context-method').blocks[0];
    expect(lead).toMatchObject({ kind: 'paragraph', runs: [{ bold: true }] });
    expect(plain(textOf(lead!))).toContain('Données fictives : ');
  });

  test('a real mission’s cover carries no fictitious-data warning', () => {
    const report = buildPreDiagnosticReport(emptyMission(), OPTIONS);
    expect(report.cover.fictitiousNotice).toBeNull();
    expect(sectionText(report, 'context-method')).not.toContain('Données fictives');
  });

  test('the context gives the territory’s population in French figures and the method counts meetings, observations and imports with their years', () => {
    const { source } = ctgMission();
    const text = plain(sectionText(buildPreDiagnosticReport(source, OPTIONS), 'context-method'));
    // The official geography's populations, not the figures imported for the diagnostic.
    const population = source.mission.communes.reduce((total, commune) => total + (commune.population ?? 0), 0);
    expect(population).toBeGreaterThan(1000);
    expect(text).toContain(`${plain(formatInteger(population))} habitants (population municipale, géographie officielle COG 2026)`);
    expect(text).toContain('10 communes : ');
    expect(text).toContain('Lubersac');
    expect(text).toContain('La démarche compte 1 réunion (Atelier : 1) ; 1 personne y a participé.');
    expect(text).toContain('Entretien : 1 constat');
    expect(text).toContain('Visite de terrain : 1 constat');
    expect(text).toContain('INSEE, Filosofi 2021 : année 2021 (fichier « filosofi-2021.xlsx », importé le 5 mars 2024).');
    expect(text).toContain('Objectif : partager le diagnostic avec les élus. C’est une démarche concertée.');
  });

  test('secret and missing figures read « secret stat. » and « n.d. » in tables and charts, never 0', () => {
    const { source } = ctgMission();
    const portrait = section(buildPreDiagnosticReport(source, OPTIONS), 'territory-portrait');
    const [keyFigures] = blocksOf(portrait.blocks, 'table');
    // The unit goes with the label and the EPCI made of the mission's communes is not repeated beside it.
    const poverty = keyFigures?.rows.find((row) => row[0]?.text === `${POVERTY} (%)`);
    expect(poverty?.map((cell) => cell.text)).toEqual([`${POVERTY} (%)`, '2021', 'secret stat.', '13,9', '13,6', 'n.d.']);
    expect(poverty?.[2]?.tone).toBe('secret');
    expect(poverty?.[5]?.tone).toBe('missing');

    const chart = blocksOf(portrait.blocks, 'figure').find((figure) => figure.chart.title.startsWith(POVERTY))?.chart;
    expect(chart?.bars).toEqual([
      { label: 'Territoire de la mission', value: null, valueText: 'secret stat.', highlight: true },
      { label: 'Corrèze', value: 13.9, valueText: '13,9\u00a0%', highlight: false },
      { label: 'Nouvelle-Aquitaine', value: 13.6, valueText: '13,6\u00a0%', highlight: false },
      { label: 'France', value: null, valueText: 'n.d.', highlight: false },
    ]);
    for (const table of blocksOf(portrait.blocks, 'table')) {
      for (const row of table.rows) expect(row.map((cell) => cell.text)).not.toContain('0');
    }
  });

  test('every chart has alternative text stating its values and a numbered caption with its source and year', () => {
    const { source } = ctgMission();
    const report = buildPreDiagnosticReport(source, OPTIONS);
    const figures = report.sections.flatMap((entry) => blocksOf(entry.blocks, 'figure'));
    expect(figures.map((figure) => figure.chart.title)).toEqual(['Part des familles monoparentales (2021)', `${POVERTY} (2021)`]);
    for (const [index, figure] of figures.entries()) {
      expect(plain(figure.caption)).toMatch(new RegExp(`^Figure ${index + 1} – .+ \\(2021\\)\\. Source : INSEE, .*2021\\.$`));
      for (const bar of figure.chart.bars) expect(plain(figure.altText)).toContain(plain(`${bar.label} : ${bar.valueText}`));
    }
    expect(plain(figures[1]!.altText)).toBe(
      'Diagramme en barres, Taux de pauvreté (seuil à 60 %) en 2021. Territoire de la mission : secret stat. ; Corrèze : 13,9 % ; Nouvelle-Aquitaine : 13,6 % ; France : n.d.',
    );
  });

  test('tables are numbered in document order, so moving a section renumbers its captions', () => {
    const { source } = ctgMission();
    const captions = (sections: SectionChoice[]) =>
      buildPreDiagnosticReport(source, { ...OPTIONS, sections })
        .sections.flatMap((entry) => blocksOf(entry.blocks, 'table'))
        .map((table) => plain(table.caption ?? ''));
    const portraitFirst = captions([{ id: 'territory-portrait', included: true }, { id: 'workshops', included: true }]);
    const workshopsFirst = captions([{ id: 'workshops', included: true }, { id: 'territory-portrait', included: true }]);
    expect(portraitFirst.map((caption) => caption.slice(0, 10))).toEqual(['Tableau 1 ', 'Tableau 2 ']);
    expect(portraitFirst[0]).toContain('Chiffres clés');
    expect(workshopsFirst[0]).toMatch(/^Tableau 1 – Cartes du tableau/);
    expect(workshopsFirst[1]).toMatch(/^Tableau 2 – Chiffres clés/);
  });

  test('each theme shows its indicators with comparisons and sources, then its observations with quotes in italics', () => {
    const { source } = ctgMission();
    const thematic = section(buildPreDiagnosticReport(source, OPTIONS), 'thematic-diagnostics');
    const themes = blocksOf(thematic.blocks, 'heading').filter((block) => block.level === 2).map((block) => block.text);
    expect(themes).toEqual(['Démographie', 'Familles et ménages', 'Revenus et pauvreté', 'Petite enfance', 'Constats non classés']);
    const [demography] = blocksOf(thematic.blocks, 'table');
    expect(demography?.columns.map((column) => column.header)).toEqual([
      'Indicateur',
      'Année',
      'Territoire de la mission',
      'Corrèze',
      'Nouvelle-Aquitaine',
      'France',
      'Source',
    ]);
    expect(demography?.rows[0]?.[0]?.text).toBe('Population municipale (personnes)');
    expect(demography?.rows[0]?.at(-1)?.text).toBe('INSEE, RP 2021');
    const text = plain(thematic.blocks.map(textOf).join('\n'));
    expect(text).toContain('Entretien, 12 mars 2026 — Les familles manquent de places en crèche le mercredi !');
    expect(text).toContain('Valeur publiée pour CC du Pays de Lubersac-Pompadour');
    const quote = blocksOf(thematic.blocks, 'paragraph').find((block) => block.look === 'quote');
    expect(quote?.runs).toEqual([{ text: '«\u00a0On n’a aucune solution le mercredi\u00a0»', italics: true }]);
    expect(text).toContain('Visite de terrain — Le bus du marché ne passe plus.');
  });

  test('the AFOM, enjeux and orientations cite their evidence and links', () => {
    const { source } = ctgMission();
    const report = buildPreDiagnosticReport(source, OPTIONS);
    const afom = plain(sectionText(report, 'afom'));
    expect(afom).toContain('Un tissu associatif dense (Part des familles monoparentales : 11,2 % en 2021)');
    expect(afom).toContain('Aucun élément dans « Faiblesses ».');
    const enjeux = plain(sectionText(report, 'enjeux'));
    expect(enjeux.indexOf('Priorité 1 – Accueillir les jeunes enfants')).toBeLessThan(enjeux.indexOf('Priorité 2 – Garder les services de proximité'));
    expect(enjeux).toContain('Constat : Les familles manquent de places en crèche le mercredi !');
    expect(enjeux).toContain(`Indicateur : ${POVERTY} : secret stat. en 2021`);
    const orientations = plain(sectionText(report, 'orientations'));
    expect(orientations).toContain('Orientation 1 – Soutenir les familles');
    expect(orientations).toContain('Enjeu : Priorité 1 – Accueillir les jeunes enfants');
    expect(orientations).toContain('Fiche action n° 1 — Relais petite enfance itinérant');
  });

  test('each fiche action starts on its own page and shows every field, empty ones as « Non renseigné »', () => {
    const { source } = ctgMission();
    const blocks = section(buildPreDiagnosticReport(source, OPTIONS), 'action-sheets').blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'fields', 'page-break', 'heading', 'fields']);
    const [full, empty] = blocksOf(blocks, 'fields');
    const labels = [
      'Enjeux',
      'Orientation stratégique',
      'Objectif général',
      'Objectifs opérationnels',
      'Public cible',
      'Pilote',
      'Partenaires',
      'Étapes et calendrier',
      'Moyens humains',
      'Budget prévisionnel',
      'Détail des moyens financiers',
      'Cofinanceurs',
      'Résultats attendus',
      'Indicateurs d’évaluation',
      'Statut',
    ];
    expect(full?.rows.map((row) => row.label)).toEqual(labels);
    expect(empty?.rows.map((row) => row.label)).toEqual(labels);
    const fields = Object.fromEntries((full?.rows ?? []).map((row) => [row.label, plain(row.value)]));
    expect(fields).toMatchObject({
      Enjeux: 'Priorité 1 – Accueillir les jeunes enfants',
      'Orientation stratégique': 'Soutenir les familles',
      Pilote: 'Centre social de Lubersac',
      'Étapes et calendrier': 'Recrutement : du 4 janvier 2027 au 31 mars 2027',
      'Budget prévisionnel': '42 500 €',
      Cofinanceurs: 'CAF de la Corrèze : 21 250 €',
      'Indicateurs d’évaluation': 'Familles reçues — valeur de départ : 0 permanence ; cible : 10 permanences par mois ; échéance : 31 décembre 2027',
      Statut: 'En cours',
    });
    const emptyFields = Object.fromEntries((empty?.rows ?? []).map((row) => [row.label, row.value]));
    expect(emptyFields).toMatchObject({ 'Objectif général': 'Non renseigné', 'Budget prévisionnel': 'Non renseigné', Statut: 'À lancer' });
    expect(blocksOf(blocks, 'heading').map((block) => block.level)).toEqual([2, 2]);
  });

  test('a workshop board lists its clusters and its cards ranked by votes', () => {
    const { source, cardTexts } = ctgMission();
    const workshop = section(buildPreDiagnosticReport(source, OPTIONS), 'workshops');
    const text = plain(workshop.blocks.map(textOf).join('\n'));
    expect(text).toContain('Idées pour les familles');
    expect(text).toContain('Atelier « Atelier petite enfance » du 2 avril 2026');
    expect(text).toContain('Accueil des enfants');
    const [cards] = blocksOf(workshop.blocks, 'table');
    expect(cards?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['1', cardTexts.mostVoted, 'Idées', '5'],
      ['2', cardTexts.second, 'Idées', '1'],
      ['—', cardTexts.unvoted, 'Idées', '0'],
    ]);
  });

  test('the annexes list who attended each meeting without any e-mail address or telephone number', () => {
    const { source } = ctgMission();
    const report = buildPreDiagnosticReport(source, OPTIONS);
    const annexes = plain(sectionText(report, 'annexes'));
    expect(annexes).toContain('Mme Claire Martin | Mairie de Lubersac | Adjointe aux affaires sociales | Élu·e | Présent·e');
    expect(annexes).toContain('M. Karim Benali |  | Conseiller territorial | Partenaire institutionnel (CAF, MSA, Département, État…) | Excusé·e');
    expect(annexes).toContain(`INSEE, Filosofi 2021 | 2021 | ${POVERTY}`);
    expect(annexes).toContain('« filosofi-2021.xlsx » : INSEE, Filosofi 2021 ; année 2021 ; 14 valeurs ; importé le 5 mars 2024.');
    const everything = JSON.stringify(report);
    for (const secret of [CLAIRE_EMAIL, CLAIRE_PHONE, KARIM_EMAIL, KARIM_PHONE, '@']) expect(everything).not.toContain(secret);
  });

  test('an empty mission still prints every section, each saying in French that it is empty', () => {
    const report = buildPreDiagnosticReport(emptyMission(), OPTIONS);
    expect(report.sections).toHaveLength(9);
    expect(plain(sectionText(report, 'action-sheets'))).toBe(plain(EMPTY_SECTION_TEXT['action-sheets']));
    expect(plain(sectionText(report, 'workshops'))).toBe(plain(EMPTY_SECTION_TEXT.workshops));
    expect(plain(sectionText(report, 'territory-portrait'))).toBe(plain(EMPTY_SECTION_TEXT['territory-portrait']));
    expect(plain(sectionText(report, 'annexes'))).toContain('Aucune réunion n’a encore été enregistrée.');
    for (const entry of report.sections) expect(entry.blocks.length).toBeGreaterThan(0);
  });
});
