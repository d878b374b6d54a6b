import { expect, test } from '@playwright/test';
import { createMission, waitForLocalWrites } from './mission-pages';

/**
 * A Filosofi-like national extract as INSEE publishes it: a title line, ";" separators, decimal
 * commas, "s" for statistical secret, and rows for communes outside the mission that must be left
 * out. Landrecies (59331) and Le Quesnoy (59481) are the mission; Maroilles (59384) is not.
 */
const FILOSOFI_EXTRACT = [
  'Revenus et pauvreté des ménages en 2021 - Dispositif Fichier localisé social et fiscal (Filosofi)',
  'CODGEO;LIBGEO;NBPERSMENFISC21;MED21;TP6021',
  '59331;Landrecies;3300;18460;27,5',
  '59481;Le Quesnoy;4700;21640;s',
  '59384;Maroilles;1400;20950;12,1',
  '200043321;CC du Pays de Mormal;48000;20480;17,9',
  '59;Nord;2540000;21030;18,6',
].join('\r\n');

test('a statistical file imported through the wizard shows its figures, with secret communes flagged, and stays after a reload', async ({ page }) => {
  test.setTimeout(90_000);
  await createMission(page, 'Diagnostic CTG Mormal', ['Landrecies', 'Le Quesnoy']);
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Indicateurs' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Indicateurs' })).toBeVisible();
  await page.getByRole('link', { name: 'Importer un fichier de données' }).click();

  await page.getByLabel('Fichier de données (CSV, TSV ou XLSX)').setInputFiles({
    name: 'filosofi-2021-extrait.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(FILOSOFI_EXTRACT, 'latin1'),
  });
  await expect(page.getByRole('heading', { name: 'Ce que Bocage a compris de « filosofi-2021-extrait.csv »' })).toBeVisible();
  await expect(page.getByText('séparateur point-virgule, décimales avec une virgule', { exact: false })).toBeVisible();
  await expect(page.getByText('Secret statistique : « s » (1)', { exact: false })).toBeVisible();

  // INSEE variable codes are recognised: the user only checks the guesses.
  await expect(page.getByLabel('Indicateur de la colonne MED21')).toHaveValue('MED_DISP');
  await expect(page.getByLabel('Année de la colonne MED21')).toHaveValue('2021');
  await expect(page.getByLabel('Indicateur de la colonne TP6021')).toHaveValue('TX_PAUVRETE');
  await expect(page.getByLabel('Indicateur de la colonne NBPERSMENFISC21')).toHaveValue('PERS_MEN_FISC');
  await page.getByLabel('Source citée sous les tableaux et graphiques').fill('INSEE, Filosofi 2021');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();

  const report = page.getByRole('status').filter({ hasText: 'Import de « filosofi-2021-extrait.csv » terminé' });
  await expect(report).toBeVisible();
  await expect(report.getByText('4 lignes gardées', { exact: false })).toBeVisible();
  await expect(report.getByText('1 lignes d’autres territoires', { exact: false })).toBeVisible();

  await page.getByRole('link', { name: 'Voir les indicateurs' }).click();
  const income = page.getByRole('region', { name: 'Tableau : Revenus et pauvreté' });
  await expect(income).toBeVisible();
  const povertyRow = income.getByRole('row').filter({ hasText: 'Taux de pauvreté' });
  // Le Quesnoy is secret: the mission's rate covers Landrecies only and says so.
  await expect(povertyRow.getByText('partiel', { exact: true })).toBeVisible();
  await expect(povertyRow).toContainText('27,5');
  await expect(povertyRow).toContainText('secret stat.');
  // The median of two communes is never averaged.
  const medianRow = income.getByRole('row').filter({ hasText: 'Médiane du revenu disponible' });
  await expect(medianRow).toContainText('non agrégeable');

  await povertyRow.getByRole('button', { name: /Taux de pauvreté/ }).click();
  const chart = page.getByRole('img', { name: /Diagramme en barres : Taux de pauvreté/ });
  await expect(chart).toBeVisible();
  await expect(page.getByText('Source : INSEE, Filosofi 2021 — 2021.')).toBeVisible();

  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Tableau : Revenus et pauvreté' }).getByRole('row').filter({ hasText: 'Taux de pauvreté' })).toContainText('27,5');
  await expect(page.getByRole('heading', { name: 'Sources des données importées' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'filosofi-2021-extrait.csv' })).toBeVisible();
});

test('a figure typed by hand for an indicator the user defined is kept with its source, and a secret commune makes the total partial', async ({ page }) => {
  test.setTimeout(90_000);
  await createMission(page, 'Enquête familles Mormal', ['Landrecies', 'Le Quesnoy']);
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Indicateurs' }).click();

  await page.getByRole('button', { name: 'Nouvel indicateur' }).click();
  const definition = page.getByRole('form', { name: 'Nouvel indicateur de la mission' });
  await definition.getByLabel('Code').fill('ENQ_FAMILLES');
  await definition.getByLabel('Libellé').fill('Familles rencontrées par le centre social');
  await definition.getByLabel('Thème').selectOption({ label: 'Familles et ménages' });
  await definition.getByLabel('Unité').selectOption({ label: 'Familles' });
  await definition.getByLabel('Source').fill('Centre social, registre 2024');
  await definition.getByRole('button', { name: 'Créer l’indicateur' }).click();
  await expect(definition).toBeHidden();

  await page.getByLabel('Indicateur', { exact: true }).selectOption({ label: 'Familles rencontrées par le centre social' });
  const entry = page.getByRole('form', { name: 'Saisir ou corriger une valeur' });
  await entry.getByLabel('Territoire').selectOption({ label: 'Landrecies' });
  await entry.getByLabel('Année').fill('2024');
  await entry.getByLabel('Valeur', { exact: true }).fill('1 250');
  await entry.getByLabel('Source').fill('Centre social, registre 2024');
  await entry.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(entry.getByText('Valeur enregistrée.')).toBeVisible();

  // A typing mistake is refused with a message and writes nothing.
  await entry.getByLabel('Territoire').selectOption({ label: 'Le Quesnoy' });
  await entry.getByLabel('Valeur', { exact: true }).fill('douze');
  await entry.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(entry.getByRole('alert')).toHaveText('Saisissez un nombre, par exemple 12,5 ou 1 250.');
  await entry.getByLabel('Secret statistique').check();
  await entry.getByRole('button', { name: 'Enregistrer la valeur' }).click();
  await expect(entry.getByText('Valeur enregistrée.')).toBeVisible();

  await waitForLocalWrites(page);
  await page.reload();
  const families = page.getByRole('region', { name: 'Tableau : Familles et ménages' });
  const row = families.getByRole('row').filter({ hasText: 'Familles rencontrées par le centre social' });
  await expect(row).toContainText('2024');
  await expect(row.getByText('partiel', { exact: true })).toBeVisible();
  await expect(row).toContainText('1 250 familles');
  await expect(row).toContainText('(saisie)');
  await expect(row).toContainText('secret stat.');
});

test('an old .xls workbook is refused with a message saying how to save it, and nothing is imported', async ({ page }) => {
  await createMission(page, 'Diagnostic Landrecies', ['Landrecies']);
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Indicateurs' }).click();
  await page.getByRole('link', { name: 'Importer un fichier de données' }).click();
  // The first bytes of every legacy Excel workbook (an OLE2 compound file).
  const oleHeader = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
  await page.getByLabel('Fichier de données (CSV, TSV ou XLSX)').setInputFiles({ name: 'caf-2023.xls', mimeType: 'application/vnd.ms-excel', buffer: oleHeader });
  await expect(page.getByRole('alert')).toContainText('« caf-2023.xls » est un classeur Excel ancien format (.xls)');
  await expect(page.getByRole('alert')).toContainText('enregistrez-le au format .xlsx (Classeur Excel) ou .csv');
  await expect(page.getByText('0 valeurs dans la mission.')).toBeVisible();
});

test('census counts by sex and age draw the territory’s age pyramid, summed over its communes', async ({ page }) => {
  const bands = ['0014', '1529', '3044', '4559', '6074', '75P'];
  const header = ['CODGEO', ...bands.map((band) => `P21_H${band}`), ...bands.map((band) => `P21_F${band}`)].join(';');
  const census = [header, `59331;${[300, 280, 320, 340, 300, 180, 290, 270, 330, 350, 320, 260].join(';')}`, `59481;${[400, 380, 420, 440, 400, 250, 390, 370, 430, 450, 420, 330].join(';')}`].join('\n');
  await createMission(page, 'Pyramide Mormal', ['Landrecies', 'Le Quesnoy']);
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Indicateurs' }).click();
  await page.getByRole('link', { name: 'Importer un fichier de données' }).click();
  await page.getByLabel('Fichier de données (CSV, TSV ou XLSX)').setInputFiles({ name: 'rp-2021-sexe-age.csv', mimeType: 'text/csv', buffer: Buffer.from(census) });
  await expect(page.getByLabel('Indicateur de la colonne P21_F75P')).toHaveValue('POP_F_75_PLUS');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await page.getByRole('link', { name: 'Voir les indicateurs' }).click();

  const pyramid = page.getByRole('region', { name: 'Pyramide des âges du territoire de la mission (2021)' });
  await expect(pyramid.getByRole('img', { name: /Pyramide des âges 2021 : 0 à 14 ans, hommes 700, femmes 680/ })).toBeVisible();
  await expect(pyramid.getByRole('row', { name: /75 ans ou plus/ })).toContainText('430');
  await expect(pyramid.getByRole('row', { name: /75 ans ou plus/ })).toContainText('590');
});
