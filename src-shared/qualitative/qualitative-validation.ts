import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, isIsoDate } from '../validation/mission-validation';
import { isQualitativeThemeId } from './qualitative-vocabulary';

/**
 * Checks of the qualitative diagnostic, each giving the French message shown next to the field
 * (or null). The operations run the same checks, so the UI can keep an invalid value as a draft
 * with the very message the operation would refuse it with.
 */

/** A check per field of an input, run only on the fields the input carries (a one-field edit checks one). */
export type FieldChecks<Input> = { readonly [Field in keyof Input]?: (value: Input[Field]) => string | null };

export type FieldErrors<Input> = Partial<Record<keyof Input, string>>;

/** The message of each refused field of `input`, in the order of `checks`. */
export function validateFields<Input>(input: Partial<Input>, checks: FieldChecks<Input>): FieldErrors<Input> {
  const errors: FieldErrors<Input> = {};
  for (const field of Object.keys(checks) as (keyof Input)[]) {
    const value = input[field];
    if (value === undefined) continue;
    const check = checks[field] as ((value: unknown) => string | null) | undefined;
    const message = check?.(value);
    if (message) errors[field] = message;
  }
  return errors;
}

export const MAX_LONG_TEXT_LENGTH = MAX_DESCRIPTION_LENGTH;
export const MAX_SHORT_TEXT_LENGTH = MAX_TITLE_LENGTH;
export const MAX_ACTION_SHEET_NUMBER = 9999;
/** Far above any social-development budget: a typo of several zeros, not a real amount. */
export const MAX_AMOUNT = 1_000_000_000;

export function validateTitle(title: string): string | null {
  if (title.trim() === '') return 'Le titre est obligatoire.';
  if (title.length > MAX_TITLE_LENGTH) return `Le titre ne peut pas dépasser ${MAX_TITLE_LENGTH} caractères.`;
  return null;
}

export function validateObservationText(text: string): string | null {
  if (text.trim() === '') return 'Le constat ne peut pas être vide.';
  return validateLongText(text);
}

export function validateAfomText(text: string): string | null {
  if (text.trim() === '') return 'Le texte ne peut pas être vide.';
  return validateLongText(text);
}

export function validateLongText(text: string): string | null {
  return text.length > MAX_LONG_TEXT_LENGTH ? `Ce texte ne peut pas dépasser ${MAX_LONG_TEXT_LENGTH} caractères.` : null;
}

/** A theme is optional, but when given it must be one of the list. */
export function validateOptionalTheme(theme: string | null): string | null {
  return theme !== null && !isQualitativeThemeId(theme) ? 'Thématique inconnue.' : null;
}

export function validateShortText(text: string): string | null {
  return text.length > MAX_SHORT_TEXT_LENGTH ? `Ce texte ne peut pas dépasser ${MAX_SHORT_TEXT_LENGTH} caractères.` : null;
}

export function validateQuote(text: string): string | null {
  if (text.trim() === '') return 'La citation ne peut pas être vide.';
  return validateLongText(text);
}

export function validateStepLabel(label: string): string | null {
  if (label.trim() === '') return 'Le libellé de l’étape est obligatoire.';
  return validateShortText(label);
}

export function validateCoFunderName(name: string): string | null {
  if (name.trim() === '') return 'Le nom du cofinanceur est obligatoire.';
  return validateShortText(name);
}

export function validateEvaluationLabel(label: string): string | null {
  if (label.trim() === '') return 'Le libellé de l’indicateur d’évaluation est obligatoire.';
  return validateShortText(label);
}

/** An optional date: null (not known) or a real calendar date written YYYY-MM-DD. */
export function validateOptionalDate(date: string | null): string | null {
  return date !== null && !isIsoDate(date) ? 'La date n’est pas une date valide.' : null;
}

export function validateDateRange(startDate: string | null, endDate: string | null): { startDate?: string; endDate?: string } {
  const errors: { startDate?: string; endDate?: string } = {};
  const startError = validateOptionalDate(startDate);
  const endError = validateOptionalDate(endDate);
  if (startError) errors.startDate = 'La date de début n’est pas une date valide.';
  if (endError) errors.endDate = 'La date de fin n’est pas une date valide.';
  if (!startError && !endError && startDate !== null && endDate !== null && endDate < startDate) {
    errors.endDate = 'La date de fin doit être postérieure à la date de début.';
  }
  return errors;
}

/** An optional amount in euros: null (not known), or a non-negative figure with at most cents. */
export function validateAmount(amount: number | null, subject: 'budget' | 'montant'): string | null {
  if (amount === null) return null;
  const name = subject === 'budget' ? 'Le budget' : 'Le montant';
  if (!Number.isFinite(amount)) return `${name} doit être un nombre.`;
  if (amount < 0) return `${name} ne peut pas être négatif.`;
  if (amount > MAX_AMOUNT) return `${name} semble trop élevé : vérifiez le nombre de zéros.`;
  // Compared with a tolerance: 0.29 × 100 is 28.999999999999996 in binary floating point.
  if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) return `${name} ne peut pas avoir plus de deux décimales.`;
  return null;
}

/**
 * Reads an amount as French users type it: "1 500", "1 500,50 €", "1500.5". An empty field means
 * "not known" (null); anything else that is not a number gives NaN, which validateAmount refuses.
 */
export function parseAmount(input: string): number | null {
  const compact = input.replace(/[\s\u00a0\u202f€]/g, '');
  if (compact === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return Number.NaN;
  return Number(compact.replace(',', '.'));
}

export function validateActionSheetNumber(value: number): string | null {
  if (!Number.isInteger(value) || value < 1 || value > MAX_ACTION_SHEET_NUMBER) {
    return `Le numéro doit être un nombre entier entre 1 et ${MAX_ACTION_SHEET_NUMBER}.`;
  }
  return null;
}

/** Indicator codes are synced keys; "|" separates the parts of a value key, so it never belongs in one. */
export function validateIndicatorCode(code: string): string | null {
  if (code.trim() === '' || code !== code.trim() || code.length > 64 || code.includes('|')) return 'Code d’indicateur invalide.';
  return null;
}
