import * as Y from 'yjs';
import { DIRECTORY_ROOT, ORGANISATION_FIELD, directoryCollection } from '../documents/directory-structure';
import { newId } from '../model/ids';
import { InvalidOperationError, runOperation } from '../operations/document-guards';
import { normalizeForSearch } from '../text/normalize-search';
import { ORGANISATION_KINDS, type Organisation, type OrganisationInput, type OrganisationKind } from './contact-model';
import { readOrganisation } from './directory-snapshot';

const NAME_MAX = 200;

function requireOrganisation(doc: Y.Doc, id: string): Y.Map<unknown> {
  const record = directoryCollection(doc, DIRECTORY_ROOT.organisations).get(id);
  if (!(record instanceof Y.Map)) throw new InvalidOperationError('Cette organisation est introuvable.');
  return record;
}

/** French messages keyed by field; empty when the input is acceptable. */
export function validateOrganisationInput(input: OrganisationInput, isNew: boolean): Partial<Record<keyof OrganisationInput, string>> {
  const errors: Partial<Record<keyof OrganisationInput, string>> = {};
  if ((isNew || input.name !== undefined) && !input.name?.trim()) errors.name = 'Indiquez le nom de l’organisation.';
  else if (input.name !== undefined && input.name.length > NAME_MAX) errors.name = `Le nom est limité à ${NAME_MAX} caractères.`;
  if (input.kind !== undefined && !ORGANISATION_KINDS.some((entry) => entry.id === input.kind)) errors.kind = 'Type d’organisation inconnu.';
  if (input.communeName !== undefined && input.communeName.length > NAME_MAX) errors.communeName = `Ce champ est limité à ${NAME_MAX} caractères.`;
  return errors;
}

function refuseInvalid(input: OrganisationInput, isNew: boolean): void {
  const message = Object.values(validateOrganisationInput(input, isNew)).join(' ');
  if (message) throw new InvalidOperationError(message);
}

/** Empty strings and nulls are stored as absent fields, as for contacts. */
function writeOrganisationFields(record: Y.Map<unknown>, input: OrganisationInput): void {
  for (const [field, value] of Object.entries(input) as [keyof OrganisationInput, unknown][]) {
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : value;
    if (text === '' || text === null) record.delete(ORGANISATION_FIELD[field]);
    else record.set(ORGANISATION_FIELD[field], text);
  }
}

/** Writes a new organisation inside the caller's transaction (imports create many at once). */
export function insertOrganisation(doc: Y.Doc, input: OrganisationInput, now: number, id: string = newId()): string {
  const record = new Y.Map<unknown>();
  record.set(ORGANISATION_FIELD.createdAt, now);
  record.set(ORGANISATION_FIELD.updatedAt, now);
  writeOrganisationFields(record, { kind: 'autre', ...input });
  directoryCollection(doc, DIRECTORY_ROOT.organisations).set(id, record);
  return id;
}

/** Creates an organisation; a name is required. Returns its id. */
export function createOrganisation(doc: Y.Doc, input: OrganisationInput, origin: unknown, now: number = Date.now(), id: string = newId()): string {
  refuseInvalid(input, true);
  return runOperation(doc, origin, () => insertOrganisation(doc, input, now, id));
}

/** Writes the fields present in `patch`; an empty commune clears it, an empty name is refused. */
export function updateOrganisation(doc: Y.Doc, id: string, patch: OrganisationInput, origin: unknown, now: number = Date.now()): void {
  refuseInvalid(patch, false);
  runOperation(doc, origin, () => {
    const record = requireOrganisation(doc, id);
    writeOrganisationFields(record, patch);
    record.set(ORGANISATION_FIELD.updatedAt, now);
  });
}

/** Hides an organisation from lists and pickers; its contacts keep pointing to it, restorable. */
export function trashOrganisation(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireOrganisation(doc, id);
    record.set(ORGANISATION_FIELD.trashedAt, now);
    record.set(ORGANISATION_FIELD.updatedAt, now);
  });
}

export function restoreOrganisation(doc: Y.Doc, id: string, origin: unknown, now: number = Date.now()): void {
  runOperation(doc, origin, () => {
    const record = requireOrganisation(doc, id);
    record.delete(ORGANISATION_FIELD.trashedAt);
    record.set(ORGANISATION_FIELD.updatedAt, now);
  });
}

function readOrganisations(doc: Y.Doc): Organisation[] {
  const organisations: Organisation[] = [];
  directoryCollection(doc, DIRECTORY_ROOT.organisations).forEach((record, id) => {
    if (record instanceof Y.Map) organisations.push(readOrganisation(id, record));
  });
  return organisations;
}

/** The key two spellings of one organisation share: "Mairie d'Angers" and "MAIRIE D’ANGERS". */
export function organisationNameKey(name: string): string {
  return normalizeForSearch(name);
}

/**
 * Finds organisations by name ignoring case, accents and punctuation, and creates the missing ones
 * inside the caller's transaction. A trashed organisation of the same name is restored rather than
 * duplicated. One finder per import keeps the created ones, so two rows naming the same new
 * organisation share it.
 */
export class OrganisationFinder {
  private readonly byKey = new Map<string, { id: string; trashed: boolean }>();
  /** How many organisations `findOrCreate` created. */
  createdCount = 0;

  constructor(organisations: readonly Organisation[]) {
    for (const organisation of organisations) {
      const key = organisationNameKey(organisation.name);
      const known = this.byKey.get(key);
      // Prefer a live organisation over a trashed one of the same name.
      if (!known || (known.trashed && organisation.trashedAt === null)) this.byKey.set(key, { id: organisation.id, trashed: organisation.trashedAt !== null });
    }
  }

  /** The id of an existing organisation of that name, or null. */
  find(name: string): string | null {
    return this.byKey.get(organisationNameKey(name))?.id ?? null;
  }

  /** Must run inside a transaction on `doc`. */
  findOrCreate(doc: Y.Doc, input: OrganisationInput & { name: string; kind: OrganisationKind }, now: number): string {
    const key = organisationNameKey(input.name);
    const known = this.byKey.get(key);
    if (known) {
      if (known.trashed) {
        const record = requireOrganisation(doc, known.id);
        record.delete(ORGANISATION_FIELD.trashedAt);
        record.set(ORGANISATION_FIELD.updatedAt, now);
        known.trashed = false;
      }
      return known.id;
    }
    const id = insertOrganisation(doc, input, now);
    this.byKey.set(key, { id, trashed: false });
    this.createdCount += 1;
    return id;
  }
}

/** Finds an organisation by name (case and accents ignored), or creates it. Returns its id. */
export function findOrCreateOrganisation(
  doc: Y.Doc,
  input: OrganisationInput & { name: string; kind: OrganisationKind },
  origin: unknown,
  now: number = Date.now(),
): string {
  refuseInvalid(input, true);
  return runOperation(doc, origin, () => new OrganisationFinder(readOrganisations(doc)).findOrCreate(doc, input, now));
}
