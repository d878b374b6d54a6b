import { expect, test, type Page } from '@playwright/test';
import { SYNC_TOKEN, SYNC_URL } from './e2e-environment';
import { chooseTerritory, createMission, openMissionFromHome } from './mission-pages';

function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'État de la synchronisation' });
}

async function configureSync(page: Page, url: string, token: string): Promise<void> {
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Adresse du serveur de synchronisation').fill(url);
  await page.getByLabel('Jeton d’accès').fill(token);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Paramètres de synchronisation enregistrés.')).toBeVisible();
}

test('a server address that is not a URL is refused with a message and nothing is saved', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Adresse du serveur de synchronisation').fill('serveur du bureau');
  await page.getByLabel('Jeton d’accès').fill('abc');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText(/n’est pas une URL valide/)).toBeVisible();
  await expect(syncStatus(page)).toContainText('Synchronisation non configurée');
});

test('with an unreachable server the status says "Hors ligne" and the app stays fully usable', async ({ page }) => {
  await page.goto('/');
  await configureSync(page, 'ws://127.0.0.1:9', SYNC_TOKEN);
  await expect(syncStatus(page)).toContainText('Hors ligne');
  await createMission(page, 'Mission sans réseau', ['Amiens']);
  await page.getByLabel('Commanditaire').fill('Département de la Somme');
  await page.reload();
  await expect(page.getByLabel('Commanditaire')).toHaveValue('Département de la Somme');
  await expect(syncStatus(page)).toContainText('Hors ligne');
});

test('a wrong access token shows the reason in plain French', async ({ page }) => {
  await page.goto('/');
  await configureSync(page, SYNC_URL, 'mauvais-jeton');
  await expect(syncStatus(page)).toContainText('Erreur : le serveur a refusé le jeton d’accès');
});

test('work done offline on two machines merges when both reconnect', async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  const title = `Mission partagée ${Date.now()}`;

  await pageA.goto('/');
  await configureSync(pageA, SYNC_URL, SYNC_TOKEN);
  await expect(syncStatus(pageA)).toContainText('À jour');
  await createMission(pageA, title, ['Amiens']);
  await expect(syncStatus(pageA)).toContainText('À jour');
  await expect(syncStatus(pageA)).toContainText(/Dernière synchronisation : \d{2}\/\d{2}\/\d{4}/);

  await pageB.goto('/');
  await configureSync(pageB, SYNC_URL, SYNC_TOKEN);
  await pageB.getByRole('link', { name: 'Missions' }).click();
  await openMissionFromHome(pageB, title);

  await first.setOffline(true);
  await second.setOffline(true);
  await expect(syncStatus(pageA)).toContainText('Hors ligne');
  await expect(syncStatus(pageB)).toContainText('Hors ligne');

  await pageA.getByLabel('Commanditaire').fill('Caf de la Somme');
  await pageB.getByRole('checkbox', { name: 'Mobilité' }).check();
  await chooseTerritory(pageB, ['Abbeville']);

  await first.setOffline(false);
  await second.setOffline(false);
  for (const page of [pageA, pageB]) {
    await expect(syncStatus(page)).toContainText('À jour', { timeout: 30_000 });
    await expect(page.getByLabel('Commanditaire')).toHaveValue('Caf de la Somme');
    await expect(page.getByRole('checkbox', { name: 'Mobilité' })).toBeChecked();
    await expect(page.getByRole('table', { name: /Communes du territoire/ }).getByRole('rowheader', { name: 'Abbeville' })).toBeVisible();
  }
  await first.close();
  await second.close();
});
