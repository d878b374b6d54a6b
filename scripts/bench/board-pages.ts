import { ROUTES } from '../../src-renderer/app/routes';

/**
 * How the benchmark finds its way on a board page: by the roles and accessible names the page
 * gives (the cards are the options of the « Cartes du tableau » listbox, grouped by zone), as a
 * screen reader or an end-to-end test does.
 */

export function boardAddress(appUrl: string, missionId: string, boardId: string): string {
  return `${appUrl}#${ROUTES.board(missionId, boardId)}`;
}

/** The canvas's frame: it has no role (the listbox inside it is the board's accessible part). */
export const CANVAS = '.board-canvas';
export const CARDS_LISTBOX = '[role="listbox"][aria-label^="Cartes du tableau"]';
/** Every card element in the DOM: the cards in view (and the one Tab reaches), never the whole board. */
export const CARD_ELEMENTS = `${CARDS_LISTBOX} [role="option"]`;
/** The zone the bench works in: the first AFOM quadrant, where every board opens. */
export const FIRST_ZONE = 'Atouts';
/**
 * The « Nouvelle carte » field once it takes typing: enabled, in the quick-capture form. CSS has
 * no selector by label; seeding checks that this is the field labelled « Nouvelle carte ».
 */
export const CAPTURE_READY = 'form[aria-label="Saisie rapide des cartes"] input[type="text"]:enabled';
export const CAPTURE_LABEL = 'Nouvelle carte';

/** A card of the first zone by its place in reading order (1 is the top-left card). */
export function firstCardSelector(position = 1): string {
  return `${CARDS_LISTBOX} [role="group"][aria-label="${FIRST_ZONE}"] > [role="option"][aria-posinset="${position}"]`;
}
