import type { Page } from 'playwright-core';
import { BENCH_MISSION_COUNT } from './bench-missions';

/** Shared by Bocage's home screen and the bare baseline, so the probe waits for the same thing on both. */
export const MISSION_LIST = 'ul[aria-label="Liste des missions"]';
export const SEARCH_FIELD = 'input[type="search"]';

export async function waitForFullList(page: Page): Promise<void> {
  await page.locator(`${MISSION_LIST} > li`).nth(BENCH_MISSION_COUNT - 1).waitFor();
}

/** Back to the home screen the way a user goes there: the main navigation's link. */
export async function returnHome(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Missions', exact: true }).click();
  await waitForFullList(page);
}

export function missionLink(page: Page, title: string) {
  return page.locator(MISSION_LIST).getByRole('link', { name: title, exact: true });
}
