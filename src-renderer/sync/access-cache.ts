import { accessSummarySchema, type AccessSummary } from '@shared/sync/sync-protocol';
import type { LocalDatabase } from '../storage/local-database';

const ACCESS_KEY = 'sync-access';

/**
 * The server's last answer about what this user may synchronise, kept so that a reader's missions
 * stay read-only and a partner's missions stay listed while the machine is offline.
 */
export async function loadCachedAccess(db: LocalDatabase, serverUrl: string): Promise<AccessSummary | null> {
  const value = (await db.settings.get(ACCESS_KEY))?.value;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as { serverUrl?: unknown; summary?: unknown };
  if (record.serverUrl !== serverUrl) return null;
  const parsed = accessSummarySchema.safeParse(record.summary);
  return parsed.success ? parsed.data : null;
}

export async function saveCachedAccess(db: LocalDatabase, serverUrl: string, summary: AccessSummary | null): Promise<void> {
  if (summary === null) await db.settings.delete(ACCESS_KEY);
  else await db.settings.put({ key: ACCESS_KEY, value: { serverUrl, summary } });
}
