/**
 * Importing contacts from an inspected file: plan first (what would be created, which rows look
 * like people already in the directory or earlier in the file, which rows are left out and why),
 * then apply the user's decisions in one transaction. Planning writes nothing.
 *
 * Only the fields of a contact are read: a file's dates of birth, professions and the like are
 * never imported (data minimisation).
 */
import * as Y from 'yjs';
import { DIRECTORY_ROOT, directoryCollection } from '../documents/directory-structure';
import { codeAtLevel, joinSplitCommuneCode } from '../import/geo-codes';
import { ImportError } from '../import/import-error';
import type { TableInspection } from '../import/table-inspection';
import { runOperation } from '../operations/document-guards';
import { normalizeForSearch } from '../text/normalize-search';
import { contactDisplayName, CONTACT_CATEGORIES, type Civility, type Contact, type ContactCategory, type ContactInput, type LegalBasis, type OrganisationInput, type OrganisationKind } from './contact-model';
import { DuplicateIndex, type DuplicatePerson } from './contact-duplicates';
import { CONTACT_IMPORT_FIELDS, type ContactImportField, type ContactMapping } from './contact-import-mapping';
import { createContact, updateContact } from './contact-operations';
import { validateContactInput } from './contact-validation';
import { readContact, readDirectorySnapshot, type DirectorySnapshot } from './directory-snapshot';
import { OrganisationFinder } from './organisation-operations';

export interface ContactImportOptions {
  /** The category of rows without a recognised one. */
  category: ContactCategory;
  /** The function of rows without one ("Maire" for a list of mayors); may be empty. */
  jobTitle: string;
  legalBasis: LegalBasis;
  /** Required when the legal basis is consent. */
  consentDate: string | null;
  /** Written on every imported contact: where the data came from. */
  dataSource: string;
  retentionUntil: string | null;
  /** The directory as it is now, to find the people already in it. */
  existing: DirectorySnapshot;
  /** The INSEE code of a commune given only by name (the app's geography), when the file has no code column. */
  communeCodeOf?: (communeName: string) => string | null;
}

/** An organisation a row belongs to, found by name or created on import. */
export type PlannedOrganisation = OrganisationInput & { name: string; kind: OrganisationKind };

export interface PlannedContact {
  /** 1-based line in the file (row number of a sheet). */
  line: number;
  /** The contact's fields, without its organisation (see `organisation`). */
  input: ContactInput & { lastName: string; firstName: string };
  organisation: PlannedOrganisation | null;
  /** What was dropped from the row and why ("e-mail non valide ignoré : …"). */
  warnings: string[];
}

export type DuplicateTarget = { kind: 'contact'; contactId: string; name: string } | { kind: 'row'; line: number; name: string };

export interface PlannedDuplicate extends PlannedContact {
  match: DuplicateTarget;
  /** "même e-mail", "orthographe proche : Dupont / Dupond". */
  reason: string;
  /** What the import does unless told otherwise: leave the row out, or create it when the match lives in another commune (a namesake). */
  suggested: DuplicateDecision;
}

export interface SkippedContactRow {
  line: number;
  reason: string;
}

export interface ContactImportPlanReport {
  /** Data rows read plus the rows the reader left out. */
  rowsRead: number;
  toCreate: number;
  duplicates: number;
  skipped: number;
  /** Names of the organisations the import would create. */
  organisationsToCreate: string[];
}

export interface ContactImportPlan {
  fileName: string;
  options: Omit<ContactImportOptions, 'existing' | 'communeCodeOf'>;
  toCreate: PlannedContact[];
  duplicates: PlannedDuplicate[];
  skipped: SkippedContactRow[];
  report: ContactImportPlanReport;
}

/** Per possible duplicate, by its line: leave it out, fill the existing contact's empty fields, or create it anyway. */
export type DuplicateDecision = 'skip' | 'merge' | 'create';

export interface ContactImportResult {
  created: number;
  merged: number;
  skipped: number;
  organisationsCreated: number;
  /** The contacts created or completed, in file order. */
  contactIds: string[];
}

const FIELD_LABELS = Object.fromEntries(CONTACT_IMPORT_FIELDS.map((field) => [field.id, field.label])) as Record<ContactImportField, string>;

const CIVILITY_WORDS: Readonly<Record<string, Civility>> = {
  m: 'm',
  mr: 'm',
  h: 'm',
  homme: 'm',
  monsieur: 'm',
  masculin: 'm',
  f: 'mme',
  mme: 'mme',
  mlle: 'mme',
  madame: 'mme',
  mademoiselle: 'mme',
  femme: 'mme',
  feminin: 'mme',
};

/** "M", "M.", "Monsieur", "H" → M.; "F", "Mme", "Madame" → Mme; anything else is left unknown. */
export function parseCivility(cell: string): Civility | null {
  return CIVILITY_WORDS[normalizeForSearch(cell)] ?? null;
}

const CATEGORY_WORDS: readonly [RegExp, ContactCategory][] = [
  [/^(?:elu|elue|elus|elues|elu e|elu es)\b/, 'elu'],
  [/^(?:technicien|technicienne|agent|agents)\b/, 'technicien'],
  [/^(?:partenaire|caf|msa|etat|departement)\b/, 'partenaire'],
  [/^(?:associati|asso\b)/, 'associatif'],
  [/^habitant/, 'habitant'],
  [/^autre/, 'autre'],
];

/** A category written in a file ("Élu·e", "élus", "Technicienne", "Associatif"), or null. */
export function parseCategory(cell: string): ContactCategory | null {
  const normalized = normalizeForSearch(cell);
  if (normalized === '') return null;
  const byLabel = CONTACT_CATEGORIES.find((entry) => normalizeForSearch(entry.label) === normalized || entry.id === normalized);
  if (byLabel) return byLabel.id;
  return CATEGORY_WORDS.find(([pattern]) => pattern.test(normalized))?.[1] ?? null;
}

const ORGANISATION_KIND_PATTERNS: readonly [RegExp, OrganisationKind][] = [
  [/^(?:mairie|commune|ville)\b/, 'commune'],
  [/^(?:communaute de communes|communaute d agglomeration|communaute urbaine|metropole|cc|ca|epci)\b/, 'epci'],
  [/^(?:caf|caisse d allocations familiales)\b/, 'caf'],
  [/^(?:msa|mutualite sociale agricole)\b/, 'msa'],
  [/^(?:departement|conseil departemental|conseil general)\b/, 'departement'],
  [/^(?:prefecture|sous prefecture|ddets|ddt|dreets|ars|etat)\b/, 'etat'],
  [/^association\b/, 'association'],
];

export function guessOrganisationKind(name: string): OrganisationKind {
  const normalized = normalizeForSearch(name);
  return ORGANISATION_KIND_PATTERNS.find(([pattern]) => pattern.test(normalized))?.[1] ?? 'autre';
}

/** "Mairie d'Angers", "Mairie du Mans", "Mairie des Ponts-de-Cé", "Mairie de La Flèche". */
export function townHallName(commune: string): string {
  const name = commune.trim();
  const article = /^(Le|Les) (.+)$/i.exec(name);
  if (article) return `Mairie ${article[1]?.toLowerCase() === 'le' ? 'du' : 'des'} ${article[2]}`;
  // Elision before a vowel; an initial h may be aspirated ("Le Havre", "Hérisson"), so no elision.
  if (/^[aeiouyàâäéèêëîïôöûüÿæœ]/i.test(name)) return `Mairie d’${name}`;
  return `Mairie de ${name}`;
}

/** Functions held in a town hall: the row belongs to the commune's mairie. */
const MUNICIPAL_FUNCTION = /^(?:maire|adjointe?s?\b|premier adjoint|premiere adjointe|conseill\w+ municipa)/;

function cell(row: readonly string[], column: number | undefined): string {
  return column === undefined ? '' : (row[column] ?? '').trim();
}

function checkMapping(inspection: TableInspection, mapping: ContactMapping): void {
  if (mapping.columns.lastName === undefined && mapping.columns.firstName === undefined) {
    throw new ImportError('mapping-no-columns', 'Indiquez la colonne du nom ou celle du prénom : sans elles, aucun contact ne peut être créé.');
  }
  const columnCount = inspection.columns.length;
  const used = [
    ...Object.values(mapping.columns),
    ...(mapping.splitCommuneCode ? [mapping.splitCommuneCode.departementColumn, mapping.splitCommuneCode.communeColumn] : []),
  ];
  if (used.some((column) => column === undefined || column < 0 || column >= columnCount)) {
    throw new ImportError('mapping-missing-column', 'Une colonne choisie n’existe pas dans ce fichier : refaites l’association des colonnes.');
  }
}

interface ReadRow {
  input: PlannedContact['input'];
  organisation: PlannedOrganisation | null;
  warnings: string[];
}

function readRow(row: readonly string[], mapping: ContactMapping, options: ContactImportOptions): ReadRow | { skip: string } {
  const columns = mapping.columns;
  const warnings: string[] = [];
  const lastName = cell(row, columns.lastName);
  const firstName = cell(row, columns.firstName);
  if (lastName === '' && firstName === '') return { skip: 'ni nom ni prénom' };

  const civilityCell = cell(row, columns.civility);
  const civility = parseCivility(civilityCell);
  if (civilityCell !== '' && civility === null) warnings.push(`civilité non reconnue, ignorée : « ${civilityCell} »`);

  const categoryCell = cell(row, columns.category);
  const category = parseCategory(categoryCell);
  if (categoryCell !== '' && category === null) warnings.push(`catégorie non reconnue : « ${categoryCell} », catégorie par défaut appliquée`);

  const email = cell(row, columns.email);
  const emailValid = email === '' || !validateContactInput({ email }, false).email;
  if (!emailValid) warnings.push(`e-mail non valide, ignoré : « ${email} »`);

  const split = mapping.splitCommuneCode;
  const codeCells = split ? [cell(row, split.departementColumn), cell(row, split.communeColumn)] : [cell(row, columns.communeCode)];
  let communeCode: string | null = null;
  if (codeCells.some((code) => code !== '')) {
    const [first = '', second = ''] = codeCells;
    communeCode = (split ? joinSplitCommuneCode(first, second) : codeAtLevel(first, 'commune'))?.code ?? null;
    if (communeCode === null) warnings.push(`code de commune non reconnu, ignoré : « ${codeCells.filter(Boolean).join(' ')} »`);
  }
  const communeName = cell(row, columns.communeName);
  if (communeCode === null && communeName !== '' && options.communeCodeOf) communeCode = options.communeCodeOf(communeName);
  const jobTitle = cell(row, columns.jobTitle) || options.jobTitle.trim();

  const input: PlannedContact['input'] = {
    civility,
    lastName,
    firstName,
    jobTitle,
    category: category ?? options.category,
    communeCode,
    communeName,
    email: emailValid ? email : '',
    phone: cell(row, columns.phone),
    notes: cell(row, columns.notes),
    legalBasis: options.legalBasis,
    consentDate: options.legalBasis === 'consent' ? options.consentDate : null,
    dataSource: options.dataSource.trim(),
    retentionUntil: options.retentionUntil,
  };
  const errors = validateContactInput(input, true);
  const fieldErrors = (Object.keys(errors) as (keyof typeof errors)[]).map((field) => {
    const label = field in FIELD_LABELS ? FIELD_LABELS[field as ContactImportField] : null;
    return label ? `${label} : ${errors[field]}` : errors[field];
  });
  if (fieldErrors.length > 0) return { skip: fieldErrors.join(' ') };

  const organisationName = cell(row, columns.organisation);
  let organisation: PlannedOrganisation | null = null;
  if (organisationName !== '') {
    organisation = { name: organisationName, kind: guessOrganisationKind(organisationName) };
  } else if (communeName !== '' && MUNICIPAL_FUNCTION.test(normalizeForSearch(jobTitle))) {
    organisation = { name: townHallName(communeName), kind: 'commune', communeCode, communeName };
  }
  return { input, organisation, warnings };
}

function asPerson(input: PlannedContact['input']): DuplicatePerson {
  return {
    civility: input.civility ?? null,
    lastName: input.lastName,
    firstName: input.firstName,
    email: input.email ?? '',
    phone: input.phone ?? '',
    communeCode: input.communeCode ?? null,
    communeName: input.communeName ?? '',
  };
}

function rowName(input: PlannedContact['input']): string {
  return contactDisplayName({ civility: input.civility ?? null, firstName: input.firstName, lastName: input.lastName });
}

/**
 * Reads every data row with the mapping and sorts it into: to create, possible duplicate (of a
 * contact of the directory or of an earlier row of the file), or left out with a French reason.
 * Throws `ImportError` for a mapping that cannot work.
 */
export function planContactImport(inspection: TableInspection, mapping: ContactMapping, options: ContactImportOptions): ContactImportPlan {
  checkMapping(inspection, mapping);
  const index = new DuplicateIndex<DuplicateTarget>();
  for (const contact of options.existing.contacts) {
    if (contact.trashedAt === null) index.add({ kind: 'contact', contactId: contact.id, name: contactDisplayName(contact) }, contact);
  }
  const organisations = new OrganisationFinder(options.existing.organisations);
  const organisationsToCreate = new Map<string, string>();
  const toCreate: PlannedContact[] = [];
  const duplicates: PlannedDuplicate[] = [];
  const skipped: SkippedContactRow[] = inspection.skippedRows.map((row) => ({ line: row.line, reason: row.message }));

  inspection.rows.forEach((row, rowIndex) => {
    const line = inspection.rowLines[rowIndex] ?? rowIndex + 1;
    const read = readRow(row, mapping, options);
    if ('skip' in read) {
      skipped.push({ line, reason: read.skip });
      return;
    }
    const planned: PlannedContact = { line, ...read };
    const person = asPerson(read.input);
    const matches = index.matches(person);
    const best = matches.find((candidate) => candidate.id.kind === 'contact') ?? matches[0];
    if (best) {
      duplicates.push({ ...planned, match: best.id, reason: best.match.reason, suggested: best.match.differentCommunes ? 'create' : 'skip' });
      return;
    }
    toCreate.push(planned);
    index.add({ kind: 'row', line, name: rowName(read.input) }, person);
    if (read.organisation && organisations.find(read.organisation.name) === null) {
      organisationsToCreate.set(normalizeForSearch(read.organisation.name), read.organisation.name);
    }
  });

  skipped.sort((left, right) => left.line - right.line);
  const { existing: _existing, communeCodeOf: _communeCodeOf, ...plannedOptions } = options;
  return {
    fileName: inspection.fileName,
    options: plannedOptions,
    toCreate,
    duplicates,
    skipped,
    report: {
      rowsRead: inspection.rows.length + inspection.skippedRows.length,
      toCreate: toCreate.length,
      duplicates: duplicates.length,
      skipped: skipped.length,
      organisationsToCreate: [...organisationsToCreate.values()],
    },
  };
}

/** The fields of `input` the contact does not have yet: a merge on import never overwrites. */
function missingFields(contact: Contact, input: ContactInput): ContactInput {
  const patch: ContactInput = {};
  const fill = <K extends keyof ContactInput>(field: K, empty: boolean): void => {
    const value = input[field];
    if (empty && value !== undefined && value !== null && value !== '') patch[field] = value;
  };
  fill('civility', contact.civility === null);
  fill('jobTitle', contact.jobTitle === '');
  fill('email', contact.email === '');
  fill('phone', contact.phone === '');
  fill('notes', contact.notes === '');
  fill('dataSource', contact.dataSource === '');
  fill('retentionUntil', contact.retentionUntil === null);
  if (contact.communeName === '' && contact.communeCode === null) {
    fill('communeName', true);
    fill('communeCode', true);
  }
  return patch;
}

/**
 * Writes the plan in one transaction: every row to create, and each possible duplicate as decided
 * (by default as the plan suggests). A "merge" fills the matched contact's empty fields; when that contact was
 * merged away or erased meanwhile, the row is created instead, so nobody is lost.
 */
export function applyContactImport(
  doc: Y.Doc,
  plan: ContactImportPlan,
  decisions: Readonly<Record<number, DuplicateDecision>>,
  origin: unknown,
  now: number = Date.now(),
): ContactImportResult {
  return runOperation(doc, origin, () => {
    const snapshot = readDirectorySnapshot(doc);
    const contacts = directoryCollection(doc, DIRECTORY_ROOT.contacts);
    const organisations = new OrganisationFinder(snapshot.organisations);
    /** What each handled line became: the contact it created or completed, or the one it duplicates. */
    const lineTargets = new Map<number, string>();
    const result: ContactImportResult = { created: 0, merged: 0, skipped: 0, organisationsCreated: 0, contactIds: [] };

    const organisationIdOf = (row: PlannedContact): string | null => (row.organisation ? organisations.findOrCreate(doc, row.organisation, now) : null);
    const currentContact = (id: string | undefined): Contact | null => {
      const record = id === undefined ? undefined : contacts.get(id);
      return id !== undefined && record instanceof Y.Map ? readContact(id, record) : null;
    };
    const create = (row: PlannedContact): void => {
      const id = createContact(doc, { ...row.input, organisationId: organisationIdOf(row) }, origin, now);
      lineTargets.set(row.line, id);
      result.created += 1;
      result.contactIds.push(id);
    };

    const rows: (PlannedContact | PlannedDuplicate)[] = [...plan.toCreate, ...plan.duplicates].sort((left, right) => left.line - right.line);
    for (const row of rows) {
      if (!('match' in row)) {
        create(row);
        continue;
      }
      const matchedId = row.match.kind === 'contact' ? (snapshot.aliases.get(row.match.contactId) ?? row.match.contactId) : lineTargets.get(row.match.line);
      const matched = currentContact(matchedId);
      const decision = decisions[row.line] ?? row.suggested;
      if (decision === 'create' || (decision === 'merge' && matched === null)) {
        create(row);
      } else if (decision === 'merge' && matched !== null) {
        const patch = missingFields(matched, row.input);
        if (matched.organisationId === null && row.organisation) patch.organisationId = organisationIdOf(row);
        if (Object.keys(patch).length > 0) updateContact(doc, matched.id, patch, origin, now);
        lineTargets.set(row.line, matched.id);
        result.merged += 1;
        result.contactIds.push(matched.id);
      } else {
        if (matched !== null) lineTargets.set(row.line, matched.id);
        result.skipped += 1;
      }
    }
    result.organisationsCreated = organisations.createdCount;
    return result;
  });
}
