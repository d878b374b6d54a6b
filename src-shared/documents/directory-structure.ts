import type * as Y from 'yjs';

/**
 * Layout of the directory document (`bocage.directory.<workspace>`): the contacts and organisations
 * shared by every mission of the workspace. Each collection is a root Y.Map keyed by a random id,
 * each record a Y.Map of plain values (last writer wins per field). No key anywhere is personal
 * data: erasing a person must leave nothing of them in the document's encoded state. Every name
 * below is synced: never reuse or rename one.
 */
export const DIRECTORY_ROOT = {
  contacts: 'directory.contacts',
  organisations: 'directory.organisations',
  /** Merged contact id → the id of the contact it was merged into (replicas still citing the old id). */
  contactAliases: 'directory.contactAliases',
  /**
   * Erasure id → Y.Map { at, contactId }: tells every replica to remove what it still holds of the
   * erased contact and to purge its local storage. The random contact id is all it keeps: once the
   * contact record is gone it points at nobody, yet it lets a laptop that was offline drop the
   * attendance it recorded for that person before hearing of the erasure.
   */
  erasures: 'directory.erasures',
  /** The GDPR notice and register settings of the workspace (controller, contact, retention). */
  gdprSettings: 'directory.gdprSettings',
} as const;

export const CONTACT_FIELD = {
  civility: 'civility',
  lastName: 'lastName',
  firstName: 'firstName',
  /** The person's function ("Maire", "Référente famille"…). */
  jobTitle: 'jobTitle',
  /** Id of a record of DIRECTORY_ROOT.organisations; absent when none. */
  organisationId: 'organisationId',
  category: 'category',
  /** INSEE code of the commune; absent when unknown or outside the shipped geography. */
  communeCode: 'communeCode',
  /** The commune as written (kept for communes not found in the geography). */
  communeName: 'communeName',
  email: 'email',
  phone: 'phone',
  notes: 'notes',
  legalBasis: 'legalBasis',
  /** ISO date; required when the legal basis is consent. */
  consentDate: 'consentDate',
  /** Where the data came from ("Répertoire national des élus", "Feuille d'émargement du 12/03"…). */
  dataSource: 'dataSource',
  /** ISO date after which the contact is listed for review. */
  retentionUntil: 'retentionUntil',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  trashedAt: 'trashedAt',
} as const;

export const ORGANISATION_FIELD = {
  name: 'name',
  kind: 'kind',
  communeCode: 'communeCode',
  communeName: 'communeName',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
  trashedAt: 'trashedAt',
} as const;

export const ERASURE_FIELD = {
  at: 'at',
  contactId: 'contactId',
} as const;

export const GDPR_SETTINGS_FIELD = {
  /** The controller (responsable du traitement): usually the Département or the CAF. */
  controllerName: 'controllerName',
  /** Where people exercise their rights: the DPO's e-mail or postal address. */
  rightsContact: 'rightsContact',
  /** How long a contact is kept after their last participation, in months. */
  retentionMonths: 'retentionMonths',
} as const;

export function directoryCollection(doc: Y.Doc, root: 'directory.contacts' | 'directory.organisations' | 'directory.erasures'): Y.Map<Y.Map<unknown>> {
  return doc.getMap(root);
}

export function contactAliasesMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(DIRECTORY_ROOT.contactAliases);
}

export function gdprSettingsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DIRECTORY_ROOT.gdprSettings);
}
