import { expect, test, type Locator, type Page } from '@playwright/test';
import { MEETING, createMeetingWithInvitees } from './meeting-pages';
import { createMission, waitForLocalWrites } from './mission-pages';
import { stripedPng } from './striped-png';

const FIRST_PHOTO_ALT = `Photo 1 de la réunion ${MEETING}`;

async function naturalWidth(image: Locator): Promise<number> {
  await expect(image).toBeVisible();
  return image.evaluate((element: HTMLImageElement) => (element.complete ? element.naturalWidth : 0));
}

async function openMeetingWithoutInvitees(page: Page): Promise<void> {
  await createMission(page, 'CTG du Haut-Poitou', ['Vouillé']);
  await createMeetingWithInvitees(page, []);
}

function photosSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Photos des supports papier' });
}

test('a photo of a paper board is attached, captioned, kept after a reload, and opened large by keyboard; a text file renamed .jpg is refused', async ({ page }) => {
  await openMeetingWithoutInvitees(page);
  const photos = photosSection(page);

  await photos.getByLabel('Ajouter des photos').setInputFiles({ name: 'paperboard.png', mimeType: 'image/png', buffer: stripedPng(64, 48) });
  await expect(photos.getByRole('status').filter({ hasText: '1 photo ajoutée.' })).toBeVisible();
  expect(await naturalWidth(photos.getByAltText(FIRST_PHOTO_ALT))).toBe(64);

  await photos.getByLabel('Légende de la photo 1').fill('Paperboard des attentes');
  await expect(photos.getByAltText('Paperboard des attentes')).toBeVisible();
  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();
  expect(await naturalWidth(photos.getByAltText('Paperboard des attentes'))).toBe(64);
  await expect(photos.getByLabel('Légende de la photo 1')).toHaveValue('Paperboard des attentes');
  await expect(photos.getByText(/paperboard\.png · ajoutée le/)).toBeVisible();

  const thumbnail = photos.getByRole('button', { name: 'Agrandir : Paperboard des attentes' });
  await thumbnail.focus();
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: 'Photo 1 sur 1' });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByText('Paperboard des attentes', { exact: true })).toBeVisible();
  await expect(viewer.getByText(/64 × 48 pixels/)).toBeVisible();
  expect(await naturalWidth(viewer.getByAltText('Paperboard des attentes'))).toBe(64);
  await page.keyboard.press('Escape');
  await expect(viewer).toBeHidden();
  await expect(thumbnail).toBeFocused();

  await photos.getByLabel('Ajouter des photos').setInputFiles({
    name: 'compte-rendu.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('Compte rendu de l’atelier du 12 mars : trois groupes, douze propositions.'),
  });
  await expect(photos.getByRole('alert')).toHaveText(
    'Le fichier « compte-rendu.jpg » n’est pas une photo : seules les images JPEG, PNG ou WebP peuvent être jointes. Rien n’a été ajouté.',
  );
  await expect(photos.getByRole('button', { name: /^Agrandir/ })).toHaveCount(1);
});

test('a large photo is reduced to 2,560 pixels, removed only after confirmation, and a photo missing on this machine says so instead of breaking', async ({ page }) => {
  await openMeetingWithoutInvitees(page);
  const photos = photosSection(page);

  await photos.getByLabel('Ajouter des photos').setInputFiles([
    { name: 'mur-de-post-it.png', mimeType: 'image/png', buffer: stripedPng(3000, 2000) },
    { name: 'paperboard.png', mimeType: 'image/png', buffer: stripedPng(64, 48) },
  ]);
  await expect(photos.getByRole('status').filter({ hasText: '2 photos ajoutées.' })).toBeVisible();
  await photos.getByRole('button', { name: `Agrandir : ${FIRST_PHOTO_ALT}` }).click();
  const viewer = page.getByRole('dialog', { name: 'Photo 1 sur 2' });
  await expect(viewer.getByText(/mur-de-post-it\.png · 2\s560 × 1\s707 pixels/)).toBeVisible();
  expect(await naturalWidth(viewer.getByAltText(FIRST_PHOTO_ALT))).toBe(2560);
  await viewer.getByRole('button', { name: 'Fermer' }).click();

  await photos.getByRole('button', { name: 'Retirer la photo 2' }).click();
  const confirmation = page.getByRole('dialog', { name: 'Retirer cette photo de la réunion ?' });
  await confirmation.getByRole('button', { name: 'Annuler' }).click();
  await expect(photos.getByRole('button', { name: /^Agrandir/ })).toHaveCount(2);
  await expect(photos.getByRole('button', { name: 'Retirer la photo 2' })).toBeFocused();
  await photos.getByRole('button', { name: 'Retirer la photo 2' }).click();
  await confirmation.getByRole('button', { name: 'Retirer la photo' }).click();
  await expect(photos.getByRole('status').filter({ hasText: 'Photo retirée de la réunion.' })).toBeVisible();
  await expect(photos.getByRole('button', { name: /^Agrandir/ })).toHaveCount(1);

  // What a colleague's machine sees until attachments sync: the meeting knows the photo, this machine has no bytes.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('bocage-local');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('attachments', 'readwrite');
          transaction.objectStore('attachments').clear();
          transaction.oncomplete = () => {
            opening.result.close();
            resolve();
          };
        };
      }),
  );
  await waitForLocalWrites(page);
  await page.reload();
  const missing = photos.getByRole('img', { name: `${FIRST_PHOTO_ALT}. Photo prise sur un autre poste : elle s’affichera ici quand la synchronisation des pièces jointes sera en place.` });
  await expect(missing).toBeVisible();
  await expect(photos.locator('img')).toHaveCount(0);
});
