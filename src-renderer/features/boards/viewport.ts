/**
 * Pure viewport arithmetic of the board canvas. A viewport is the board point shown at the
 * top-left corner of the canvas and the zoom (screen pixels per board unit); the world layer is
 * drawn with `translate(-x·zoom, -y·zoom) scale(zoom)`.
 */

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;
/** One press of « + » or « − ». */
export const ZOOM_STEP = 1.25;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function screenToBoard(viewport: Viewport, screenX: number, screenY: number): { x: number; y: number } {
  return { x: viewport.x + screenX / viewport.zoom, y: viewport.y + screenY / viewport.zoom };
}

/** Zooms by `factor` keeping the board point under (screenX, screenY) where it is. */
export function zoomAround(viewport: Viewport, factor: number, screenX: number, screenY: number): Viewport {
  const zoom = clampZoom(viewport.zoom * factor);
  const anchor = screenToBoard(viewport, screenX, screenY);
  return { zoom, x: anchor.x - screenX / zoom, y: anchor.y - screenY / zoom };
}

/** Moves the view by a distance in screen pixels (dragging the background to the right shows what is on the left). */
export function panBy(viewport: Viewport, screenDx: number, screenDy: number): Viewport {
  return { ...viewport, x: viewport.x - screenDx / viewport.zoom, y: viewport.y - screenDy / viewport.zoom };
}

/** The board area the canvas shows, grown by `margin` board units on each side. */
export function visibleRect(viewport: Viewport, size: Size, margin = 0): Rect {
  return {
    x: viewport.x - margin,
    y: viewport.y - margin,
    width: size.width / viewport.zoom + 2 * margin,
    height: size.height / viewport.zoom + 2 * margin,
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The viewport showing the whole of `rect` with `padding` screen pixels around it, between the given zooms. */
export function fitRect(rect: Rect, size: Size, padding: number, minZoom = MIN_ZOOM, maxZoom = 1): Viewport {
  const width = Math.max(1, size.width - 2 * padding);
  const height = Math.max(1, size.height - 2 * padding);
  const zoom = Math.min(maxZoom, Math.max(minZoom, clampZoom(Math.min(width / Math.max(rect.width, 1), height / Math.max(rect.height, 1)))));
  const shownWidth = size.width / zoom;
  const shownHeight = size.height / zoom;
  // Centred when it fits; otherwise its top-left corner is shown, where reading starts.
  const x = rect.width * zoom <= width ? rect.x + rect.width / 2 - shownWidth / 2 : rect.x - padding / zoom;
  const y = rect.height * zoom <= height ? rect.y + rect.height / 2 - shownHeight / 2 : rect.y - padding / zoom;
  return { zoom, x, y };
}

/** The smallest move that brings `rect` inside the view with `padding` screen pixels; the same viewport when it is already there. */
export function ensureVisible(viewport: Viewport, rect: Rect, size: Size, padding: number): Viewport {
  const pad = padding / viewport.zoom;
  const shownWidth = size.width / viewport.zoom;
  const shownHeight = size.height / viewport.zoom;
  let { x, y } = viewport;
  if (rect.x - pad < x) x = rect.x - pad;
  else if (rect.x + rect.width + pad > x + shownWidth) x = Math.min(rect.x - pad, rect.x + rect.width + pad - shownWidth);
  if (rect.y - pad < y) y = rect.y - pad;
  else if (rect.y + rect.height + pad > y + shownHeight) y = Math.min(rect.y - pad, rect.y + rect.height + pad - shownHeight);
  return x === viewport.x && y === viewport.y ? viewport : { ...viewport, x, y };
}

/** The board point at the centre of the view: what the presenter window follows. */
export function viewportCentre(viewport: Viewport, size: Size): { x: number; y: number } {
  return { x: viewport.x + size.width / viewport.zoom / 2, y: viewport.y + size.height / viewport.zoom / 2 };
}

/**
 * The presenter's viewport: the same board area as the facilitator's (same centre, same extent in
 * board units), scaled to fit the projector's window, whatever its size and proportions.
 */
export function followedViewport(
  followed: { viewport: { x: number; y: number; zoom: number }; viewWidth: number; viewHeight: number },
  size: Size,
): Viewport {
  const shownWidth = followed.viewWidth / followed.viewport.zoom;
  const shownHeight = followed.viewHeight / followed.viewport.zoom;
  const zoom = clampZoom(Math.min(size.width / shownWidth, size.height / shownHeight));
  return { zoom, x: followed.viewport.x - size.width / zoom / 2, y: followed.viewport.y - size.height / zoom / 2 };
}

export function sameViewport(a: Viewport, b: Viewport): boolean {
  return a.x === b.x && a.y === b.y && a.zoom === b.zoom;
}
