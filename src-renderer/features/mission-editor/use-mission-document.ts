import { useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import type { MissionSnapshot } from '@shared/model/mission';
import { useSession } from '../../app/session-context';
import type { OpenDocument } from '../../storage/document-store';

type MissionLoad = { state: 'loading' } | { state: 'ready'; mission: OpenDocument } | { state: 'failed'; message: string };

export function useMissionDocument(missionId: string): MissionLoad {
  const session = useSession();
  const [load, setLoad] = useState<MissionLoad>({ state: 'loading' });
  useEffect(() => {
    let active = true;
    session.openMission(missionId).then(
      (mission) => active && setLoad({ state: 'ready', mission }),
      (error: unknown) => active && setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, [session, missionId]);
  return load;
}

const snapshots = new WeakMap<Y.Doc, MissionSnapshot>();

/** A snapshot that changes identity only when the document changes (local edit, undo, or sync). */
export function useMissionSnapshot(doc: Y.Doc): MissionSnapshot {
  return useSyncExternalStore(
    (notify) => {
      const onUpdate = () => {
        snapshots.set(doc, readMissionSnapshot(doc));
        notify();
      };
      doc.on('update', onUpdate);
      return () => doc.off('update', onUpdate);
    },
    () => {
      let snapshot = snapshots.get(doc);
      if (!snapshot) {
        snapshot = readMissionSnapshot(doc);
        snapshots.set(doc, snapshot);
      }
      return snapshot;
    },
  );
}
