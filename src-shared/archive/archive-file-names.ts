import { missionExportFileName } from '../export/export-file-names';
import type { MissionSnapshot } from '../model/mission';

export const ARCHIVE_EXTENSION = 'bocage';

/** "Mission - Diagnostic CTG.bocage", named like the mission's Word and Excel exports. */
export function missionArchiveFileName(mission: Pick<MissionSnapshot, 'title'>): string {
  return missionExportFileName(mission, ARCHIVE_EXTENSION);
}

/** "espace-de-travail-2026-03-12.bocage": the day in the user's time zone, so backups sort by date. */
export function workspaceArchiveFileName(savedAt: Date): string {
  const day = [savedAt.getFullYear(), savedAt.getMonth() + 1, savedAt.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `espace-de-travail-${day}.${ARCHIVE_EXTENSION}`;
}
