import type { BoardCard, BoardTemplate, BoardZone } from './board-model';

/**
 * What each template starts with and how its zones are laid out. The geometry is computed, not
 * stored: zones sit on a grid in their order, a zone grows to hold its cards (except the matrix,
 * where a card's position is its score), and every replica draws the same board from the same data.
 */

export const CARD_WIDTH = 180;
export const CARD_HEIGHT = 110;
export const CARD_GAP = 16;
export const ZONE_PADDING = 24;
/** Room for the zone's title above its cards. */
export const ZONE_HEADER = 56;
const ZONE_SPACING = 40;

/** The matrix maps positions to scores from 0 to this value on each axis. */
export const MATRIX_SCALE = 10;

export interface ZoneSeed {
  /** Fixed ids, so the same template gives the same zone ids everywhere (conversions rely on it). */
  id: string;
  title: string;
  /** What the zone is for, shown under its title. */
  hint: string;
}

interface TemplateGeometry {
  columns: number;
  zoneWidth: number;
  zoneHeight: number;
  /** False for the matrix: positions are scores, the zone never grows. */
  grows: boolean;
}

const TEMPLATE_ZONES: Record<BoardTemplate, readonly ZoneSeed[]> = {
  brainstorm: [{ id: 'ideas', title: 'Idées', hint: 'Toutes les idées, puis regroupées en familles.' }],
  afom: [
    { id: 'atouts', title: 'Atouts', hint: 'Forces internes du territoire.' },
    { id: 'faiblesses', title: 'Faiblesses', hint: 'Faiblesses internes.' },
    { id: 'opportunites', title: 'Opportunités', hint: 'Ce que l’environnement offre.' },
    { id: 'menaces', title: 'Menaces', hint: 'Ce que l’environnement fait craindre.' },
  ],
  'problem-tree': [
    { id: 'effets', title: 'Effets', hint: 'Les conséquences du problème.' },
    { id: 'probleme', title: 'Problème central', hint: 'Le problème, en une phrase.' },
    { id: 'causes', title: 'Causes', hint: 'Ce qui produit le problème.' },
  ],
  'objective-tree': [
    { id: 'fins', title: 'Finalités', hint: 'Les effets, devenus les changements attendus.' },
    { id: 'objectif', title: 'Objectif central', hint: 'Le problème central, reformulé en objectif.' },
    { id: 'moyens', title: 'Moyens', hint: 'Les causes, devenues les moyens d’agir.' },
  ],
  'impact-feasibility': [
    { id: 'matrice', title: 'Impact × faisabilité', hint: 'Plus haut : plus d’impact. Plus à droite : plus faisable.' },
  ],
  'world-cafe': [1, 2, 3, 4].map((table) => ({ id: `table-${table}`, title: `Table ${table}`, hint: 'Les idées de la table, tour après tour.' })),
  'six-hats': [
    { id: 'blanc', title: 'Chapeau blanc : les faits', hint: 'Informations, chiffres, sans jugement.' },
    { id: 'rouge', title: 'Chapeau rouge : les émotions', hint: 'Ressentis et intuitions, sans justification.' },
    { id: 'noir', title: 'Chapeau noir : les risques', hint: 'Prudence, obstacles, points faibles.' },
    { id: 'jaune', title: 'Chapeau jaune : les bénéfices', hint: 'Avantages et raisons d’y croire.' },
    { id: 'vert', title: 'Chapeau vert : les idées', hint: 'Créativité, alternatives.' },
    { id: 'bleu', title: 'Chapeau bleu : l’organisation', hint: 'Synthèse et suite à donner.' },
  ],
  free: [],
};

const GEOMETRY: Record<BoardTemplate, TemplateGeometry> = {
  brainstorm: { columns: 1, zoneWidth: 2400, zoneHeight: 1400, grows: true },
  afom: { columns: 2, zoneWidth: 1200, zoneHeight: 760, grows: true },
  'problem-tree': { columns: 1, zoneWidth: 2000, zoneHeight: 480, grows: true },
  'objective-tree': { columns: 1, zoneWidth: 2000, zoneHeight: 480, grows: true },
  'impact-feasibility': { columns: 1, zoneWidth: 1600, zoneHeight: 1600, grows: false },
  'world-cafe': { columns: 2, zoneWidth: 1100, zoneHeight: 760, grows: true },
  'six-hats': { columns: 3, zoneWidth: 900, zoneHeight: 760, grows: true },
  free: { columns: 1, zoneWidth: 0, zoneHeight: 0, grows: true },
};

/** Problem tree zone → objective tree zone, for the one-step conversion. */
export const OBJECTIVE_ZONE_OF_PROBLEM_ZONE: Readonly<Record<string, string>> = {
  effets: 'fins',
  probleme: 'objectif',
  causes: 'moyens',
};

export function templateZones(template: BoardTemplate): readonly ZoneSeed[] {
  return TEMPLATE_ZONES[template];
}

export function zoneHint(template: BoardTemplate, zoneId: string): string | null {
  return TEMPLATE_ZONES[template].find((zone) => zone.id === zoneId)?.hint ?? null;
}

/** World Café tables are the only zones a user adds; the other templates keep their frame. */
export function canAddZones(template: BoardTemplate): boolean {
  return template === 'world-cafe';
}

export function positionsAreScores(template: BoardTemplate): boolean {
  return !GEOMETRY[template].grows;
}

export interface ZoneRect {
  id: string;
  title: string;
  hint: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BoardLayout {
  zones: ZoneRect[];
  /** Bounds of everything drawn: zones and cards, free cards included. */
  width: number;
  height: number;
  /** Left and top edges of the bounds (free cards may sit at negative positions). */
  minX: number;
  minY: number;
}

/** Where a zone's cards start: below its title, inside its padding. */
export function zoneContentOrigin(zone: Pick<ZoneRect, 'x' | 'y'>): { x: number; y: number } {
  return { x: zone.x + ZONE_PADDING, y: zone.y + ZONE_HEADER };
}

/**
 * The zones' rectangles for the given cards: each row of the grid is as tall as its tallest zone,
 * and a zone is as tall as its lowest card needs. One pass over the cards.
 */
export function layoutBoard(template: BoardTemplate, zones: readonly BoardZone[], cards: readonly Pick<BoardCard, 'zoneId' | 'x' | 'y'>[]): BoardLayout {
  const geometry = GEOMETRY[template];
  const neededHeight = new Map<string, number>();
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;
  for (const card of cards) {
    if (card.zoneId === null) {
      minX = Math.min(minX, card.x);
      minY = Math.min(minY, card.y);
      maxX = Math.max(maxX, card.x + CARD_WIDTH);
      maxY = Math.max(maxY, card.y + CARD_HEIGHT);
    } else if (geometry.grows) {
      const bottom = ZONE_HEADER + card.y + CARD_HEIGHT + ZONE_PADDING;
      if (bottom > (neededHeight.get(card.zoneId) ?? 0)) neededHeight.set(card.zoneId, bottom);
    }
  }
  const rects: ZoneRect[] = [];
  let rowTop = 0;
  for (let start = 0; start < zones.length; start += geometry.columns) {
    const row = zones.slice(start, start + geometry.columns);
    const rowHeight = Math.max(geometry.zoneHeight, ...row.map((zone) => neededHeight.get(zone.id) ?? 0));
    row.forEach((zone, column) => {
      rects.push({
        id: zone.id,
        title: zone.title,
        hint: zoneHint(template, zone.id),
        x: column * (geometry.zoneWidth + ZONE_SPACING),
        y: rowTop,
        width: geometry.zoneWidth,
        height: rowHeight,
      });
    });
    rowTop += rowHeight + ZONE_SPACING;
  }
  for (const rect of rects) {
    maxX = Math.max(maxX, rect.x + rect.width);
    maxY = Math.max(maxY, rect.y + rect.height);
  }
  return { zones: rects, minX, minY, width: maxX - minX, height: maxY - minY };
}

/** A card's top-left corner on the board. Cards of a zone that no longer exists sit where they were. */
export function cardBoardPosition(card: Pick<BoardCard, 'zoneId' | 'x' | 'y'>, zonesById: ReadonlyMap<string, ZoneRect>): { x: number; y: number } {
  const zone = card.zoneId === null ? undefined : zonesById.get(card.zoneId);
  if (!zone) return { x: card.x, y: card.y };
  const origin = zoneContentOrigin(zone);
  return { x: origin.x + card.x, y: origin.y + card.y };
}

/**
 * The zone a card dropped at a board position belongs to (its centre decides) and its position
 * relative to that zone; outside every zone on a free board, the position stays absolute. A card
 * dropped between zones of a zoned template goes to the nearest zone.
 */
export function placeAtBoardPosition(
  template: BoardTemplate,
  layout: BoardLayout,
  position: { x: number; y: number },
): { zoneId: string | null; x: number; y: number } {
  if (layout.zones.length === 0) return { zoneId: null, x: Math.round(position.x), y: Math.round(position.y) };
  const centreX = position.x + CARD_WIDTH / 2;
  const centreY = position.y + CARD_HEIGHT / 2;
  let best = layout.zones[0]!;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const zone of layout.zones) {
    const dx = Math.max(zone.x - centreX, 0, centreX - (zone.x + zone.width));
    const dy = Math.max(zone.y - centreY, 0, centreY - (zone.y + zone.height));
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      best = zone;
      bestDistance = distance;
    }
  }
  const origin = zoneContentOrigin(best);
  const maxX = best.width - 2 * ZONE_PADDING - CARD_WIDTH;
  const relativeX = Math.min(Math.max(position.x - origin.x, 0), Math.max(maxX, 0));
  let relativeY = Math.max(position.y - origin.y, 0);
  if (positionsAreScores(template)) {
    const maxY = best.height - ZONE_HEADER - ZONE_PADDING - CARD_HEIGHT;
    relativeY = Math.min(relativeY, Math.max(maxY, 0));
  }
  return { zoneId: best.id, x: Math.round(relativeX), y: Math.round(relativeY) };
}

/** Grid slot number `index` inside a zone of the given width: where the next captured card goes. */
export function slotPosition(template: BoardTemplate, index: number): { x: number; y: number } {
  const geometry = GEOMETRY[template];
  const usable = geometry.zoneWidth > 0 ? geometry.zoneWidth - 2 * ZONE_PADDING : 6 * (CARD_WIDTH + CARD_GAP);
  const columns = Math.max(1, Math.floor((usable + CARD_GAP) / (CARD_WIDTH + CARD_GAP)));
  return { x: (index % columns) * (CARD_WIDTH + CARD_GAP), y: Math.floor(index / columns) * (CARD_HEIGHT + CARD_GAP) };
}

/**
 * The first grid slot not covered by a card of the zone: a captured card never lands on another.
 * Quadratic in the zone's cards only in the worst case; a zone holds tens to hundreds of cards.
 */
export function firstFreeSlot(template: BoardTemplate, occupied: readonly Pick<BoardCard, 'x' | 'y'>[]): { x: number; y: number } {
  const taken = new Set<string>();
  for (const card of occupied) {
    const column = Math.round(card.x / (CARD_WIDTH + CARD_GAP));
    const row = Math.round(card.y / (CARD_HEIGHT + CARD_GAP));
    if (Math.abs(card.x - column * (CARD_WIDTH + CARD_GAP)) < CARD_WIDTH / 2 && Math.abs(card.y - row * (CARD_HEIGHT + CARD_GAP)) < CARD_HEIGHT / 2) {
      taken.add(`${column}:${row}`);
    }
  }
  for (let index = 0; ; index += 1) {
    const slot = slotPosition(template, index);
    const key = `${Math.round(slot.x / (CARD_WIDTH + CARD_GAP))}:${Math.round(slot.y / (CARD_HEIGHT + CARD_GAP))}`;
    if (!taken.has(key)) return slot;
  }
}

/** Impact and feasibility of a card on the matrix, from 0 to MATRIX_SCALE, one decimal. */
export function matrixScores(card: Pick<BoardCard, 'x' | 'y'>): { impact: number; feasibility: number } {
  const geometry = GEOMETRY['impact-feasibility'];
  const width = geometry.zoneWidth - 2 * ZONE_PADDING - CARD_WIDTH;
  const height = geometry.zoneHeight - ZONE_HEADER - ZONE_PADDING - CARD_HEIGHT;
  const round = (value: number) => Math.round(Math.min(Math.max(value, 0), 1) * MATRIX_SCALE * 10) / 10;
  return { feasibility: round(card.x / width), impact: round(1 - card.y / height) };
}

/** The position on the matrix that gives these scores: for moving a card by typing its scores. */
export function matrixPosition(scores: { impact: number; feasibility: number }): { x: number; y: number } {
  const geometry = GEOMETRY['impact-feasibility'];
  const width = geometry.zoneWidth - 2 * ZONE_PADDING - CARD_WIDTH;
  const height = geometry.zoneHeight - ZONE_HEADER - ZONE_PADDING - CARD_HEIGHT;
  const clamp = (value: number) => Math.min(Math.max(value, 0), MATRIX_SCALE) / MATRIX_SCALE;
  return { x: Math.round(clamp(scores.feasibility) * width), y: Math.round((1 - clamp(scores.impact)) * height) };
}

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The box around each cluster's cards, from the cards' board positions, in one pass: the screen
 * and the SVG export draw their outlines (each with its own padding) around the same boxes.
 */
export function clusterCardBounds(placed: Iterable<{ clusterId: string | null; x: number; y: number }>): Map<string, CardBox> {
  const edges = new Map<string, { left: number; top: number; right: number; bottom: number }>();
  for (const card of placed) {
    if (card.clusterId === null) continue;
    const edge = edges.get(card.clusterId);
    if (edge) {
      edge.left = Math.min(edge.left, card.x);
      edge.top = Math.min(edge.top, card.y);
      edge.right = Math.max(edge.right, card.x + CARD_WIDTH);
      edge.bottom = Math.max(edge.bottom, card.y + CARD_HEIGHT);
    } else {
      edges.set(card.clusterId, { left: card.x, top: card.y, right: card.x + CARD_WIDTH, bottom: card.y + CARD_HEIGHT });
    }
  }
  const boxes = new Map<string, CardBox>();
  for (const [clusterId, edge] of edges) boxes.set(clusterId, { x: edge.left, y: edge.top, width: edge.right - edge.left, height: edge.bottom - edge.top });
  return boxes;
}
