/** The workspace's GDPR settings (controller, where to exercise rights, retention), synced with the directory. */
import type * as Y from 'yjs';
import { GDPR_SETTINGS_FIELD, gdprSettingsMap } from '../documents/directory-structure';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import { DEFAULT_RETENTION_MONTHS, type GdprSettings } from './contact-model';

/** The CNIL's usual horizon for a contact file is a few years; beyond ten, it is a mistake. */
export const MAX_RETENTION_MONTHS = 120;
const TEXT_MAX = 300;

export function readGdprSettings(doc: Y.Doc): GdprSettings {
  const settings = gdprSettingsMap(doc);
  const controllerName = settings.get(GDPR_SETTINGS_FIELD.controllerName);
  const rightsContact = settings.get(GDPR_SETTINGS_FIELD.rightsContact);
  const retentionMonths = settings.get(GDPR_SETTINGS_FIELD.retentionMonths);
  return {
    controllerName: typeof controllerName === 'string' ? controllerName : '',
    rightsContact: typeof rightsContact === 'string' ? rightsContact : '',
    retentionMonths: isValidRetention(retentionMonths) ? retentionMonths : DEFAULT_RETENTION_MONTHS,
  };
}

function isValidRetention(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_RETENTION_MONTHS;
}

/** French messages keyed by field; empty when acceptable. */
export function validateGdprSettings(patch: Partial<GdprSettings>): Partial<Record<keyof GdprSettings, string>> {
  const errors: Partial<Record<keyof GdprSettings, string>> = {};
  if (patch.retentionMonths !== undefined && !isValidRetention(patch.retentionMonths)) {
    errors.retentionMonths = `La durée de conservation est un nombre entier de mois, entre 1 et ${MAX_RETENTION_MONTHS}.`;
  }
  for (const field of ['controllerName', 'rightsContact'] as const) {
    const value = patch[field];
    if (value !== undefined && value.length > TEXT_MAX) errors[field] = `Ce champ est limité à ${TEXT_MAX} caractères.`;
  }
  return errors;
}

/** Writes the settings present in `patch`; an empty text clears it. */
export function writeGdprSettings(doc: Y.Doc, patch: Partial<GdprSettings>, origin: unknown): void {
  const message = Object.values(validateGdprSettings(patch)).join(' ');
  if (message) throw new InvalidOperationError(message);
  runOperation(doc, origin, () => {
    const settings = gdprSettingsMap(doc);
    for (const field of ['controllerName', 'rightsContact'] as const) {
      const value = patch[field]?.trim();
      if (value === undefined) continue;
      if (value === '') settings.delete(GDPR_SETTINGS_FIELD[field]);
      else settings.set(GDPR_SETTINGS_FIELD[field], value);
    }
    if (patch.retentionMonths !== undefined) settings.set(GDPR_SETTINGS_FIELD.retentionMonths, patch.retentionMonths);
  });
}
