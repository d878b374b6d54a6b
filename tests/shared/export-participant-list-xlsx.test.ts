import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingParticipantListFileName, missionParticipantListFileName } from '@shared/export/export-file-names';
import {
  buildMeetingParticipantListXlsx,
  buildMissionParticipantListXlsx,
  type MeetingParticipantList,
  type MissionParticipantList,
} from '@shared/export/participant-list-xlsx';
import { saveFileRequestSchema } from '@shared/ipc/ipc-contract';
import { HAS_LIBREOFFICE, LIBREOFFICE_SKIP_NOTE, LIBREOFFICE_TIMEOUT_MS, libreOfficeScratch, pdfPages, readWorkbook } from './gdpr/test-support';

const GENERATED_AT = new Date('2026-03-20T10:15:00Z');
const HEADER_ROW = 4;

const COPIL = { kindLabel: 'COPIL', title: 'Comité de pilotage de lancement', date: '2026-03-12' };
const ATELIER = { kindLabel: 'Atelier', title: 'Petite enfance', date: '2026-04-02' };

function missionList(rowCount = 2): MissionParticipantList {
  const people = [
    {
      sortName: 'DUPONT Claire',
      jobTitle: 'Maire',
      organisation: 'Mairie de Bavay',
      category: 'Élu·e',
      commune: 'Bavay',
      email: 'claire.dupont@bavay.fr',
      phone: '03 27 00 00 00',
      meetingsAttended: [COPIL, ATELIER],
    },
    {
      sortName: 'BENALI Mehdi',
      jobTitle: 'Conseiller territorial',
      organisation: 'CAF du Nord',
      category: 'Partenaire institutionnel (CAF, MSA, Département, État…)',
      commune: 'Maubeuge',
      email: '',
      phone: '',
      meetingsAttended: [],
    },
  ];
  const rows = Array.from({ length: rowCount }, (_, index) => {
    const person = people[index % people.length] ?? people[0];
    if (!person) throw new Error('fixture');
    return index < people.length ? person : { ...person, sortName: `${person.sortName} ${index}` };
  });
  return { missionTitle: 'Diagnostic CTG Pays de Mormal', generatedAt: GENERATED_AT, rows };
}

function meetingList(): MeetingParticipantList {
  return {
    missionTitle: 'Diagnostic CTG Pays de Mormal',
    meetingKind: 'copil',
    purpose: 'Comité de pilotage de lancement',
    date: '2026-03-12',
    communeName: 'Bavay',
    room: 'Salle des fêtes',
    generatedAt: GENERATED_AT,
    rows: [
      {
        sortName: 'DUPONT Claire',
        organisation: 'Mairie de Bavay',
        category: 'Élu·e',
        commune: 'Bavay',
        attendance: 'present',
        invited: true,
        signedSlots: ['Matin', 'Après-midi'],
        photoConsent: 'yes',
        recordingConsent: 'no',
      },
      {
        sortName: 'CARON Théo',
        organisation: '',
        category: 'Habitant·e',
        commune: 'Bavay',
        attendance: 'present',
        invited: false,
        signedSlots: ['Matin'],
        photoConsent: null,
        recordingConsent: null,
      },
      {
        sortName: 'BENALI Mehdi',
        organisation: 'CAF du Nord',
        category: 'Partenaire institutionnel (CAF, MSA, Département, État…)',
        commune: 'Maubeuge',
        attendance: 'excused',
        invited: true,
        signedSlots: [],
        photoConsent: null,
        recordingConsent: null,
      },
    ],
  };
}

function onlySheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const [sheet] = workbook.worksheets;
  if (!sheet) throw new Error('Le classeur n’a aucune feuille.');
  return sheet;
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const values = sheet.getRow(rowNumber).values;
  return Array.isArray(values) ? values.slice(1) : [];
}

describe('participant list of a mission as an Excel workbook', () => {
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    sheet = onlySheet(await readWorkbook(await buildMissionParticipantListXlsx(missionList())));
  });

  it('has a title, an export date with a restricted-use warning, then one row per person with every column', () => {
    expect(sheet.getCell('A1').text).toBe('Participants – Diagnostic CTG Pays de Mormal');
    expect(sheet.getCell('A2').text).toMatch(/^Exporté le 20\/03\/2026 \d\d:\d\d\. Document contenant des données personnelles/);
    expect(rowValues(sheet, HEADER_ROW)).toEqual([
      'Nom et prénom',
      'Fonction',
      'Structure',
      'Catégorie',
      'Commune',
      'Courriel',
      'Téléphone',
      'Réunions suivies',
      'Lesquelles',
    ]);
    expect(rowValues(sheet, HEADER_ROW + 1)).toEqual([
      'DUPONT Claire',
      'Maire',
      'Mairie de Bavay',
      'Élu·e',
      'Bavay',
      'claire.dupont@bavay.fr',
      '03 27 00 00 00',
      2,
      'COPIL – Comité de pilotage de lancement (12 mars 2026)\nAtelier – Petite enfance (2 avril 2026)',
    ]);
    expect(sheet.getCell(HEADER_ROW + 2, 8).value).toBe(0);
    expect(sheet.getCell(HEADER_ROW + 1, 9).alignment?.wrapText).toBe(true);
  });

  it('filters and freezes on the header row and prints A4 landscape, one page wide, the header on every page', () => {
    expect(sheet.autoFilter).toBe(`A${HEADER_ROW}:I${HEADER_ROW + 2}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(20);
    expect(sheet.getColumn(9).width).toBeGreaterThanOrEqual(35);
    const header = sheet.getCell(HEADER_ROW, 1);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('says there is nobody rather than leaving an empty table', async () => {
    const empty = onlySheet(await readWorkbook(await buildMissionParticipantListXlsx({ ...missionList(), rows: [] })));
    expect(empty.getCell(HEADER_ROW + 1, 1).text).toBe('Aucun participant.');
    expect(empty.autoFilter).toBe(`A${HEADER_ROW}:I${HEADER_ROW}`);
  });

  it('is saved as "participants-<mission>.xlsx", in plain ASCII the save bridge accepts', () => {
    const name = missionParticipantListFileName({ title: 'Diagnostic CTG « Pays de Mormal » – 2026' });
    expect(name).toBe('participants-diagnostic-ctg-pays-de-mormal-2026.xlsx');
    expect(saveFileRequestSchema.safeParse({ fileKind: 'xlsx', suggestedName: name, bytes: new Uint8Array([1]) }).success).toBe(true);
    expect(missionParticipantListFileName({ title: '' })).toBe('participants.xlsx');
  });
});

describe('participant list of a meeting as an Excel workbook', () => {
  let sheet: ExcelJS.Worksheet;

  beforeAll(async () => {
    sheet = onlySheet(await readWorkbook(await buildMeetingParticipantListXlsx(meetingList())));
  });

  it('names the meeting, then gives attendance, invitation, signed slots and consents in words', () => {
    expect(sheet.getCell('A1').text).toBe('Participants – COPIL – Comité de pilotage de lancement – jeudi 12 mars 2026, Salle des fêtes, Bavay');
    expect(sheet.getCell('A2').text).toMatch(/^Démarche : Diagnostic CTG Pays de Mormal\. Exporté le/);
    expect(rowValues(sheet, HEADER_ROW)).toEqual([
      'Nom et prénom',
      'Structure',
      'Catégorie',
      'Commune',
      'Présence',
      'Inscription',
      'Séances signées',
      'Accord photo',
      'Accord enregistrement',
    ]);
    expect(rowValues(sheet, HEADER_ROW + 1)).toEqual(['DUPONT Claire', 'Mairie de Bavay', 'Élu·e', 'Bavay', 'Présent·e', 'Invité·e', 'Matin, Après-midi', 'Oui', 'Non']);
    expect(rowValues(sheet, HEADER_ROW + 2)).toEqual(['CARON Théo', '', 'Habitant·e', 'Bavay', 'Présent·e', 'Venu·e sans invitation', 'Matin', 'Non demandé', 'Non demandé']);
    expect(rowValues(sheet, HEADER_ROW + 3).slice(4, 7)).toEqual(['Excusé·e', 'Invité·e', '']);
    expect(sheet.autoFilter).toBe(`A${HEADER_ROW}:I${HEADER_ROW + 3}`);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${HEADER_ROW}:${HEADER_ROW}`);
  });

  it('is saved as "participants-<date>-<kind>.xlsx"', () => {
    expect(meetingParticipantListFileName({ date: '2026-03-12', kind: 'copil' })).toBe('participants-2026-03-12-copil.xlsx');
    expect(meetingParticipantListFileName({ date: null, kind: 'reunion-publique' })).toBe('participants-reunion-publique.xlsx');
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    const office = libreOfficeScratch('bocage-participants-');

    it(
      'prints a long mission list with the column headers on every page and every accented name intact',
      async () => {
        const pages = pdfPages(await office.pdfText('participants.xlsx', await buildMissionParticipantListXlsx(missionList(80))));
        expect(pages.length).toBeGreaterThanOrEqual(2);
        for (const page of pages) {
          expect(page).toMatch(/Nom et prénom\s+Fonction\s+Structure\s+Catégorie\s+Commune\s+Courriel\s+Téléphone/);
          expect(page).toContain('diffusion restreinte');
        }
        expect(pages[0]).toContain('Participants – Diagnostic CTG Pays de Mormal');
        expect(pages[0]).toMatch(/DUPONT Claire\s+Maire\s+Mairie de Bavay/);
        expect(pages.join('\n')).toContain('BENALI Mehdi 79');
      },
      LIBREOFFICE_TIMEOUT_MS,
    );

    it(
      'prints the meeting list with the consents and the walk-in',
      async () => {
        const text = await office.pdfText('participants-copil.xlsx', await buildMeetingParticipantListXlsx(meetingList()));
        expect(text).toContain('jeudi 12 mars 2026');
        expect(text).toMatch(/CARON Théo\s+Habitant·e\s+Bavay\s+Présent·e\s+Venu·e sans/);
        expect(text).toContain('Non demandé');
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
