import { expect, test, type Locator, type Page } from '@playwright/test';
import { createMission, waitForLocalWrites } from './mission-pages';

const MEETING = 'Atelier — Atelier parentalité';
const SLOT = '14:00–16:30';

async function openMeetings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Parties de la mission' }).getByRole('link', { name: 'Réunions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Réunions' })).toBeVisible();
}

async function inviteNewPerson(page: Page, lastName: string, firstName: string, category: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Inviter une personne absente de l’annuaire' });
  await form.getByLabel('Nom', { exact: true }).fill(lastName);
  await form.getByLabel('Prénom').fill(firstName);
  await form.getByLabel('Catégorie').selectOption({ label: category });
  await form.getByRole('button', { name: 'Créer le contact et l’inviter' }).click();
}

/** Presses Tab until `target` has the focus, proving a keyboard user can reach it. */
async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let press = 0; press < maxPresses; press += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Signs like a hand would: a few strokes drawn with the mouse across the pad. */
async function drawSignature(page: Page, pad: Locator): Promise<void> {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.1, 0.6));
  await page.mouse.down();
  await page.mouse.move(...at(0.25, 0.2), { steps: 8 });
  await page.mouse.move(...at(0.4, 0.7), { steps: 8 });
  await page.mouse.move(...at(0.6, 0.3), { steps: 8 });
  await page.mouse.up();
  await page.mouse.move(...at(0.3, 0.8));
  await page.mouse.down();
  await page.mouse.move(...at(0.8, 0.75), { steps: 10 });
  await page.mouse.up();
}

test('in the room, a person is found in two keystrokes, marked present, signs on screen, a walk-in is added, and all of it survives a reload', async ({ page }) => {
  await createMission(page, 'CTG du Grand Amiénois', ['Amiens']);
  await openMeetings(page);

  await page.getByLabel('Type de réunion').selectOption({ label: 'Atelier' });
  await page.getByLabel('Titre de la réunion').fill('Atelier parentalité');
  await page.getByLabel('Date', { exact: true }).fill('2026-03-12');
  await page.getByLabel('Heure de début').fill('14:00');
  await page.getByLabel('Heure de fin').fill('16:30');
  await page.getByRole('button', { name: 'Créer la réunion' }).click();
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeFocused();

  await page.getByText('La personne n’est pas dans l’annuaire ?').click();
  await inviteNewPerson(page, 'Dupont', 'Claire', 'Élu·e');
  await inviteNewPerson(page, 'Bernard', 'Louis', 'Associatif');
  const invitations = page.getByRole('table', { name: /2 personnes invitées/ });
  await expect(invitations.getByRole('rowheader')).toHaveText(['BERNARD Louis', 'DUPONT Claire']);

  // Taken off the list, then invited again from the directory with the search combobox.
  await invitations.getByRole('button', { name: 'Retirer Louis Bernard des invités' }).click();
  await expect(page.getByRole('table', { name: /1 personne invitée/ }).getByRole('rowheader')).toHaveText(['DUPONT Claire']);
  const picker = page.getByRole('combobox', { name: 'Inviter un contact de l’annuaire' });
  await picker.fill('bern');
  await expect(page.getByRole('option', { name: /BERNARD Louis/ })).toBeVisible();
  await picker.press('ArrowDown');
  await picker.press('Enter');
  await expect(page.getByRole('table', { name: /2 personnes invitées/ }).getByRole('rowheader')).toHaveText(['BERNARD Louis', 'DUPONT Claire']);

  await page.getByRole('link', { name: 'Ouvrir l’émargement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Émargement : ${MEETING}` })).toBeVisible();
  await expect(page.getByText('0 présent sur 2 invités')).toBeVisible();

  const search = page.getByLabel('Rechercher un nom');
  await expect(search).toBeFocused();
  await search.pressSequentially('du');
  const list = page.getByRole('list', { name: /Participants correspondant/ });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list.getByRole('listitem')).toContainText('DUPONT Claire');
  const present = list.getByRole('button', { name: 'Présent : Claire Dupont' });
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 présent sur 2 invités')).toBeVisible();

  await list.getByRole('button', { name: 'Signature et consentements : Claire Dupont' }).click();
  await list.getByRole('button', { name: 'Valider la signature' }).click();
  await expect(list.getByRole('alert')).toContainText('Le cadre est vide');
  const pad = list.getByRole('img', { name: `Signature de Claire Dupont — ${SLOT}`, exact: true });
  await drawSignature(page, pad);
  await list.getByRole('button', { name: 'Valider la signature' }).click();
  const savedSignature = list.getByRole('img', { name: `Signature de Claire Dupont — ${SLOT}, enregistrée` });
  await expect(savedSignature).toHaveCount(2);
  await expect(savedSignature.first().locator('path')).toHaveAttribute('d', /^M\d+ \d+L/);
  await list.getByRole('group', { name: 'Photos de Claire Dupont' }).getByLabel('Oui').check();

  // From the keyboard alone: the pad refuses an empty signature, the paper sheet is the way out.
  await search.fill('ber');
  const louis = page.getByRole('list', { name: /Participants correspondant/ });
  await tabTo(page, louis.getByRole('button', { name: 'Signature et consentements : Louis Bernard' }));
  await page.keyboard.press('Enter');
  await tabTo(page, louis.getByRole('img', { name: `Signature de Louis Bernard — ${SLOT}`, exact: true }));
  await page.keyboard.press('Enter');
  await expect(louis.getByRole('alert')).toContainText('Le cadre est vide');
  await tabTo(page, louis.getByRole('button', { name: 'Signature sur la feuille papier : Louis Bernard' }));
  await page.keyboard.press('Enter');
  await expect(louis.getByRole('button', { name: 'Présent : Louis Bernard' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('2 présents sur 2 invités')).toBeVisible();

  await search.fill('');
  await page.getByText('Ajouter une personne non inscrite').click();
  const walkIn = page.getByRole('form', { name: 'Personne non inscrite' });
  await walkIn.getByLabel('Nom', { exact: true }).fill('Lefèvre');
  await walkIn.getByLabel('Catégorie').selectOption({ label: 'Habitant·e' });
  await walkIn.getByLabel('Commune').fill('Amiens');
  await walkIn.getByLabel('Prénom').fill('Amandine');
  await walkIn.getByLabel('Prénom').press('Enter');
  await expect(page.getByText('Amandine Lefèvre : ajouté·e et présent·e.')).toBeVisible();
  const everyone = page.getByRole('list', { name: 'Participants' });
  await expect(everyone.getByRole('button', { name: 'Présent : Amandine Lefèvre' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('3 présents sur 2 invités, dont 1 sans invitation')).toBeVisible();

  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Émargement : ${MEETING}` })).toBeVisible();
  await expect(page.getByText('3 présents sur 2 invités, dont 1 sans invitation')).toBeVisible();
  await expect(everyone.getByRole('button', { name: 'Présent : Claire Dupont' })).toHaveAttribute('aria-pressed', 'true');
  await expect(everyone.getByRole('button', { name: 'Présent : Louis Bernard' })).toHaveAttribute('aria-pressed', 'true');
  await expect(everyone.getByRole('img', { name: `Signature de Claire Dupont — ${SLOT}, enregistrée` })).toBeVisible();
  await everyone.getByRole('button', { name: 'Signature et consentements : Claire Dupont' }).click();
  await expect(everyone.getByRole('group', { name: 'Photos de Claire Dupont' }).getByLabel('Oui')).toBeChecked();

  await page.getByRole('link', { name: 'Retour à la réunion' }).click();
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
  await expect(page.getByRole('table', { name: /venue sans invitation/ }).getByRole('row', { name: /LEFÈVRE Amandine/ })).toContainText('Présent·e');

  await page.getByRole('link', { name: 'Annuaire', exact: true }).click();
  await expect(page.getByText(/Lefèvre/i).first()).toBeVisible();
});
