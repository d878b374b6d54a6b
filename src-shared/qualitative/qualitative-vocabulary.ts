/** Controlled vocabularies of the qualitative diagnostic, with the French labels the UI and exports show. */
import { INDICATOR_THEMES } from '../diagnostic/indicator-definition';
import { MISSION_THEMES } from '../model/mission-vocabulary';

/**
 * One list of themes for observations and enjeux: the mission's themes (how people speak in
 * interviews and workshops: parentalité, accès aux droits…) followed by the indicator themes that
 * add something (revenus, emploi…). Ids shared by both lists (petite-enfance, logement, santé,
 * mobilité) name the same subject, so an enjeu about housing meets both the housing interviews and
 * the housing indicators under one theme.
 */
export const QUALITATIVE_THEMES: readonly { id: string; label: string }[] = [
  ...MISSION_THEMES,
  ...INDICATOR_THEMES.filter((theme) => !MISSION_THEMES.some((missionTheme) => missionTheme.id === theme.id)),
];

export function isQualitativeThemeId(value: unknown): value is string {
  return QUALITATIVE_THEMES.some((theme) => theme.id === value);
}

export function qualitativeThemeLabel(id: string): string {
  return QUALITATIVE_THEMES.find((theme) => theme.id === id)?.label ?? id;
}

export const OBSERVATION_SOURCE_KINDS = [
  { id: 'entretien', label: 'Entretien' },
  { id: 'atelier', label: 'Atelier' },
  { id: 'visite', label: 'Visite de terrain' },
  { id: 'document', label: 'Document' },
  { id: 'statistique', label: 'Statistique' },
] as const;

export type ObservationSourceKind = (typeof OBSERVATION_SOURCE_KINDS)[number]['id'];

export const DEFAULT_OBSERVATION_SOURCE_KIND: ObservationSourceKind = 'entretien';

export function isObservationSourceKind(value: unknown): value is ObservationSourceKind {
  return OBSERVATION_SOURCE_KINDS.some((kind) => kind.id === value);
}

export function observationSourceKindLabel(id: ObservationSourceKind): string {
  return OBSERVATION_SOURCE_KINDS.find((kind) => kind.id === id)?.label ?? id;
}

/** The four quadrants of an AFOM (the French SWOT), in the order the grid shows them. */
export const AFOM_QUADRANTS = [
  { id: 'atouts', label: 'Atouts', itemLabel: 'Atout' },
  { id: 'faiblesses', label: 'Faiblesses', itemLabel: 'Faiblesse' },
  { id: 'opportunites', label: 'Opportunités', itemLabel: 'Opportunité' },
  { id: 'menaces', label: 'Menaces', itemLabel: 'Menace' },
] as const;

export type AfomQuadrant = (typeof AFOM_QUADRANTS)[number]['id'];

export function isAfomQuadrant(value: unknown): value is AfomQuadrant {
  return AFOM_QUADRANTS.some((quadrant) => quadrant.id === value);
}

export function afomQuadrantLabel(id: AfomQuadrant): string {
  return AFOM_QUADRANTS.find((quadrant) => quadrant.id === id)?.label ?? id;
}

export const ACTION_SHEET_STATUSES = [
  { id: 'a-lancer', label: 'À lancer' },
  { id: 'en-cours', label: 'En cours' },
  { id: 'realisee', label: 'Réalisée' },
  { id: 'abandonnee', label: 'Abandonnée' },
] as const;

export type ActionSheetStatus = (typeof ACTION_SHEET_STATUSES)[number]['id'];

export const DEFAULT_ACTION_SHEET_STATUS: ActionSheetStatus = 'a-lancer';

export function isActionSheetStatus(value: unknown): value is ActionSheetStatus {
  return ACTION_SHEET_STATUSES.some((status) => status.id === value);
}

export function actionSheetStatusLabel(id: ActionSheetStatus): string {
  return ACTION_SHEET_STATUSES.find((status) => status.id === id)?.label ?? id;
}
