import { expect, test, type Locator, type Page } from '@playwright/test';
import { createMission, waitForLocalWrites } from './mission-pages';

const OBSERVATION = 'Les assistantes maternelles rurales se disent isolées.';
const ENJEU = 'Garde du jeune enfant en milieu rural';
const ORIENTATION = 'Soutenir les jeunes familles';
const SHEET = 'Relais petite enfance itinérant';
const INDICATOR = 'Taux de couverture en accueil du jeune enfant';

async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

/** Presses Tab until `target` has the focus, proving a keyboard user can reach it. */
async function tabTo(page: Page, target: Locator, maxPresses = 60): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('an observation grounds an enjeu, grouped in an orientation and answered by a fiche action, and the links lead both ways after a reload', async ({ page }) => {
  await createMission(page, 'Diagnostic CTG du Vimeu', ['Amiens']);

  await openSection(page, 'Constats');
  await page.getByLabel('Constat', { exact: true }).fill(OBSERVATION);
  await page.getByLabel('Type de source').selectOption({ label: 'Atelier' });
  await page.getByLabel('Date', { exact: true }).fill('2026-03-12');
  await page.getByLabel('Thématique').selectOption({ label: 'Petite enfance' });
  await page.getByRole('button', { name: 'Ajouter un constat' }).click();
  await expect(page.getByRole('list', { name: 'Constats' }).getByRole('link', { name: OBSERVATION })).toBeVisible();

  await openSection(page, 'Enjeux');
  await page.getByLabel('Titre de l’enjeu').fill(ENJEU);
  await page.getByRole('button', { name: 'Ajouter un enjeu' }).click();
  await page.getByRole('list', { name: 'Enjeux par priorité' }).getByRole('link', { name: ENJEU }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Enjeu : ${ENJEU}` })).toBeFocused();
  await page.getByRole('group', { name: 'Constats qui fondent cet enjeu' }).getByRole('checkbox', { name: OBSERVATION }).check();
  const indicators = page.getByRole('group', { name: 'Indicateurs qui fondent cet enjeu' });
  await indicators.getByLabel('Rechercher un indicateur à lier').fill('couverture jeune enfant');
  await indicators.getByRole('button', { name: `Lier « ${INDICATOR} »` }).click();
  await expect(indicators.getByRole('list', { name: /indicateurs liés/ }).getByRole('checkbox', { name: INDICATOR })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Constats liés' }).getByRole('link', { name: OBSERVATION })).toBeVisible();

  await openSection(page, 'Orientations');
  await page.getByLabel('Titre de l’orientation').fill(ORIENTATION);
  await page.getByRole('button', { name: 'Ajouter une orientation' }).click();
  await page.getByRole('link', { name: ORIENTATION }).click();
  await page.getByRole('group', { name: 'Enjeux regroupés dans cette orientation' }).getByRole('checkbox', { name: ENJEU }).check();
  await expect(page.getByRole('region', { name: 'Enjeux liés' }).getByRole('link', { name: ENJEU })).toBeVisible();

  await openSection(page, 'Fiches actions');
  await page.getByLabel('Titre de la fiche action').fill(SHEET);
  await page.getByRole('button', { name: 'Nouvelle fiche action' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Fiche action n° 1 — ${SHEET}` })).toBeFocused();
  await page.getByLabel('Orientation stratégique').selectOption({ label: ORIENTATION });
  await page.getByRole('group', { name: 'Enjeux auxquels répond cette fiche' }).getByRole('checkbox', { name: ENJEU }).check();
  await page.getByLabel('Objectif général').fill('Rompre l’isolement des assistantes maternelles.');
  const newEvaluation = page.getByRole('form', { name: 'Ajout d’un indicateur d’évaluation' });
  await newEvaluation.getByLabel('Nouvel indicateur d’évaluation').fill('Couverture en accueil du jeune enfant');
  await newEvaluation.getByLabel('Indicateur du diagnostic mesuré').selectOption({ label: INDICATOR });
  await newEvaluation.getByLabel('Valeur de départ').fill('48 places pour 100 enfants');
  await newEvaluation.getByLabel('Cible').fill('60 places pour 100 enfants');
  await newEvaluation.getByLabel('Échéance').fill('2028-12-31');
  await newEvaluation.getByRole('button', { name: 'Ajouter l’indicateur d’évaluation' }).click();
  await expect(page.getByRole('group', { name: 'Indicateur d’évaluation 1' }).getByLabel('Cible')).toHaveValue('60 places pour 100 enfants');

  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: `Fiche action n° 1 — ${SHEET}` })).toBeVisible();
  await expect(page.getByLabel('Objectif général')).toHaveValue('Rompre l’isolement des assistantes maternelles.');
  const evaluation = page.getByRole('group', { name: 'Indicateur d’évaluation 1' });
  await expect(evaluation.getByLabel('Libellé')).toHaveValue('Couverture en accueil du jeune enfant');
  await expect(evaluation.getByLabel('Indicateur du diagnostic mesuré')).toHaveValue('TX_COUVERTURE_AJE');
  await expect(evaluation.getByLabel('Échéance')).toHaveValue('2028-12-31');
  const evidence = page.getByRole('region', { name: 'Ce qui fonde cette fiche' });
  await expect(evidence.getByRole('region', { name: 'Orientation' }).getByRole('link', { name: ORIENTATION })).toBeVisible();
  await expect(evidence.getByRole('region', { name: /Indicateurs/ })).toContainText(INDICATOR);

  await evidence.getByRole('link', { name: OBSERVATION }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Constat : Les assistantes maternelles/ })).toBeVisible();
  await expect(page.getByLabel('Type de source')).toHaveValue('atelier');
  await expect(page.getByRole('region', { name: 'Enjeux fondés sur ce constat' }).getByRole('link', { name: ENJEU })).toBeVisible();
  await page.getByRole('region', { name: 'Fiches actions liées' }).getByRole('link', { name: `Fiche action n° 1 — ${SHEET}` }).click();

  await page.getByRole('region', { name: 'Enjeux liés' }).getByRole('link', { name: ENJEU }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Enjeu : ${ENJEU}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Orientations stratégiques' }).getByRole('link', { name: ORIENTATION })).toBeVisible();
  await page.getByRole('region', { name: 'Fiches actions liées' }).getByRole('link', { name: `Fiche action n° 1 — ${SHEET}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Fiche action n° 1 — ${SHEET}` })).toBeVisible();

  // From the fiche's evidence to the indicator, and from the indicator back to what it grounds.
  await page.getByRole('region', { name: 'Ce qui fonde cette fiche' }).getByRole('link', { name: INDICATOR }).click();
  await expect(page.getByRole('heading', { level: 3, name: INDICATOR })).toBeFocused();
  const usage = page.getByRole('region', { name: 'Utilisé dans le diagnostic' });
  await expect(usage.getByRole('link', { name: `Fiche action n° 1 — ${SHEET}` })).toBeVisible();
  await usage.getByRole('link', { name: ENJEU }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Enjeu : ${ENJEU}` })).toBeVisible();
});

test('enjeux are created and put in priority order with the keyboard alone', async ({ page }) => {
  await createMission(page, 'Priorités au clavier', ['Amiens']);
  await openSection(page, 'Enjeux');

  const title = page.getByLabel('Titre de l’enjeu');
  await tabTo(page, title);
  for (const name of ['Mobilité', 'Accès aux soins', 'Garde du jeune enfant']) {
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Enjeu « ${name} » ajouté` })).toBeVisible();
    await expect(title).toBeFocused();
  }
  const list = page.getByRole('list', { name: 'Enjeux par priorité' });
  await expect(list.getByRole('link')).toHaveText(['Mobilité', 'Accès aux soins', 'Garde du jeune enfant']);

  const raise = page.getByRole('button', { name: 'Monter « Garde du jeune enfant »' });
  await tabTo(page, raise);
  await page.keyboard.press('Enter');
  await expect(list.getByRole('link')).toHaveText(['Mobilité', 'Garde du jeune enfant', 'Accès aux soins']);
  await expect(raise).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('link')).toHaveText(['Garde du jeune enfant', 'Mobilité', 'Accès aux soins']);
  await expect(page.getByRole('status').filter({ hasText: '« Garde du jeune enfant » est maintenant en priorité 1 sur 3.' })).toBeVisible();

  // At the top "Monter" is disabled: the focus moves to "Descendre" instead of getting lost.
  const lower = page.getByRole('button', { name: 'Descendre « Garde du jeune enfant »' });
  await expect(raise).toBeDisabled();
  await expect(lower).toBeFocused();
  await page.keyboard.press('Space');
  await expect(list.getByRole('link')).toHaveText(['Mobilité', 'Garde du jeune enfant', 'Accès aux soins']);

  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Enjeux par priorité' }).getByRole('link')).toHaveText(['Mobilité', 'Garde du jeune enfant', 'Accès aux soins']);
});

test('a deleted enjeu goes to the trash and comes back from the notice or the trash list', async ({ page }) => {
  await createMission(page, 'Corbeille des enjeux', ['Amiens']);
  await openSection(page, 'Enjeux');
  await page.getByLabel('Titre de l’enjeu').fill('Isolement des seniors');
  await page.getByRole('button', { name: 'Ajouter un enjeu' }).click();
  await page.getByRole('link', { name: 'Isolement des seniors' }).click();

  await page.getByRole('button', { name: 'Mettre cet enjeu à la corbeille' }).click();
  await expect(page.getByText('« Isolement des seniors » a été mis à la corbeille.')).toBeVisible();
  await expect(page.getByText('Aucun enjeu pour le moment.')).toBeVisible();
  await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Isolement des seniors' })).toBeVisible();

  await page.getByRole('link', { name: 'Isolement des seniors' }).click();
  await page.getByRole('button', { name: 'Mettre cet enjeu à la corbeille' }).click();
  await waitForLocalWrites(page);
  await page.reload();
  await page.getByText('Corbeille des enjeux (1)').click();
  await page.getByRole('button', { name: 'Restaurer « Isolement des seniors »' }).click();
  await expect(page.getByRole('list', { name: 'Enjeux par priorité' }).getByRole('link', { name: 'Isolement des seniors' })).toBeVisible();
});
