import { PRE_DIAGNOSTIC_SECTION_LABELS, type PreDiagnosticSectionId } from '@shared/export/report/report-model';
import type { SectionChoice } from '@shared/export/report/report-options';

export type MoveDirection = 'up' | 'down';

/** The arrangement with one section moved by one place; unchanged at the ends. */
export function moveSectionChoice(choices: readonly SectionChoice[], id: PreDiagnosticSectionId, direction: MoveDirection): SectionChoice[] {
  const from = choices.findIndex((choice) => choice.id === id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= choices.length) return [...choices];
  const moved = [...choices];
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

export function setSectionIncluded(choices: readonly SectionChoice[], id: PreDiagnosticSectionId, included: boolean): SectionChoice[] {
  return choices.map((choice) => (choice.id === id ? { ...choice, included } : choice));
}

/** What a screen reader hears after a move, since the focused button may not say where the section went. */
export function moveAnnouncement(choices: readonly SectionChoice[], id: PreDiagnosticSectionId): string {
  const position = choices.findIndex((choice) => choice.id === id) + 1;
  return `« ${PRE_DIAGNOSTIC_SECTION_LABELS[id]} » est maintenant en position ${position} sur ${choices.length}.`;
}

export function includedSectionCount(choices: readonly SectionChoice[]): number {
  return choices.filter((choice) => choice.included).length;
}
