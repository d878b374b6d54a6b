import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { MEETING, createMeetingWithInvitees } from './meeting-pages';
import { createMission, openMissionFromHome, waitForLocalWrites } from './mission-pages';
import { stripedPng } from './striped-png';

const TITLE = 'CTG du Haut-Poitou';
const OBSERVATION = 'Les assistantes maternelles rurales se disent isolées.';
const PHOTO_ALT = `Photo 1 de la réunion ${MEETING}`;

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

async function naturalWidth(image: Locator): Promise<number> {
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0))).toBeGreaterThan(0);
  return image.evaluate((element: HTMLImageElement) => element.naturalWidth);
}

/** Another computer: a browser profile with its own, empty storage. */
async function otherMachine(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Missions' })).toBeVisible();
  return page;
}

async function importFile(page: Page, path: string): Promise<Locator> {
  await page.getByLabel('Importer un fichier Bocage').setInputFiles(path);
  return page.getByRole('region', { name: /Fichiers Bocage/ }).getByRole('status');
}

test('a mission exported as a .bocage file comes back on a machine without sync, with its observation and its photo, once however often it is imported', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await createMission(page, TITLE, ['Vouillé']);
  await openSection(page, 'Constats');
  await page.getByLabel('Constat', { exact: true }).fill(OBSERVATION);
  await page.getByLabel('Type de source').selectOption({ label: 'Atelier' });
  await page.getByRole('button', { name: 'Ajouter un constat' }).click();
  await expect(page.getByRole('list', { name: 'Constats' }).getByRole('link', { name: OBSERVATION })).toBeVisible();
  await createMeetingWithInvitees(page, []);
  const photos = page.getByRole('region', { name: 'Photos des supports papier' });
  await photos.getByLabel('Ajouter des photos').setInputFiles({ name: 'paperboard.png', mimeType: 'image/png', buffer: stripedPng(64, 48) });
  await expect(photos.getByRole('status').filter({ hasText: '1 photo ajoutée.' })).toBeVisible();
  await waitForLocalWrites(page);

  const exportButton = page.getByRole('button', { name: 'Exporter la mission (fichier .bocage)' });
  await expect(exportButton).toHaveAccessibleDescription(/Sans les coordonnées des participants/);
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  expect(download.suggestedFilename()).toBe(`Mission - ${TITLE}.bocage`);
  const missionFile = await download.path();
  await expect(page.getByText(`Fichier enregistré : Mission - ${TITLE}.bocage`)).toBeVisible();

  const site = await otherMachine(browser);
  await expect(site.getByText('Aucune mission pour le moment', { exact: false })).toBeVisible();
  const status = await importFile(site, missionFile);
  await expect(status).toHaveText('1 mission, 1 photo importées.');
  await expect(site.getByRole('list', { name: 'Liste des missions' }).getByRole('link', { name: TITLE })).toBeVisible();

  // The same file again: the same summary, and still one mission.
  await importFile(site, missionFile);
  await expect(status).toHaveText('1 mission, 1 photo importées.');
  await expect(site.getByRole('list', { name: 'Liste des missions' }).getByRole('listitem')).toHaveCount(1);
  await expect(site.getByText('1 mission', { exact: true })).toBeVisible();
  const accessibility = await new AxeBuilder({ page: site }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(accessibility.violations).toEqual([]);

  await openMissionFromHome(site, TITLE);
  await openSection(site, 'Constats');
  await expect(site.getByRole('list', { name: 'Constats' }).getByRole('link', { name: OBSERVATION })).toBeVisible();
  await openSection(site, 'Réunions');
  await site.getByRole('link', { name: /Premier comité de pilotage/ }).first().click();
  await expect(site.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
  expect(await naturalWidth(site.getByRole('region', { name: 'Photos des supports papier' }).getByAltText(PHOTO_ALT))).toBe(64);
  await site.context().close();
});

test('the whole workspace backs up into one file that restores every mission on a new machine; a file that is not Bocage’s is refused', async ({ page, browser }) => {
  await createMission(page, TITLE, ['Vouillé']);
  await createMission(page, 'Diagnostic CTG du Vimeu', ['Amiens']);
  await waitForLocalWrites(page);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Missions' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter tout l’espace de travail' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^espace-de-travail-\d{4}-\d{2}-\d{2}\.bocage$/);
  const backup = await download.path();

  const replacement = await otherMachine(browser);
  await replacement.getByLabel('Importer un fichier Bocage').setInputFiles({ name: 'notes.bocage', mimeType: 'application/octet-stream', buffer: Buffer.from('Notes du COPIL') });
  await expect(replacement.getByRole('alert')).toHaveText('Ce fichier n’est pas un fichier Bocage (.bocage) : rien n’a été importé.');
  await expect(replacement.getByText('Aucune mission pour le moment', { exact: false })).toBeVisible();

  const status = await importFile(replacement, backup);
  await expect(status).toHaveText('2 missions importées ; annuaire des contacts fusionné.');
  await expect(replacement.getByRole('alert')).toHaveCount(0);
  const list = replacement.getByRole('list', { name: 'Liste des missions' });
  await expect(list.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Diagnostic CTG du Vimeu' })).toBeVisible();
  await replacement.context().close();
});
