import type { ContactInput } from './contact-model';
import { CIVILITIES, CONTACT_CATEGORIES, LEGAL_BASES } from './contact-model';

export type ContactErrors = Partial<Record<keyof ContactInput | 'name', string>>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Deliberately loose: it catches a phone typed in the e-mail field, not every RFC corner. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SHORT_TEXT_MAX = 200;
const NOTES_MAX = 5_000;

function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/**
 * Checks the fields present in `input` (a whole new contact when `isNew`, otherwise one edit).
 * Returns French messages keyed by field; empty when the input is acceptable.
 */
export function validateContactInput(input: ContactInput, isNew: boolean): ContactErrors {
  const errors: ContactErrors = {};
  if (isNew && !(input.lastName?.trim() || input.firstName?.trim())) errors.name = 'Indiquez au moins un nom ou un prénom.';
  if (!isNew && input.lastName !== undefined && input.firstName !== undefined && !input.lastName.trim() && !input.firstName.trim()) {
    errors.name = 'Indiquez au moins un nom ou un prénom.';
  }
  for (const field of ['lastName', 'firstName', 'jobTitle', 'communeName', 'phone', 'dataSource'] as const) {
    const value = input[field];
    if (value !== undefined && value.length > SHORT_TEXT_MAX) errors[field] = `Ce champ est limité à ${SHORT_TEXT_MAX} caractères.`;
  }
  if (input.notes !== undefined && input.notes.length > NOTES_MAX) errors.notes = `Les notes sont limitées à ${NOTES_MAX} caractères.`;
  if (input.email !== undefined && input.email.trim() !== '' && !EMAIL.test(input.email.trim())) {
    errors.email = 'Cette adresse e-mail n’est pas valide (exemple : prenom.nom@mairie.fr).';
  }
  if (input.civility !== undefined && input.civility !== null && !CIVILITIES.some((entry) => entry.id === input.civility)) {
    errors.civility = 'Civilité inconnue.';
  }
  if (input.category !== undefined && !CONTACT_CATEGORIES.some((entry) => entry.id === input.category)) errors.category = 'Catégorie inconnue.';
  if (input.legalBasis !== undefined && !LEGAL_BASES.some((entry) => entry.id === input.legalBasis)) errors.legalBasis = 'Base légale inconnue.';
  for (const field of ['consentDate', 'retentionUntil'] as const) {
    const value = input[field];
    if (typeof value === 'string' && value !== '' && !isIsoDate(value)) errors[field] = 'Date invalide.';
  }
  if (input.legalBasis === 'consent' && !input.consentDate) {
    errors.consentDate = 'Indiquez la date du consentement : c’est la preuve demandée en cas de contrôle.';
  }
  return errors;
}
