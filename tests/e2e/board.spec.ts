import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MEETING, createMeetingWithInvitees } from './meeting-pages';
import { createMission, waitForLocalWrites } from './mission-pages';

const BOARD = 'Diagnostic partagé de Bavay';

const ATOUTS = ['Une vie associative dense', 'Des écoles dans chaque village', 'Un marché hebdomadaire vivant', 'Des élus mobilisés', 'La forêt de Mormal'];
const FAIBLESSES = ['Peu de médecins', 'Des transports rares', 'Des logements vacants'];
const OPPORTUNITES = ['Le contrat local de santé', 'La gare rénovée'];

test.use({ viewport: { width: 1600, height: 1000 } });

/** The card as a screen reader meets it on the board: an option named by its text first. */
function cardOption(page: Page, text: string): Locator {
  return page.getByRole('listbox', { name: `Cartes du tableau « ${BOARD} »` }).getByRole('option', { name: new RegExp(`^${text}`) });
}

/** The board read as text, zone by zone, from « Liste des cartes ». */
function zoneList(page: Page, zone: string): Locator {
  return page.getByRole('list', { name: zone, exact: true }).getByRole('listitem');
}

/** List items start with the card's text; what follows names its author and cluster. */
function startingWith(texts: readonly string[]): RegExp[] {
  return texts.map((text) => new RegExp(`^${text}`));
}

async function openCardList(page: Page, count: number): Promise<void> {
  await page.getByText(`Liste des cartes (${count})`).click();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('a facilitator runs an AFOM board from the keyboard, drags a card, undoes, and finds it all after a reload', async ({ page }) => {
  await createMission(page, 'CTG du Pays de Mormal', ['Amiens']);
  await createMeetingWithInvitees(page, [['Dupont', 'Claire']]);
  await expect(page.getByRole('heading', { level: 2, name: MEETING })).toBeVisible();

  const boards = page.getByRole('region', { name: 'Tableaux de l’atelier' });
  await expect(boards.getByText('Aucun tableau pour cette réunion.')).toBeVisible();
  await boards.getByLabel('Titre du tableau').fill(BOARD);
  await boards.getByRole('radio', { name: /^AFOM/ }).check();
  await boards.getByRole('button', { name: 'Créer le tableau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();

  // Ten cards typed as the room speaks: Enter puts them in the active zone, Alt+2 and Alt+3 elsewhere.
  const capture = page.getByLabel('Nouvelle carte');
  await expect(capture).toBeFocused();
  for (const text of ATOUTS) {
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await expect(capture).toHaveValue('');
  }
  for (const text of FAIBLESSES) {
    await page.keyboard.type(text);
    await page.keyboard.press('Alt+Digit2');
  }
  for (const text of OPPORTUNITES) {
    await page.keyboard.type(text);
    await page.keyboard.press('Alt+Digit3');
  }
  await expect(capture).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Carte ajoutée dans « Opportunités »' })).toBeVisible();
  await openCardList(page, 10);
  await expect(zoneList(page, 'Atouts')).toHaveText(startingWith(ATOUTS));
  await expect(zoneList(page, 'Faiblesses')).toHaveText(startingWith(FAIBLESSES));
  await expect(zoneList(page, 'Opportunités')).toHaveText(startingWith(OPPORTUNITES));
  await expect(page.getByRole('group', { name: 'Faiblesses' }).getByRole('option')).toHaveCount(3);

  // Into the board from the capture line, two cards selected with Space, grouped with G.
  await capture.press('Shift+Tab');
  await expect(cardOption(page, ATOUTS[0]!)).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await expect(cardOption(page, ATOUTS[1]!)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(cardOption(page, ATOUTS[0]!)).toHaveAttribute('aria-selected', 'true');
  await expect(cardOption(page, ATOUTS[1]!)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('g');
  const dialog = page.getByRole('dialog', { name: 'Regrouper 2 cartes' });
  await dialog.getByLabel('Titre du regroupement').fill('Vie locale');
  await dialog.getByRole('button', { name: 'Regrouper' }).click();
  await expect(dialog).toBeHidden();
  await expect(cardOption(page, ATOUTS[1]!)).toBeFocused();
  await expect(cardOption(page, ATOUTS[0]!)).toHaveAccessibleName(/regroupement « Vie locale »/);
  await expect(cardOption(page, ATOUTS[1]!)).toHaveAccessibleName(/regroupement « Vie locale »/);
  await expect(cardOption(page, ATOUTS[2]!)).not.toHaveAccessibleName(/regroupement/);

  // Alt+arrows move the focused card (nothing selected): 2 × 10 points down, 50 to the right.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  const market = cardOption(page, ATOUTS[2]!);
  await expect(market).toBeFocused();
  const zoom = Number((await page.getByText(/^Zoom : \d+ %$/).textContent())!.replace(/\D/g, '')) / 100;
  const before = (await market.boundingBox())!;
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect(market).toBeFocused();
  await expect.poll(async () => Math.round(((await market.boundingBox())!.x - before.x) / zoom)).toBe(50);
  await expect.poll(async () => Math.round(((await market.boundingBox())!.y - before.y) / zoom)).toBe(20);
  await expect(zoneList(page, 'Atouts')).toHaveText(startingWith(ATOUTS));

  // A card dragged with the mouse from the Atouts quadrant to below the Faiblesses cards.
  const elected = cardOption(page, ATOUTS[3]!);
  const from = (await elected.boundingBox())!;
  const target = (await cardOption(page, FAIBLESSES[2]!).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height * 2, { steps: 12 });
  await page.mouse.up();
  await expect(zoneList(page, 'Faiblesses')).toHaveText(startingWith([...FAIBLESSES, ATOUTS[3]!]));
  await expect(zoneList(page, 'Atouts')).toHaveCount(4);

  // Undo takes the drag back, redo does it again.
  await page.keyboard.press('Control+z');
  await expect(zoneList(page, 'Faiblesses')).toHaveText(startingWith(FAIBLESSES));
  await expect(zoneList(page, 'Atouts')).toHaveCount(5);
  await page.keyboard.press('Control+Shift+z');
  await expect(zoneList(page, 'Faiblesses')).toHaveText(startingWith([...FAIBLESSES, ATOUTS[3]!]));

  expect(await seriousViolations(page)).toEqual([]);

  await waitForLocalWrites(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: BOARD })).toBeVisible();
  await openCardList(page, 10);
  await expect(zoneList(page, 'Atouts')).toHaveText(startingWith(ATOUTS.filter((text) => text !== ATOUTS[3])));
  await expect(zoneList(page, 'Faiblesses')).toHaveText(startingWith([...FAIBLESSES, ATOUTS[3]!]));
  await expect(zoneList(page, 'Opportunités')).toHaveText(startingWith(OPPORTUNITES));
  await expect(cardOption(page, ATOUTS[0]!)).toHaveAccessibleName(/regroupement « Vie locale »/);
});

test('the projector shows the board in large type, keeps silent-phase cards off until revealed, follows the zoom and shows the countdown', async ({ page }) => {
  const title = 'Idées pour la parentalité';
  await createMission(page, 'CTG du Grand Amiénois', ['Amiens']);
  await createMeetingWithInvitees(page, [['Bernard', 'Louis']]);
  const boards = page.getByRole('region', { name: 'Tableaux de l’atelier' });
  await boards.getByLabel('Titre du tableau').fill(title);
  await boards.getByRole('radio', { name: 'Brainstorming / métaplan' }).check();
  await boards.getByRole('button', { name: 'Créer le tableau' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  const capture = page.getByLabel('Nouvelle carte');
  await page.getByLabel('Auteur').selectOption({ label: 'Louis Bernard' });
  await capture.fill('Une ludothèque itinérante');
  await capture.press('Enter');
  await page.getByRole('button', { name: 'Phase silencieuse' }).click();
  await expect(page.getByRole('button', { name: 'Phase silencieuse' })).toHaveAttribute('aria-pressed', 'true');
  await capture.fill('Un café des parents');
  await capture.press('Enter');
  const facilitatorCards = page.getByRole('listbox', { name: `Cartes du tableau « ${title} »` });
  await expect(facilitatorCards.getByRole('option', { name: /^Un café des parents — de Louis Bernard — masquée à la projection/ })).toBeVisible();

  const opening = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Projeter' }).click();
  const projector = await opening;
  await projector.setViewportSize({ width: 1280, height: 720 });
  const projected = projector.getByRole('region', { name: `Tableau « ${title} »` });
  const ludotheque = projected.getByRole('listitem', { name: /^Une ludothèque itinérante/ });
  await expect(ludotheque).toBeVisible();
  await expect(projected.getByRole('listitem')).toHaveCount(1);
  await expect(projector.getByRole('button', { name: 'Plein écran' })).toBeVisible();
  expect(await seriousViolations(projector)).toEqual([]);

  // Large type: the projector's cards are written bigger than the facilitator's, at the same zoom.
  const projectedFont = await ludotheque.evaluate((card) => parseFloat(getComputedStyle(card).fontSize));
  const facilitatorFont = await facilitatorCards.getByRole('option', { name: /^Une ludothèque/ }).evaluate((card) => parseFloat(getComputedStyle(card).fontSize));
  expect(projectedFont).toBeGreaterThan(facilitatorFont);

  // The projector follows the facilitator's zoom.
  const before = (await ludotheque.boundingBox())!.width;
  await page.getByRole('button', { name: 'Zoomer', exact: true }).click();
  await expect.poll(async () => (await ludotheque.boundingBox())!.width).toBeGreaterThan(before * 1.2);

  await page.getByRole('button', { name: 'Révéler les cartes (1)' }).click();
  await expect(projected.getByRole('listitem', { name: /^Un café des parents/ })).toBeVisible();

  await page.getByLabel('Durée du minuteur (minutes)').fill('2');
  await page.getByRole('button', { name: 'Démarrer' }).click();
  await expect(projector.getByRole('timer', { name: 'Temps restant' })).toHaveText(/^0[12]:\d\d$/);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(projector.getByRole('timer', { name: 'Temps restant' })).toContainText('en pause');

  // A three-second countdown runs out: both windows say so, the facilitator's to screen readers too.
  await page.getByRole('button', { name: 'Réinitialiser' }).click();
  await page.getByLabel('Durée du minuteur (minutes)').fill('0.05');
  await page.getByRole('button', { name: 'Démarrer' }).click();
  await expect(projector.getByRole('timer', { name: 'Temps restant' })).toHaveText('Temps écoulé', { timeout: 8000 });
  await expect(page.getByRole('timer', { name: 'Temps restant' })).toHaveText('00:00');
  // The live region that makes screen readers speak: no role of its own, found by its attribute.
  await expect(page.locator('[aria-live="assertive"]', { hasText: 'Temps écoulé' })).toHaveCount(1);
});
