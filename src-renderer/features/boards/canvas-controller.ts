import { boardBounds, type BoardGeometry } from './board-geometry';
import { paintOverview, type OverviewStyle } from './overview-painter';
import { sameRange, type CellRange } from './spatial-grid';
import {
  ZOOM_STEP,
  ensureVisible,
  fitRect,
  followedViewport,
  panBy,
  sameViewport,
  screenToBoard,
  visibleRect,
  zoomAround,
  type Rect,
  type Size,
  type Viewport,
} from './viewport';

/**
 * The imperative half of the board canvas: the viewport, pointer gestures and wheel, written
 * straight to the DOM. Panning and dragging never go through React: a pan rewrites two transforms,
 * a drag sets the CSS `translate` of the dragged cards. React hears only about what changes the
 * cards it must mount (the grid cells in view, the level of detail) and about finished gestures
 * (a click, a drop, a lasso), so a frame costs the same on a board of 50 cards or 2,000.
 */

export interface RenderWindow {
  /** Grid cells whose cards are mounted in the DOM. */
  range: CellRange;
  /** False when the view holds too many cards to mount: the overview canvas draws them. */
  detailed: boolean;
}

export interface CanvasCallbacks {
  onRenderWindow(window: RenderWindow): void;
  onZoom(zoom: number): void;
  onViewport(viewport: Viewport, size: Size): void;
  /** A click or tap on a card; `toggle` with Shift, Ctrl or Cmd. */
  onCardPress(cardId: string, toggle: boolean): void;
  /** A double click or double tap on a card: edit it. */
  onCardActivate(cardId: string): void;
  onClusterPress(clusterId: string): void;
  onClusterActivate(clusterId: string): void;
  onBackgroundPress(): void;
  /** The cards a drag starting on this card carries (the selection when the card is in it). */
  dragSet(cardId: string): readonly string[];
  clusterCards(clusterId: string): readonly string[];
  onDragStart(cardIds: readonly string[]): void;
  onDragEnd(): void;
  /** The cards were dropped (dx, dy) board units away from where they were. */
  onDrop(cardIds: readonly string[], dx: number, dy: number): void;
  onLasso(cardIds: readonly string[]): void;
}

/** Pixels a pointer travels before a press becomes a drag, a pan or a lasso. */
const DRAG_THRESHOLD = 4;
const DOUBLE_PRESS_MS = 400;
/** Cards mounted beyond the edges of the view, in screen pixels: a short pan mounts nothing. */
const MOUNT_MARGIN = 240;
/** Above this many cards in view, the overview canvas draws them instead of the DOM. */
const MAX_MOUNTED_CARDS = 300;
/** Below this zoom, text is unreadable: the overview canvas draws the cards. */
const MIN_DETAIL_ZOOM = 0.2;
const FIT_PADDING = 24;
const MOVING_CLASS = 'board-canvas--moving';
/** A view still for this long is at rest. */
const REST_MS = 250;
const REVEAL_PADDING = 48;
/** On opening, the view shows the whole board unless that makes text smaller than half size. */
const OPENING_MIN_ZOOM = 0.5;

type PressTarget = { card: string } | { cluster: string };

type Gesture =
  | { kind: 'press'; pointerId: number; startX: number; startY: number; target: PressTarget; toggle: boolean }
  | { kind: 'drag'; pointerId: number; startX: number; startY: number; cardIds: readonly string[]; clusterId: string | null; dx: number; dy: number }
  | { kind: 'pan'; pointerId: number; startX: number; startY: number; origin: Viewport; moved: boolean }
  | { kind: 'lasso'; pointerId: number; startX: number; startY: number; endX: number; endY: number }
  | { kind: 'pinch'; pointers: [number, number]; startDistance: number; startMidX: number; startMidY: number; origin: Viewport };

export interface FollowedView {
  viewport: { x: number; y: number; zoom: number };
  viewWidth: number;
  viewHeight: number;
}

export class CanvasController {
  private root: HTMLElement | null = null;
  private layers: HTMLElement[] = [];
  private overview: HTMLCanvasElement | null = null;
  private lasso: HTMLElement | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private size: Size = { width: 0, height: 0 };
  private rootLeft = 0;
  private rootTop = 0;
  private viewport: Viewport = { x: 0, y: 0, zoom: 1 };
  private viewportChosen = false;
  private geometry: BoardGeometry | null = null;
  private window: RenderWindow | null = null;
  private readable = true;
  private followed: FollowedView | null = null;
  private gesture: Gesture | null = null;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private dragFrame = 0;
  private paintFrame = 0;
  private restTimer = 0;
  private overviewStyle: OverviewStyle | null = null;
  private readonly cardElements = new Map<string, HTMLElement>();
  private readonly clusterElements = new Map<string, HTMLElement>();
  /** Cards whose drag offset stays on screen until the document's new positions are drawn. */
  private offsetCards: readonly string[] = [];
  private offsetCluster: string | null = null;
  private lastPress: { id: string; at: number } | null = null;
  private spaceHeld = false;
  private spacePanned = false;
  private callbacks: CanvasCallbacks | null = null;
  private readonly presenting: boolean;
  private readonly canMove: boolean;

  /**
   * `presenting`: the projector's canvas, driven by `follow` only (no pointer, no wheel).
   * `canMove`: false on a read-only board, where a press that moves pans instead of dragging.
   */
  constructor(options: { presenting: boolean; canMove: boolean }) {
    this.presenting = options.presenting;
    this.canMove = options.canMove;
  }

  // ——— Wiring ———

  attach(root: HTMLElement, layers: HTMLElement[], overview: HTMLCanvasElement, lasso: HTMLElement): () => void {
    this.root = root;
    this.layers = layers;
    this.overview = overview;
    this.lasso = lasso;
    const options = { passive: false } as const;
    if (!this.presenting) {
      root.addEventListener('pointerdown', this.onPointerDown);
      root.addEventListener('pointermove', this.onPointerMove);
      root.addEventListener('pointerup', this.onPointerUp);
      root.addEventListener('pointercancel', this.onPointerCancel);
      root.addEventListener('wheel', this.onWheel, options);
    }
    this.resizeObserver = new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(root);
    this.measure();
    return () => {
      root.removeEventListener('pointerdown', this.onPointerDown);
      root.removeEventListener('pointermove', this.onPointerMove);
      root.removeEventListener('pointerup', this.onPointerUp);
      root.removeEventListener('pointercancel', this.onPointerCancel);
      root.removeEventListener('wheel', this.onWheel);
      this.resizeObserver?.disconnect();
      cancelAnimationFrame(this.dragFrame);
      cancelAnimationFrame(this.paintFrame);
      window.clearTimeout(this.restTimer);
      this.root = null;
    };
  }

  setCallbacks(callbacks: CanvasCallbacks): void {
    this.callbacks = callbacks;
  }

  /** Bound once: the cards' ref callbacks keep their identity, so memoised cards are not redrawn. */
  readonly registerCard = (cardId: string, element: HTMLElement | null): void => {
    if (element) this.cardElements.set(cardId, element);
    else this.cardElements.delete(cardId);
  };

  readonly registerCluster = (clusterId: string, element: HTMLElement | null): void => {
    if (element) this.clusterElements.set(clusterId, element);
    else this.clusterElements.delete(clusterId);
  };

  cardElement(cardId: string): HTMLElement | undefined {
    return this.cardElements.get(cardId);
  }

  setGeometry(geometry: BoardGeometry): void {
    this.geometry = geometry;
    this.clearDragOffsets();
    this.openIfReady();
    this.updateRenderWindow(true);
    this.schedulePaint();
  }

  setOverviewStyle(style: OverviewStyle): void {
    this.overviewStyle = style;
    this.schedulePaint();
  }

  setSpaceHeld(held: boolean): void {
    if (held && !this.spaceHeld) this.spacePanned = false;
    this.spaceHeld = held;
  }

  /** True when the Space press just released served to pan: it must not also toggle a selection. */
  spaceWasUsedToPan(): boolean {
    return this.spacePanned;
  }

  // ——— Viewport ———

  zoomBy(factor: number): void {
    this.setViewport(zoomAround(this.viewport, factor, this.size.width / 2, this.size.height / 2));
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** Shows the whole board. */
  fit(): void {
    if (!this.geometry || this.size.width === 0) return;
    this.setViewport(fitRect(boardBounds(this.geometry), this.size, FIT_PADDING));
  }

  /** Pans just enough to show the rectangle (a card the focus reached, a card just captured). */
  reveal(rect: Rect): void {
    if (this.size.width === 0) return;
    this.setViewport(ensureVisible(this.viewport, rect, this.size, REVEAL_PADDING));
  }

  revealCard(cardId: string): void {
    const item = this.geometry?.grid.item(cardId);
    if (item) this.reveal(item);
  }

  /** The projector: shows the board area the facilitator shows, scaled to this window. */
  follow(view: FollowedView): void {
    this.followed = view;
    if (this.size.width === 0) return;
    this.viewportChosen = true;
    this.setViewport(followedViewport(view, this.size));
  }

  private openIfReady(): void {
    if (this.viewportChosen || !this.geometry || this.size.width === 0) return;
    this.viewportChosen = true;
    if (this.followed) {
      this.setViewport(followedViewport(this.followed, this.size));
      return;
    }
    const minZoom = this.presenting ? undefined : OPENING_MIN_ZOOM;
    this.setViewport(fitRect(boardBounds(this.geometry), this.size, FIT_PADDING, minZoom));
  }

  private setViewport(next: Viewport): void {
    const zoomChanged = next.zoom !== this.viewport.zoom;
    const changed = !sameViewport(next, this.viewport);
    this.viewport = next;
    const transform = `translate(${-next.x * next.zoom}px, ${-next.y * next.zoom}px) scale(${next.zoom})`;
    for (const layer of this.layers) layer.style.transform = transform;
    this.markMoving();
    this.updateRenderWindow(false);
    this.schedulePaint();
    if (zoomChanged) this.callbacks?.onZoom(next.zoom);
    if (changed || zoomChanged) this.callbacks?.onViewport(next, this.size);
  }

  /**
   * The world layers are composited while the view moves, so a pan frame repaints nothing; once it
   * rests they are not, so the browser draws the text again sharp at the new zoom.
   */
  private markMoving(): void {
    const root = this.root;
    if (!root) return;
    root.classList.add(MOVING_CLASS);
    window.clearTimeout(this.restTimer);
    this.restTimer = window.setTimeout(() => root.classList.remove(MOVING_CLASS), REST_MS);
  }

  private measure(): void {
    const root = this.root;
    if (!root) return;
    const width = root.clientWidth;
    const height = root.clientHeight;
    if (width === this.size.width && height === this.size.height) return;
    this.size = { width, height };
    if (this.overview) {
      const ratio = window.devicePixelRatio || 1;
      this.overview.width = Math.round(width * ratio);
      this.overview.height = Math.round(height * ratio);
    }
    if (this.followed && this.viewportChosen) this.setViewport(followedViewport(this.followed, this.size));
    this.openIfReady();
    this.updateRenderWindow(true);
    this.schedulePaint();
    this.callbacks?.onViewport(this.viewport, this.size);
  }

  /** Tells React which cells to mount, only when that changes: most pan frames tell it nothing. */
  private updateRenderWindow(force: boolean): void {
    const geometry = this.geometry;
    if (!geometry || this.size.width === 0) return;
    const margin = MOUNT_MARGIN / this.viewport.zoom;
    const range = geometry.grid.rangeOf(visibleRect(this.viewport, this.size, margin));
    const readable = this.viewport.zoom >= MIN_DETAIL_ZOOM;
    const previous = this.window;
    if (!force && previous && sameRange(previous.range, range) && readable === this.readable) return;
    this.readable = readable;
    const detailed = readable && geometry.grid.itemsInRange(range).length <= MAX_MOUNTED_CARDS;
    if (previous && sameRange(previous.range, range) && previous.detailed === detailed) return;
    this.window = { range, detailed };
    this.callbacks?.onRenderWindow(this.window);
  }

  private schedulePaint(): void {
    if (this.paintFrame !== 0) return;
    this.paintFrame = requestAnimationFrame(() => {
      this.paintFrame = 0;
      this.paint();
    });
  }

  private paint(): void {
    const canvas = this.overview;
    if (!canvas || !this.geometry) return;
    const active = this.window !== null && !this.window.detailed;
    canvas.hidden = !active;
    if (!active || !this.overviewStyle) return;
    paintOverview(canvas, this.geometry.grid, this.viewport, this.size, this.overviewStyle);
  }

  // ——— Drag offsets ———

  private applyDragOffsets(): void {
    this.dragFrame = 0;
    const gesture = this.gesture;
    if (gesture?.kind !== 'drag') return;
    const translate = `${gesture.dx}px ${gesture.dy}px`;
    for (const id of gesture.cardIds) {
      const element = this.cardElements.get(id);
      if (element) element.style.translate = translate;
    }
    if (gesture.clusterId) {
      const outline = this.clusterElements.get(gesture.clusterId);
      if (outline) outline.style.translate = translate;
    }
  }

  /** Drops the drag offsets, once the cards are drawn at their new places (or the drop was refused). */
  clearDragOffsets(): void {
    for (const id of this.offsetCards) {
      const element = this.cardElements.get(id);
      if (element) element.style.translate = '';
    }
    if (this.offsetCluster) {
      const outline = this.clusterElements.get(this.offsetCluster);
      if (outline) outline.style.translate = '';
    }
    this.offsetCards = [];
    this.offsetCluster = null;
  }

  // ——— Pointer gestures ———

  private local(event: PointerEvent | WheelEvent): { x: number; y: number } {
    return { x: event.clientX - this.rootLeft, y: event.clientY - this.rootTop };
  }

  private pressTarget(event: PointerEvent, x: number, y: number): PressTarget | null {
    const element = event.target instanceof Element ? event.target : null;
    const card = element?.closest<HTMLElement>('[data-card-id]');
    if (card?.dataset.cardId) return { card: card.dataset.cardId };
    const cluster = element?.closest<HTMLElement>('[data-cluster-id]');
    if (cluster?.dataset.clusterId) return { cluster: cluster.dataset.clusterId };
    // Zoomed far out the cards are painted, not mounted: the grid says which one is under the pointer.
    if (this.window && !this.window.detailed && this.geometry) {
      const point = screenToBoard(this.viewport, x, y);
      const hit = this.geometry.grid.hitTest(point.x, point.y);
      if (hit) return { card: hit.id };
    }
    return null;
  }

  private readonly onPointerDown = (event: PointerEvent) => {
    const root = this.root;
    if (!root) return;
    if (event.target instanceof Element && event.target.closest('textarea, input, button, select, a')) return;
    const bounds = root.getBoundingClientRect();
    this.rootLeft = bounds.left;
    this.rootTop = bounds.top;
    const { x, y } = this.local(event);
    this.pointers.set(event.pointerId, { x, y });
    if (this.pointers.size === 2 && event.pointerType === 'touch' && this.gesture?.kind !== 'drag') {
      this.startPinch();
      return;
    }
    if (this.gesture) return;
    if (event.button === 1 || (event.button === 0 && this.spaceHeld)) {
      event.preventDefault();
      this.spacePanned = this.spaceHeld;
      this.startPan(event, x, y);
      return;
    }
    if (event.button !== 0) return;
    const target = this.pressTarget(event, x, y);
    if (target) {
      this.gesture = { kind: 'press', pointerId: event.pointerId, startX: x, startY: y, target, toggle: event.shiftKey || event.ctrlKey || event.metaKey };
      return;
    }
    event.preventDefault();
    if (event.shiftKey) {
      this.gesture = { kind: 'lasso', pointerId: event.pointerId, startX: x, startY: y, endX: x, endY: y };
      root.setPointerCapture(event.pointerId);
    } else {
      this.startPan(event, x, y);
    }
  };

  private startPan(event: PointerEvent, x: number, y: number): void {
    this.gesture = { kind: 'pan', pointerId: event.pointerId, startX: x, startY: y, origin: this.viewport, moved: false };
    this.root?.setPointerCapture(event.pointerId);
  }

  private startPinch(): void {
    const [first, second] = [...this.pointers.entries()];
    if (!first || !second) return;
    const [a, b] = [first[1], second[1]];
    this.gesture = {
      kind: 'pinch',
      pointers: [first[0], second[0]],
      startDistance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      startMidX: (a.x + b.x) / 2,
      startMidY: (a.y + b.y) / 2,
      origin: this.viewport,
    };
  }

  private readonly onPointerMove = (event: PointerEvent) => {
    const gesture = this.gesture;
    if (!gesture) return;
    const { x, y } = this.local(event);
    if (this.pointers.has(event.pointerId)) this.pointers.set(event.pointerId, { x, y });
    if (gesture.kind === 'pinch') {
      const a = this.pointers.get(gesture.pointers[0]);
      const b = this.pointers.get(gesture.pointers[1]);
      if (!a || !b) return;
      const factor = Math.hypot(a.x - b.x, a.y - b.y) / gesture.startDistance;
      const midX = (a.x + b.x) / 2;
      const midY = (a.y + b.y) / 2;
      const zoomed = zoomAround(gesture.origin, factor, gesture.startMidX, gesture.startMidY);
      this.setViewport(panBy(zoomed, midX - gesture.startMidX, midY - gesture.startMidY));
      return;
    }
    if (gesture.pointerId !== event.pointerId) return;
    const distance = Math.hypot(x - gesture.startX, y - gesture.startY);
    if (gesture.kind === 'press') {
      if (distance < DRAG_THRESHOLD) return;
      if (!this.canMove) {
        this.startPan(event, gesture.startX, gesture.startY);
        return;
      }
      this.startDrag(event, gesture);
      return;
    }
    if (gesture.kind === 'pan') {
      if (distance >= DRAG_THRESHOLD) gesture.moved = true;
      this.setViewport(panBy(gesture.origin, x - gesture.startX, y - gesture.startY));
    } else if (gesture.kind === 'drag') {
      gesture.dx = (x - gesture.startX) / this.viewport.zoom;
      gesture.dy = (y - gesture.startY) / this.viewport.zoom;
      if (this.dragFrame === 0) this.dragFrame = requestAnimationFrame(() => this.applyDragOffsets());
    } else if (gesture.kind === 'lasso') {
      gesture.endX = x;
      gesture.endY = y;
      this.drawLasso(gesture);
    }
  };

  private startDrag(event: PointerEvent, press: Extract<Gesture, { kind: 'press' }>): void {
    const callbacks = this.callbacks;
    if (!callbacks) return;
    const clusterId = 'cluster' in press.target ? press.target.cluster : null;
    const cardIds = 'card' in press.target ? callbacks.dragSet(press.target.card) : callbacks.clusterCards(press.target.cluster);
    if (cardIds.length === 0) {
      this.gesture = null;
      return;
    }
    this.clearDragOffsets();
    this.gesture = { kind: 'drag', pointerId: press.pointerId, startX: press.startX, startY: press.startY, cardIds, clusterId, dx: 0, dy: 0 };
    this.root?.setPointerCapture(event.pointerId);
    callbacks.onDragStart(cardIds);
  }

  private drawLasso(gesture: Extract<Gesture, { kind: 'lasso' }>): void {
    const lasso = this.lasso;
    if (!lasso) return;
    lasso.hidden = false;
    lasso.style.left = `${Math.min(gesture.startX, gesture.endX)}px`;
    lasso.style.top = `${Math.min(gesture.startY, gesture.endY)}px`;
    lasso.style.width = `${Math.abs(gesture.endX - gesture.startX)}px`;
    lasso.style.height = `${Math.abs(gesture.endY - gesture.startY)}px`;
  }

  private readonly onPointerUp = (event: PointerEvent) => {
    this.pointers.delete(event.pointerId);
    const gesture = this.gesture;
    const callbacks = this.callbacks;
    if (!gesture || !callbacks) return;
    if (gesture.kind === 'pinch') {
      if (this.pointers.size === 0) this.gesture = null;
      return;
    }
    if (gesture.pointerId !== event.pointerId) return;
    this.gesture = null;
    this.releaseCapture(event.pointerId);
    if (gesture.kind === 'press') {
      const id = 'card' in gesture.target ? gesture.target.card : gesture.target.cluster;
      const now = event.timeStamp;
      const double = this.lastPress !== null && this.lastPress.id === id && now - this.lastPress.at < DOUBLE_PRESS_MS;
      this.lastPress = double ? null : { id, at: now };
      if ('card' in gesture.target) {
        if (double) callbacks.onCardActivate(id);
        else callbacks.onCardPress(id, gesture.toggle);
      } else if (double) {
        callbacks.onClusterActivate(id);
      } else {
        callbacks.onClusterPress(id);
      }
    } else if (gesture.kind === 'pan') {
      if (!gesture.moved && !this.spaceHeld) callbacks.onBackgroundPress();
    } else if (gesture.kind === 'drag') {
      cancelAnimationFrame(this.dragFrame);
      this.dragFrame = 0;
      const { x, y } = this.local(event);
      const dx = (x - gesture.startX) / this.viewport.zoom;
      const dy = (y - gesture.startY) / this.viewport.zoom;
      this.gesture = { ...gesture, dx, dy };
      this.applyDragOffsets();
      this.gesture = null;
      this.offsetCards = gesture.cardIds;
      this.offsetCluster = gesture.clusterId;
      callbacks.onDrop(gesture.cardIds, dx, dy);
      callbacks.onDragEnd();
    } else if (gesture.kind === 'lasso') {
      if (this.lasso) this.lasso.hidden = true;
      if (!this.geometry) return;
      const start = screenToBoard(this.viewport, Math.min(gesture.startX, gesture.endX), Math.min(gesture.startY, gesture.endY));
      const end = screenToBoard(this.viewport, Math.max(gesture.startX, gesture.endX), Math.max(gesture.startY, gesture.endY));
      const found = this.geometry.grid.query({ x: start.x, y: start.y, width: end.x - start.x, height: end.y - start.y });
      callbacks.onLasso(found.map((item) => item.id));
    }
  };

  private readonly onPointerCancel = (event: PointerEvent) => {
    this.pointers.delete(event.pointerId);
    const gesture = this.gesture;
    if (!gesture) return;
    if (gesture.kind === 'pinch' ? this.pointers.size > 0 : gesture.pointerId !== event.pointerId) return;
    this.gesture = null;
    this.releaseCapture(event.pointerId);
    if (this.lasso) this.lasso.hidden = true;
    if (gesture.kind === 'drag') {
      cancelAnimationFrame(this.dragFrame);
      this.dragFrame = 0;
      this.offsetCards = gesture.cardIds;
      this.offsetCluster = gesture.clusterId;
      this.clearDragOffsets();
      this.callbacks?.onDragEnd();
    }
  };

  private releaseCapture(pointerId: number): void {
    if (this.root?.hasPointerCapture(pointerId)) this.root.releasePointerCapture(pointerId);
  }

  private readonly onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const scale = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 32 : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? this.size.height : 1;
    const dx = event.deltaX * scale;
    const dy = event.deltaY * scale;
    if (event.ctrlKey || event.metaKey) {
      const bounds = this.root?.getBoundingClientRect();
      const x = event.clientX - (bounds?.left ?? 0);
      const y = event.clientY - (bounds?.top ?? 0);
      this.setViewport(zoomAround(this.viewport, Math.exp(-dy * 0.002), x, y));
    } else {
      this.setViewport(panBy(this.viewport, -dx, -dy));
    }
  };
}
