import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readMissionDeliverableSource, type MissionDeliverableSource } from '@shared/export/deliverables/deliverable-source';
import { useDirectoryDocument } from '../directory/use-directory-document';
import { useGeography } from '../territory/use-geography';

export type DeliverableSourceLoad =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  /** `read` takes the snapshot when called, so an export made after an edit includes the edit. */
  | { state: 'ready'; read(): MissionDeliverableSource };

/** What every deliverable of a mission is read from: its document, the directory and the geography. */
export function useDeliverableSource(missionId: string, missionDoc: Y.Doc): DeliverableSourceLoad {
  const directory = useDirectoryDocument();
  const { loaded, failed } = useGeography();
  const directoryDoc = directory.state === 'ready' ? directory.directory.doc : null;
  const geography = loaded?.geography ?? null;
  const read = useMemo(
    () =>
      directoryDoc && geography
        ? () => readMissionDeliverableSource({ missionId, mission: missionDoc, directory: directoryDoc }, geography)
        : null,
    [missionId, missionDoc, directoryDoc, geography],
  );
  if (directory.state === 'failed') return { state: 'failed', message: `l’annuaire n’a pas pu être ouvert (${directory.message})` };
  if (failed) return { state: 'failed', message: 'la géographie officielle n’a pas pu être chargée' };
  return read ? { state: 'ready', read } : { state: 'loading' };
}
