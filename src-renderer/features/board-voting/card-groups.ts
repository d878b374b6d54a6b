import type { Board, BoardCard } from '@shared/boards/board-model';
import { normalizeForSearch } from '@shared/text/normalize-search';

export interface CardGroup {
  /** The zone's id, or null for the cards outside every zone. */
  zoneId: string | null;
  title: string;
  cards: BoardCard[];
}

/**
 * A panel listing thousands of rows redraws slowly on an old laptop: past this many cards the
 * list asks for a filter instead of showing them all.
 */
export const MAX_LISTED_CARDS = 300;

const LABEL_TEXT_LENGTH = 80;

/** The card's text cut to a length a screen reader can say inside a button's name. */
export function shortCardText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= LABEL_TEXT_LENGTH ? flat : `${flat.slice(0, LABEL_TEXT_LENGTH - 1).trimEnd()}…`;
}

export interface ListedCards {
  groups: CardGroup[];
  /** Cards on the board. */
  total: number;
  /** Cards that match the filter. */
  matching: number;
  /** Matching cards left out of the list (beyond MAX_LISTED_CARDS). */
  omitted: number;
}

/**
 * The cards that match the filter, grouped by zone in the board's order (capture order inside a
 * zone), then the cards outside every zone.
 */
export function listCards(board: Pick<Board, 'zones' | 'cards'>, filter: string): ListedCards {
  const query = normalizeForSearch(filter);
  const matching = query === '' ? board.cards : board.cards.filter((card) => normalizeForSearch(card.text).includes(query));
  const knownZones = new Set(board.zones.map((zone) => zone.id));
  const byZone = new Map<string | null, BoardCard[]>();
  for (const card of matching) {
    const zoneId = card.zoneId !== null && knownZones.has(card.zoneId) ? card.zoneId : null;
    const cards = byZone.get(zoneId) ?? [];
    cards.push(card);
    byZone.set(zoneId, cards);
  }
  const ordered: CardGroup[] = board.zones.map((zone) => ({ zoneId: zone.id, title: zone.title || 'Zone sans titre', cards: byZone.get(zone.id) ?? [] }));
  ordered.push({ zoneId: null, title: board.zones.length === 0 ? 'Cartes' : 'Hors des zones', cards: byZone.get(null) ?? [] });
  const groups: CardGroup[] = [];
  let room = MAX_LISTED_CARDS;
  for (const group of ordered) {
    if (room === 0) break;
    if (group.cards.length === 0) continue;
    const cards = group.cards.slice(0, room);
    room -= cards.length;
    groups.push({ ...group, cards });
  }
  return { groups, total: board.cards.length, matching: matching.length, omitted: matching.length - (MAX_LISTED_CARDS - room) };
}
