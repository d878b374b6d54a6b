import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SYNC_TOKEN, SYNC_URL } from './e2e-environment';
import { createMeetingWithInvitees, filesHolding, forgetFromGdprPage, launchWithProfile, MEETING } from './meeting-pages';
import { createMission, openMissionFromHome, waitForLocalWrites } from './mission-pages';

async function configureSync(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Adresse du serveur de synchronisation').fill(SYNC_URL);
  await page.getByLabel('Jeton d’accès').fill(SYNC_TOKEN);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status', { name: 'État de la synchronisation' })).toContainText('À jour');
}

/** Letters only, different on every run: the server's directory is shared by the whole test run. */
function uniqueLastName(): string {
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  return `Effacee${letters}`;
}

test('a person forgotten on a colleague’s machine disappears from this one, whose profile files then hold no trace of the name', async ({ browser }) => {
  test.setTimeout(150_000);
  const lastName = uniqueLastName();
  const displayName = `Albertine ${lastName}`;
  const title = `CTG partagée ${Date.now()}`;
  const profile = mkdtempSync(join(tmpdir(), 'bocage-e2e-colleague-'));

  const eraser = await browser.newContext();
  const pageA = await eraser.newPage();
  await pageA.goto('/');
  await configureSync(pageA);
  await createMission(pageA, title, ['Vouillé']);
  await createMeetingWithInvitees(pageA, [
    [lastName, 'Albertine'],
    ['Martin', 'Paul'],
  ]);

  const colleague = await launchWithProfile(profile);
  const pageB = colleague.pages()[0] ?? (await colleague.newPage());
  await pageB.goto('/');
  await configureSync(pageB);
  await pageB.getByRole('link', { name: 'Missions' }).click();
  await openMissionFromHome(pageB, title);
  await pageB.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Réunions', exact: true }).click();
  await pageB.getByRole('link', { name: /Premier comité de pilotage/ }).first().click();
  await expect(pageB.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
  await expect(pageB.getByRole('table', { name: /2 personnes invitées/ })).toBeVisible();
  await waitForLocalWrites(pageB);
  expect(filesHolding(profile, lastName).length).toBeGreaterThan(0);

  await waitForLocalWrites(pageA);
  await forgetFromGdprPage(pageA, lastName.slice(0, 9), displayName);
  await expect(pageA.getByText(/Effacement terminé/)).toBeVisible({ timeout: 20_000 });

  await expect(pageB.getByText(/Un collègue a effacé une personne de l’annuaire/)).toBeVisible({ timeout: 20_000 });
  await expect(pageB.getByRole('table', { name: /1 personne invitée/ }).getByRole('rowheader')).toHaveText(['MARTIN Paul']);
  await pageB.getByRole('button', { name: 'Nettoyer maintenant' }).click();
  await expect(pageB.getByText(/Effacement terminé : le stockage de cet ordinateur a été réécrit/)).toBeVisible({ timeout: 20_000 });
  await expect(pageB.getByRole('status', { name: 'État de la synchronisation' })).toContainText('À jour');
  await waitForLocalWrites(pageB);
  await colleague.close();

  // A machine that joins after the erasure never held the person: nothing to clean, no alarm.
  const newcomer = await browser.newContext();
  const pageC = await newcomer.newPage();
  await pageC.goto('/');
  await configureSync(pageC);
  await pageC.getByRole('link', { name: 'Missions' }).click();
  await openMissionFromHome(pageC, title);
  await pageC.getByRole('link', { name: 'Annuaire' }).click();
  await expect(pageC.getByRole('heading', { level: 1, name: 'Annuaire' })).toBeVisible();
  await expect(pageC.getByText(/Un collègue a effacé une personne/)).toHaveCount(0);
  await newcomer.close();
  await eraser.close();

  expect(filesHolding(profile, lastName)).toEqual([]);
  rmSync(profile, { recursive: true, force: true });
});
