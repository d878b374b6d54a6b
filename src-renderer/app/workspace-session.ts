import type * as Y from 'yjs';
import { repointBoardContact } from '@shared/boards/board-contacts';
import { listWorkspaceMissions } from '@shared/documents/workspace-listing';
import type { GeoCommune, GeoEpci } from '@shared/geography/geography';
import { newId } from '@shared/model/ids';
import {
  addCommuneToTerritory,
  addEpciToTerritory,
  createMission,
} from '@shared/operations/mission-operations';
import type { NewMissionInput } from '@shared/validation/mission-validation';
import type { Bridge } from '../bridge/bridge';
import type { DocumentStore, OpenDocument } from '../storage/document-store';
import type { LocalDatabase } from '../storage/local-database';
import { refreshCatalogEntry, rebuildCatalog } from '../storage/mission-catalog';
import { loadSyncSettings, saveSyncSettings, type SyncSettings } from '../storage/sync-settings';
import type { DocumentSyncState, ReadOnlyReason } from '../sync/document-sync-state';
import { guardUnloadWhilePending } from '../sync/quit-guard';
import { SessionSync, type SessionSyncOptions, type SessionSyncState } from '../sync/session-sync';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { DIRECTORY_ROOT, contactAliasesMap, directoryCollection } from '@shared/documents/directory-structure';
import { repointContact } from '@shared/meetings/meeting-operations';
import { meetingsMap } from '@shared/documents/meeting-structure';
import { boardsMap } from '@shared/documents/board-structure';
import { LOCAL_ORIGIN } from './local-origin';
import { applyErasuresFromColleagues, enforceErasures, finishErasure, localMissions } from './person-erasure';
import { isPresenterRoute } from './routes';

export type { SessionSyncState } from '../sync/session-sync';

/** Not a local origin: following a merge into the missions is not a step of anyone's undo history. */
const MERGE_FOLLOW_UP_ORIGIN = 'bocage:merge-follow-up';

export type TerritoryChoice =
  | { kind: 'commune'; commune: GeoCommune }
  | { kind: 'epci'; epci: GeoEpci; members: GeoCommune[] };

/** How long a burst of edits to one mission waits before its home-screen entry is refreshed. */
const CATALOG_REFRESH_DELAY_MS = 150;

/**
 * The open workspace of this machine: its documents, the derived catalog, and the connection to
 * the sync server when one is configured. One instance for the renderer's lifetime.
 */
export class WorkspaceSession {
  private readonly sync: SessionSync;
  /** The missions as the pages see them: read-only also for a reader (see readOnlyReason). */
  private readonly watched = new Map<string, OpenDocument>();
  private directory: Promise<OpenDocument> | null = null;
  private erasurePending = false;
  /**
   * Set when the storage purge starts: the stores are being rewritten and the page reloads next, so
   * nothing of this session may write any more (a late handler would undo the purge's bookkeeping).
   */
  private ending = false;
  /** Erasure handlers run one after the other, and the purge waits for the one under way. */
  private erasureWork: Promise<void> = Promise.resolve();
  private readonly erasureListeners = new Set<() => void>();
  private readonly refreshTimers = new Map<string, ReturnType<typeof setTimeout>>();

  private constructor(
    readonly db: LocalDatabase,
    readonly store: DocumentStore,
    readonly bridge: Bridge,
    readonly workspace: OpenDocument,
    syncOptions: SessionSyncOptions,
  ) {
    this.sync = new SessionSync(db, syncOptions);
  }

  static async start(db: LocalDatabase, store: DocumentStore, bridge: Bridge, syncOptions: SessionSyncOptions = {}): Promise<WorkspaceSession> {
    // Two separate IndexedDB databases: opening them side by side shortens the first paint.
    const [workspace, catalogSize] = await Promise.all([store.openWorkspace(), db.catalog.count()]);
    const session = new WorkspaceSession(db, store, bridge, workspace, syncOptions);
    if (catalogSize === 0 && listWorkspaceMissions(workspace.doc).length > 0) {
      await rebuildCatalog(db, store);
    }
    session.sync.follow(workspace);
    // The home screen reads the catalog: connecting (and so opening every mission) waits until
    // after start-up, and happens only when a server is configured.
    void loadSyncSettings(db).then((settings) => session.connect(settings));
    // The system knows first when the network goes: stop at once instead of waiting for a heartbeat
    // to time out, and come back as soon as it returns.
    window.addEventListener('offline', () => void session.connect(session.sync.getSettings()));
    window.addEventListener('online', () => void session.connect(session.sync.getSettings()));
    window.addEventListener('pagehide', () => void session.sync.flush());
    // The projector's window shows what the facilitator's window edits: only the latter asks.
    if (!isPresenterRoute(window.location.hash)) guardUnloadWhilePending(window, session.sync.hasSendableChanges, session.sync.subscribe);
    workspace.doc.on('update', () => {
      if (session.sync.getSettings()) void session.followWorkspace();
    });
    return session;
  }

  /**
   * Opens every mission the workspace lists, and every mission the server shares with this user
   * (a partner's are listed nowhere else), so that each syncs and shows on the home screen; drops
   * trashed ones from the catalog. Without a server there is nothing to follow: the catalog
   * already lists local work.
   */
  private async followWorkspace(): Promise<void> {
    const listed = listWorkspaceMissions(this.workspace.doc);
    for (const entry of listed) {
      if (entry.trashed) await this.db.catalog.delete(entry.id);
      else await this.openMission(entry.id);
    }
    const listedIds = new Set(listed.map((entry) => entry.id));
    for (const missionId of this.sync.sharedMissionIds()) if (!listedIds.has(missionId)) await this.openMission(missionId);
  }

  private isTrashed(missionId: string): boolean {
    return listWorkspaceMissions(this.workspace.doc).some((entry) => entry.id === missionId && entry.trashed);
  }

  /**
   * The contacts shared by every mission. Opened on first use rather than at start-up: the home
   * screen does not need it, and a workspace synced with a server opens it when connecting.
   */
  openDirectory(): Promise<OpenDocument> {
    this.directory ??= this.store.openDirectory().then((directory) => {
      this.sync.follow(directory);
      const heldContactIds = new Set<string>();
      // A synced deletion of a contact this replica had: Yjs reports no change at all for a record
      // created and deleted within one update, as a newcomer's first sync brings erased contacts.
      directoryCollection(directory.doc, DIRECTORY_ROOT.contacts).observe((event) => {
        if (event.transaction.local) return;
        for (const [key, change] of event.changes.keys) if (change.action === 'delete') heldContactIds.add(key);
      });
      // This machine's own erasures are applied by forgetPerson itself: only synced ones count here.
      // The handler reads heldContactIds after its first await, once every observer of the update has run.
      directoryCollection(directory.doc, DIRECTORY_ROOT.erasures).observe((event) => {
        if (!event.transaction.local) void this.applyColleaguesErasures(directory, heldContactIds);
      });
      void this.applyColleaguesErasures(directory, 'unknown');
      contactAliasesMap(directory.doc).observe((event) => void this.followMerges(directory, [...event.keysChanged]));
      return directory;
    });
    return this.directory;
  }

  /** Attendance of an erased person arriving late is removed; only an open directory knows the log. */
  private enforceErasuresOn(mission: OpenDocument): Promise<void> {
    return this.queueErasureWork(async () => {
      if (!this.directory) return;
      if (await enforceErasures(this.db, await this.directory, mission)) this.announceErasurePending();
    });
  }

  private queueErasureWork(work: () => Promise<void>): Promise<void> {
    this.erasureWork = this.erasureWork.then(() => (this.ending ? undefined : work())).catch((error: unknown) => {
      console.error('Bocage : l’application d’un effacement a échoué ; elle sera reprise au prochain démarrage.', error);
    });
    return this.erasureWork;
  }

  private announceErasurePending(): void {
    this.erasurePending = true;
    for (const listener of this.erasureListeners) listener();
  }

  /** A colleague erased someone: remove what this machine holds of them, then ask for the purge. */
  private applyColleaguesErasures(directory: OpenDocument, heldContactIds: ReadonlySet<string> | 'unknown'): Promise<void> {
    return this.queueErasureWork(async () => {
      if (await applyErasuresFromColleagues(this, directory, heldContactIds)) this.announceErasurePending();
    });
  }

  /**
   * Two contacts merged (here or by a colleague): their attendance, cards and dots move to the
   * survivor in every mission, so lists, statistics and votes count the person once and an
   * erasure finds everything.
   */
  private async followMerges(directory: OpenDocument, mergedIds: readonly string[]): Promise<void> {
    const { aliases } = readDirectorySnapshot(directory.doc);
    const moves = mergedIds.flatMap((from) => {
      const to = aliases.get(from);
      return to === undefined ? [] : [[from, to] as const];
    });
    if (moves.length === 0) return;
    for (const mission of await localMissions(this)) {
      if (mission.isReadOnly()) continue;
      for (const [from, to] of moves) {
        repointContact(mission.doc, from, to, MERGE_FOLLOW_UP_ORIGIN);
        repointBoardContact(mission.doc, from, to, MERGE_FOLLOW_UP_ORIGIN);
      }
    }
  }

  getErasurePending = (): boolean => this.erasurePending;

  subscribeToErasures = (listener: () => void): (() => void) => {
    this.erasureListeners.add(listener);
    return () => this.erasureListeners.delete(listener);
  };

  /**
   * Rewrites this machine's storage without anything erased. Ends the session: the stores are
   * closed and the page must reload.
   */
  async finishErasure(): Promise<{ filesDeleted: boolean }> {
    this.ending = true;
    await this.erasureWork;
    await this.sync.stop();
    for (const timer of this.refreshTimers.values()) clearTimeout(timer);
    return finishErasure(this);
  }

  async openMission(missionId: string): Promise<OpenDocument> {
    const stored = await this.store.openMission(missionId);
    const watched = this.watched.get(stored.name);
    if (watched) return watched;
    const mission = this.watchMission(missionId, stored);
    await refreshCatalogEntry(this.db, mission, this.isTrashed(missionId));
    return mission;
  }

  private watchMission(missionId: string, stored: OpenDocument): OpenDocument {
    const { name, doc } = stored;
    const mission: OpenDocument = { ...stored, isReadOnly: () => this.sync.readOnlyReason(name, doc) !== null };
    this.watched.set(name, mission);
    this.sync.follow(mission);
    const meetings = meetingsMap(doc);
    const boards = boardsMap(doc);
    doc.on('update', (_update: Uint8Array, _origin: unknown, _doc: unknown, transaction: Y.Transaction) => {
      this.scheduleCatalogRefresh(missionId, mission);
      this.sync.reconsider(mission);
      // Only synced changes to meetings and boards can bring an erased person's attendance, cards or dots back.
      const changed = transaction.changedParentTypes as Map<unknown, unknown>;
      if (!transaction.local && (changed.has(meetings) || changed.has(boards))) {
        void this.enforceErasuresOn(mission);
      }
    });
    void this.enforceErasuresOn(mission);
    return mission;
  }

  private scheduleCatalogRefresh(missionId: string, mission: OpenDocument): void {
    clearTimeout(this.refreshTimers.get(missionId));
    this.refreshTimers.set(
      missionId,
      setTimeout(() => {
        this.refreshTimers.delete(missionId);
        void refreshCatalogEntry(this.db, mission, this.isTrashed(missionId));
      }, CATALOG_REFRESH_DELAY_MS),
    );
  }

  /** Creates the mission with its territory; the whole creation is outside the undo history. */
  async createMission(input: NewMissionInput, territory: readonly TerritoryChoice[]): Promise<string> {
    const missionId = newId();
    const mission = await this.store.openMission(missionId);
    createMission(this.workspace.doc, mission.doc, input, LOCAL_ORIGIN, Date.now(), missionId);
    for (const choice of territory) {
      if (choice.kind === 'commune') addCommuneToTerritory(mission.doc, choice.commune, LOCAL_ORIGIN);
      else addEpciToTerritory(mission.doc, choice.epci, choice.members, LOCAL_ORIGIN);
    }
    await this.openMission(missionId);
    return missionId;
  }

  /** Why this document must not be changed on this machine, or null when it may be. */
  readOnlyReason(document: OpenDocument): ReadOnlyReason | null {
    return this.sync.readOnlyReason(document.name, document.doc);
  }

  getSyncSettings(): SyncSettings | null {
    return this.sync.getSettings();
  }

  async configureSync(settings: SyncSettings | null): Promise<void> {
    await saveSyncSettings(this.db, settings);
    await this.connect(settings);
  }

  private async connect(settings: SyncSettings | null): Promise<void> {
    if (this.ending) return;
    await this.sync.connect(settings);
    if (!settings || this.sync.getSettings() !== settings) return;
    await this.openDirectory();
    await this.followWorkspace();
  }

  getSyncState = (): SessionSyncState => this.sync.getState();

  /** How each mission stands with the server, by document name; empty while sync is not configured. */
  getDocumentSyncStates = (): ReadonlyMap<string, DocumentSyncState> => this.sync.getDocumentStates();

  subscribeToSync = (listener: () => void): (() => void) => this.sync.subscribe(listener);
}
