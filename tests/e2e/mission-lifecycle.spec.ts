import { expect, test } from '@playwright/test';
import { chooseTerritory, createMission, openMissionFromHome, waitForLocalWrites } from './mission-pages';

test('a mission created with its territory, themes and dates is kept across a reload and found from the home screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Missions' })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle mission' }).click();

  await page.getByLabel('Titre').fill('Diagnostic CTG Pays du Coquelicot');
  await chooseTerritory(page, ['Albert', '80300']);
  await page.getByLabel('Commanditaire').fill('Caf de la Somme');
  await page.getByRole('checkbox', { name: 'Petite enfance' }).check();
  await page.getByRole('checkbox', { name: 'Parentalité' }).check();
  await page.getByLabel('Date de début').fill('2026-01-15');
  await page.getByLabel('Date de fin').fill('2026-06-30');
  await page.getByLabel('Statut').selectOption({ label: 'En cours' });
  await page.getByLabel('Description').fill('Pré-diagnostic avant le renouvellement de la CTG.');
  await page.getByRole('button', { name: 'Créer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic CTG Pays du Coquelicot' })).toBeVisible();
  const communes = page.getByRole('table', { name: /Communes du territoire/ });
  await expect(communes.getByRole('rowheader', { name: 'Albert' })).toBeVisible();
  await expect(communes.getByRole('rowheader', { name: 'Falvy' })).toBeVisible();
  await expect(communes.getByRole('row', { name: /Total/ })).toContainText(/\d/);

  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostic CTG Pays du Coquelicot' })).toBeVisible();
  await expect(page.getByLabel('Commanditaire')).toHaveValue('Caf de la Somme');
  await expect(page.getByRole('checkbox', { name: 'Parentalité' })).toBeChecked();
  await expect(page.getByLabel('Date de fin')).toHaveValue('2026-06-30');
  await expect(page.getByLabel('Statut')).toHaveValue('en-cours');

  await page.goto('/');
  await createMission(page, 'Plan pauvreté Vienne', ['Poitiers']);
  await page.goto('/');
  const list = page.getByRole('list', { name: 'Liste des missions' });
  await expect(list.getByRole('heading')).toHaveText(['Plan pauvreté Vienne', 'Diagnostic CTG Pays du Coquelicot']);

  await page.getByLabel('Rechercher une mission').fill('coquelicot');
  await expect(list.getByRole('heading')).toHaveText(['Diagnostic CTG Pays du Coquelicot']);
  await page.getByLabel('Rechercher une mission').fill('albert');
  await expect(list.getByRole('heading')).toHaveText(['Diagnostic CTG Pays du Coquelicot']);
  await page.getByRole('link', { name: 'Diagnostic CTG Pays du Coquelicot' }).click();
  await expect(page.getByLabel('Description')).toHaveValue('Pré-diagnostic avant le renouvellement de la CTG.');
});

test('an EPCI chosen as territory brings all its communes with their populations and total', async ({ page }) => {
  await createMission(page, 'Convention territoriale', ['CC du Pays du Coquelicot']);
  const table = page.getByRole('table', { name: /Communes du territoire/ });
  await expect(table.getByRole('rowheader', { name: 'Albert' })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Retirer CC du Pays du Coquelicot' }).click();
  await expect(page.getByText('Aucune commune dans le territoire pour le moment.')).toBeVisible();
});

test('every edit saves as you type and undo and redo work from the keyboard and the buttons', async ({ page }) => {
  await createMission(page, 'Mission à corriger', ['Amiens']);
  const title = page.getByLabel('Titre');
  await title.fill('Mission corrigée');
  await expect(page.getByRole('heading', { level: 1, name: 'Mission corrigée' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Santé' }).check();

  await page.keyboard.press('Control+z');
  await expect(page.getByRole('checkbox', { name: 'Santé' })).not.toBeChecked();
  await page.keyboard.press('Control+z');
  await expect(title).toHaveValue('Mission à corriger');
  await page.keyboard.press('Control+Shift+z');
  await expect(title).toHaveValue('Mission corrigée');
  await page.keyboard.press('Control+y');
  await expect(page.getByRole('checkbox', { name: 'Santé' })).toBeChecked();

  await page.getByRole('button', { name: 'Annuler' }).click();
  await expect(page.getByRole('checkbox', { name: 'Santé' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Rétablir' }).click();
  await expect(page.getByRole('checkbox', { name: 'Santé' })).toBeChecked();

  await waitForLocalWrites(page);
  await page.reload();
  await expect(title).toHaveValue('Mission corrigée');
  await expect(page.getByRole('checkbox', { name: 'Santé' })).toBeChecked();
});

test('an empty title is refused with a message and a territory search matching nothing says so', async ({ page }) => {
  await page.goto('/#/missions/nouvelle');
  await page.getByRole('combobox', { name: 'Territoire' }).fill('Zzyzx-sur-Rien');
  await expect(page.getByRole('status', { name: 'Recherche de territoire' })).toHaveText(
    'Aucune commune ni EPCI ne correspond à « Zzyzx-sur-Rien ».',
  );
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText('Le titre est obligatoire.')).toBeVisible();
  await expect(page.getByLabel('Titre')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle mission' })).toBeVisible();

  await page.getByLabel('Titre').fill('Mission valide');
  await page.getByLabel('Date de début').fill('2026-05-01');
  await page.getByLabel('Date de fin').fill('2026-04-01');
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByText('La date de fin doit être postérieure à la date de début.')).toBeVisible();

  await page.goto('/');
  await expect(page.getByText('Aucune mission pour le moment')).toBeVisible();
});

test('clearing the title of an open mission keeps the saved title and explains why', async ({ page }) => {
  await createMission(page, 'Titre à garder', ['Amiens']);
  await page.getByLabel('Titre').fill('');
  await expect(page.getByText('Le titre est obligatoire.')).toBeVisible();
  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByLabel('Titre')).toHaveValue('Titre à garder');
  await openMissionFromHome(page, 'Titre à garder');
});
