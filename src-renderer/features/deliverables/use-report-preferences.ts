import { useEffect, useState } from 'react';
import type { PreDiagnosticOptions } from '@shared/export/report/report-options';
import { useSession } from '../../app/session-context';
import {
  loadMissionReportPreferences,
  loadReportAuthor,
  saveMissionReportPreferences,
  saveReportAuthor,
  type MissionReportPreferences,
} from './deliverable-preferences';

export interface ReportPreferences extends MissionReportPreferences {
  author: string;
}

export type ReportPreferencesLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; preferences: ReportPreferences; update(change: Partial<ReportPreferences>): void; saveError: string | null };

/**
 * The pre-diagnostic's options for one mission, read from this machine's settings. Each change is
 * kept in React state first (fields stay responsive while typing) and written behind it.
 */
export function useReportPreferences(missionId: string): ReportPreferencesLoad {
  const session = useSession();
  const [preferences, setPreferences] = useState<ReportPreferences | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    Promise.all([loadMissionReportPreferences(session.db, missionId), loadReportAuthor(session.db)]).then(
      ([mission, author]) => active && setPreferences({ ...mission, author }),
      (error: unknown) => active && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      active = false;
    };
  }, [session, missionId]);

  if (failure !== null) return { state: 'failed', message: failure };
  if (preferences === null) return { state: 'loading' };

  function update(change: Partial<ReportPreferences>) {
    if (preferences === null) return;
    const next = { ...preferences, ...change };
    setPreferences(next);
    const savings: Promise<void>[] = [];
    if (change.author !== undefined) savings.push(saveReportAuthor(session.db, next.author));
    if (change.sections !== undefined || change.version !== undefined) {
      savings.push(saveMissionReportPreferences(session.db, missionId, { sections: next.sections, version: next.version }));
    }
    Promise.all(savings).then(
      () => setSaveError(null),
      (error: unknown) =>
        setSaveError(`Ces réglages n’ont pas pu être gardés sur cet ordinateur : ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  return { state: 'ready', preferences, update, saveError };
}

/** The options every deliverable of one export shares, dated now. */
export function preDiagnosticOptions(preferences: ReportPreferences): PreDiagnosticOptions {
  return { sections: preferences.sections, author: preferences.author.trim(), version: preferences.version.trim(), generatedAt: new Date() };
}
