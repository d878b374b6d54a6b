import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { chromium, expect, test, type Locator, type Page } from '@playwright/test';
import { convertToPdf, pdfToText } from '../helpers/libreoffice';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import { WEB_PORT } from './e2e-environment';
import { createMission, waitForLocalWrites } from './mission-pages';

const MEETING = 'COPIL — Premier comité de pilotage';

async function createMeetingWithInvitees(page: Page, invitees: readonly [lastName: string, firstName: string][]): Promise<void> {
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
async function signIn(page: Page, displayName: string): Promise<void> {
  await page.getByRole('link', { name: 'Ouvrir l’émargement' }).click();
  const everyone = page.getByRole('list', { name: 'Participants' });
  await everyone.getByRole('button', { name: `Signature et consentements : ${displayName}` }).click();
  await drawSignature(page, everyone.getByRole('img', { name: `Signature de ${displayName} — 09:30–12:00`, exact: true }));
  await everyone.getByRole('button', { name: 'Valider la signature' }).click();
  await expect(everyone.getByRole('button', { name: `Présent : ${displayName}` })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
}

async function download(page: Page, button: string, folder: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(folder, name);
  await file.saveAs(path);
  return path;
}

test('the sign-in sheet of a meeting prints with its invited people, blank rows, the GDPR notice, and the signatures drawn on screen', async ({ page }) => {
  test.setTimeout(150_000);
  const folder = mkdtempSync(join(tmpdir(), 'bocage-e2e-sheet-'));
  await createMission(page, 'CTG du Haut-Poitou', ['Vouillé']);
  await createMeetingWithInvitees(page, [
    ['Dupont', 'Claire'],
    ['Bernard', 'Louis'],
  ]);
  await signIn(page, 'Claire Dupont');

  await page.getByLabel('Lignes vierges pour les personnes non inscrites').fill('6');
  const blankWord = await download(page, 'Feuille d’émargement (.docx)', folder, 'emargement.docx');
  const blankExcel = await download(page, 'Feuille d’émargement (.xlsx)', folder, 'emargement.xlsx');
  const signedWord = await download(page, 'Feuille de présence signée (.docx)', folder, 'signee.docx');
  const list = await download(page, 'Liste des participants (.xlsx)', folder, 'participants.xlsx');

  for (const path of [blankWord, blankExcel]) {
    const text = await pdfToText(await convertToPdf(path, folder));
    expect(text).toContain('DUPONT Claire');
    expect(text).toContain('BERNARD Louis');
    expect(text).toContain('Premier comité de pilotage');
    expect(text).toMatch(/jeudi 12 mars 2026/);
    expect(text).toMatch(/données personnelles|RGPD/i);
  }
  const signedText = await pdfToText(await convertToPdf(signedWord, folder));
  expect(signedText).toContain('DUPONT Claire');
  // Only the people present are on the signed record, and Claire Dupont's signature is an image in it.
  expect(signedText).not.toContain('BERNARD Louis');
  const media = Object.keys((await JSZip.loadAsync(readFileSync(signedWord))).files).filter((name) => name.startsWith('word/media/'));
  expect(media).toHaveLength(1);
  const listText = await pdfToText(await convertToPdf(list, folder));
  expect(listText).toContain('DUPONT Claire');
  rmSync(folder, { recursive: true, force: true });
});

/** Every file under `folder` whose bytes hold `text` in UTF-8 or UTF-16, whatever the case. */
function filesHolding(folder: string, text: string): string[] {
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

test('forgetting a person leaves their name nowhere in the browser profile’s files, and keeps everyone else', async () => {
  test.setTimeout(150_000);
  const profile = mkdtempSync(join(tmpdir(), 'bocage-e2e-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      args: CHROMIUM_ARGS,
      baseURL: `http://127.0.0.1:${WEB_PORT}`,
      locale: 'fr-FR',
      timezoneId: 'Europe/Paris',
    });
  let context = await launch();
  let page = context.pages()[0] ?? (await context.newPage());
  await createMission(page, 'CTG du Haut-Poitou', ['Vouillé']);
  await createMeetingWithInvitees(page, [
    ['Quelconquezoe', 'Albertine'],
    ['Martin', 'Paul'],
  ]);
  await signIn(page, 'Albertine Quelconquezoe');
  await waitForLocalWrites(page);
  await context.close();
  // The scan sees the name before the erasure: it would see it after.
  expect(filesHolding(profile, 'Quelconquezoe').length).toBeGreaterThan(0);

  context = await launch();
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/#/rgpd');
  await page.getByLabel('Rechercher la personne concernée').fill('quelconq');
  await page.getByRole('list', { name: 'Personnes trouvées' }).getByRole('link', { name: /QUELCONQUEZOE Albertine/ }).click();
  await page.getByRole('button', { name: 'Oublier cette personne…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Oublier Albertine Quelconquezoe ?' });
  await expect(dialog.getByRole('button', { name: 'Oublier définitivement' })).toBeDisabled();
  await dialog.getByLabel('Je confirme l’effacement définitif de Albertine Quelconquezoe').check();
  await dialog.getByRole('button', { name: 'Oublier définitivement' }).click();
  await expect(page.getByRole('heading', { name: 'La personne a été effacée' })).toBeVisible();
  await expect(page.getByText(/Retirée de l’annuaire et de 1 réunion/)).toBeVisible();
  await page.getByRole('button', { name: 'Terminer l’effacement' }).click();
  await expect(page.getByText(/Effacement terminé : le stockage de cet ordinateur a été réécrit/)).toBeVisible({ timeout: 20_000 });

  await page.goto('/');
  await page.getByRole('link', { name: 'CTG du Haut-Poitou' }).click();
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Réunions', exact: true }).click();
  await page.getByRole('link', { name: /Premier comité de pilotage/ }).first().click();
  const invitations = page.getByRole('table', { name: /1 personne invitée/ });
  await expect(invitations.getByRole('rowheader')).toHaveText(['MARTIN Paul']);
  await waitForLocalWrites(page);
  await context.close();

  expect(filesHolding(profile, 'Quelconquezoe')).toEqual([]);
  rmSync(profile, { recursive: true, force: true });
});
