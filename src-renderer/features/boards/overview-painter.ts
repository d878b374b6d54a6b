import type { BoardCard } from '@shared/boards/board-model';
import { CARD_COLOUR_STYLES, CARD_TEXT_COLOUR } from '@shared/boards/board-model';
import type { SpatialGrid } from './spatial-grid';
import { visibleRect, type Size, type Viewport } from './viewport';

/**
 * The overview drawn when too many cards are on screen for one DOM element each (zoomed far out on
 * a large board): one canvas, painted from the spatial grid, at the cost of the cards in view.
 * Cards mounted in the DOM (focused, edited, dragged) are left to the DOM.
 */

export interface OverviewStyle {
  cardsById: ReadonlyMap<string, BoardCard>;
  selection: ReadonlySet<string>;
  mounted: ReadonlySet<string>;
  focusColour: string;
}

/** Below this many screen pixels of card width, text would be unreadable smudges: only colours are drawn. */
const MIN_TEXT_CARD_WIDTH = 70;

export function paintOverview(canvas: HTMLCanvasElement, grid: SpatialGrid, viewport: Viewport, size: Size, style: OverviewStyle): void {
  const context = canvas.getContext('2d');
  if (!context) return;
  const ratio = canvas.width / Math.max(1, size.width);
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  const zoom = viewport.zoom;
  const items = grid.query(visibleRect(viewport, size));
  const withText = items.length > 0 && items[0]!.width * zoom >= MIN_TEXT_CARD_WIDTH;
  const fontSize = 14 * zoom;
  context.font = `${fontSize}px 'Marianne', 'DejaVu Sans', Arial, sans-serif`;
  context.textBaseline = 'top';
  for (const item of items) {
    if (style.mounted.has(item.id)) continue;
    const card = style.cardsById.get(item.id);
    if (!card) continue;
    const colours = CARD_COLOUR_STYLES[card.colour];
    const x = (item.x - viewport.x) * zoom;
    const y = (item.y - viewport.y) * zoom;
    const width = item.width * zoom;
    const height = item.height * zoom;
    context.fillStyle = colours.background;
    context.fillRect(x, y, width, height);
    const selected = style.selection.has(item.id);
    context.lineWidth = selected ? 3 : 1;
    context.strokeStyle = selected ? style.focusColour : colours.border;
    context.strokeRect(x, y, width, height);
    if (withText) {
      context.fillStyle = CARD_TEXT_COLOUR;
      const padding = 8 * zoom;
      context.save();
      context.beginPath();
      context.rect(x + padding, y + padding, width - 2 * padding, height - 2 * padding);
      context.clip();
      context.fillText(card.text.split('\n', 1)[0] ?? '', x + padding, y + padding);
      context.restore();
    }
  }
}
