import type { Page } from 'playwright-core';
import { directoryDocumentName, missionDocumentName } from '../../src-shared/documents/document-names';
import { UNKNOWN_CONTACT_NAME } from '../../src-shared/meetings/participant-rows';
import { appendUpdates } from './append-updates';
import type { BoardMission, SeededBoard } from './board-mission';
import { boardAddress, CANVAS, CAPTURE_LABEL, CAPTURE_READY, CARD_ELEMENTS, firstCardSelector } from './board-pages';
import { createMission, seedProfile } from './seed-missions';

/** Plain JavaScript run in the page (see page-probe.ts): whether the element lies wholly inside the board canvas's visible area. */
const INSIDE_CANVAS = `(card) => {
  const canvas = card?.closest(${JSON.stringify(CANVAS)})?.getBoundingClientRect();
  const rect = card?.getBoundingClientRect();
  return canvas !== undefined && rect.left >= canvas.left && rect.top >= canvas.top && rect.right <= canvas.right && rect.bottom <= canvas.bottom;
}`;

/**
 * Opens a board and checks that it shows what was seeded and what the benchmark relies on: its
 * first card inside the canvas's visible area, its first zone holding all its cards (the card's
 * aria-setsize), authors named from the directory, and CAPTURE_READY finding the field labelled
 * « Nouvelle carte ».
 */
async function checkBoard(page: Page, appUrl: string, missionId: string, board: SeededBoard): Promise<void> {
  await page.goto(boardAddress(appUrl, missionId, board.id));
  const first = page.locator(firstCardSelector());
  await first.waitFor();
  const setSize = await first.getAttribute('aria-setsize');
  if (setSize !== String(board.cardsPerZone[0])) {
    throw new Error(`Le tableau « ${board.title} » montre ${setSize} cartes dans sa première zone au lieu de ${board.cardsPerZone[0]}.`);
  }
  if (!(await page.evaluate<boolean>(`(${INSIDE_CANVAS})(document.querySelector(${JSON.stringify(firstCardSelector())}))`))) {
    throw new Error(`La première carte du tableau « ${board.title} » n’est pas dans la partie visible du tableau à l’ouverture.`);
  }
  const names = await page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(CARD_ELEMENTS)})].map((card) => card.getAttribute('aria-label') ?? '')`);
  if (names.some((name) => name.includes(UNKNOWN_CONTACT_NAME)) || !names.some((name) => name.includes(' — de '))) {
    throw new Error(`Les auteurs des cartes du tableau « ${board.title} » ne sont pas lus dans l’annuaire.`);
  }
  const captureLabel = await page.evaluate<string | null>(`document.querySelector(${JSON.stringify(CAPTURE_READY)})?.labels?.[0]?.textContent ?? null`);
  if (captureLabel !== CAPTURE_LABEL) throw new Error(`Le sélecteur ${CAPTURE_READY} ne trouve pas le champ « ${CAPTURE_LABEL} ».`);
}

/**
 * Creates the mission through the UI, then writes its meeting and boards (and the participants in
 * the directory) without 2,050 captures: the updates built in Node by the app's own operations are
 * appended to the documents' databases from a fresh home screen, where the app has neither
 * document open. The directory's database exists once the app has opened the directory: the
 * « Annuaire » page is visited first. Opening each board once checks that it shows its cards.
 * Returns the mission's id.
 */
export function seedBoardMission(profileDir: string, appUrl: string, title: string, data: BoardMission): Promise<string> {
  return seedProfile(profileDir, appUrl, async (page) => {
    const missionId = await createMission(page, title, { query: 'Amiens', chip: 'Commune : Amiens' });
    await page.goto(`${appUrl}#/annuaire`);
    await page.getByRole('heading', { level: 1, name: 'Annuaire' }).waitFor();
    await page.goto('about:blank');
    await page.goto(appUrl);
    await page.getByRole('heading', { level: 1, name: 'Missions' }).waitFor();
    await appendUpdates(page, [
      [missionDocumentName(missionId), data.missionUpdate],
      [directoryDocumentName(), data.directoryUpdate],
    ]);
    await checkBoard(page, appUrl, missionId, data.large);
    await checkBoard(page, appUrl, missionId, data.small);
    return missionId;
  });
}
