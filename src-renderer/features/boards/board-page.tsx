import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Link, useLocation } from 'wouter';
import type * as Y from 'yjs';
import type { Board } from '@shared/boards/board-model';
import { addCard, deleteCards, editCardText, groupCards, moveCards, renameCluster, restoreBoard, sendCardsToZone, trashBoard } from '@shared/boards/board-operations';
import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';
import { LOCAL_ORIGIN } from '../../app/local-origin';
import { ROUTES } from '../../app/routes';
import { useSession } from '../../app/session-context';
import { usePageTitle } from '../../app/use-page-title';
import type { PresenterViewPlacement } from '../../bridge/bridge';
import type { OpenDocument } from '../../storage/document-store';
import { publishPresenterView } from '../../sync/presenter-channel';
import { attempt } from '../diagnostic-links/operation-error';
import { useDirectoryDocument } from '../directory/use-directory-document';
import { meetingName } from '../meetings/meeting-labels';
import { useDirectorySnapshot, useMeetings } from '../meetings/use-meetings';
import { useMissionDocument } from '../mission-editor/use-mission-document';
import { BoardCanvas } from './board-canvas';
import { BoardCardList } from './board-card-list';
import { buildBoardGeometry, clusterOutlines } from './board-geometry';
import { boardCommandForKey, focusTarget, translatedMoves, type BoardCommand } from './board-keyboard';
import type { BoardPanelProps } from './board-panel-props';
import { authorDirectoryFor } from './board-people';
import { BoardSidePanel } from './board-side-panel';
import { BoardTitle, BoardToolbar } from './board-toolbar';
import { useBoardUndo } from './board-undo';
import { CanvasController, type CanvasCallbacks } from './canvas-controller';
import { CaptureBar, type CapturedCard } from './capture-bar';
import { CardDetails } from './card-details';
import { GroupDialog } from './group-dialog';
import { CardEditor, ClusterTitleEditor } from './in-place-editors';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { useBoard } from './use-board';
import { viewportCentre } from './viewport';

const NO_CARDS: ReadonlySet<string> = new Set();

const PLACEMENT_MESSAGES: Record<PresenterViewPlacement, string> = {
  'external-display': 'La projection est ouverte en plein écran sur l’écran externe.',
  window: 'La projection est ouverte dans une nouvelle fenêtre : placez-la sur l’écran du projecteur, puis cliquez sur « Plein écran ».',
  tab: 'La projection est ouverte dans un nouvel onglet : affichez-le sur le projecteur, puis cliquez sur « Plein écran ».',
};

function cardCount(count: number): string {
  return `${count} carte${count > 1 ? 's' : ''}`;
}

/** Ctrl+Z in a text field undoes typing, except in the empty capture field, where it undoes the last card. */
function keepsNativeUndo(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement) || !target.closest('input, textarea, select, [contenteditable="true"]')) return false;
  return !(target instanceof HTMLInputElement && target.dataset.boardCapture !== undefined && target.value === '');
}

interface BoardScreenProps {
  missionId: string;
  doc: Y.Doc;
  board: Board;
  meeting: Meeting;
  directory: DirectorySnapshot;
  readOnly: boolean;
}

function BoardScreen({ missionId, doc, board, meeting, directory, readOnly }: BoardScreenProps) {
  const session = useSession();
  const [, navigate] = useLocation();
  const [controller] = useState(() => new CanvasController({ presenting: false, canMove: !readOnly }));
  const undo = useBoardUndo(doc, board.id, !readOnly);
  const authors = authorDirectoryFor(meeting, directory);

  const zonesJson = JSON.stringify(board.zones);
  const zones = useMemo(() => JSON.parse(zonesJson) as Board['zones'], [zonesJson]);
  const geometry = useMemo(() => buildBoardGeometry(board.template, zones, board.cards), [board.template, zones, board.cards]);
  const outlines = useMemo(() => clusterOutlines(geometry, board.clusters), [geometry, board.clusters]);

  const [selectionList, setSelection] = useState<readonly string[]>([]);
  const selection = useMemo(() => selectionList.filter((id) => geometry.cardsById.has(id)), [selectionList, geometry]);
  const selectionSet = useMemo(() => new Set(selection), [selection]);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tabStopId = focusedId !== null && geometry.cardsById.has(focusedId) ? focusedId : (geometry.readingOrder[0] ?? null);
  const [focusRequest, setFocusRequest] = useState({ id: null as string | null, serial: 0 });
  const handledFocus = useRef(0);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [editingClusterId, setEditingClusterId] = useState<string | null>(null);
  const [draggingIds, setDraggingIds] = useState<ReadonlySet<string>>(NO_CARDS);
  const [grouping, setGrouping] = useState<readonly string[] | null>(null);
  const [zoom, setZoom] = useState(1);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const pendingReveal = useRef<string | null>(null);

  /** Moves the DOM focus to a card once it is drawn (the first card when it no longer exists). */
  function focusCard(id: string | null) {
    if (id !== null) setFocusedId(id);
    setFocusRequest((previous) => ({ id, serial: previous.serial + 1 }));
  }

  useLayoutEffect(() => {
    if (focusRequest.serial === handledFocus.current) return;
    handledFocus.current = focusRequest.serial;
    const id = focusRequest.id !== null && geometry.cardsById.has(focusRequest.id) ? focusRequest.id : tabStopId;
    if (id === null) return;
    controller.cardElement(id)?.focus({ preventScroll: true });
    controller.revealCard(id);
  }, [focusRequest, geometry, tabStopId, controller]);

  // A card just captured is scrolled into view once the board draws it.
  useLayoutEffect(() => {
    const id = pendingReveal.current;
    if (id === null || !geometry.cardsById.has(id)) return;
    pendingReveal.current = null;
    controller.revealCard(id);
  }, [geometry, controller]);

  function run(operation: () => void): boolean {
    const refusal = attempt(operation);
    setError(refusal);
    return refusal === null;
  }

  const { undo: undoLast, redo: redoLast } = undo;
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      const isUndo = key === 'z' && !event.shiftKey;
      const isRedo = (key === 'z' && event.shiftKey) || key === 'y';
      if ((!isUndo && !isRedo) || keepsNativeUndo(event.target)) return;
      event.preventDefault();
      const onCard = event.target instanceof HTMLElement && event.target.closest('[data-card-id]') !== null;
      if (isUndo) undoLast();
      else redoLast();
      // The card that had the focus may have been undone or moved: the focus goes to the board's current card.
      if (onCard) setFocusRequest((previous) => ({ id: null, serial: previous.serial + 1 }));
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undoLast, redoLast]);

  /** The cards an action applies to: the selection, or the card with the focus when nothing is selected. */
  function targets(): readonly string[] {
    if (selection.length > 0) return selection;
    return tabStopId === null ? [] : [tabStopId];
  }

  function toggle(id: string) {
    setSelection(selectionSet.has(id) ? selection.filter((candidate) => candidate !== id) : [...selection, id]);
  }

  function remove(ids: readonly string[]) {
    if (ids.length === 0) return;
    const removed = new Set(ids);
    const order = geometry.readingOrder;
    const from = tabStopId === null ? 0 : order.indexOf(tabStopId);
    const next = order.slice(from).find((id) => !removed.has(id)) ?? [...order.slice(0, from)].reverse().find((id) => !removed.has(id)) ?? null;
    if (!run(() => deleteCards(doc, LOCAL_ORIGIN, board.id, ids, Date.now()))) return;
    setSelection([]);
    setAnnouncement(`${cardCount(ids.length)} supprimée${ids.length > 1 ? 's' : ''}. Ctrl+Z ou « Annuler » les rétablit.`);
    // The focus goes on with the next card, also from the panel, whose button goes with the cards.
    if (next !== null) focusCard(next);
  }

  function sendToZone(ids: readonly string[], zoneIndex: number) {
    const zone = geometry.layout.zones[zoneIndex];
    if (!zone) {
      setError(`Ce tableau n’a pas de zone ${zoneIndex + 1}.`);
      return;
    }
    if (ids.length === 0) return;
    if (run(() => sendCardsToZone(doc, LOCAL_ORIGIN, board.id, ids, zone.id, Date.now()))) {
      setAnnouncement(`${cardCount(ids.length)} dans « ${zone.title} ».`);
      focusCard(tabStopId);
    }
  }

  function runCommand(command: BoardCommand) {
    switch (command.kind) {
      case 'focus':
        focusCard(focusTarget(geometry, tabStopId, command.target));
        return;
      case 'toggle-selection':
        if (tabStopId !== null) toggle(tabStopId);
        return;
      case 'select-all':
        setSelection(geometry.readingOrder);
        setAnnouncement(`${cardCount(geometry.readingOrder.length)} sélectionnée${geometry.readingOrder.length > 1 ? 's' : ''}.`);
        return;
      case 'clear-selection':
        setSelection([]);
        return;
      case 'zoom':
        if (command.direction === 'in') controller.zoomIn();
        else controller.zoomOut();
        return;
    }
    if (readOnly) return;
    const ids = targets();
    switch (command.kind) {
      case 'edit':
        if (tabStopId !== null) setEditingId(tabStopId);
        return;
      case 'nudge':
        if (ids.length > 0 && run(() => moveCards(doc, LOCAL_ORIGIN, board.id, translatedMoves(board.template, geometry.layout, geometry.grid, ids, command.dx, command.dy), Date.now()))) {
          focusCard(tabStopId);
        }
        return;
      case 'send-to-zone':
        sendToZone(ids, command.zoneIndex);
        return;
      case 'group':
        if (ids.length > 0) setGrouping(ids);
        return;
      case 'delete':
        remove(ids);
        return;
    }
  }

  function onBoardKeyDown(event: ReactKeyboardEvent<HTMLElement>) {
    const command = boardCommandForKey(event);
    if (!command) return;
    event.preventDefault();
    // Space selects on release: held down during a drag, it pans instead.
    if (command.kind === 'toggle-selection') controller.setSpaceHeld(true);
    else runCommand(command);
  }

  function onBoardKeyUp(event: ReactKeyboardEvent<HTMLElement>) {
    const command = boardCommandForKey(event);
    if (command?.kind !== 'toggle-selection') return;
    event.preventDefault();
    const panned = controller.spaceWasUsedToPan();
    controller.setSpaceHeld(false);
    if (!panned) runCommand(command);
  }

  const clusterCards = (clusterId: string) => geometry.cards.filter((card) => card.clusterId === clusterId).map((card) => card.id);

  const callbacks: Omit<CanvasCallbacks, 'onRenderWindow'> = {
    onZoom: setZoom,
    onViewport: (viewport, size) => {
      if (size.width <= 0 || size.height <= 0) return;
      publishPresenterView({ missionId, boardId: board.id, viewport: { ...viewportCentre(viewport, size), zoom: viewport.zoom }, viewWidth: size.width, viewHeight: size.height });
    },
    onCardPress: (id, additive) => {
      if (additive) toggle(id);
      else setSelection([id]);
      // A card painted on the overview (zoomed far out) is not in the DOM yet: it is drawn, then focused.
      if (controller.cardElement(id) === document.activeElement) setFocusedId(id);
      else focusCard(id);
    },
    onCardActivate: (id) => {
      if (!readOnly) setEditingId(id);
    },
    onClusterPress: (clusterId) => setSelection(clusterCards(clusterId)),
    onClusterActivate: (clusterId) => {
      if (!readOnly) setEditingClusterId(clusterId);
    },
    onBackgroundPress: () => setSelection([]),
    dragSet: (id) => (selectionSet.has(id) ? selection : [id]),
    clusterCards,
    onDragStart: (ids) => {
      if (!ids.every((id) => selectionSet.has(id))) setSelection(ids);
      setDraggingIds(new Set(ids));
    },
    onDragEnd: () => setDraggingIds(NO_CARDS),
    onDrop: (ids, dx, dy) => {
      const moved = Math.abs(dx) >= 1 || Math.abs(dy) >= 1;
      if (!moved || !run(() => moveCards(doc, LOCAL_ORIGIN, board.id, translatedMoves(board.template, geometry.layout, geometry.grid, ids, dx, dy), Date.now()))) {
        controller.clearDragOffsets();
      }
    },
    onLasso: (ids) => setSelection([...selection, ...ids.filter((id) => !selectionSet.has(id))]),
  };

  function capture(card: CapturedCard): string | null {
    let id = '';
    const refusal = attempt(() => {
      id = addCard(doc, LOCAL_ORIGIN, board.id, { text: card.text, zoneId: card.zoneId, authorId: card.authorId, colour: card.colour }, Date.now());
    });
    if (refusal === null) {
      pendingReveal.current = id;
      const zone = card.zoneId === null ? undefined : geometry.zonesById.get(card.zoneId);
      setAnnouncement(zone ? `Carte ajoutée dans « ${zone.title} ».` : 'Carte ajoutée.');
      setError(null);
    }
    return refusal;
  }

  async function project() {
    try {
      const placement = await session.bridge.openPresenterView(ROUTES.boardPresenter(missionId, board.id));
      setAnnouncement(PLACEMENT_MESSAGES[placement]);
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const editingCard = editingId === null ? undefined : geometry.cardsById.get(editingId);
  const editingItem = editingId === null ? undefined : geometry.grid.item(editingId);
  const editingOutline = editingClusterId === null ? undefined : outlines.find((outline) => outline.id === editingClusterId);
  const overlay = (
    <>
      {editingCard && editingItem && (
        <CardEditor
          key={editingCard.id}
          text={editingCard.text}
          x={editingItem.x}
          y={editingItem.y}
          onSave={(text) => attempt(() => editCardText(doc, LOCAL_ORIGIN, board.id, editingCard.id, text, Date.now()))}
          onClose={(returnFocus) => {
            setEditingId(null);
            if (returnFocus) focusCard(editingCard.id);
          }}
        />
      )}
      {editingOutline && (
        <ClusterTitleEditor
          key={editingOutline.id}
          title={editingOutline.title}
          x={editingOutline.x}
          y={editingOutline.y}
          width={editingOutline.width}
          onSave={(title) => attempt(() => renameCluster(doc, LOCAL_ORIGIN, board.id, editingOutline.id, title, Date.now()))}
          onClose={() => setEditingClusterId(null)}
        />
      )}
    </>
  );

  const panelProps: BoardPanelProps = { missionId, doc, board, meeting, directory, selection, readOnly };
  const selectedCards = selection.map((id) => geometry.cardsById.get(id)!);

  return (
    <div className="board-page">
      <p className="breadcrumb">
        <Link href={ROUTES.missionSection(missionId, 'reunions', meeting.id)}>Retour à la réunion</Link> · {meetingName(meeting)}
      </p>
      <div className="board-page__heading">
        <BoardTitle key={board.title} doc={doc} board={board} readOnly={readOnly} />
        {!readOnly && (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              if (run(() => trashBoard(doc, LOCAL_ORIGIN, board.id, Date.now()))) navigate(ROUTES.missionSection(missionId, 'reunions', meeting.id));
            }}
          >
            Mettre le tableau à la corbeille
          </button>
        )}
      </div>
      {readOnly && (
        <p className="notice notice--warning" role="alert">
          Cette mission a été enregistrée par une version plus récente de Bocage : le tableau est en lecture seule.
        </p>
      )}
      <BoardToolbar
        doc={doc}
        board={board}
        readOnly={readOnly}
        undo={undo}
        zoom={zoom}
        onZoomIn={() => controller.zoomIn()}
        onZoomOut={() => controller.zoomOut()}
        onFit={() => controller.fit()}
        onConverted={(created) => navigate(ROUTES.board(missionId, created))}
        onProject={() => void project()}
      />
      <div className="board-page__feedback">
        <p role="status" className="board-page__status">
          {announcement}
        </p>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="board-page__workspace">
        <div className="board-page__main">
          <BoardCanvas
            controller={controller}
            board={board}
            geometry={geometry}
            outlines={outlines}
            presenting={false}
            label={`Cartes du tableau « ${board.title} »`}
            authors={authors}
            selection={selectionSet}
            tabStopId={tabStopId}
            draggingIds={draggingIds}
            editingId={editingId}
            callbacks={callbacks}
            onKeyDown={onBoardKeyDown}
            onKeyUp={onBoardKeyUp}
            onCardFocus={(id, byKeyboard) => {
              setFocusedId(id);
              if (byKeyboard) controller.revealCard(id);
            }}
            overlay={overlay}
          />
          <CaptureBar zones={board.zones} activeZoneId={board.activeZoneId} authors={authors.eligible} disabled={readOnly} onCapture={capture} />
          <div className="board-page__aids">
            <KeyboardShortcuts />
            <BoardCardList geometry={geometry} clusters={board.clusters} authors={authors} />
          </div>
        </div>
        <BoardSidePanel
          panelProps={panelProps}
          cardPanel={
            <CardDetails
              doc={doc}
              board={board}
              cards={selectedCards}
              authors={authors}
              readOnly={readOnly}
              onGroup={(ids) => setGrouping(ids)}
              onDelete={remove}
            />
          }
        />
      </div>
      {grouping && (
        <GroupDialog
          count={grouping.length}
          onGroup={(title) =>
            attempt(() => {
              groupCards(doc, LOCAL_ORIGIN, board.id, grouping, title, Date.now());
              setAnnouncement(`${cardCount(grouping.length)} regroupée${grouping.length > 1 ? 's' : ''}.`);
            })
          }
          onClose={() => {
            setGrouping(null);
            focusCard(tabStopId);
          }}
        />
      )}
    </div>
  );
}

function MissingBoard({ missionId, title, message }: { missionId: string; title: string; message: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p role="alert">
        {message} <Link href={ROUTES.missionSection(missionId, 'reunions')}>Voir les réunions de la mission</Link>
      </p>
    </>
  );
}

function TrashedBoard({ missionId, doc, board, readOnly }: { missionId: string; doc: Y.Doc; board: Board; readOnly: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <h1>{board.title}</h1>
      <div role="alert">
        <p>Ce tableau est dans la corbeille.</p>
        <p className="actions">
          {!readOnly && (
            <button type="button" className="button" onClick={() => setError(attempt(() => restoreBoard(doc, LOCAL_ORIGIN, board.id, Date.now())))}>
              Restaurer le tableau
            </button>
          )}
          <Link href={ROUTES.missionSection(missionId, 'reunions', board.meetingId)}>Retour à la réunion</Link>
        </p>
        {error && <p className="field-error">{error}</p>}
      </div>
    </>
  );
}

function BoardForMission({ missionId, mission, directory, boardId }: { missionId: string; mission: OpenDocument; directory: OpenDocument; boardId: string }) {
  const board = useBoard(mission.doc, boardId);
  const meetings = useMeetings(mission.doc);
  const contacts = useDirectorySnapshot(directory.doc);
  usePageTitle(board ? `Tableau — ${board.title}` : 'Tableau');
  const readOnly = mission.isReadOnly();
  if (!board) {
    return (
      <MissingBoard
        missionId={missionId}
        title="Tableau introuvable"
        message="Ce tableau n’existe pas sur cet ordinateur, ou il n’a pas encore été reçu du serveur de synchronisation."
      />
    );
  }
  const meeting = meetings.find((candidate) => candidate.id === board.meetingId);
  if (!meeting) {
    return <MissingBoard missionId={missionId} title={board.title} message="La réunion de ce tableau est introuvable (elle a peut-être été effacée)." />;
  }
  if (board.trashed) return <TrashedBoard missionId={missionId} doc={mission.doc} board={board} readOnly={readOnly} />;
  return <BoardScreen key={board.id} missionId={missionId} doc={mission.doc} board={board} meeting={meeting} directory={contacts} readOnly={readOnly} />;
}

/** A workshop board, full width, for the facilitator's laptop in the room. */
export function BoardPage({ missionId, boardId }: { missionId: string; boardId: string }) {
  const missionLoad = useMissionDocument(missionId);
  const directoryLoad = useDirectoryDocument();
  if (missionLoad.state === 'failed' || directoryLoad.state === 'failed') {
    const message = missionLoad.state === 'failed' ? missionLoad.message : directoryLoad.state === 'failed' ? directoryLoad.message : '';
    return (
      <>
        <h1>Tableau indisponible</h1>
        <p role="alert">La mission ou l’annuaire n’a pas pu être ouvert : {message}</p>
      </>
    );
  }
  if (missionLoad.state === 'loading' || directoryLoad.state === 'loading') return <p role="status">Ouverture du tableau…</p>;
  return <BoardForMission missionId={missionId} mission={missionLoad.mission} directory={directoryLoad.directory} boardId={boardId} />;
}
