import type { Page } from 'playwright-core';
import { returnHome } from './app-pages';
import { launchProfile } from './bench-browser';
import { BENCH_MISSION_COUNT, benchMissionTitle } from './bench-missions';

/** One commune per mission on the home screen, as the issue asks: a small mission document, like most real ones. */
const COMMUNE = 'Amiens';

export interface TerritoryChoice {
  /** Typed in the "Territoire" field: a name, an INSEE code or an EPCI's SIREN. */
  query: string;
  /** The first proposed option is chosen; its chip then reads "Commune : <name>" or "EPCI : <name>". */
  chip: string;
}

/** Creates a mission through the "Nouvelle mission" form and returns its id, read from the address. */
export async function createMission(page: Page, title: string, territory: TerritoryChoice): Promise<string> {
  await page.getByRole('link', { name: 'Nouvelle mission' }).click();
  await page.getByLabel('Titre').fill(title);
  const field = page.getByRole('combobox', { name: 'Territoire' });
  await field.fill(territory.query);
  await page.getByRole('option').first().waitFor();
  await field.press('ArrowDown');
  await field.press('Enter');
  await page.getByRole('list', { name: 'Territoire choisi' }).getByText(territory.chip, { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Créer' }).click();
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  const missionId = /#\/missions\/([^/?#]+)/.exec(page.url())?.[1];
  if (!missionId) throw new Error(`Identifiant de mission introuvable dans l’adresse ${page.url()}.`);
  return decodeURIComponent(missionId);
}

/**
 * Opens the app in a browser kept on a profile folder, runs `seed`, then closes the browser:
 * closing writes IndexedDB out, so copies of the folder hold what was seeded.
 */
export async function seedProfile<T>(profileDir: string, appUrl: string, seed: (page: Page) => Promise<T>): Promise<T> {
  const context = await launchProfile(profileDir);
  try {
    context.setDefaultTimeout(20_000);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(appUrl);
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    return await seed(page);
  } finally {
    await context.close();
  }
}

/** Creates the startup benchmark's missions through the UI. */
export function seedMissions(profileDir: string, appUrl: string, log: (message: string) => void): Promise<void> {
  return seedProfile(profileDir, appUrl, async (page) => {
    for (let index = 0; index < BENCH_MISSION_COUNT; index += 1) {
      await createMission(page, benchMissionTitle(index), { query: COMMUNE, chip: `Commune : ${COMMUNE}` });
      if ((index + 1) % 10 === 0) log(`  ${index + 1} missions créées`);
      if (index + 1 < BENCH_MISSION_COUNT) {
        await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Missions', exact: true }).click();
      }
    }
    await returnHome(page);
  });
}
