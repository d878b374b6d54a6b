/** Controlled vocabularies of a mission, with the French labels the UI and the exports show. */

export const MISSION_THEMES = [
  { id: 'petite-enfance', label: 'Petite enfance' },
  { id: 'enfance-jeunesse', label: 'Enfance-jeunesse' },
  { id: 'parentalite', label: 'Parentalité' },
  { id: 'seniors', label: 'Seniors' },
  { id: 'acces-aux-droits', label: 'Accès aux droits' },
  { id: 'logement', label: 'Logement' },
  { id: 'mobilite', label: 'Mobilité' },
  { id: 'sante', label: 'Santé' },
  { id: 'inclusion-numerique', label: 'Inclusion numérique' },
  { id: 'animation-vie-sociale', label: 'Animation de la vie sociale' },
  { id: 'handicap', label: 'Handicap' },
] as const;

export type MissionThemeId = (typeof MISSION_THEMES)[number]['id'];

export const MISSION_STATUSES = [
  { id: 'en-preparation', label: 'En préparation' },
  { id: 'en-cours', label: 'En cours' },
  { id: 'terminee', label: 'Terminée' },
  { id: 'archivee', label: 'Archivée' },
] as const;

export type MissionStatusId = (typeof MISSION_STATUSES)[number]['id'];

export const DEFAULT_MISSION_STATUS: MissionStatusId = 'en-preparation';

export function isMissionThemeId(value: unknown): value is MissionThemeId {
  return MISSION_THEMES.some((theme) => theme.id === value);
}

export function isMissionStatusId(value: unknown): value is MissionStatusId {
  return MISSION_STATUSES.some((status) => status.id === value);
}

export function themeLabel(id: MissionThemeId): string {
  return MISSION_THEMES.find((theme) => theme.id === id)?.label ?? id;
}

export function statusLabel(id: MissionStatusId): string {
  return MISSION_STATUSES.find((status) => status.id === id)?.label ?? id;
}
