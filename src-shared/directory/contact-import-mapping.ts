/**
 * Which column of an inspected file holds which contact field, guessed from the headers for the
 * user to correct: "Nom de l'élu", "Prénom", "Code sexe", "Libellé de la fonction", "Courriel"…
 */
import { geoHeaderHint } from '../import/geo-codes';
import type { SplitGeoCode, TableInspection } from '../import/table-inspection';
import { normalizeForSearch } from '../text/normalize-search';
import type { ContactCategory } from './contact-model';

export const CONTACT_IMPORT_FIELDS = [
  { id: 'lastName', label: 'Nom' },
  { id: 'firstName', label: 'Prénom' },
  { id: 'civility', label: 'Civilité ou sexe' },
  { id: 'jobTitle', label: 'Fonction' },
  { id: 'organisation', label: 'Organisation' },
  { id: 'category', label: 'Catégorie' },
  { id: 'communeName', label: 'Commune' },
  { id: 'communeCode', label: 'Code INSEE de la commune' },
  { id: 'email', label: 'E-mail' },
  { id: 'phone', label: 'Téléphone' },
  { id: 'notes', label: 'Notes' },
] as const;

export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number]['id'];

export interface ContactMapping {
  /** The column index of each imported field; a field without a column is not imported. */
  columns: Partial<Record<ContactImportField, number>>;
  /** A commune code written as a département column and a commune column ("49" + "002"); wins over `columns.communeCode`. */
  splitCommuneCode: SplitGeoCode | null;
}

/** What a whole file suggests for the rows that do not say it themselves. */
export interface ContactImportDefaults {
  category: ContactCategory;
  /** The function of every row without one: "Maire" for a list of mayors. */
  jobTitle: string;
  dataSource: string;
}

type HeaderRule = (tokens: string[], normalized: string) => boolean;

const NOT_A_PERSON_NAME = new Set(['commune', 'communes', 'organisation', 'organisme', 'structure', 'departement', 'region', 'epci', 'ville', 'rue', 'voie', 'service', 'association']);
const DATE_OR_CODE = new Set(['date', 'code', 'cod', 'debut', 'fin', 'annee', 'numero', 'num']);

const HEADER_RULES: Record<Exclude<ContactImportField, 'communeName' | 'communeCode'>, HeaderRule> = {
  lastName: (tokens, normalized) =>
    (tokens[0] === 'nom' && !tokens.includes('prenom') && !tokens.some((token) => NOT_A_PERSON_NAME.has(token))) ||
    /^(?:last ?name|surname|family name|patronyme)$/.test(normalized),
  firstName: (tokens, normalized) => tokens[0] === 'prenom' || tokens[0] === 'prenoms' || /^(?:first ?name|given name)$/.test(normalized),
  civility: (tokens) => ['civilite', 'sexe', 'genre', 'civ'].some((word) => tokens.includes(word)) && !tokens.includes('date'),
  jobTitle: (tokens) => ['fonction', 'fonctions', 'poste', 'qualite', 'mandat'].some((word) => tokens.includes(word)) && !DATE_OR_CODE.has(tokens[0] ?? ''),
  organisation: (tokens) =>
    ['organisation', 'organisme', 'structure', 'employeur', 'etablissement', 'collectivite', 'societe', 'entreprise'].some((word) => tokens.includes(word)) &&
    !DATE_OR_CODE.has(tokens[0] ?? ''),
  category: (tokens, normalized) => tokens.includes('categorie') || tokens.includes('college') || normalized === 'type de contact' || normalized === 'profil',
  email: (tokens, normalized) => ['courriel', 'email', 'mail', 'mel'].some((word) => tokens.includes(word)) || /\be mail\b|\badresse electronique\b/.test(normalized),
  phone: (tokens) => ['telephone', 'tel', 'portable', 'mobile', 'phone', 'fixe'].some((word) => tokens.includes(word)),
  notes: (tokens) => ['notes', 'note', 'commentaire', 'commentaires', 'remarque', 'remarques', 'observations'].some((word) => tokens.includes(word)),
};

function headerTokens(label: string): { tokens: string[]; normalized: string } {
  const normalized = normalizeForSearch(label);
  return { tokens: normalized.split(' ').filter((token) => token !== ''), normalized };
}

/** The mapping the headers suggest; each column is given to one field at most, the first that claims it. */
export function suggestContactMapping(inspection: TableInspection): ContactMapping {
  const columns: Partial<Record<ContactImportField, number>> = {};
  const taken = new Set<number>();
  const claim = (field: ContactImportField, column: number): void => {
    if (columns[field] !== undefined || taken.has(column)) return;
    columns[field] = column;
    taken.add(column);
  };

  const splitCommuneCode = inspection.geo.splitCodes[0] ?? null;
  if (splitCommuneCode) {
    taken.add(splitCommuneCode.departementColumn);
    taken.add(splitCommuneCode.communeColumn);
  } else {
    const communeCodeColumn = inspection.geo.codeColumns.find((entry) => entry.level === 'commune');
    if (communeCodeColumn) claim('communeCode', communeCodeColumn.column);
  }
  for (const column of inspection.columns) {
    const hint = geoHeaderHint(column.label);
    if (hint && hint.level === 'commune' && (hint.role === 'name' || hint.role === 'code-or-name') && column.type !== 'geo-code') claim('communeName', column.index);
  }
  for (const column of inspection.columns) {
    const { tokens, normalized } = headerTokens(column.label);
    if (columns.communeName === undefined && ['commune', 'ville', 'localite'].includes(normalized) && column.type !== 'geo-code') claim('communeName', column.index);
    for (const [field, rule] of Object.entries(HEADER_RULES) as [keyof typeof HEADER_RULES, HeaderRule][]) {
      if (rule(tokens, normalized)) claim(field, column.index);
    }
  }
  return { columns, splitCommuneCode };
}

function headersMention(inspection: TableInspection, word: string): boolean {
  return inspection.columns.some((column) => headerTokens(column.label).tokens.includes(word));
}

/**
 * Defaults read from the file as a whole. The Répertoire national des élus names its columns
 * "Nom de l'élu"; its list of mayors says "(Maire)" in a header, or "maires" in its file name.
 */
export function suggestContactImportDefaults(inspection: TableInspection): ContactImportDefaults {
  const electedOfficials = headersMention(inspection, 'elu') || headersMention(inspection, 'elus');
  const mayors = headersMention(inspection, 'maire') || headersMention(inspection, 'maires') || /\bmaires?\b/.test(normalizeForSearch(inspection.fileName));
  return {
    category: electedOfficials || mayors ? 'elu' : 'autre',
    jobTitle: mayors ? 'Maire' : '',
    dataSource: electedOfficials ? `Répertoire national des élus (fichier « ${inspection.fileName} »)` : `Import du fichier « ${inspection.fileName} »`,
  };
}
