import * as Y from 'yjs';
import { createDemoMission } from '../../src-shared/demo/demo-mission';
import type { DemoScale } from '../../src-shared/demo/demo-context';
import { readMissionDeliverableSource, type MissionDeliverableSource } from '../../src-shared/export/deliverables/deliverable-source';
import { expandGeography } from '../../src-shared/geography/geography';
import { loadCompactGeography } from '../vite/geography-plugin';

/**
 * The moment the scripts' demo mission is created: fixed, so two exports of the same Bocage give
 * the same documents (dates, figures, order), and a reader can compare them.
 */
export const DEMO_EXPORT_NOW = Date.UTC(2026, 10, 2, 9, 0);

const SCRIPT_ORIGIN = 'bocage:demo-export';

/** The demo mission in fresh documents, on the geography the app ships, read as the app reads it. */
export function demoDeliverableSource(scale?: DemoScale): MissionDeliverableSource {
  const geography = expandGeography(loadCompactGeography());
  const mission = new Y.Doc();
  const directory = new Y.Doc();
  const missionId = createDemoMission({ workspace: new Y.Doc(), mission, directory }, geography, SCRIPT_ORIGIN, { now: DEMO_EXPORT_NOW, scale });
  return readMissionDeliverableSource({ missionId, mission, directory }, geography);
}
