import type { Page } from 'playwright-core';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { appendUpdates } from './append-updates';
import { INDICATOR_TABLE_ROWS } from './bare-indicator-tables';
import type { BenchMissionTerritory } from './bench-mission-territory';
import type { IndicatorMission } from './indicator-mission';
import { createMission, seedProfile } from './seed-missions';

/**
 * Creates the mission through the UI (its whole EPCI chosen in "Territoire"), then writes its
 * 6,800 values without 6,800 form entries: the update built in Node by the app's own import
 * operation is appended to the mission's database while the app has the document closed (a fresh
 * home screen: without a sync server the app opens a mission's document only when it is opened).
 * Opening the indicator view once checks that every row shows. Returns the mission's id.
 */
export function seedIndicatorMission(profileDir: string, appUrl: string, title: string, mission: BenchMissionTerritory, data: IndicatorMission): Promise<string> {
  return seedProfile(profileDir, appUrl, async (page: Page) => {
    const missionId = await createMission(page, title, { query: mission.epci.code, chip: `EPCI : ${mission.epci.name}` });
    await page.goto('about:blank');
    await page.goto(appUrl);
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await appendUpdates(page, [[missionDocumentName(missionId), data.update]]);
    await page.goto(`${appUrl}#/missions/${encodeURIComponent(missionId)}/indicateurs`);
    await page.locator(INDICATOR_TABLE_ROWS).nth(data.rows - 1).waitFor();
    return missionId;
  });
}
