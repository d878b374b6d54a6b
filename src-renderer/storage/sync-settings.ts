import type { LocalDatabase } from './local-database';

export interface SyncSettings {
  serverUrl: string;
  accessToken: string;
}

const SYNC_SETTINGS_KEY = 'sync';

function isSyncSettings(value: unknown): value is SyncSettings {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.serverUrl === 'string' && typeof record.accessToken === 'string';
}

export async function loadSyncSettings(db: LocalDatabase): Promise<SyncSettings | null> {
  const record = await db.settings.get(SYNC_SETTINGS_KEY);
  return record && isSyncSettings(record.value) ? record.value : null;
}

export async function saveSyncSettings(db: LocalDatabase, settings: SyncSettings | null): Promise<void> {
  if (settings === null) await db.settings.delete(SYNC_SETTINGS_KEY);
  else await db.settings.put({ key: SYNC_SETTINGS_KEY, value: settings });
}
