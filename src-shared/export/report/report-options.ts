import { PRE_DIAGNOSTIC_SECTION_IDS, type PreDiagnosticSectionId } from './report-model';

/** One section of the pre-diagnostic as the user arranged it: the array's order is the document's. */
export interface SectionChoice {
  id: PreDiagnosticSectionId;
  included: boolean;
}

export interface PreDiagnosticOptions {
  sections: readonly SectionChoice[];
  author: string;
  /** Free text such as "Version 1 – document de travail". */
  version: string;
  generatedAt: Date;
}

export function defaultSectionChoices(): SectionChoice[] {
  return PRE_DIAGNOSTIC_SECTION_IDS.map((id) => ({ id, included: true }));
}

/**
 * The user's saved arrangement, completed with the sections a newer Bocage added (included, at the
 * end) and stripped of ids this version does not know.
 */
export function normaliseSectionChoices(saved: readonly { id: string; included: boolean }[]): SectionChoice[] {
  const known = new Set<string>(PRE_DIAGNOSTIC_SECTION_IDS);
  const seen = new Set<string>();
  const choices: SectionChoice[] = [];
  for (const choice of saved) {
    if (!known.has(choice.id) || seen.has(choice.id)) continue;
    seen.add(choice.id);
    choices.push({ id: choice.id as PreDiagnosticSectionId, included: choice.included });
  }
  for (const id of PRE_DIAGNOSTIC_SECTION_IDS) if (!seen.has(id)) choices.push({ id, included: true });
  return choices;
}
