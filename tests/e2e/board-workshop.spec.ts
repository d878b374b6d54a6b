import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createMeetingWithInvitees, signIn } from './meeting-pages';
import { createMission } from './mission-pages';

const BOARD = 'AFOM du bassin de vie';
const CLAIRE = 'Claire Dupont';
const KARIM = 'Karim Martin';

const CARDS = {
  atouts: ['Un tissu associatif dense', 'Des élus mobilisés', 'Une épicerie solidaire', 'Des écoles dans chaque village'],
  faiblesses: ['Peu de médecins', 'Des transports rares', 'Des logements vacants'],
  opportunites: ['Le contrat local de santé', 'La gare rénovée'],
  menaces: ['Le départ des jeunes'],
};

test.use({ viewport: { width: 1600, height: 1000 } });

function card(page: Page, text: string): Locator {
  return page.getByRole('listbox', { name: `Cartes du tableau « ${BOARD} »` }).getByRole('option', { name: new RegExp(`^${text}`) });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(readFileSync(path)).buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet « ${name} »`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The table of a sheet: the rows from its header on (title lines above it are left out). */
function tableFrom(rows: unknown[][], firstHeader: string): { header: string[]; body: unknown[][] } {
  const start = rows.findIndex((row) => row.map(String).includes(firstHeader));
  if (start < 0) throw new Error(`no header « ${firstHeader} »`);
  return { header: rows[start]!.map(String), body: rows.slice(start + 1) };
}

/** One dot from the chosen voter, from the keyboard: focus the button, press Enter. */
async function addDot(page: Page, text: string): Promise<void> {
  const button = page.getByRole('button', { name: `Ajouter une gommette à “${text}”` });
  await button.focus();
  await page.keyboard.press('Enter');
}

test('a workshop runs on an AFOM board: ten cards typed, grouped, voted by two participants, revealed, exported to Excel, PNG and SVG, and turned into an enjeu', async ({ page }) => {
  await createMission(page, 'CTG du Pays de Mormal', ['Amiens']);
  await createMeetingWithInvitees(page, [
    ['Dupont', 'Claire'],
    ['Martin', 'Karim'],
  ]);
  await signIn(page, CLAIRE);
  await signIn(page, KARIM);

  const boards = page.getByRole('region', { name: 'Tableaux de l’atelier' });
  await boards.getByLabel('Titre du tableau').fill(BOARD);
  await boards.getByRole('radio', { name: /^AFOM/ }).check();
  await boards.getByRole('button', { name: 'Créer le tableau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();

  // Ten cards as the room speaks, each sent to its quadrant without leaving the keyboard.
  const capture = page.getByLabel('Nouvelle carte');
  await expect(capture).toBeFocused();
  const shortcut: Record<keyof typeof CARDS, string> = { atouts: 'Enter', faiblesses: 'Alt+Digit2', opportunites: 'Alt+Digit3', menaces: 'Alt+Digit4' };
  for (const [zone, texts] of Object.entries(CARDS) as [keyof typeof CARDS, string[]][]) {
    for (const text of texts) {
      await page.keyboard.type(text);
      await page.keyboard.press(shortcut[zone]);
      await expect(capture).toHaveValue('');
    }
  }
  await expect(page.getByRole('listbox', { name: `Cartes du tableau « ${BOARD} »` }).getByRole('option')).toHaveCount(10);
  await expect(page.getByRole('group', { name: 'Menaces' }).getByRole('option')).toHaveCount(1);

  // Two strengths grouped from the keyboard.
  await capture.press('Shift+Tab');
  await expect(card(page, CARDS.atouts[0]!)).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await page.keyboard.press('g');
  const grouping = page.getByRole('dialog', { name: 'Regrouper 2 cartes' });
  await grouping.getByLabel('Titre du regroupement').fill('Forces vives');
  await grouping.getByRole('button', { name: 'Regrouper' }).click();
  await expect(card(page, CARDS.atouts[1]!)).toHaveAccessibleName(/regroupement « Forces vives »/);

  // Dot voting: Claire and Karim in turn; nobody sees totals until they are revealed.
  await page.getByRole('tab', { name: 'Gommettes' }).click();
  const voter = page.getByLabel('Participant qui vote');
  await voter.selectOption({ label: CLAIRE });
  await addDot(page, 'Peu de médecins');
  await addDot(page, 'Peu de médecins');
  await addDot(page, 'Des transports rares');
  await expect(page.getByText('0 gommette restante sur 3')).toBeVisible();
  await addDot(page, 'Le départ des jeunes');
  await expect(page.getByRole('alert')).toContainText('Toutes les gommettes de ce participant sont posées (3)');
  await voter.selectOption({ label: KARIM });
  await addDot(page, 'Peu de médecins');
  await addDot(page, 'Le départ des jeunes');
  await expect(page.locator('.voting-results')).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Révéler les résultats' }).click();
  const ranking = page.locator('.voting-results').getByRole('listitem');
  await expect(ranking).toHaveCount(3);
  await expect(ranking.first()).toContainText('Peu de médecins');
  await expect(ranking.first()).toContainText('3');

  // The cards, their zones, clusters, authors and dots as an Excel workbook.
  await page.getByRole('tab', { name: 'Exporter' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tableur Excel (.xlsx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^tableau-.*\.xlsx$/);
  const path = await download.path();
  const { header, body } = tableFrom(await sheetRows(path, 'Cartes'), 'Texte');
  expect(header).toEqual(expect.arrayContaining(['Zone', 'Regroupement', 'Texte', 'Auteur', 'Gommettes', 'Votants']));
  const column = (name: string) => header.indexOf(name);
  const byText = new Map(body.map((row) => [String(row[column('Texte')]), row]));
  expect([...byText.keys()].sort()).toEqual(Object.values(CARDS).flat().sort());
  expect(byText.get('Peu de médecins')?.[column('Zone')]).toBe('Faiblesses');
  expect(byText.get('Peu de médecins')?.[column('Gommettes')]).toBe(3);
  expect(byText.get('Peu de médecins')?.[column('Votants')]).toBe(2);
  expect(byText.get(CARDS.atouts[0]!)?.[column('Regroupement')]).toBe('Forces vives');
  expect(byText.get('Le départ des jeunes')?.[column('Zone')]).toBe('Menaces');
  const results = tableFrom(await sheetRows(path, 'Résultats du vote'), 'Texte');
  expect(results.body[0]).toEqual(expect.arrayContaining([1, 'Peu de médecins', 3]));

  // The board as pictures: a real PNG, and an SVG holding every card's text.
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Image PNG' }).click()]);
  expect(png.suggestedFilename()).toMatch(/^tableau-.*\.png$/);
  expect([...readFileSync(await png.path()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Image SVG' }).click()]);
  const drawing = readFileSync(await svg.path(), 'utf8');
  expect(drawing).toContain(BOARD);
  for (const text of Object.values(CARDS).flat()) expect(drawing).toContain(text);
  expect(await seriousViolations(page)).toEqual([]);

  // The winning card becomes an enjeu of the diagnostic, which links back to the board.
  await card(page, 'Peu de médecins').click();
  await page.getByRole('tab', { name: 'Vers le diagnostic' }).click();
  await page.getByRole('button', { name: 'Créer un enjeu' }).click();
  await expect(page.getByText('Enjeu créé.')).toBeVisible();
  await page.getByRole('link', { name: 'Ouvrir l’enjeu' }).click();
  await expect(page.getByText(/Issu de l’atelier/)).toBeVisible();
  await page.getByRole('link', { name: BOARD }).click();
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Retour à la réunion' })).toBeVisible();
});
