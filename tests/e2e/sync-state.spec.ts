import { expect, test, type Page } from '@playwright/test';
import { SYNC_TOKEN, SYNC_URL } from './e2e-environment';
import { createMission } from './mission-pages';

function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'État de la synchronisation' });
}

function missionCard(page: Page, title: string) {
  return page.getByRole('list', { name: 'Liste des missions' }).getByRole('listitem').filter({ hasText: title });
}

function goHome(page: Page) {
  return page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Missions' }).click();
}

async function configureSync(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Adresse du serveur de synchronisation').fill(SYNC_URL);
  await page.getByLabel('Jeton d’accès').fill(SYNC_TOKEN);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Paramètres de synchronisation enregistrés.')).toBeVisible();
}

test('the home screen shows what has not reached the server, and closing the tab asks first while it has not', async ({ page, context }) => {
  const title = `Mission suivie ${Date.now()}`;
  await page.goto('/');
  await configureSync(page);
  await createMission(page, title, ['Amiens']);
  await goHome(page);
  await expect(missionCard(page, title)).toContainText('À jour');

  await context.setOffline(true);
  await expect(syncStatus(page)).toContainText('Hors ligne');
  await page.getByRole('link', { name: title }).click();
  await page.getByLabel('Commanditaire').fill('Caf de la Somme');
  await page.getByLabel('Commanditaire').press('Tab');
  await goHome(page);
  const card = missionCard(page, title);
  await expect(card).toContainText(/\d+ modifications? non envoyées?/);
  await expect(card).toContainText(/Hors ligne — dernière synchronisation le \d{2}\/\d{2}\/\d{4}/);
  await expect(syncStatus(page)).toContainText(/modifications? non envoyées?/);

  // Closing the tab now asks for confirmation; staying keeps the page.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  await context.setOffline(false);
  await expect(card).toContainText('À jour', { timeout: 30_000 });
  await expect(card).not.toContainText('non envoyée');
  await expect(syncStatus(page)).not.toContainText('non envoyée');

  // Everything has reached the server: the tab closes without a question.
  let questioned = false;
  page.on('dialog', (unexpected) => {
    questioned = true;
    void unexpected.accept();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(questioned).toBe(false);
});
