import { parseDocumentName } from '@shared/documents/document-names';
import { MISSION_FIELD, missionMap } from '@shared/documents/document-structure';
import { isWrittenByNewerSchema } from '@shared/schema/schema-version';
import { httpBaseFromSyncUrl, type AccessSummary } from '@shared/sync/sync-protocol';
import type { OpenDocument } from '../storage/document-store';
import type { LocalDatabase } from '../storage/local-database';
import type { SyncSettings } from '../storage/sync-settings';
import { checkAccess } from './access-check';
import { AttachmentSync } from './attachment-sync';
import { loadCachedAccess, saveCachedAccess } from './access-cache';
import { documentSyncState, sendableChanges, type DocumentSyncState, type ReadOnlyReason } from './document-sync-state';
import type { SyncClient, SyncClientOptions, SyncState } from './sync-client';
import { SyncLedger } from './sync-ledger';
import { DOCUMENT_FORBIDDEN_MESSAGE, WORKSPACE_NOT_SHARED_MESSAGE } from './sync-messages';

export interface SessionSyncState extends SyncState {
  configured: boolean;
  /** Changes that can still reach the server and have not yet (refused and read-only documents excluded). */
  pendingChanges: number;
}

const NOT_CONFIGURED: SessionSyncState = { configured: false, status: 'offline', errorMessage: null, lastSyncedAt: null, pendingChanges: 0 };

const NO_DOCUMENTS: ReadonlyMap<string, DocumentSyncState> = new Map();

/** The access check's own backoff, as the socket's: from a second to half a minute, with jitter. */
const ACCESS_RETRY = { minDelayMs: 1_000, maxDelayMs: 30_000 } as const;

export interface SessionSyncOptions {
  /** Tests run the client in Node with the `ws` package and a short heartbeat. */
  clientOptions?: Pick<SyncClientOptions, 'WebSocketPolyfill' | 'deadConnectionTimeoutMs' | 'announcedVersions'>;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
  random?: () => number;
}

/**
 * The sync side of the workspace session: asks the server what this user may synchronise, attaches
 * only those documents, and keeps per document what has not reached the server yet.
 */
export class SessionSync {
  private settings: SyncSettings | null = null;
  private access: AccessSummary | null = null;
  private client: SyncClient | null = null;
  /** Photos of the missions this user may sync, sent and fetched beside the documents. */
  private attachments: AttachmentSync | null = null;
  private stopClientListeners: (() => void) | null = null;
  /** Why the server answered the access check with a refusal or an error (token, versions, failure). */
  private checkFailure: string | null = null;
  private readonly followed = new Map<string, OpenDocument>();
  /** Names attached to the current client. */
  private readonly attached = new Set<string>();
  private readonly ledger: SyncLedger;
  private readonly listeners = new Set<() => void>();
  private state: SessionSyncState = NOT_CONFIGURED;
  private documentStates: ReadonlyMap<string, DocumentSyncState> = NO_DOCUMENTS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  /** A later connect (settings saved, network back) makes an earlier one still under way moot. */
  private attempt = 0;
  private stopped = false;

  constructor(
    private readonly db: LocalDatabase,
    private readonly options: SessionSyncOptions = {},
  ) {
    this.ledger = new SyncLedger(db);
    this.ledger.subscribe(() => this.refresh());
  }

  getSettings(): SyncSettings | null {
    return this.settings;
  }

  /** Missions shared with this user that the workspace listing may not name (a partner has no listing). */
  sharedMissionIds(): string[] {
    return this.access?.missions.map((mission) => mission.missionId) ?? [];
  }

  /**
   * (Re)connects with `settings`, or stops syncing when null. A change of server forgets what the
   * previous one held: everything counts as unsent to the new one.
   */
  async connect(settings: SyncSettings | null): Promise<void> {
    const attempt = ++this.attempt;
    this.stopClient();
    if (settings?.serverUrl !== this.settings?.serverUrl) {
      if (this.settings !== null) await this.ledger.forgetServer();
      this.access = settings ? await loadCachedAccess(this.db, settings.serverUrl) : null;
      if (attempt !== this.attempt) return;
    }
    this.settings = settings;
    this.checkFailure = null;
    if (!settings) {
      this.refresh();
      return;
    }
    for (const document of this.followed.values()) void this.ledger.track(document.name, document.doc);
    this.refresh();
    if (!(this.options.isOnline ?? (() => navigator.onLine))()) return;
    const check = await checkAccess(settings.serverUrl, settings.accessToken, this.options.fetch);
    if (attempt !== this.attempt || this.stopped) return;
    if (check.kind !== 'granted') {
      this.checkFailure = check.kind === 'unreachable' ? null : check.message;
      if (check.kind !== 'refused') this.scheduleRetry(settings);
      this.refresh();
      return;
    }
    this.retries = 0;
    this.access = check.summary;
    await saveCachedAccess(this.db, settings.serverUrl, check.summary);
    // The sync client and its WebSocket library are only loaded by those who sync.
    const { SyncClient } = await import('./sync-client');
    if (attempt !== this.attempt || this.stopped) return;
    const client = new SyncClient({
      url: settings.serverUrl,
      token: settings.accessToken,
      onAcknowledged: (name, doc) => this.ledger.acknowledge(name, doc),
      ...this.options.clientOptions,
    });
    this.client = client;
    const attachments = new AttachmentSync({
      httpBase: httpBaseFromSyncUrl(settings.serverUrl),
      token: settings.accessToken,
      db: this.db,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
    });
    this.attachments = attachments;
    let wasOffline = client.getState().status === 'offline';
    const stopState = client.onStateChange((state) => {
      // The server is reachable again: photos waiting on a backoff go now.
      if (wasOffline && state.status !== 'offline') attachments.retryNow();
      wasOffline = state.status === 'offline';
      this.refresh();
    });
    const stopDocuments = client.onDocumentsChange(() => this.refresh());
    const stopAttachments = attachments.subscribe(() => this.refresh());
    attachments.start();
    this.stopClientListeners = () => {
      stopState();
      stopDocuments();
      stopAttachments();
    };
    for (const document of this.followed.values()) this.attachIfAllowed(document);
    this.refresh();
  }

  /** Keeps count of the document's unsent changes and synchronises it when the server allows it. */
  follow(document: OpenDocument): void {
    if (this.followed.get(document.name) === document) return;
    this.followed.set(document.name, document);
    if (this.settings) void this.ledger.track(document.name, document.doc);
    this.attachIfAllowed(document);
    this.refresh();
  }

  /** A team member's mission the server does not list may be new (created here): sending it makes this user its editor. */
  private mayAttach(document: OpenDocument): boolean {
    const access = this.access;
    if (!access) return false;
    const parsed = parseDocumentName(document.name);
    if (!parsed) return false;
    if (parsed.kind !== 'mission') return access.workspace;
    if (access.missions.some((mission) => mission.missionId === parsed.id)) return true;
    return access.workspace && typeof missionMap(document.doc).get(MISSION_FIELD.id) === 'string';
  }

  private attachIfAllowed(document: OpenDocument): void {
    if (!this.client || this.attached.has(document.name) || !this.mayAttach(document)) return;
    this.client.attach(document.name, document.doc);
    this.attached.add(document.name);
    const parsed = parseDocumentName(document.name);
    if (parsed?.kind === 'mission') {
      // A mission the server does not list yet is one this team member claims by sending it.
      const role = this.access?.missions.find((mission) => mission.missionId === parsed.id)?.role ?? 'editeur';
      this.attachments?.syncMission(parsed.id, document.doc, role);
    }
  }

  /** Called when a document's content changes: a mission created here becomes worth sending. */
  reconsider(document: OpenDocument): void {
    if (this.followed.get(document.name) === document) this.attachIfAllowed(document);
  }

  /** Why the document must not be changed here, or null when it may be. */
  readOnlyReason(documentName: string, doc: OpenDocument['doc']): ReadOnlyReason | null {
    if (isWrittenByNewerSchema(doc)) return 'newer-schema';
    const parsed = parseDocumentName(documentName);
    if (parsed?.kind !== 'mission' || !this.settings) return null;
    const role = this.access?.missions.find((mission) => mission.missionId === parsed.id)?.role;
    return role === 'lecteur' ? 'reader' : null;
  }

  getState = (): SessionSyncState => this.state;

  /** Per document name; empty while sync is not configured. */
  getDocumentStates = (): ReadonlyMap<string, DocumentSyncState> => this.documentStates;

  hasSendableChanges = (): boolean => this.state.pendingChanges > 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Writes the bookkeeping still waiting (the page is going away). */
  flush(): Promise<void> {
    return this.ledger.flush();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.attempt += 1;
    this.stopClient();
    await this.ledger.stop();
    this.listeners.clear();
  }

  private stopClient(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.stopClientListeners?.();
    this.stopClientListeners = null;
    this.client?.destroy();
    this.client = null;
    this.attachments?.stop();
    this.attachments = null;
    this.attached.clear();
  }

  private scheduleRetry(settings: SyncSettings): void {
    const ceiling = Math.min(ACCESS_RETRY.maxDelayMs, ACCESS_RETRY.minDelayMs * 2 ** this.retries);
    const random = this.options.random ?? Math.random;
    const delay = ACCESS_RETRY.minDelayMs + random() * (ceiling - ACCESS_RETRY.minDelayMs);
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect(settings);
    }, delay);
  }

  private attachmentState(documentName: string): { pendingUploads: number } | null {
    const parsed = parseDocumentName(documentName);
    return parsed?.kind === 'mission' ? (this.attachments?.getMissionState(parsed.id) ?? null) : null;
  }

  private computeDocumentStates(): ReadonlyMap<string, DocumentSyncState> {
    if (!this.settings) return NO_DOCUMENTS;
    const states = new Map<string, DocumentSyncState>();
    for (const document of this.followed.values()) {
      const refusedBeforehand = this.access !== null && !this.mayAttach(document) ? notSharedMessage(document.name) : null;
      states.set(
        document.name,
        documentSyncState({
          link: this.client?.getDocumentLink(document.name) ?? null,
          ledger: this.ledger.get(document.name),
          refusal: this.client?.getDocumentRefusal(document.name) ?? refusedBeforehand,
          readOnlyReason: this.readOnlyReason(document.name, document.doc),
          attachments: this.attachmentState(document.name),
        }),
      );
    }
    return sameStates(states, this.documentStates) ? this.documentStates : states;
  }

  private computeState(documentStates: ReadonlyMap<string, DocumentSyncState>): SessionSyncState {
    if (!this.settings) return NOT_CONFIGURED;
    let lastSyncedAt = this.client?.getState().lastSyncedAt ?? null;
    for (const { acknowledgedAt } of this.ledger.entries().values()) {
      if (acknowledgedAt !== null && (lastSyncedAt === null || acknowledgedAt > lastSyncedAt)) lastSyncedAt = acknowledgedAt;
    }
    const pendingChanges = sendableChanges(documentStates.values());
    if (this.checkFailure !== null) return { configured: true, status: 'error', errorMessage: this.checkFailure, lastSyncedAt, pendingChanges };
    const client = this.client?.getState() ?? { status: 'offline' as const, errorMessage: null };
    return { configured: true, status: client.status, errorMessage: client.errorMessage, lastSyncedAt, pendingChanges };
  }

  private refresh(): void {
    if (this.stopped) return;
    const documentStates = this.computeDocumentStates();
    const state = this.computeState(documentStates);
    const previous = this.state;
    const changed =
      documentStates !== this.documentStates ||
      state.configured !== previous.configured ||
      state.status !== previous.status ||
      state.errorMessage !== previous.errorMessage ||
      state.lastSyncedAt !== previous.lastSyncedAt ||
      state.pendingChanges !== previous.pendingChanges;
    if (!changed) return;
    this.documentStates = documentStates;
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

function notSharedMessage(documentName: string): string {
  return parseDocumentName(documentName)?.kind === 'mission' ? DOCUMENT_FORBIDDEN_MESSAGE : WORKSPACE_NOT_SHARED_MESSAGE;
}

function sameState(a: DocumentSyncState, b: DocumentSyncState | undefined): boolean {
  return (
    b !== undefined &&
    a.status === b.status &&
    a.pendingChanges === b.pendingChanges &&
    a.pendingAttachments === b.pendingAttachments &&
    a.lastSyncedAt === b.lastSyncedAt &&
    a.connected === b.connected &&
    a.message === b.message &&
    a.readOnlyReason === b.readOnlyReason
  );
}

function sameStates(a: ReadonlyMap<string, DocumentSyncState>, b: ReadonlyMap<string, DocumentSyncState>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, state] of a) if (!sameState(state, b.get(name))) return false;
  return true;
}
