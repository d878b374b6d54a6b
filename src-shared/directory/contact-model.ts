/**
 * Contacts and organisations of the workspace directory, as plain immutable snapshots for views,
 * exports and the GDPR tools, with the controlled vocabularies and their French labels.
 */

export const CONTACT_CATEGORIES = [
  { id: 'elu', label: 'Élu·e' },
  { id: 'technicien', label: 'Technicien·ne de collectivité' },
  { id: 'partenaire', label: 'Partenaire institutionnel (CAF, MSA, Département, État…)' },
  { id: 'associatif', label: 'Associatif' },
  { id: 'habitant', label: 'Habitant·e' },
  { id: 'autre', label: 'Autre' },
] as const;

export type ContactCategory = (typeof CONTACT_CATEGORIES)[number]['id'];

export const CIVILITIES = [
  { id: 'mme', label: 'Mme' },
  { id: 'm', label: 'M.' },
] as const;

export type Civility = (typeof CIVILITIES)[number]['id'];

export const LEGAL_BASES = [
  { id: 'public-interest', label: 'Mission d’intérêt public' },
  { id: 'consent', label: 'Consentement' },
] as const;

export type LegalBasis = (typeof LEGAL_BASES)[number]['id'];

export const ORGANISATION_KINDS = [
  { id: 'commune', label: 'Commune' },
  { id: 'epci', label: 'Intercommunalité' },
  { id: 'departement', label: 'Département' },
  { id: 'caf', label: 'CAF' },
  { id: 'msa', label: 'MSA' },
  { id: 'etat', label: 'État' },
  { id: 'association', label: 'Association' },
  { id: 'autre', label: 'Autre' },
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['id'];

export interface Contact {
  id: string;
  civility: Civility | null;
  lastName: string;
  firstName: string;
  jobTitle: string;
  organisationId: string | null;
  category: ContactCategory;
  communeCode: string | null;
  communeName: string;
  email: string;
  phone: string;
  notes: string;
  legalBasis: LegalBasis;
  /** ISO date; null unless the legal basis is consent. */
  consentDate: string | null;
  dataSource: string;
  /** ISO date. */
  retentionUntil: string | null;
  createdAt: number;
  updatedAt: number;
  trashedAt: number | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  communeCode: string | null;
  communeName: string;
  createdAt: number;
  updatedAt: number;
  trashedAt: number | null;
}

/** What a form or an import gives to create or edit a contact; absent fields keep their value. */
export interface ContactInput {
  civility?: Civility | null;
  lastName?: string;
  firstName?: string;
  jobTitle?: string;
  organisationId?: string | null;
  category?: ContactCategory;
  communeCode?: string | null;
  communeName?: string;
  email?: string;
  phone?: string;
  notes?: string;
  legalBasis?: LegalBasis;
  consentDate?: string | null;
  dataSource?: string;
  retentionUntil?: string | null;
}

export interface OrganisationInput {
  name?: string;
  kind?: OrganisationKind;
  communeCode?: string | null;
  communeName?: string;
}

export interface GdprSettings {
  controllerName: string;
  rightsContact: string;
  retentionMonths: number;
}

export const DEFAULT_RETENTION_MONTHS = 36;

/** "Mme Claire Dupont", or the parts that are known. */
export function contactDisplayName(contact: Pick<Contact, 'civility' | 'firstName' | 'lastName'>): string {
  const civility = CIVILITIES.find((entry) => entry.id === contact.civility)?.label ?? '';
  return [civility, contact.firstName.trim(), contact.lastName.trim()].filter((part) => part !== '').join(' ');
}

/** "DUPONT Claire": how sign-in sheets and lists sort and print names. */
export function contactSortName(contact: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [contact.lastName.trim().toLocaleUpperCase('fr-FR'), contact.firstName.trim()].filter((part) => part !== '').join(' ');
}

export function contactCategoryLabel(id: ContactCategory): string {
  return CONTACT_CATEGORIES.find((entry) => entry.id === id)?.label ?? id;
}

export function legalBasisLabel(id: LegalBasis): string {
  return LEGAL_BASES.find((entry) => entry.id === id)?.label ?? id;
}

export function organisationKindLabel(id: OrganisationKind): string {
  return ORGANISATION_KINDS.find((entry) => entry.id === id)?.label ?? id;
}
