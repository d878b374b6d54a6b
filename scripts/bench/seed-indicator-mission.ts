import type { Page } from 'playwright-core';
import { missionDocumentName } from '../../src-shared/documents/document-names';
import { INDICATOR_TABLE_ROWS } from './bare-indicator-tables';
import type { BenchMissionTerritory } from './bench-mission-territory';
import type { IndicatorMission } from './indicator-mission';
import { createMission, seedProfile } from './seed-missions';

/**
 * Appends one Yjs update to a document's IndexedDB database, where y-indexeddb keeps it: the
 * object store "updates", one Uint8Array per row, every row applied when the document is next
 * opened. Plain JavaScript run in the page (see page-probe.ts for why not a compiled function).
 */
const APPEND_UPDATE = `async (name, base64) => {
  const update = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const request = indexedDB.open(name);
  const db = await new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    await new Promise((resolve, reject) => {
      const transaction = db.transaction('updates', 'readwrite');
      transaction.objectStore('updates').add(update);
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}`;

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
    const base64 = Buffer.from(data.update).toString('base64');
    await page.evaluate(`(${APPEND_UPDATE})(${JSON.stringify(missionDocumentName(missionId))}, ${JSON.stringify(base64)})`);
    await page.goto(`${appUrl}#/missions/${encodeURIComponent(missionId)}/indicateurs`);
    await page.locator(INDICATOR_TABLE_ROWS).nth(data.rows - 1).waitFor();
    return missionId;
  });
}
