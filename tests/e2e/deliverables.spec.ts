import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { pdfPageCount, pdfToText } from '../helpers/libreoffice';
import { createMission, waitForLocalWrites } from './mission-pages';

const TITLE = 'Pré-diagnostic Pays de Mormal';
const AFOM = 'AFOM (atouts, faiblesses, opportunités, menaces)';
const ANNEXES = 'Annexes : participants et sources';
const WORKSHOPS = 'Synthèse des ateliers';

/** The arrangement the test makes: AFOM left out, the annexes before the workshops. */
const EXPECTED_SECTIONS = [
  '1. Contexte et méthode',
  '2. Portrait du territoire',
  '3. Diagnostics thématiques',
  '4. Enjeux par priorité',
  '5. Orientations',
  '6. Fiches actions',
  `7. ${ANNEXES}`,
  `8. ${WORKSHOPS}`,
];

/** French typography puts no-break spaces before « : »; the labels compared here have plain ones. */
function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The text of every « Titre 1 » paragraph of a .docx, in document order. */
async function docxHeadingOnes(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .split(/<w:p[ >]/)
    .filter((paragraph) => paragraph.includes('<w:pStyle w:val="Heading1"/>'))
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(''))
    .map(plainSpaces);
}

test('a chargé de mission arranges the pre-diagnostic, saves it as Word and Excel, and prints the same document to PDF', async ({ page }) => {
  test.setTimeout(150_000);
  const folder = mkdtempSync(join(tmpdir(), 'bocage-e2e-deliverables-'));
  await createMission(page, TITLE, ['Landrecies', 'Le Quesnoy']);
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Livrables' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Livrables' })).toBeVisible();

  await page.getByLabel('Auteur').fill('Claire Dupont');
  await page.getByLabel('Version').fill('Version 2 – pour le COPIL');
  await page.getByRole('checkbox', { name: `Inclure « ${AFOM} »` }).uncheck();

  // Moved from the keyboard: the focus stays on the button, the move is announced.
  await expect(page.getByRole('button', { name: 'Monter « Contexte et méthode »' })).toBeDisabled();
  await expect(page.getByRole('button', { name: `Descendre « ${ANNEXES} »` })).toBeDisabled();
  await page.getByRole('button', { name: `Monter « ${ANNEXES} »` }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `« ${ANNEXES} » est maintenant en position 8 sur 9.` })).toBeAttached();
  await expect(page.getByRole('button', { name: `Monter « ${ANNEXES} »` })).toBeFocused();
  await expect(page.getByRole('button', { name: `Descendre « ${WORKSHOPS} »` })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);

  // The arrangement is this machine's setting: it survives a reload.
  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('checkbox', { name: `Inclure « ${AFOM} »` })).not.toBeChecked();
  await expect(page.getByLabel('Auteur')).toHaveValue('Claire Dupont');

  const wordButton = page.getByRole('button', { name: 'Pré-diagnostic Word (.docx)' });
  await expect(wordButton).toBeEnabled();
  const [wordDownload] = await Promise.all([page.waitForEvent('download'), wordButton.click()]);
  expect(wordDownload.suggestedFilename()).toBe(`Pré-diagnostic – ${TITLE}.docx`);
  const wordPath = join(folder, 'pre-diagnostic.docx');
  await wordDownload.saveAs(wordPath);
  await expect(page.getByRole('status').filter({ hasText: `Fichier enregistré : Pré-diagnostic – ${TITLE}.docx` })).toBeVisible();
  expect(await docxHeadingOnes(wordPath)).toEqual(EXPECTED_SECTIONS);

  const [excelDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Indicateurs (.xlsx)' }).click()]);
  expect(excelDownload.suggestedFilename()).toBe(`Indicateurs – ${TITLE}.xlsx`);
  const excelPath = join(folder, 'indicateurs.xlsx');
  await excelDownload.saveAs(excelPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(excelPath);
  expect(workbook.worksheets.length).toBeGreaterThan(0);

  await page.getByRole('link', { name: 'Aperçu avant impression' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toHaveCount(0);
  expect((await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).map(plainSpaces)).toEqual(['Sommaire', ...EXPECTED_SECTIONS]);
  await expect(page.getByText('Claire Dupont')).toBeVisible();
  await expect(page.getByText('Version 2 – pour le COPIL')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The sommaire moves to a section without leaving the preview.
  await page.getByRole('link', { name: /^7\. Annexes/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^7\. Annexes/ })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeAttached();

  // Chromium's print path, as Electron's printToPDF takes it: the print style sheet decides the pages.
  const pdfPath = join(folder, 'apercu.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true });
  const text = plainSpaces(await pdfToText(pdfPath));
  expect(text).toContain(TITLE);
  for (const section of EXPECTED_SECTIONS) expect(text).toContain(section);
  expect(text).not.toContain(AFOM);
  expect(text).toMatch(/Pré-diagnostic territorial – \d{1,2} \S+ \d{4} · Page 2 sur \d+/);
  for (const appText of ['Navigation principale', 'Missions', 'Retour aux livrables', 'Imprimer / Exporter en PDF', 'Aperçu avant impression']) {
    expect(text).not.toContain(appText);
  }
  // Cover, sommaire, then each of the eight sections on its own page at least.
  const pages = await pdfPageCount(pdfPath);
  expect(pages).toBeGreaterThanOrEqual(10);
  expect(pages).toBeLessThanOrEqual(40);
  // Every page but the cover carries the running header and its number.
  expect(text.split(`${TITLE} — Pré-diagnostic`).length - 1).toBe(pages - 1);
  expect(text).toContain(`Page ${pages} sur ${pages}`);

  // In a browser the button opens the print dialog, where the user saves the PDF.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-print-requested', 'oui');
  });
  await page.getByRole('button', { name: 'Imprimer / Exporter en PDF' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dans la fenêtre d’impression, choisissez « Enregistrer au format PDF ».' })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-print-requested', 'oui');

  await page.getByRole('link', { name: 'Retour aux livrables' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Livrables' })).toBeVisible();
});

test('a file that is not a Word template is refused in French and the template chosen before is kept', async ({ page }) => {
  await createMission(page, 'Modèle de la CAF', ['Landrecies']);
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Livrables' }).click();
  await expect(page.getByText('Aucun modèle : le pré-diagnostic prend la mise en forme de Bocage.')).toBeVisible();

  const templateInput = page.getByLabel('Modèle Word de votre institution (.docx ou .dotx)');
  const wordDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Pré-diagnostic Word (.docx)' }).click();
  const templateBytes = readFileSync(await (await wordDownload).path());
  await templateInput.setInputFiles({
    name: 'charte-caf.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: templateBytes,
  });
  await expect(page.getByText('Modèle utilisé : charte-caf.docx')).toBeVisible();

  await templateInput.setInputFiles({ name: 'notes.docx', mimeType: 'text/plain', buffer: Buffer.from('pas un document Word') });
  await expect(page.getByRole('alert')).toContainText('notes.docx');
  await expect(page.getByText('Modèle utilisé : charte-caf.docx')).toBeVisible();

  await page.getByRole('button', { name: 'Retirer le modèle' }).click();
  await expect(page.getByText('Aucun modèle : le pré-diagnostic prend la mise en forme de Bocage.')).toBeVisible();
  await expect(templateInput).toBeFocused();
});

test('the demo mission’s charts reach the Word file as described images and the preview as described drawings, and every printed page says its figures are fictitious', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Créer la mission exemple' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mission exemple' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Livrables' }).click();

  // The charts of the Word file are drawn by the browser's canvas: real PNG images, each described.
  const wordButton = page.getByRole('button', { name: 'Pré-diagnostic Word (.docx)' });
  await expect(wordButton).toBeEnabled();
  const [wordDownload] = await Promise.all([page.waitForEvent('download'), wordButton.click()]);
  const zip = await JSZip.loadAsync(readFileSync(await wordDownload.path()));
  const images = zip.file(/^word\/media\/.+\.png$/);
  expect(images.length).toBeGreaterThan(0);
  const png = await images[0]!.async('uint8array');
  expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(documentXml.match(/<wp:docPr [^>]*descr="Diagramme en barres/g)?.length).toBe(images.length);

  await page.getByRole('link', { name: 'Aperçu avant impression' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mission exemple' })).toBeVisible({ timeout: 30_000 });

  const charts = page.getByRole('main').getByRole('figure');
  expect(await charts.count()).toBeGreaterThan(0);
  const firstChart = charts.first().getByRole('img');
  await expect(firstChart).toBeVisible();
  expect(await firstChart.getAttribute('aria-label')).toMatch(/^Diagramme en barres/);
  await expect(charts.first().locator('figcaption')).toContainText('Source');
  expect(await seriousViolations(page)).toEqual([]);

  const folder = mkdtempSync(join(tmpdir(), 'bocage-e2e-deliverables-demo-'));
  const pdfPath = join(folder, 'mission-exemple.pdf');
  await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true });
  const text = plainSpaces(await pdfToText(pdfPath));
  const pages = await pdfPageCount(pdfPath);
  expect(pages).toBeGreaterThan(12);
  expect(pages).toBeLessThan(120);
  expect(text.split('Mission exemple — Pré-diagnostic').length - 1).toBe(pages - 1);
  expect(text.split('Données fictives').length - 1).toBeGreaterThanOrEqual(pages);
  expect(text).toContain('secret stat.');
});
