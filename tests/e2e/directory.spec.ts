import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

/** The RNE-like list of mayors the unit tests use: ISO-8859-1, TAB, a title line, split commune codes. */
const MAYORS_FILE = fileURLToPath(new URL('../fixtures/contacts/elus-maires-fictifs.latin1.txt', import.meta.url));

async function openDirectory(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Annuaire' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Annuaire' })).toBeVisible();
}

async function createContact(page: Page, fields: { lastName: string; firstName: string; jobTitle?: string; organisation?: string; commune?: string; email?: string }): Promise<void> {
  await page.getByRole('button', { name: 'Nouveau contact' }).click();
  const form = page.getByRole('form', { name: 'Nouveau contact' });
  await form.getByLabel('Nom', { exact: true }).fill(fields.lastName);
  await form.getByLabel('Prénom').fill(fields.firstName);
  if (fields.jobTitle) await form.getByLabel('Fonction').fill(fields.jobTitle);
  if (fields.organisation) await form.getByLabel('Organisation').fill(fields.organisation);
  if (fields.commune) await form.getByLabel('Commune').fill(fields.commune);
  if (fields.email) await form.getByLabel('E-mail').fill(fields.email);
  await form.getByRole('button', { name: 'Créer le contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${fields.firstName} créé.` })).toBeVisible();
}

test('a contact created through the form is found by typing its name without accents, and its record shows every field', async ({ page }) => {
  await openDirectory(page);
  await createContact(page, { lastName: 'Lefèvre', firstName: 'Hélène', jobTitle: 'Référente famille', organisation: 'Centre social du Layon', commune: 'Angers', email: 'h.lefevre@example.fr' });
  await createContact(page, { lastName: 'Martin', firstName: 'Paul', commune: 'Saumur' });

  const search = page.getByLabel('Rechercher un contact');
  await search.fill('lefevre helene');
  const table = page.getByRole('table', { name: 'Contacts de l’annuaire' });
  await expect(table.getByRole('rowheader')).toHaveText(['LEFÈVRE Hélène']);
  await expect(page.getByText('1 contact sur 2')).toBeVisible();
  await expect(table.getByRole('row', { name: /LEFÈVRE Hélène/ })).toContainText('Centre social du Layon');

  await search.fill('');
  await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Centre social du Layon' });
  await expect(table.getByRole('rowheader')).toHaveText(['LEFÈVRE Hélène']);

  await table.getByRole('link', { name: 'LEFÈVRE Hélène' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hélène Lefèvre' })).toBeVisible();
  await expect(page.getByLabel('Fonction')).toHaveValue('Référente famille');
  await expect(page.getByLabel('E-mail')).toHaveValue('h.lefevre@example.fr');
  await expect(page.getByLabel('Base légale')).toHaveValue('public-interest');
  await expect(page.getByLabel('Origine des données')).toHaveValue('Saisie manuelle');
  await expect(page.getByLabel('Conserver jusqu’au')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel('Base légale').selectOption({ label: 'Consentement' });
  await expect(page.getByLabel('Date du consentement')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('link', { name: 'Données personnelles (RGPD)…' })).toBeVisible();
});

test('a list of mayors imported from a Latin-1 file proposes the person already known as a duplicate, and the two records merge into one', async ({ page }) => {
  await openDirectory(page);
  await createContact(page, { lastName: 'Dupont', firstName: 'Claire', email: 'claire.dupont@example.fr' });

  await page.getByRole('link', { name: 'Importer des contacts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer des contacts' })).toBeVisible();
  // A file that cannot be read is refused in French, and nothing is written.
  await page.getByLabel('Fichier de contacts (CSV, TXT, XLSX)').setInputFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert')).toHaveText('Le fichier « vide.csv » est vide.');

  await page.getByLabel('Fichier de contacts (CSV, TXT, XLSX)').setInputFiles(MAYORS_FILE);
  await expect(page.getByRole('heading', { name: 'Ce que Bocage a compris de « elus-maires-fictifs.latin1.txt »' })).toBeVisible();
  await expect(page.getByText('séparateur tabulation', { exact: false })).toBeVisible();
  await expect(page.getByLabel('Prénom')).toHaveValue('5');
  await expect(page.getByLabel('Fonction par défaut')).toHaveValue('Maire');

  const duplicates = page.getByRole('table', { name: /Doublons possibles/ });
  const dupond = duplicates.getByRole('row', { name: /DUPOND Claire/ });
  await expect(dupond).toContainText('orthographe proche : Dupont / DUPOND');
  await expect(dupond.getByRole('radio', { name: 'Ignorer' })).toBeChecked();
  await dupond.getByRole('radio', { name: 'Créer quand même' }).check();
  await expect(duplicates.getByRole('row', { name: /LEFEVRE jean noel/ })).toContainText('ligne 4 du fichier');
  await expect(page.getByRole('list', { name: 'Lignes écartées' })).toContainText('Ligne 11 : ni nom ni prénom');

  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import de « elus-maires-fictifs.latin1.txt » terminé' })).toContainText('10 contact(s) créé(s)');
  await page.getByRole('link', { name: 'Voir l’annuaire' }).click();

  const panel = page.getByRole('list', { name: 'Doublons possibles' });
  await expect(panel).toContainText('orthographe proche');
  await panel.getByRole('button', { name: /Fusionner .*DUPOND Claire/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Fusionner deux fiches' });
  await dialog.getByRole('radio', { name: /^DUPONT Claire/ }).check();
  await dialog.getByRole('group', { name: 'Nom', exact: true }).getByRole('radio', { name: 'Dupont', exact: true }).check();
  await dialog.getByRole('button', { name: 'Fusionner les fiches' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Fiches fusionnées' })).toHaveText('Fiches fusionnées : DUPONT Claire.');
  await expect(panel.getByText('orthographe proche')).toHaveCount(0);

  await page.getByLabel('Rechercher un contact').fill('claire');
  const table = page.getByRole('table', { name: 'Contacts de l’annuaire' });
  await expect(table.getByRole('rowheader')).toHaveText(['DUPONT Claire']);
  await table.getByRole('link', { name: 'DUPONT Claire' }).click();
  // The kept record is completed with what the imported one knew.
  await expect(page.getByLabel('E-mail')).toHaveValue('claire.dupont@example.fr');
  await expect(page.getByLabel('Fonction')).toHaveValue('Maire');
  await expect(page.getByLabel('Commune')).toHaveValue('Abbeville');
});
