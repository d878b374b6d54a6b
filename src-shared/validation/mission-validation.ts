import type { MissionSnapshot } from '../model/mission';
import { isMissionStatusId, isMissionThemeId } from '../model/mission-vocabulary';

export const MAX_TITLE_LENGTH = 200;
export const MAX_SPONSOR_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 20_000;

/** The fields a user fills in for a mission; the territory is chosen separately. */
export type NewMissionInput = Pick<MissionSnapshot, 'title' | 'sponsor' | 'themes' | 'startDate' | 'endDate' | 'status' | 'description'>;

export type MissionFieldName = keyof NewMissionInput;

/** Field name → message in French, ready to show next to the field. */
export type ValidationErrors = Partial<Record<MissionFieldName, string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function validateTitle(title: string): string | null {
  if (title.trim() === '') return 'Le titre est obligatoire.';
  if (title.length > MAX_TITLE_LENGTH) return `Le titre ne peut pas dépasser ${MAX_TITLE_LENGTH} caractères.`;
  return null;
}

export function validateDates(startDate: string | null, endDate: string | null): Pick<ValidationErrors, 'startDate' | 'endDate'> {
  const errors: Pick<ValidationErrors, 'startDate' | 'endDate'> = {};
  if (startDate !== null && !isIsoDate(startDate)) errors.startDate = 'La date de début n’est pas une date valide.';
  if (endDate !== null && !isIsoDate(endDate)) errors.endDate = 'La date de fin n’est pas une date valide.';
  if (!errors.startDate && !errors.endDate && startDate !== null && endDate !== null && endDate < startDate) {
    errors.endDate = 'La date de fin doit être postérieure à la date de début.';
  }
  return errors;
}

export function validateNewMission(input: NewMissionInput): ValidationErrors {
  const errors: ValidationErrors = { ...validateDates(input.startDate, input.endDate) };
  const titleError = validateTitle(input.title);
  if (titleError) errors.title = titleError;
  if (input.sponsor.length > MAX_SPONSOR_LENGTH) {
    errors.sponsor = `Le commanditaire ne peut pas dépasser ${MAX_SPONSOR_LENGTH} caractères.`;
  }
  if (!input.themes.every(isMissionThemeId)) errors.themes = 'Thématique inconnue.';
  if (!isMissionStatusId(input.status)) errors.status = 'Statut inconnu.';
  if (input.description.length > MAX_DESCRIPTION_LENGTH) {
    errors.description = `La description ne peut pas dépasser ${MAX_DESCRIPTION_LENGTH} caractères.`;
  }
  return errors;
}

export function hasErrors(errors: ValidationErrors): boolean {
  return Object.keys(errors).length > 0;
}
