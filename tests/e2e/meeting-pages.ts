import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { WEB_PORT } from './e2e-environment';

export const MEETING = 'COPIL — Premier comité de pilotage';

export async function createMeetingWithInvitees(page: Page, invitees: readonly [lastName: string, firstName: string][]): Promise<void> {
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Réunions', exact: true }).click();
  await page.getByLabel('Type de réunion').selectOption({ label: 'COPIL' });
  await page.getByLabel('Titre de la réunion').fill('Premier comité de pilotage');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-12');
  await page.getByLabel('Heure de début').fill('09:30');
  await page.getByLabel('Heure de fin').fill('12:00');
  await page.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
  await page.getByText('La personne n’est pas dans l’annuaire ?').click();
  const form = page.getByRole('form', { name: 'Inviter une personne absente de l’annuaire' });
  for (const [lastName, firstName] of invitees) {
    await form.getByLabel('Nom', { exact: true }).fill(lastName);
    await form.getByLabel('Prénom').fill(firstName);
    await form.getByLabel('Catégorie').selectOption({ label: 'Élu·e' });
    await form.getByRole('button', { name: 'Créer le contact et l’inviter' }).click();
    await expect(page.getByRole('table', { name: /invitée?s?/ }).getByRole('rowheader', { name: new RegExp(lastName, 'i') })).toBeVisible();
  }
}

async function drawSignature(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.2, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.7, { steps: 8 });
  await page.mouse.up();
}

/** Marks the person present by signing on the check-in screen, then goes back to the meeting. */
export async function signIn(page: Page, displayName: string): Promise<void> {
  await page.getByRole('link', { name: 'Ouvrir l’émargement' }).click();
  const everyone = page.getByRole('list', { name: 'Participants' });
  await everyone.getByRole('button', { name: `Signature et consentements : ${displayName}` }).click();
  await drawSignature(page, everyone.getByRole('img', { name: `Signature de ${displayName} — 09:30–12:00`, exact: true }));
  await everyone.getByRole('button', { name: 'Valider la signature' }).click();
  await expect(everyone.getByRole('button', { name: `Présent : ${displayName}` })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
}

/** Every file under `folder` whose bytes hold `text` in UTF-8 or UTF-16, whatever the case. */
export function filesHolding(folder: string, text: string): string[] {
  const needle = text.toLowerCase();
  const found: string[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path)) {
      const child = join(path, entry);
      const stats = statSync(child, { throwIfNoEntry: false });
      if (!stats) continue;
      if (stats.isDirectory()) visit(child);
      else if (stats.isFile()) {
        const bytes = readFileSync(child);
        if (bytes.toString('latin1').toLowerCase().includes(needle) || bytes.toString('utf16le').toLowerCase().includes(needle)) {
          found.push(relative(folder, child));
        }
      }
    }
  };
  visit(folder);
  return found;
}

/** A browser with a profile folder of its own, kept on disk so a test can read its files afterwards. */
export function launchWithProfile(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
}

/**
 * "Oublier cette personne" from the RGPD page, through the confirmation, up to the rewritten
 * storage. `report` is the summary expected on this machine, when the test knows it.
 */
export async function forgetFromGdprPage(page: Page, query: string, displayName: string, report?: RegExp): Promise<void> {
  await page.goto('/#/rgpd');
  await page.getByLabel('Rechercher la personne concernée').fill(query);
  const [firstName, ...lastNames] = displayName.split(' ');
  const sortName = `${lastNames.join(' ').toUpperCase()} ${firstName}`;
  await page.getByRole('list', { name: 'Personnes trouvées' }).getByRole('link', { name: new RegExp(sortName) }).click();
  await page.getByRole('button', { name: 'Oublier cette personne…' }).click();
  const dialog = page.getByRole('dialog', { name: `Oublier ${displayName} ?` });
  await expect(dialog.getByRole('button', { name: 'Oublier définitivement' })).toBeDisabled();
  await dialog.getByLabel(`Je confirme l’effacement définitif de ${displayName}`).check();
  await dialog.getByRole('button', { name: 'Oublier définitivement' }).click();
  await expect(page.getByRole('heading', { name: 'La personne a été effacée' })).toBeVisible();
  if (report) await expect(page.getByText(report)).toBeVisible();
  await page.getByRole('button', { name: 'Terminer l’effacement' }).click();
}
