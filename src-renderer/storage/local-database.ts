import Dexie, { type EntityTable } from 'dexie';
import type { MissionCatalogEntry } from '@shared/model/mission-catalog-entry';

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * What is local or derived, never shared: the home-screen catalog (rebuildable from the Yjs
 * documents) and this machine's settings. The documents themselves live in y-indexeddb databases.
 */
export class LocalDatabase extends Dexie {
  catalog!: EntityTable<MissionCatalogEntry, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = 'bocage-local') {
    super(name);
    this.version(1).stores({
      catalog: 'id, updatedAt',
      settings: 'key',
    });
  }
}
