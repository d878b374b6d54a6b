import { expect, type Page } from '@playwright/test';

/** Picks each territory entry by typing the query and choosing the first proposed option. */
export async function chooseTerritory(page: Page, queries: readonly string[]): Promise<void> {
  const territory = page.getByRole('combobox', { name: 'Territoire' });
  for (const query of queries) {
    await territory.fill(query);
    await expect(page.getByRole('option').first()).toBeVisible();
    await territory.press('ArrowDown');
    await territory.press('Enter');
    await expect(territory).toHaveValue('');
  }
}

export async function createMission(page: Page, title: string, territoryQueries: readonly string[]): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Nouvelle mission' }).click();
  await page.getByLabel('Titre').fill(title);
  await chooseTerritory(page, territoryQueries);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export async function openMissionFromHome(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
