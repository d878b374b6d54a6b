import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import { missionCatalogEntry, type MissionCatalogEntry } from '@shared/model/mission-catalog-entry';
import { normalizeForSearch } from '@shared/text/normalize-search';
import type { DocumentStore, OpenDocument } from './document-store';
import type { LocalDatabase } from './local-database';

/** The catalog entry a mission document yields, or null while its content has not arrived yet. */
export function catalogEntryOf(mission: OpenDocument): MissionCatalogEntry | null {
  const snapshot = readMissionSnapshot(mission.doc);
  if (snapshot.id === '') return null;
  return missionCatalogEntry(snapshot, { readOnly: mission.isReadOnly(), normalize: normalizeForSearch });
}

/** Entries for every live (not trashed) mission the workspace document lists, read from the documents. */
export async function catalogFromDocuments(store: DocumentStore): Promise<MissionCatalogEntry[]> {
  const workspace = await store.openWorkspace();
  const live = listWorkspaceMissions(workspace.doc).filter((entry) => !entry.trashed);
  const missions = await Promise.all(live.map((entry) => store.openMission(entry.id)));
  return missions.map(catalogEntryOf).filter((entry): entry is MissionCatalogEntry => entry !== null);
}

/** Throws away the derived catalog and rebuilds it from the documents, the source of truth. */
export async function rebuildCatalog(db: LocalDatabase, store: DocumentStore): Promise<void> {
  const entries = await catalogFromDocuments(store);
  await db.transaction('rw', db.catalog, async () => {
    await db.catalog.clear();
    await db.catalog.bulkPut(entries);
  });
}

export async function refreshCatalogEntry(db: LocalDatabase, mission: OpenDocument, trashed: boolean): Promise<void> {
  const entry = catalogEntryOf(mission);
  if (!entry) return;
  if (trashed) await db.catalog.delete(entry.id);
  else await db.catalog.put(entry);
}
