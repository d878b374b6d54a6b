import type { BoardCard, BoardCluster, BoardTemplate, BoardZone } from '@shared/boards/board-model';
import { CARD_GAP, CARD_HEIGHT, CARD_WIDTH, cardBoardPosition, clusterCardBounds, layoutBoard, type BoardLayout, type ZoneRect } from '@shared/boards/board-templates';
import { SpatialGrid, type GridItem } from './spatial-grid';
import type { Rect } from './viewport';

/**
 * What the canvas draws, computed from a board's plain data once per change of its cards: where
 * each card is on the board, the spatial grid, the zones' reading order, the clusters' outlines.
 */

export const FREE_GROUP_TITLE = 'Hors zone';

/** Room around a cluster's cards, and above them for its title. */
export const CLUSTER_PADDING = 12;
export const CLUSTER_TITLE_HEIGHT = 34;

export interface ZoneGroup {
  /** Null for the cards outside every zone (free board, or a zone that no longer exists). */
  zoneId: string | null;
  title: string;
  /** Card ids in reading order: rows from top to bottom, each from left to right. */
  cardIds: string[];
}

export interface CardPlace {
  /** Index of the card's group in `groups`. */
  group: number;
  /** 1-based position in its group's reading order, for aria-posinset. */
  position: number;
}

export interface ClusterOutline extends Rect {
  id: string;
  title: string;
  cardIds: string[];
}

export interface BoardGeometry {
  layout: BoardLayout;
  zonesById: ReadonlyMap<string, ZoneRect>;
  /** The cards drawn, in capture order (a later card above an earlier one). */
  cards: readonly BoardCard[];
  cardsById: ReadonlyMap<string, BoardCard>;
  grid: SpatialGrid;
  groups: ZoneGroup[];
  places: ReadonlyMap<string, CardPlace>;
  /** Every drawn card, zone after zone in the zones' order, then the cards outside zones. */
  readingOrder: readonly string[];
}

function readingRow(y: number): number {
  return Math.round(y / (CARD_HEIGHT + CARD_GAP));
}

/**
 * `shown` filters the cards drawn (the projection leaves out hidden ones); the layout is computed
 * from every card, so the facilitator's window and the projector's agree on where zones are.
 */
export function buildBoardGeometry(
  template: BoardTemplate,
  zones: readonly BoardZone[],
  allCards: readonly BoardCard[],
  shown: (card: BoardCard) => boolean = () => true,
): BoardGeometry {
  const layout = layoutBoard(template, zones, allCards);
  const zonesById = new Map(layout.zones.map((zone) => [zone.id, zone]));
  const cards = allCards.filter(shown);
  const cardsById = new Map<string, BoardCard>();
  const items: GridItem[] = [];
  for (const card of cards) {
    cardsById.set(card.id, card);
    const position = cardBoardPosition(card, zonesById);
    items.push({ id: card.id, x: position.x, y: position.y, width: CARD_WIDTH, height: CARD_HEIGHT });
  }
  const grid = new SpatialGrid(items);

  const groups: ZoneGroup[] = layout.zones.map((zone) => ({ zoneId: zone.id, title: zone.title, cardIds: [] }));
  const groupIndex = new Map(layout.zones.map((zone, index) => [zone.id, index]));
  const free: ZoneGroup = { zoneId: null, title: FREE_GROUP_TITLE, cardIds: [] };
  for (const card of cards) {
    const index = card.zoneId === null ? undefined : groupIndex.get(card.zoneId);
    (index === undefined ? free : groups[index]!).cardIds.push(card.id);
  }
  if (free.cardIds.length > 0) groups.push(free);
  const places = new Map<string, CardPlace>();
  const readingOrder: string[] = [];
  groups.forEach((group, index) => {
    // Positions relative to the zone: rows are the rows of the zone's capture slots.
    group.cardIds.sort((left, right) => {
      const a = cardsById.get(left)!;
      const b = cardsById.get(right)!;
      return readingRow(a.y) - readingRow(b.y) || a.x - b.x || a.y - b.y;
    });
    group.cardIds.forEach((id, position) => places.set(id, { group: index, position: position + 1 }));
    readingOrder.push(...group.cardIds);
  });
  return { layout, zonesById, cards, cardsById, grid, groups, places, readingOrder };
}

/** A cluster's outline: around its drawn cards, with room for its title above. Clusters with no drawn card have none. */
export function clusterOutlines(geometry: BoardGeometry, clusters: readonly BoardCluster[]): ClusterOutline[] {
  const members = new Map<string, string[]>();
  const placed: { clusterId: string; x: number; y: number }[] = [];
  for (const card of geometry.cards) {
    if (card.clusterId === null) continue;
    const list = members.get(card.clusterId);
    if (list) list.push(card.id);
    else members.set(card.clusterId, [card.id]);
    const item = geometry.grid.item(card.id)!;
    placed.push({ clusterId: card.clusterId, x: item.x, y: item.y });
  }
  const bounds = clusterCardBounds(placed);
  const outlines: ClusterOutline[] = [];
  for (const cluster of clusters) {
    const cardIds = members.get(cluster.id);
    const box = bounds.get(cluster.id);
    if (!cardIds || !box) continue;
    outlines.push({
      id: cluster.id,
      title: cluster.title,
      cardIds,
      x: box.x - CLUSTER_PADDING,
      y: box.y - CLUSTER_PADDING - CLUSTER_TITLE_HEIGHT,
      width: box.width + 2 * CLUSTER_PADDING,
      height: box.height + 2 * CLUSTER_PADDING + CLUSTER_TITLE_HEIGHT,
    });
  }
  return outlines;
}

/** The board's drawn extent: zones and cards. */
export function boardBounds(geometry: BoardGeometry): Rect {
  const { layout } = geometry;
  if (layout.width === 0 && layout.height === 0) return { x: 0, y: 0, width: CARD_WIDTH * 4, height: CARD_HEIGHT * 4 };
  return { x: layout.minX, y: layout.minY, width: layout.width, height: layout.height };
}
