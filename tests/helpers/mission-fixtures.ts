import type { MissionSnapshot, TerritoryCommune } from '@shared/model/mission';

const PAYS_DE_MORMAL = { code: '200043321', name: 'CC du Pays de Mormal' };

function commune(
  code: string,
  name: string,
  departement: string,
  population: number | null,
  postalCodes: string[],
  viaEpci: string | null = null,
): TerritoryCommune {
  return { code, name, departement, population, postalCodes, viaEpci };
}

/**
 * Real communes of the COG with their real populations: accents and apostrophes (Nord, Somme),
 * codes that only survive as text (01001, 2A004), and one commune whose population the official
 * geography does not give (Île de Clipperton). In the order a mission snapshot sorts them.
 */
export const CTG_COMMUNES: readonly TerritoryCommune[] = [
  commune('2A004', 'Ajaccio', '2A', 76320, ['20000', '20090', '20167']),
  commune('59053', 'Bavay', '59', 3249, ['59570'], PAYS_DE_MORMAL.code),
  commune('59246', 'Forest-en-Cambrésis', '59', 549, ['59222'], PAYS_DE_MORMAL.code),
  commune('98901', 'Île de Clipperton', '989', null, ['98799']),
  commune('01001', "L'Abergement-Clémenciat", '01', 860, ['01400']),
  commune('59006', "L'Orée de Mormal", '59', 619, ['59144', '59570'], PAYS_DE_MORMAL.code),
  commune('59331', 'Landrecies', '59', 3407, ['59550'], PAYS_DE_MORMAL.code),
  commune('59481', 'Le Quesnoy', '59', 4878, ['59530'], PAYS_DE_MORMAL.code),
  commune('80620', 'Péronne', '80', 7090, ['80200']),
  commune('59584', 'Taisnières-sur-Hon', '59', 963, ['59570'], PAYS_DE_MORMAL.code),
];

/** Sum of the known populations above, worked out by hand so a wrong total in an export shows. */
export const CTG_KNOWN_POPULATION_TOTAL = 97_935;

/** A convention territoriale globale mission as a user would have filled it in. */
export function ctgMissionSnapshot(overrides: Partial<MissionSnapshot> = {}): MissionSnapshot {
  return {
    id: '3f0b6c1e-8a47-4d52-9d0e-6f1c2b7a9e10',
    title: 'Diagnostic CTG Pays de Mormal',
    sponsor: 'Caf du Nord',
    themes: ['petite-enfance', 'parentalite', 'acces-aux-droits'],
    startDate: '2024-03-05',
    endDate: '2025-06-30',
    status: 'en-cours',
    description:
      'Diagnostic partagé préalable à la convention territoriale globale.\nEntretiens avec les élus, les centres sociaux et les partenaires de la petite enfance.',
    createdAt: Date.UTC(2024, 2, 5, 9, 30),
    updatedAt: Date.UTC(2024, 4, 14, 16, 5),
    epcis: [PAYS_DE_MORMAL],
    communes: [...CTG_COMMUNES],
    ...overrides,
  };
}

/** A mission just created: nothing filled in but its title. */
export function emptyMissionSnapshot(overrides: Partial<MissionSnapshot> = {}): MissionSnapshot {
  return {
    id: 'a1c7e2d4-5b6f-4e8a-9c0d-1e2f3a4b5c6d',
    title: 'Nouvelle mission',
    sponsor: '',
    themes: [],
    startDate: null,
    endDate: null,
    status: 'en-preparation',
    description: '',
    createdAt: Date.UTC(2024, 8, 1, 8, 0),
    updatedAt: Date.UTC(2024, 8, 1, 8, 0),
    epcis: [],
    communes: [],
    ...overrides,
  };
}

/** The field rows both exports must show for ctgMissionSnapshot(), label then value, in order. */
export const CTG_FIELD_ROWS = [
  ['Titre', 'Diagnostic CTG Pays de Mormal'],
  ['Commanditaire', 'Caf du Nord'],
  ['Territoire', 'CC du Pays de Mormal'],
  ['Thématiques', 'Petite enfance, Parentalité, Accès aux droits'],
  ['Dates', 'Du 5 mars 2024 au 30 juin 2025'],
  ['Statut', 'En cours'],
  [
    'Description',
    'Diagnostic partagé préalable à la convention territoriale globale.\nEntretiens avec les élus, les centres sociaux et les partenaires de la petite enfance.',
  ],
];
