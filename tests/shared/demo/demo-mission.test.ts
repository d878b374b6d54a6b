import { beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DEMO_SOURCE } from '@shared/demo/demo-context';
import { BENCHMARK_DEMO_SCALE, createDemoMission, DEMO_MISSION_TITLE, type DemoScale } from '@shared/demo/demo-mission';
import { MISSING_TEXT, SECRET_TEXT } from '@shared/diagnostic/indicator-table';
import { readMissionDeliverableSource, type MissionDeliverableSource } from '@shared/export/deliverables/deliverable-source';
import { expandGeography, type Geography } from '@shared/geography/geography';
import { AFOM_QUADRANTS } from '@shared/qualitative/qualitative-vocabulary';
import { loadCompactGeography } from '../../../scripts/vite/geography-plugin';

const NOW = Date.UTC(2026, 2, 2, 9, 0);

let geography: Geography;

beforeAll(() => {
  geography = expandGeography(loadCompactGeography());
});

function demo(scale?: DemoScale, now = NOW): { source: MissionDeliverableSource; workspace: Y.Doc } {
  const workspace = new Y.Doc();
  const mission = new Y.Doc();
  const directory = new Y.Doc();
  const missionId = createDemoMission({ workspace, mission, directory }, geography, 'test', { now, scale });
  return { source: readMissionDeliverableSource({ missionId, mission, directory }, geography), workspace };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Ids are random by design, and lists kept in id order (links, participants) come out in another
 * order each run: two runs agree once every id is blanked and every list and map compared as a set.
 */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UUID, 'ID');
  if (Array.isArray(value)) return value.map(canonical).map((item) => JSON.stringify(item)).sort();
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).map(([key, item]) => JSON.stringify([canonical(key), canonical(item)])).sort();
  }
  return value;
}

function content(source: MissionDeliverableSource): string {
  return JSON.stringify(canonical(JSON.parse(JSON.stringify(source))));
}

describe('the demo mission ("Mission exemple")', () => {
  let source: MissionDeliverableSource;
  let workspace: Y.Doc;

  beforeAll(() => {
    ({ source, workspace } = demo());
  });

  test('is marked fictitious and says so in its description, so its figures cannot pass for real ones', () => {
    expect(source.mission.title).toBe(DEMO_MISSION_TITLE);
    expect(source.fictitious).toBe(true);
    expect(source.mission.description).toContain('fictifs');
    expect(source.mission.description).toContain(DEMO_SOURCE);
    expect(source.mission.sponsor).toContain('fictif');
    expect(workspace.getMap('missions').has(source.missionId)).toBe(true);
  });

  test('covers a real rural intercommunality with the populations of the shipped geography', () => {
    expect(source.mission.epcis).toHaveLength(1);
    const epci = geography.epciByCode.get(source.mission.epcis[0]!.code)!;
    expect(epci.members.length).toBeGreaterThanOrEqual(10);
    expect(epci.members.length).toBeLessThanOrEqual(20);
    expect(source.mission.communes.map((commune) => commune.code).sort()).toEqual([...epci.members].sort());
    for (const commune of source.mission.communes) expect(commune.population).toBe(geography.communeByCode.get(commune.code)!.population);
    const population = source.diagnostic.themes.flatMap((theme) => theme.rows).find((row) => row.definition.code === 'POP')!;
    const total = epci.members.reduce((sum, code) => sum + (geography.communeByCode.get(code)!.population ?? 0), 0);
    expect(population.mission.value).toBe(total);
  });

  test('gives figures for the communes and for every comparison territory, over several years, all sourced as fictitious', () => {
    const values = [...source.diagnostic.index.values()];
    const levels = new Set(values.map((value) => value.territory.split(':')[0]));
    expect([...levels].sort()).toEqual(['commune', 'departement', 'epci', 'france', 'region']);
    expect(source.diagnostic.index.years('POP').length).toBeGreaterThanOrEqual(2);
    expect(new Set(values.map((value) => value.source))).toEqual(new Set([DEMO_SOURCE]));
    expect(source.diagnostic.imports.map((record) => record.source)).toEqual([DEMO_SOURCE]);
    expect(source.diagnostic.definitions.filter((definition) => definition.custom).length).toBeGreaterThan(0);
    expect(values.some((value) => value.origin === 'manual')).toBe(true);
  });

  test('has secret and missing figures that the indicator table shows as such, never as 0', () => {
    const values = [...source.diagnostic.index.values()];
    expect(values.filter((value) => value.status === 'secret').length).toBeGreaterThan(0);
    expect(values.filter((value) => value.status === 'missing').length).toBeGreaterThan(0);
    const cells = source.diagnostic.themes.flatMap((theme) => theme.rows).flatMap((row) => [...row.communes, ...row.comparisons]);
    expect(cells.some(({ cell }) => cell.formatted === SECRET_TEXT)).toBe(true);
    expect(cells.some(({ cell }) => cell.formatted === MISSING_TEXT)).toBe(true);
    for (const { cell } of cells) if (cell.status !== 'ok') expect(cell.value).toBeNull();
  });

  test('has observations with quotes, a full AFOM, ranked enjeux and orientations that group them', () => {
    const { observations, afom, enjeux, orientations } = source.qualitative;
    expect(observations.length).toBeGreaterThanOrEqual(5);
    expect(observations.filter((observation) => observation.quotes.length > 0).length).toBeGreaterThanOrEqual(5);
    expect(observations.every((observation) => observation.date !== null && observation.author !== '' && observation.theme !== null)).toBe(true);
    expect(new Set(afom.map((item) => item.quadrant))).toEqual(new Set(AFOM_QUADRANTS.map((quadrant) => quadrant.id)));
    expect(enjeux.map((enjeu) => enjeu.rank)).toEqual(enjeux.map((_, index) => index + 1));
    expect(enjeux.every((enjeu) => enjeu.observationIds.length > 0 && enjeu.description !== '')).toBe(true);
    expect(orientations.length).toBeGreaterThanOrEqual(2);
    expect(new Set(orientations.flatMap((orientation) => orientation.enjeuIds))).toEqual(new Set(enjeux.map((enjeu) => enjeu.id)));
  });

  test('has fiches actions with every field filled in, as an action plan would print them', () => {
    const sheets = source.qualitative.actionSheets;
    expect(sheets.length).toBeGreaterThanOrEqual(5);
    expect(new Set(sheets.map((sheet) => sheet.status)).size).toBeGreaterThanOrEqual(3);
    for (const sheet of sheets) {
      for (const text of [sheet.title, sheet.generalObjective, sheet.operationalObjectives, sheet.targetPublic, sheet.lead, sheet.partners, sheet.humanResources, sheet.budgetDetails, sheet.expectedResults]) {
        expect(text.trim()).not.toBe('');
      }
      expect(sheet.number).not.toBeNull();
      expect(sheet.budgetAmount).toBeGreaterThan(0);
      expect(sheet.enjeuIds.length).toBeGreaterThan(0);
      expect(sheet.orientationId).not.toBeNull();
      expect(sheet.steps.length).toBeGreaterThan(0);
      for (const step of sheet.steps) expect(step.startDate !== null && step.endDate !== null && step.startDate <= step.endDate).toBe(true);
      expect(sheet.coFunders.length).toBeGreaterThan(0);
      expect(sheet.coFunders.every((coFunder) => coFunder.amount !== null && coFunder.amount > 0)).toBe(true);
      expect(sheet.evaluationIndicators.length).toBeGreaterThan(0);
      for (const evaluation of sheet.evaluationIndicators) {
        expect(evaluation.baseline).not.toBe('');
        expect(evaluation.target).not.toBe('');
        expect(evaluation.targetDate).not.toBeNull();
      }
    }
    // Baselines and targets are written as French readers expect: decimal comma, spaced thousands.
    const figures = sheets.flatMap((sheet) => sheet.evaluationIndicators.flatMap((evaluation) => [evaluation.baseline, evaluation.target]));
    expect(figures.some((text) => /\d,\d/.test(text))).toBe(true);
    expect(figures.some((text) => /\d \d{3}/.test(text))).toBe(true);
  });

  test('has fictitious people with their GDPR fields, invited to meetings where they were present, excused or absent', () => {
    const contacts = source.directory.contacts;
    expect(new Set(contacts.map((contact) => contact.category))).toEqual(new Set(['elu', 'technicien', 'partenaire', 'associatif', 'habitant']));
    for (const contact of contacts) {
      expect(contact.email).toMatch(/@example\.org$/);
      expect(contact.retentionUntil).not.toBeNull();
      expect(contact.dataSource).toMatch(/fictif|fictive/);
      expect(contact.legalBasis === 'consent').toBe(contact.consentDate !== null);
    }
    expect(contacts.some((contact) => contact.legalBasis === 'consent')).toBe(true);

    expect(source.meetings.length).toBeGreaterThanOrEqual(2);
    const participants = source.meetings.flatMap((meeting) => meeting.participants);
    const known = new Set(contacts.map((contact) => contact.id));
    expect(participants.every((participant) => known.has(participant.contactId) && participant.invited)).toBe(true);
    expect(new Set(participants.map((participant) => participant.attendance))).toEqual(new Set(['present', 'excused', 'absent']));
    expect(participants.some((participant) => Object.keys(participant.signatures).length > 0)).toBe(true);
    expect(participants.some((participant) => participant.photoConsent !== null)).toBe(true);
  });

  test('has workshop boards with cards, clusters and dot votes from the meetings’ participants', () => {
    expect(source.boards.map((board) => board.template)).toEqual(['afom', 'problem-tree']);
    for (const board of source.boards) {
      const meeting = source.meetings.find((candidate) => candidate.id === board.meetingId)!;
      const present = new Set(meeting.participants.filter((participant) => participant.attendance === 'present').map((participant) => participant.contactId));
      expect(board.cards.length).toBeGreaterThan(10);
      expect(board.clusters.length).toBeGreaterThanOrEqual(3);
      expect(board.cards.filter((card) => card.clusterId !== null).length).toBeGreaterThanOrEqual(6);
      expect(board.voting.revealed).toBe(true);
      expect(board.voting.dots.length).toBeGreaterThan(0);
      expect(board.voting.dots.every((dot) => present.has(dot.voterId))).toBe(true);
      expect(Object.keys(board.voting.tallies).length).toBeGreaterThan(0);
      expect(board.cards.filter((card) => card.authorId !== null).every((card) => present.has(card.authorId!))).toBe(true);
    }
  });

  test('is the same mission every time for the same moment, so exports and tests are stable', () => {
    expect(content(demo().source)).toBe(content(source));
    expect(content(demo(undefined, NOW + 86_400_000).source)).not.toBe(content(source));
  });
});

describe('the demo mission at the benchmark’s scale', () => {
  test('has the requested communes, indicator rows, fiches actions, boards and cards', () => {
    const { source } = demo(BENCHMARK_DEMO_SCALE);
    expect(source.mission.communes).toHaveLength(30);
    expect(source.diagnostic.themes.reduce((total, theme) => total + theme.rows.length, 0)).toBe(40);
    expect(source.diagnostic.definitions.filter((definition) => definition.custom).length).toBeGreaterThan(0);
    expect(source.qualitative.actionSheets).toHaveLength(20);
    expect(new Set(source.qualitative.actionSheets.map((sheet) => sheet.title)).size).toBe(20);
    expect(source.boards).toHaveLength(3);
    expect(source.boards.map((board) => board.cards.length)).toEqual([60, 60, 60]);
  });

  test('refuses, in French, a size no intercommunality of the geography has', () => {
    expect(() => demo({ ...BENCHMARK_DEMO_SCALE, communes: 100_000 })).toThrow(/Aucune intercommunalité de 100000 communes/);
  });
});
