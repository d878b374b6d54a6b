import { defaultSectionChoices, normaliseSectionChoices, type SectionChoice } from '@shared/export/report/report-options';
import type { LocalDatabase } from '../../storage/local-database';

/**
 * How this machine's user wants a mission's pre-diagnostic: kept in the local settings table, never
 * in the synced mission, because a colleague arranging their own copy must not reorder ours.
 */
export interface MissionReportPreferences {
  sections: SectionChoice[];
  /** Free text printed on the cover, e.g. "Version 2 – document de travail". */
  version: string;
}

/** The institution's Word template: a file on this machine, used for every mission's pre-diagnostic. */
export interface WordTemplateFile {
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export const DEFAULT_REPORT_VERSION = 'Version 1 – document de travail';

const AUTHOR_KEY = 'deliverables.author';
const TEMPLATE_KEY = 'deliverables.word-template';

function missionKey(missionId: string): string {
  return `deliverables.mission.${missionId}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function savedSections(value: unknown): { id: string; included: boolean }[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (choice): choice is { id: string; included: boolean } => isRecord(choice) && typeof choice.id === 'string' && typeof choice.included === 'boolean',
  );
}

export async function loadMissionReportPreferences(db: LocalDatabase, missionId: string): Promise<MissionReportPreferences> {
  const record = await db.settings.get(missionKey(missionId));
  const value = isRecord(record?.value) ? record.value : {};
  const sections = savedSections(value.sections);
  return {
    sections: sections ? normaliseSectionChoices(sections) : defaultSectionChoices(),
    version: typeof value.version === 'string' ? value.version : DEFAULT_REPORT_VERSION,
  };
}

export async function saveMissionReportPreferences(db: LocalDatabase, missionId: string, preferences: MissionReportPreferences): Promise<void> {
  await db.settings.put({ key: missionKey(missionId), value: { sections: preferences.sections, version: preferences.version } });
}

/** The author is this machine's user, the same for every mission. */
export async function loadReportAuthor(db: LocalDatabase): Promise<string> {
  const record = await db.settings.get(AUTHOR_KEY);
  return typeof record?.value === 'string' ? record.value : '';
}

export async function saveReportAuthor(db: LocalDatabase, author: string): Promise<void> {
  await db.settings.put({ key: AUTHOR_KEY, value: author });
}

export async function loadWordTemplate(db: LocalDatabase): Promise<WordTemplateFile | null> {
  const record = await db.settings.get(TEMPLATE_KEY);
  const value = record?.value;
  if (!isRecord(value) || typeof value.fileName !== 'string' || !(value.bytes instanceof Uint8Array)) return null;
  return { fileName: value.fileName, bytes: new Uint8Array(value.bytes) };
}

export async function saveWordTemplate(db: LocalDatabase, template: WordTemplateFile | null): Promise<void> {
  if (template === null) await db.settings.delete(TEMPLATE_KEY);
  else await db.settings.put({ key: TEMPLATE_KEY, value: { fileName: template.fileName, bytes: template.bytes } });
}
