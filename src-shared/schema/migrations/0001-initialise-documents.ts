import type { Migration } from '../migrations';
import { META_FIELD, MISSION_FIELD, metaMap, missionMap } from '../../documents/document-structure';
import { DEFAULT_MISSION_STATUS } from '../../model/mission-vocabulary';

/**
 * Version 1: every document says what it is, and a mission has a status. Written so that two
 * replicas running it concurrently on the same empty document agree.
 */
export const migration0001InitialiseDocuments: Migration = {
  version: 1,
  name: 'initialise-documents',
  migrate(doc, kind) {
    const meta = metaMap(doc);
    if (!meta.has(META_FIELD.kind)) meta.set(META_FIELD.kind, kind);
    if (kind === 'mission') {
      const mission = missionMap(doc);
      if (!mission.has(MISSION_FIELD.status)) mission.set(MISSION_FIELD.status, DEFAULT_MISSION_STATUS);
    }
  },
};
