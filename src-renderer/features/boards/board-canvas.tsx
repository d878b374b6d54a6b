import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { Board } from '@shared/boards/board-model';
import { cardVoteTotals } from '@shared/boards/board-results';
import { boardBounds, type BoardGeometry, type ClusterOutline } from './board-geometry';
import { BoardCardView } from './board-card-view';
import { ClusterLayer, ZonesLayer, zoneHintId } from './board-layers';
import type { AuthorDirectory } from './board-people';
import type { CanvasCallbacks, CanvasController, RenderWindow } from './canvas-controller';

/** The focus ring's colour, also drawn around selected cards on the overview canvas. */
const FOCUS_COLOUR = '#0b57d0';

interface BoardCanvasProps {
  controller: CanvasController;
  board: Board;
  geometry: BoardGeometry;
  outlines: readonly ClusterOutline[];
  presenting: boolean;
  /** Names the cards' listbox (or list, on the projection). */
  label: string;
  authors: AuthorDirectory;
  selection: ReadonlySet<string>;
  /** The card Tab reaches, kept mounted wherever the view is. */
  tabStopId: string | null;
  /** Cards being dragged: kept mounted whatever the view, drawn above the others. */
  draggingIds: ReadonlySet<string>;
  /** The card being edited in place, kept mounted. */
  editingId: string | null;
  callbacks?: Omit<CanvasCallbacks, 'onRenderWindow'>;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>) => void;
  onKeyUp?: (event: KeyboardEvent<HTMLElement>) => void;
  /** `byKeyboard` when the focus came from Tab or a key rather than a pointer. */
  onCardFocus?: (cardId: string, byKeyboard: boolean) => void;
  /** Drawn in board coordinates above the cards: the in-place editors. */
  overlay?: ReactNode;
}

/**
 * The board drawn for the facilitator or for the projector, from the same component.
 *
 * Why this structure for keyboards and screen readers: the cards are a multi-select `listbox`
 * whose `group`s are the zones (labelled with the zone's title, described by its hint), and
 * each card an `option` with its position in its zone (aria-posinset / aria-setsize), so a screen
 * reader says « Atouts, 3 sur 12 » even though only the cards in view exist in the DOM. The focus
 * moves by roving tabindex from card to card: the card with the focus is always kept mounted, so
 * Tab, the arrow keys and the announced position never depend on what is on screen, and the DOM
 * holds the cards in view and nothing more (the cost of a 2,000-card board is that of its view).
 * Browse-mode reading of every card is offered by the « Liste des cartes » beside the board.
 * role="application" is not used: it would take away the screen reader's own keys.
 */
export function BoardCanvas({
  controller,
  board,
  geometry,
  outlines,
  presenting,
  label,
  authors,
  selection,
  tabStopId,
  draggingIds,
  editingId,
  callbacks,
  onKeyDown,
  onKeyUp,
  onCardFocus,
  overlay,
}: BoardCanvasProps) {
  const root = useRef<HTMLDivElement>(null);
  const zonesLayer = useRef<HTMLDivElement>(null);
  const cardsLayer = useRef<HTMLDivElement>(null);
  const overview = useRef<HTMLCanvasElement>(null);
  const lasso = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const [renderWindow, setRenderWindow] = useState<RenderWindow | null>(null);

  useLayoutEffect(() => {
    controller.setCallbacks({ ...(callbacks ?? NO_CALLBACKS), onRenderWindow: setRenderWindow });
  }, [controller, callbacks]);

  useLayoutEffect(() => {
    if (!root.current || !zonesLayer.current || !cardsLayer.current || !overview.current || !lasso.current) return undefined;
    return controller.attach(root.current, [zonesLayer.current, cardsLayer.current], overview.current, lasso.current);
  }, [controller]);

  // After the cards are drawn at their new places, in the same frame: the drag offsets go.
  useLayoutEffect(() => {
    controller.setGeometry(geometry);
  }, [controller, geometry]);

  const mounted = useMemo(() => {
    const ids = new Set<string>();
    if (renderWindow?.detailed) for (const item of geometry.grid.itemsInRange(renderWindow.range)) ids.add(item.id);
    for (const id of [tabStopId, editingId, ...draggingIds]) if (id !== null && geometry.cardsById.has(id)) ids.add(id);
    return ids;
  }, [geometry, renderWindow, tabStopId, editingId, draggingIds]);

  useEffect(() => {
    controller.setOverviewStyle({ cardsById: geometry.cardsById, selection, mounted, focusColour: FOCUS_COLOUR });
  }, [controller, geometry, selection, mounted]);

  /** The mounted cards of each zone, in reading order. */
  const mountedByGroup = useMemo(() => {
    const buckets: string[][] = geometry.groups.map(() => []);
    for (const id of mounted) {
      const place = geometry.places.get(id);
      if (place) buckets[place.group]!.push(id);
    }
    for (const bucket of buckets) bucket.sort((left, right) => geometry.places.get(left)!.position - geometry.places.get(right)!.position);
    return buckets;
  }, [geometry, mounted]);

  const voteTotals = useMemo(() => (board.voting.revealed ? cardVoteTotals(board) : null), [board]);
  const clusterTitles = useMemo(() => new Map(board.clusters.map((cluster) => [cluster.id, cluster.title])), [board.clusters]);
  const bounds = boardBounds(geometry);

  function onFocus(event: FocusEvent<HTMLElement>) {
    const card = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-card-id]') : null;
    if (card?.dataset.cardId) onCardFocus?.(card.dataset.cardId, card.matches(':focus-visible'));
  }

  const zoneHints = new Set(geometry.layout.zones.filter((zone) => zone.hint).map((zone) => zone.id));
  const groups = geometry.groups.map((group, index) => (
    <div
      key={group.zoneId ?? ''}
      role={presenting ? 'list' : 'group'}
      aria-label={group.title}
      aria-describedby={group.zoneId !== null && zoneHints.has(group.zoneId) ? zoneHintId(idPrefix, group.zoneId) : undefined}
    >
      {mountedByGroup[index]!.map((id) => {
        const card = geometry.cardsById.get(id)!;
        const item = geometry.grid.item(id)!;
        return (
          <BoardCardView
            key={id}
            card={card}
            x={item.x}
            y={item.y}
            selected={selection.has(id)}
            tabbable={id === tabStopId}
            dragging={draggingIds.has(id)}
            presenting={presenting}
            voteCount={voteTotals ? (voteTotals.get(id) ?? 0) : null}
            author={authors.of(card.authorId)}
            clusterTitle={card.clusterId === null ? null : (clusterTitles.get(card.clusterId) ?? null)}
            setSize={group.cardIds.length}
            positionInSet={geometry.places.get(id)!.position}
            register={controller.registerCard}
          />
        );
      })}
    </div>
  ));

  return (
    <div ref={root} className={`board-canvas${presenting ? ' board-canvas--presenting' : ''}`}>
      <div ref={zonesLayer} className="board-canvas__layer" aria-hidden="true">
        <ZonesLayer layout={geometry.layout} template={board.template} activeZoneId={board.activeZoneId} hintIdPrefix={idPrefix} />
        <ClusterLayer outlines={outlines} register={controller.registerCluster} />
      </div>
      <canvas ref={overview} className="board-canvas__overview" aria-hidden="true" hidden />
      <div ref={cardsLayer} className="board-canvas__layer board-canvas__layer--cards">
        {presenting ? (
          <div className="board-canvas__cards" role="region" aria-label={label} style={{ left: bounds.x, top: bounds.y, width: bounds.width, height: bounds.height }}>
            {groups}
          </div>
        ) : (
          <div
            className="board-canvas__cards"
            role="listbox"
            aria-multiselectable="true"
            aria-label={label}
            aria-describedby={`${idPrefix}-keys`}
            tabIndex={tabStopId === null ? 0 : -1}
            style={{ left: bounds.x, top: bounds.y, width: bounds.width, height: bounds.height }}
            onKeyDown={onKeyDown}
            onKeyUp={onKeyUp}
            onFocus={onFocus}
          >
            {groups}
          </div>
        )}
        {overlay}
      </div>
      {!presenting && (
        <p id={`${idPrefix}-keys`} className="visually-hidden">
          Flèches : carte suivante ou précédente. Espace : sélectionner. Entrée : modifier. Alt+flèches : déplacer. Chiffres 1 à 9 : envoyer dans la zone. G : regrouper. Suppr : supprimer.
        </p>
      )}
      <div ref={lasso} className="board-canvas__lasso" hidden />
    </div>
  );
}

const NO_CALLBACKS: Omit<CanvasCallbacks, 'onRenderWindow'> = {
  onZoom: () => undefined,
  onViewport: () => undefined,
  onCardPress: () => undefined,
  onCardActivate: () => undefined,
  onClusterPress: () => undefined,
  onClusterActivate: () => undefined,
  onBackgroundPress: () => undefined,
  dragSet: () => [],
  clusterCards: () => [],
  onDragStart: () => undefined,
  onDragEnd: () => undefined,
  onDrop: () => undefined,
  onLasso: () => undefined,
};
