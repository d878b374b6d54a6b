/**
 * A mission as a user would have filled it in, built from real documents with the app's own
 * operations, for the tests of the mission workbooks: two meetings with their attendance, a
 * revealed and a hidden board, four fiches actions (one per status), and a person erased from the
 * directory at her request after she had voted.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import * as Y from 'yjs';
import { addCard, addDot, createBoard, setPaperDots, setVotesRevealed } from '@shared/boards/board-operations';
import { createContact } from '@shared/directory/contact-operations';
import { createOrganisation } from '@shared/directory/organisation-operations';
import { eraseContactFromDirectory, eraseContactFromMission } from '@shared/erasure/person-erasure';
import { readMissionDeliverableSource, type MissionDeliverableSource } from '@shared/export/deliverables/deliverable-source';
import { checkInWalkIn, createMeeting, inviteContacts, setAttendance, setPhotoConsent, setSignature } from '@shared/meetings/meeting-operations';
import { addCommuneToTerritory, createMission, markMissionFictitious } from '@shared/operations/mission-operations';
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
import { createEnjeu } from '@shared/qualitative/enjeu-operations';
import { createOrientation } from '@shared/qualitative/orientation-operations';
import { loadGeography } from '../../../scripts/bench/bench-mission-territory';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { CREATED_AT, LOCAL_EDIT, newMissionInput } from '../domain-fixtures';
import { aSignature } from '../meetings/meeting-fixtures';

/** 14 June 2024, mid-morning on this machine's clock: deadlines are judged against this day. */
export const GENERATED_AT = new Date(2024, 5, 14, 10, 30);

/** Contact details and notes that a shared workbook must never carry. */
export const PRIVATE_DETAILS = [
  'claire.dupont@bavay.fr',
  '03 27 63 12 34',
  'mehdi.benali@example.org',
  '06 12 34 56 78',
  'josiane@lescale.fr',
  'theo.caron@example.org',
  '12 rue des Tilleuls',
  'Préfère être appelée le matin',
];

/** The person erased at her request: her name must appear nowhere. */
export const ERASED_NAMES = ['Hénin', 'HÉNIN', 'Gérard'];

export interface WorkbookMission {
  source: MissionDeliverableSource;
  mission: Y.Doc;
  directory: Y.Doc;
}

const geography = loadGeography();

function commune(code: string) {
  const found = geography.communeByCode.get(code);
  if (!found) throw new Error(`Commune ${code} absente de la géographie ${geography.vintage}.`);
  return found;
}

let clock = CREATED_AT;
/** Each operation a moment after the previous one, as a user would make them. */
function tick(): number {
  clock += 60_000;
  return clock;
}

export function workbookMission({ fictitious = false }: { fictitious?: boolean } = {}): WorkbookMission {
  const workspace = new Y.Doc();
  const mission = new Y.Doc();
  const directory = new Y.Doc();
  const missionId = createMission(workspace, mission, newMissionInput({ title: 'CTG du Pays de Mormal', sponsor: 'CAF du Nord' }), LOCAL_EDIT, tick());
  addCommuneToTerritory(mission, commune('59053'), LOCAL_EDIT, tick());
  addCommuneToTerritory(mission, commune('59331'), LOCAL_EDIT, tick());
  if (fictitious) markMissionFictitious(mission, LOCAL_EDIT, tick());

  const mairie = createOrganisation(directory, { name: 'Mairie de Bavay', kind: 'commune' }, LOCAL_EDIT, tick());
  const escale = createOrganisation(directory, { name: 'Centre social L’Escale', kind: 'association' }, LOCAL_EDIT, tick());
  const claire = createContact(
    directory,
    {
      civility: 'mme',
      firstName: 'Claire',
      lastName: 'Dupont',
      jobTitle: 'Maire',
      organisationId: mairie,
      category: 'elu',
      communeCode: '59053',
      communeName: 'Bavay',
      email: 'claire.dupont@bavay.fr',
      phone: '03 27 63 12 34',
      notes: 'Préfère être appelée le matin',
      legalBasis: 'public-interest',
      retentionUntil: '2027-03-12',
    },
    LOCAL_EDIT,
    tick(),
  );
  const mehdi = createContact(
    directory,
    {
      firstName: 'Mehdi',
      lastName: 'Benali',
      category: 'habitant',
      communeCode: '59331',
      communeName: 'Landrecies',
      email: 'mehdi.benali@example.org',
      phone: '06 12 34 56 78',
      notes: '12 rue des Tilleuls',
      legalBasis: 'consent',
      consentDate: '2024-03-12',
      retentionUntil: '2027-04-02',
    },
    LOCAL_EDIT,
    tick(),
  );
  const josiane = createContact(
    directory,
    {
      firstName: 'Josiane',
      lastName: 'Lefèvre',
      jobTitle: 'Directrice',
      organisationId: escale,
      category: 'associatif',
      communeCode: '59053',
      communeName: 'Bavay',
      email: 'josiane@lescale.fr',
      legalBasis: 'public-interest',
      retentionUntil: '2027-03-12',
    },
    LOCAL_EDIT,
    tick(),
  );
  const gerard = createContact(
    directory,
    { firstName: 'Gérard', lastName: 'Hénin', category: 'habitant', communeName: 'Landrecies', legalBasis: 'consent', consentDate: '2024-04-02' },
    LOCAL_EDIT,
    tick(),
  );

  const copil = createMeeting(
    mission,
    { kind: 'copil', title: 'Comité de pilotage de lancement', date: '2024-03-12', schedule: 'single', startTime: '14:00', endTime: '16:30', communeCode: '59053', communeName: 'Bavay', room: 'Salle des fêtes', agenda: '', organiser: 'CAF du Nord' },
    LOCAL_EDIT,
    tick(),
  );
  inviteContacts(mission, copil, [claire, josiane, mehdi], LOCAL_EDIT, tick());
  setSignature(mission, copil, claire, 'single', aSignature(), LOCAL_EDIT, tick());
  setAttendance(mission, copil, josiane, 'excused', LOCAL_EDIT, tick());
  setAttendance(mission, copil, mehdi, 'absent', LOCAL_EDIT, tick());

  const atelier = createMeeting(
    mission,
    { kind: 'atelier', title: 'Petite enfance', date: '2024-04-02', schedule: 'single', startTime: '18:00', endTime: '20:00', communeCode: '59331', communeName: 'Landrecies', room: 'Centre social', agenda: '', organiser: 'CAF du Nord' },
    LOCAL_EDIT,
    tick(),
  );
  inviteContacts(mission, atelier, [claire, mehdi, gerard], LOCAL_EDIT, tick());
  setSignature(mission, atelier, claire, 'single', aSignature(), LOCAL_EDIT, tick());
  setAttendance(mission, atelier, mehdi, 'present', LOCAL_EDIT, tick());
  setPhotoConsent(mission, atelier, mehdi, 'yes', LOCAL_EDIT, tick());
  setAttendance(mission, atelier, gerard, 'present', LOCAL_EDIT, tick());
  checkInWalkIn(
    directory,
    mission,
    atelier,
    { firstName: 'Théo', lastName: 'Caron', category: 'habitant', communeCode: '59331', communeName: 'Landrecies', email: 'theo.caron@example.org', legalBasis: 'consent', consentDate: '2024-04-02' },
    LOCAL_EDIT,
    tick(),
  );

  const afom = createBoard(mission, LOCAL_EDIT, { meetingId: atelier, template: 'afom', title: 'AFOM petite enfance' }, tick());
  const tissu = addCard(mission, LOCAL_EDIT, afom, { text: 'Un tissu associatif vivant', zoneId: 'atouts', authorId: claire, colour: 'green' }, tick());
  const creche = addCard(mission, LOCAL_EDIT, afom, { text: 'Peu de places en crèche', zoneId: 'faiblesses', authorId: mehdi, colour: 'pink' }, tick());
  const ecoles = addCard(mission, LOCAL_EDIT, afom, { text: 'Des écoles dans chaque village', zoneId: 'atouts' }, tick());
  addCard(mission, LOCAL_EDIT, afom, { text: 'Horaires de la crèche inadaptés', zoneId: 'faiblesses', authorId: gerard }, tick());
  addCard(mission, LOCAL_EDIT, afom, { text: 'Fermeture annoncée de la PMI', zoneId: 'menaces' }, tick());
  addDot(mission, LOCAL_EDIT, afom, claire, tissu, tick());
  addDot(mission, LOCAL_EDIT, afom, mehdi, creche, tick());
  addDot(mission, LOCAL_EDIT, afom, mehdi, creche, tick());
  addDot(mission, LOCAL_EDIT, afom, gerard, creche, tick());
  addDot(mission, LOCAL_EDIT, afom, gerard, tissu, tick());
  setPaperDots(mission, LOCAL_EDIT, afom, ecoles, 2, tick());
  setVotesRevealed(mission, LOCAL_EDIT, afom, true, tick());

  const ideas = createBoard(mission, LOCAL_EDIT, { meetingId: copil, template: 'brainstorm', title: 'Idées du COPIL' }, tick());
  const navette = addCard(mission, LOCAL_EDIT, ideas, { text: 'Une navette le mercredi', authorId: josiane }, tick());
  addDot(mission, LOCAL_EDIT, ideas, claire, navette, tick());

  const garde = createEnjeu(mission, { title: 'Accès aux modes de garde', description: '', theme: 'petite-enfance' }, LOCAL_EDIT, tick());
  const parents = createEnjeu(mission, { title: 'Soutien à la parentalité', description: '', theme: 'parentalite' }, LOCAL_EDIT, tick());
  const conciliation = createOrientation(mission, { title: 'Concilier vie familiale et vie professionnelle', description: '' }, LOCAL_EDIT, tick());

  const microCreche = createActionSheet(mission, { title: 'Créer une micro-crèche à Bavay' }, LOCAL_EDIT, tick());
  setActionSheetOrientation(mission, microCreche, conciliation, LOCAL_EDIT, tick());
  setActionSheetEnjeuLink(mission, microCreche, garde, true, LOCAL_EDIT, tick());
  setActionSheetEnjeuLink(mission, microCreche, parents, true, LOCAL_EDIT, tick());
  setActionSheetStatus(mission, microCreche, 'en-cours', LOCAL_EDIT, tick());
  updateActionSheet(mission, microCreche, { lead: 'Mairie de Bavay', budgetAmount: 250_000 }, LOCAL_EDIT, tick());
  addActionStep(mission, microCreche, { label: 'Étude des besoins', startDate: '2024-01-15', endDate: '2024-03-31' }, LOCAL_EDIT, tick());
  addActionStep(mission, microCreche, { label: 'Travaux', startDate: '2024-04-01', endDate: '2024-06-30' }, LOCAL_EDIT, tick());
  addCoFunder(mission, microCreche, { name: 'CAF du Nord', amount: 120_000 }, LOCAL_EDIT, tick());
  addCoFunder(mission, microCreche, { name: 'Département du Nord', amount: 50_000 }, LOCAL_EDIT, tick());
  addEvaluationIndicator(mission, microCreche, { label: 'Places d’accueil créées', indicatorCode: null, baseline: '0', target: '12', targetDate: '2024-09-01' }, LOCAL_EDIT, tick());
  addEvaluationIndicator(mission, microCreche, { label: 'Enfants de moins de 3 ans accueillis', indicatorCode: 'POP_0_2', baseline: '45,5', target: '60 %', targetDate: null }, LOCAL_EDIT, tick());

  const cafe = createActionSheet(mission, { title: 'Café des parents itinérant' }, LOCAL_EDIT, tick());
  setActionSheetEnjeuLink(mission, cafe, parents, true, LOCAL_EDIT, tick());
  updateActionSheet(mission, cafe, { lead: 'Centre social L’Escale', budgetAmount: 18_500 }, LOCAL_EDIT, tick());
  addActionStep(mission, cafe, { label: 'Première tournée', startDate: '2024-02-01', endDate: '2024-05-31' }, LOCAL_EDIT, tick());
  addCoFunder(mission, cafe, { name: 'CAF du Nord', amount: 8_000 }, LOCAL_EDIT, tick());
  addCoFunder(mission, cafe, { name: 'MSA', amount: null }, LOCAL_EDIT, tick());
  addEvaluationIndicator(mission, cafe, { label: 'Familles touchées', indicatorCode: null, baseline: '1 250', target: '2 000', targetDate: '2025-06-30' }, LOCAL_EDIT, tick());

  const guide = createActionSheet(mission, { title: 'Guide des aides aux familles' }, LOCAL_EDIT, tick());
  setActionSheetStatus(mission, guide, 'realisee', LOCAL_EDIT, tick());
  addActionStep(mission, guide, { label: 'Rédaction', startDate: '2024-01-02', endDate: '2024-02-28' }, LOCAL_EDIT, tick());

  const navetteRpe = createActionSheet(mission, { title: 'Navette vers le relais petite enfance' }, LOCAL_EDIT, tick());
  setActionSheetStatus(mission, navetteRpe, 'abandonnee', LOCAL_EDIT, tick());
  updateActionSheet(mission, navetteRpe, { budgetAmount: 40_000 }, LOCAL_EDIT, tick());
  addActionStep(mission, navetteRpe, { label: 'Essai', startDate: '2024-03-01', endDate: '2024-04-30' }, LOCAL_EDIT, tick());

  // Gérard asked to be forgotten after the workshop: the directory and the mission let him go.
  const erased = eraseContactFromDirectory(directory, gerard, LOCAL_EDIT, tick());
  eraseContactFromMission(mission, [gerard, ...erased.formerIds], erased.names, LOCAL_EDIT);

  return { source: readMissionDeliverableSource({ missionId, mission, directory }, geography), mission, directory };
}

/** A mission just created: no meeting, no board, no fiche action. */
export function emptyMissionSource(): MissionDeliverableSource {
  const mission = new Y.Doc();
  const missionId = createMission(new Y.Doc(), mission, newMissionInput({ title: 'Nouvelle mission' }), LOCAL_EDIT, tick());
  return readMissionDeliverableSource({ missionId, mission, directory: new Y.Doc() }, geography);
}

/** Every cell's displayed text, sheet by sheet, to look for what a workbook must not carry. */
export function workbookText(workbook: ExcelJS.Workbook): string {
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    sheet.eachRow((row) => row.eachCell((cell) => lines.push(cell.text)));
  });
  return lines.join('\n');
}

export function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`Pas de feuille « ${name} ».`);
  return sheet;
}

/** A row's values from column A, as exceljs reads them back. */
export function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number, columnCount = sheet.columnCount): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: columnCount }, (_, index) => row.getCell(index + 1).value ?? null);
}

/**
 * The value a formula cell carries in the file, as written: exceljs reads a cached 0 or "" back as
 * no value at all, yet those are what a viewer that never recalculates shows.
 */
export async function cachedFormulaValue(bytes: Uint8Array, sheetPosition: number, reference: string): Promise<{ formula: string; cached: string } | null> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(`xl/worksheets/sheet${sheetPosition}.xml`)?.async('string');
  const match = new RegExp(`<c r="${reference}"[^>]*><f>([^<]*)</f><v>([^<]*)</v></c>`).exec(xml ?? '');
  return match ? { formula: match[1] ?? '', cached: match[2] ?? '' } : null;
}

/** Totals of the fiches above, worked out by hand so a wrong formula or cached value shows. */
export const EXPECTED_TOTALS = {
  budget: 250_000 + 18_500 + 40_000,
  coFunding: 120_000 + 50_000 + 8_000,
  remaining: 250_000 - 170_000 + (18_500 - 8_000) + 40_000,
};

export interface CsvSheets {
  /** Sheet name → rows of cells, as LibreOffice printed them. */
  sheets: Map<string, string[][]>;
  /** Everything LibreOffice wrote, to look for what must not be there. */
  allText: string;
}

/** Opens the workbook once in LibreOffice headless and reads every sheet back as CSV. */
export async function openInLibreOffice(fileName: string, bytes: Uint8Array, sheetNames: readonly string[]): Promise<CsvSheets> {
  const workDir = await mkdtemp(join(tmpdir(), 'bocage-workbook-'));
  try {
    const path = join(workDir, fileName);
    await writeFile(path, bytes);
    const files = await convertWithLibreOffice(path, 'csv', workDir, 90_000);
    const sheets = new Map<string, string[][]>();
    let allText = '';
    const stem = basename(fileName, '.xlsx');
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      allText += `${text}\n`;
      const suffix = basename(file, '.csv').slice(stem.length + 1);
      const name = sheetNames.find((candidate) => candidate === suffix) ?? suffix;
      sheets.set(name, Papa.parse<string[]>(text, { skipEmptyLines: false }).data);
    }
    return { sheets, allText };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
