import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import { convertToPdf, pdfToText } from '../helpers/libreoffice';
import { createMeetingWithInvitees, filesHolding, forgetFromGdprPage, launchWithProfile, signIn } from './meeting-pages';
import { createMission, waitForLocalWrites } from './mission-pages';

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

test('forgetting a person leaves their name nowhere in the browser profile’s files, and keeps everyone else', async () => {
  test.setTimeout(150_000);
  const profile = mkdtempSync(join(tmpdir(), 'bocage-e2e-profile-'));
  let context = await launchWithProfile(profile);
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

  context = await launchWithProfile(profile);
  page = context.pages()[0] ?? (await context.newPage());
  await forgetFromGdprPage(page, 'quelconq', 'Albertine Quelconquezoe', /Retirée de l’annuaire et de 1 réunion \(présences et signatures\) dans 1 mission/);
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
