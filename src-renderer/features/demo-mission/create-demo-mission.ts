import { createDemoMission } from '@shared/demo/demo-mission';
import { newId } from '@shared/model/ids';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import type { WorkspaceSession } from '../../app/workspace-session';
import { loadGeography } from '../territory/geography-loader';

/**
 * Creates the demo mission the way the new-mission page creates a mission: its document is opened
 * under a new id first, written, then watched (home-screen catalog, sync). Its people go to the
 * shared directory, marked as fictitious.
 */
export async function createDemoMissionInSession(session: WorkspaceSession): Promise<string> {
  const [{ geography }, directory] = await Promise.all([loadGeography(), session.openDirectory()]);
  if (session.readOnlyReason(directory) !== null) {
    throw new Error('l’annuaire est en lecture seule sur ce poste, la mission exemple ne peut pas y ajouter ses personnes fictives.');
  }
  const missionId = newId();
  const mission = await session.store.openMission(missionId);
  createDemoMission({ workspace: session.workspace.doc, mission: mission.doc, directory: directory.doc }, geography, LOCAL_ORIGIN, {
    now: Date.now(),
    missionId,
  });
  await session.openMission(missionId);
  return missionId;
}
