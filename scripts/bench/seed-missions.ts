import type { Page } from 'playwright-core';
import { returnHome } from './app-pages';
import { launchProfile } from './bench-browser';
import { BENCH_MISSION_COUNT, benchMissionTitle } from './bench-missions';

/** One commune per mission, as the issue asks: a small mission document, like most real ones. */
const COMMUNE = 'Amiens';

async function createMission(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Nouvelle mission' }).click();
  await page.getByLabel('Titre').fill(title);
  const territory = page.getByRole('combobox', { name: 'Territoire' });
  await territory.fill(COMMUNE);
  await page.getByRole('option').first().waitFor();
  await territory.press('ArrowDown');
  await territory.press('Enter');
  await page.getByRole('table', { name: /Communes du territoire/ }).getByRole('rowheader', { name: COMMUNE, exact: true }).waitFor();
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/**
 * Creates the benchmark's missions through the UI, in a profile kept on disk. Closing the browser
 * at the end writes IndexedDB out, so copies of the folder hold every mission.
 */
export async function seedMissions(profileDir: string, appUrl: string, log: (message: string) => void): Promise<void> {
  const context = await launchProfile(profileDir);
  try {
    context.setDefaultTimeout(20_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    for (let index = 0; index < BENCH_MISSION_COUNT; index += 1) {
      await createMission(page, benchMissionTitle(index));
      if ((index + 1) % 10 === 0) log(`  ${index + 1} missions créées`);
      if (index + 1 < BENCH_MISSION_COUNT) {
        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Missions', exact: true }).click();
      }
    }
    await returnHome(page);
  } finally {
    await context.close();
  }
}
