import { beforeAll, describe, expect, it } from 'vitest';
import type { BoardCard } from '@shared/boards/board-model';
import type { Contact, Organisation } from '@shared/directory/contact-model';
import { personDataFileName } from '@shared/export/export-file-names';
import {
  buildPersonDataExtract,
  PERSON_DATA_SCHEMA,
  personDataDocx,
  personDataJson,
  type PersonDataExtract,
  type PersonDataSources,
} from '@shared/gdpr/person-data-export';
import type { Meeting, MeetingParticipant } from '@shared/meetings/meeting-model';
import {
  CONFIGURED_SETTINGS,
  HAS_LIBREOFFICE,
  LIBREOFFICE_SKIP_NOTE,
  LIBREOFFICE_TIMEOUT_MS,
  libreOfficeScratch,
  openDocx,
  signaturePng,
  textOf,
} from './test-support';

const CREATED_AT = Date.UTC(2026, 0, 15, 9, 0);
/** What the signature pad stores: it must never leak into the extract. */
const ENCODED_SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB';

const CLAIRE: Contact = {
  id: 'contact-claire',
  civility: 'mme',
  lastName: 'Dupont',
  firstName: 'Claire',
  jobTitle: 'Maire',
  organisationId: 'organisation-bavay',
  category: 'elu',
  communeCode: '59053',
  communeName: 'Bavay',
  email: 'claire.dupont@bavay.fr',
  phone: '03 27 00 00 00',
  notes: 'Préfère être contactée le matin.',
  legalBasis: 'public-interest',
  consentDate: null,
  dataSource: 'Répertoire national des élus',
  retentionUntil: '2029-03-12',
  createdAt: CREATED_AT,
  updatedAt: CREATED_AT,
  trashedAt: null,
};

const BAVAY: Organisation = {
  id: 'organisation-bavay',
  name: 'Mairie de Bavay',
  kind: 'commune',
  communeCode: '59053',
  communeName: 'Bavay',
  createdAt: CREATED_AT,
  updatedAt: CREATED_AT,
  trashedAt: null,
};

function meeting(overrides: Partial<Meeting>): Meeting {
  return {
    id: 'meeting',
    kind: 'atelier',
    title: '',
    date: null,
    schedule: 'single',
    startTime: null,
    endTime: null,
    communeCode: null,
    communeName: '',
    room: '',
    agenda: '',
    organiser: '',
    slots: [{ id: 'single', label: 'Séance' }],
    participants: [],
    photos: [],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    trashedAt: null,
    ...overrides,
  };
}

function participant(overrides: Partial<MeetingParticipant>): MeetingParticipant {
  return {
    contactId: CLAIRE.id,
    invited: true,
    attendance: 'present',
    checkedAt: null,
    signatures: {},
    photoConsent: null,
    recordingConsent: null,
    ...overrides,
  };
}

const COPIL = meeting({
  id: 'meeting-copil',
  kind: 'copil',
  title: 'Comité de pilotage de lancement',
  date: '2026-03-12',
  schedule: 'full-day',
  communeName: 'Bavay',
  room: 'Salle des fêtes',
  slots: [
    { id: 'morning', label: 'Matin' },
    { id: 'afternoon', label: 'Après-midi' },
  ],
});
const ATELIER = meeting({ id: 'meeting-atelier', title: 'Petite enfance', date: '2026-02-03', communeName: 'Maubeuge' });
const UNDATED = meeting({ id: 'meeting-entretien', kind: 'entretien', title: 'Entretien avec la maire' });

/** A contact merged into Claire: cards and dots recorded under that id are hers too. */
const CLAIRE_FORMER_ID = 'contact-claire-duplicate';

function boardCard(id: string, text: string, authorId: string | null, createdAt: number): BoardCard {
  return {
    id,
    text,
    colour: 'yellow',
    authorId,
    zoneId: null,
    x: 0,
    y: 0,
    clusterId: null,
    hidden: false,
    round: null,
    sourceCardId: null,
    needsRewording: false,
    links: [],
    createdAt,
    updatedAt: createdAt,
  };
}

const AFOM_BOARD = {
  id: 'board-afom',
  meetingId: 'meeting-atelier',
  title: 'AFOM petite enfance',
  cards: [
    boardCard('card-creche', 'Pas assez de places en crèche', CLAIRE.id, CREATED_AT),
    boardCard('card-bus', 'Le bus ne passe plus le mercredi', 'contact-karim', CREATED_AT + 1),
    boardCard('card-ram', 'Un relais petite enfance itinérant', CLAIRE_FORMER_ID, CREATED_AT + 2),
  ],
  voting: {
    budget: 3,
    maxPerCard: 3,
    revealed: false,
    dots: [
      { voterId: CLAIRE.id, cardId: 'card-bus', count: 2 },
      { voterId: 'contact-karim', cardId: 'card-creche', count: 3 },
      { voterId: CLAIRE_FORMER_ID, cardId: 'card-creche', count: 1 },
    ],
    tallies: { 'card-bus': 4 },
  },
};

function sources(overrides: Partial<PersonDataSources> = {}): PersonDataSources {
  return {
    contact: CLAIRE,
    organisation: BAVAY,
    participations: [
      {
        missionId: 'mission-ctg',
        missionTitle: 'Diagnostic CTG Pays de Mormal',
        meeting: COPIL,
        participant: participant({ signatures: { morning: ENCODED_SIGNATURE }, photoConsent: 'yes', recordingConsent: 'no' }),
      },
      { missionId: 'mission-pst', missionTitle: 'Projet social de territoire de Maubeuge', meeting: UNDATED, participant: participant({ attendance: 'expected' }) },
      { missionId: 'mission-ctg', missionTitle: 'Diagnostic CTG Pays de Mormal', meeting: ATELIER, participant: participant({ invited: false }) },
    ],
    authoredObservations: [
      {
        missionId: 'mission-ctg',
        missionTitle: 'Diagnostic CTG Pays de Mormal',
        observation: { date: '2026-03-12', text: `Les familles   manquent de places en crèche. ${'Les horaires ne conviennent pas. '.repeat(12)}` },
      },
    ],
    missionBoards: [
      { missionId: 'mission-ctg', missionTitle: 'Diagnostic CTG Pays de Mormal', boards: [AFOM_BOARD], meetings: [COPIL, ATELIER] },
      {
        missionId: 'mission-pst',
        missionTitle: 'Projet social de territoire de Maubeuge',
        boards: [{ ...AFOM_BOARD, id: 'board-other', meetingId: UNDATED.id, cards: [boardCard('card-other', 'Une maison des familles', 'contact-karim', CREATED_AT)], voting: { ...AFOM_BOARD.voting, dots: [] } }],
        meetings: [UNDATED],
      },
    ],
    contactIds: [CLAIRE.id, CLAIRE_FORMER_ID],
    settings: CONFIGURED_SETTINGS,
    exportedAt: new Date('2026-03-20T10:15:00Z'),
    ...overrides,
  };
}

function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

describe('right of access: everything held on one person', () => {
  let extract: PersonDataExtract;

  beforeAll(() => {
    extract = buildPersonDataExtract(sources());
  });

  it('gives every field of the contact with its French label, the organisation and how the data is processed', () => {
    expect(extract.subject).toBe('Mme Claire Dupont');
    expect(extract.controller).toBe('Département du Nord');
    expect(extract.contact.map((field) => [field.label, field.value])).toEqual([
      ['Civilité', 'Mme'],
      ['Nom', 'Dupont'],
      ['Prénom', 'Claire'],
      ['Fonction', 'Maire'],
      ['Catégorie', 'Élu·e'],
      ['Commune', 'Bavay'],
      ['Code INSEE de la commune', '59053'],
      ['Courriel', 'claire.dupont@bavay.fr'],
      ['Téléphone', '03 27 00 00 00'],
      ['Notes', 'Préfère être contactée le matin.'],
    ]);
    expect(extract.organisation?.map((field) => field.value)).toEqual(['Mairie de Bavay', 'Commune', 'Bavay']);
    const processing = Object.fromEntries(extract.processing.map((field) => [field.key, field.value]));
    expect(processing).toMatchObject({
      legalBasis: 'Mission d’intérêt public',
      consentDate: '',
      dataSource: 'Répertoire national des élus',
      retentionUntil: '12 mars 2029',
    });
  });

  it('lists every meeting across missions, oldest first and undated last, with attendance, signed slots and consents', () => {
    expect(extract.meetings.map((entry) => [entry.missionTitle, entry.kind, entry.title, entry.date])).toEqual([
      ['Diagnostic CTG Pays de Mormal', 'Atelier', 'Petite enfance', '2026-02-03'],
      ['Diagnostic CTG Pays de Mormal', 'COPIL', 'Comité de pilotage de lancement', '2026-03-12'],
      ['Projet social de territoire de Maubeuge', 'Entretien', 'Entretien avec la maire', null],
    ]);
    const [atelier, copil, entretien] = extract.meetings;
    expect(copil).toMatchObject({
      place: 'Salle des fêtes, Bavay',
      invitation: 'Invité·e',
      attendance: 'Présent·e',
      signatures: [{ slotId: 'morning', slot: 'Matin', status: 'signature enregistrée' }],
      photoConsent: 'Oui',
      recordingConsent: 'Non',
    });
    expect(atelier?.invitation).toBe('Venu·e sans invitation');
    expect(entretien).toMatchObject({ attendance: 'Attendu·e', signatures: [], photoConsent: 'Non demandé' });
  });

  it('quotes the constats the person wrote as a short excerpt', () => {
    const [observation] = extract.authoredObservations;
    expect(observation?.excerpt.startsWith('Les familles manquent de places en crèche. Les horaires')).toBe(true);
    expect(observation?.excerpt.endsWith('…')).toBe(true);
    expect(observation?.excerpt.length).toBeLessThanOrEqual(241);
  });

  it('lists the cards the person wrote on workshop boards and the dots they put, under every id they had', () => {
    expect(extract.boardCards.map((card) => [card.missionTitle, card.meeting, card.date, card.boardTitle, card.text])).toEqual([
      ['Diagnostic CTG Pays de Mormal', 'Atelier – Petite enfance', '2026-02-03', 'AFOM petite enfance', 'Pas assez de places en crèche'],
      ['Diagnostic CTG Pays de Mormal', 'Atelier – Petite enfance', '2026-02-03', 'AFOM petite enfance', 'Un relais petite enfance itinérant'],
    ]);
    // Her own dots only: neither Karim's nor the dots counted on paper.
    expect(extract.boardDots.map((entry) => [entry.boardId, entry.cardText, entry.count])).toEqual([
      ['board-afom', 'Pas assez de places en crèche', 1],
      ['board-afom', 'Le bus ne passe plus le mercredi', 2],
    ]);
  });

  it('tells the person how to exercise their rights, and how to withdraw consent when consent is the basis', () => {
    expect(extract.rights.join(' ')).toContain('en écrivant à dpo@lenord.fr');
    expect(extract.rights.join(' ')).toContain('CNIL');
    expect(extract.rights.join(' ')).not.toContain('retirer votre consentement');
    const resident = buildPersonDataExtract(sources({ contact: { ...CLAIRE, category: 'habitant', legalBasis: 'consent', consentDate: '2026-03-12' } }));
    expect(resident.rights).toContain('Vous pouvez retirer votre consentement à tout moment.');
    expect(resident.processing.find((field) => field.key === 'consentDate')?.value).toBe('12 mars 2026');
  });

  describe('as JSON', () => {
    it('is indented UTF-8 JSON that names its format and keeps accents', () => {
      const bytes = personDataJson(extract);
      expect(bytes.constructor).toBe(Uint8Array);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      expect(text.startsWith(`{\n  "schema": "${PERSON_DATA_SCHEMA}",\n  "exportedAt": "2026-03-20T10:15:00.000Z",`)).toBe(true);
      expect(text).toContain('"value": "Préfère être contactée le matin."');
      expect(text.endsWith('}\n')).toBe(true);
      expect(decodeJson(bytes)).toEqual(extract);
    });

    it('says a signature exists without ever embedding it', () => {
      const text = new TextDecoder().decode(personDataJson(extract));
      expect(text).toContain('"status": "signature enregistrée"');
      expect(text).not.toContain('base64');
      expect(text).not.toContain('iVBOR');
    });

    it('writes the same bytes whatever order the extract’s keys were built in', () => {
      const shuffled = Object.fromEntries(Object.entries(extract).reverse()) as unknown as PersonDataExtract;
      shuffled.meetings = extract.meetings.map((entry) => Object.fromEntries(Object.entries(entry).reverse()) as unknown as typeof entry);
      shuffled.boardDots = extract.boardDots.map((entry) => Object.fromEntries(Object.entries(entry).reverse()) as unknown as typeof entry);
      expect(Buffer.from(personDataJson(shuffled)).equals(Buffer.from(personDataJson(extract)))).toBe(true);
      const topLevelKeys = Object.keys(decodeJson(personDataJson(shuffled)) as object);
      expect(topLevelKeys).toEqual([
        'schema',
        'exportedAt',
        'subject',
        'controller',
        'contact',
        'organisation',
        'processing',
        'meetings',
        'authoredObservations',
        'boardCards',
        'boardDots',
        'rights',
      ]);
      expect(Object.keys((decodeJson(personDataJson(shuffled)) as PersonDataExtract).boardDots[0] ?? {})).toEqual([
        'missionId',
        'missionTitle',
        'boardId',
        'boardTitle',
        'meeting',
        'date',
        'cardText',
        'count',
      ]);
    });
  });

  describe('as a Word document', () => {
    it('is titled "Données détenues sur <name>" with a section per kind of data', async () => {
      const docx = await openDocx(await personDataDocx(extract));
      expect(docx.document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Données détenues sur Mme Claire Dupont/);
      const headings2 = (docx.document.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).filter((paragraph) => paragraph.includes('<w:pStyle w:val="Heading2"/>')).map(textOf);
      expect(headings2).toEqual([
        'Identité et coordonnées',
        'Organisation',
        'Base légale et conservation',
        'Réunions',
        'Constats dont la personne est l’auteur',
        'Cartes écrites sur les tableaux d’atelier',
        'Gommettes posées lors des votes',
        'Vos droits',
      ]);
      const text = textOf(docx.document);
      expect(text).toContain('Extrait établi le 20/03/2026');
      expect(text).toContain('par Département du Nord, en réponse à une demande d’accès (article 15 du RGPD).');
      expect(text).toContain('COPIL – Comité de pilotage de lancement');
      expect(text).toContain('jeudi 12 mars 2026');
      expect(text).toContain('Matin : signature enregistrée');
      expect(text).toContain('Non renseigné');
      expect(text).toContain('Diagnostic CTG Pays de Mormal — Atelier – Petite enfance (3 février 2026) — tableau « AFOM petite enfance »');
      expect(text).toContain('Un relais petite enfance itinérant');
      expect(text).toContain('Le bus ne passe plus le mercredi');
      expect(docx.media).toEqual([]);
    });

    it('shows the drawn signature under its slot when the image is given', async () => {
      const docx = await openDocx(
        await personDataDocx(extract, {
          signatureImages: [
            { missionId: 'mission-ctg', meetingId: 'meeting-copil', slotId: 'morning', png: signaturePng() },
            { missionId: 'mission-pst', meetingId: 'meeting-copil', slotId: 'morning', png: signaturePng(120, 40) },
          ],
        }),
      );
      expect(docx.media).toHaveLength(1);
      expect(docx.document).toContain('descr="Signature (Matin)"');
    });

    it('says plainly when the person has no organisation, meeting or constat', async () => {
      const bare = buildPersonDataExtract(sources({ organisation: null, participations: [], authoredObservations: [], missionBoards: [] }));
      const text = textOf((await openDocx(await personDataDocx(bare))).document);
      expect(text).toContain('Aucune organisation enregistrée.');
      expect(text).toContain('Aucune réunion enregistrée.');
      expect(text).toContain('Aucun constat.');
      expect(text).toContain('Aucune carte.');
      expect(text).toContain('Aucune gommette.');
    });
  });

  it('is saved as "donnees-<name>" in ASCII', () => {
    expect(personDataFileName({ lastName: 'Lefèvre-Œillet', firstName: 'Aïcha' }, 'json')).toBe('donnees-lefevre-oeillet-aicha.json');
    expect(personDataFileName({ lastName: '', firstName: '' }, 'docx')).toBe('donnees-personne.docx');
  });

  describe.skipIf(!HAS_LIBREOFFICE)(`opened in LibreOffice${LIBREOFFICE_SKIP_NOTE}`, () => {
    const office = libreOfficeScratch('bocage-person-data-');

    it(
      'prints the person’s record, their meetings in every mission and their rights',
      async () => {
        const text = await office.pdfText(
          'donnees.docx',
          await personDataDocx(extract, { signatureImages: [{ missionId: 'mission-ctg', meetingId: 'meeting-copil', slotId: 'morning', png: signaturePng() }] }),
        );
        expect(text).toContain('Données détenues sur Mme Claire Dupont');
        expect(text).toContain('claire.dupont@bavay.fr');
        expect(text).toContain('Projet social de territoire de Maubeuge');
        expect(text).toContain('Matin : signature enregistrée');
        expect(text).toContain('Les familles manquent de places en crèche.');
        expect(text).toContain('Pas assez de places en crèche');
        expect(text).toContain('CNIL');
      },
      LIBREOFFICE_TIMEOUT_MS,
    );
  });
});
