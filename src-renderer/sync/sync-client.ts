import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus, type onStatusParameters } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { CURRENT_SCHEMA_VERSION } from '@shared/schema/schema-version';
import { REFUSAL_REASON } from '@shared/sync/refusal-reasons';
import { SYNC_PARAMETER, SYNC_PROTOCOL_VERSION } from '@shared/sync/sync-protocol';
import { CLIENT_OUTDATED_MESSAGE, DOCUMENT_FORBIDDEN_MESSAGE, TOKEN_REFUSED_MESSAGE } from './sync-messages';

export type SyncStatus = 'offline' | 'syncing' | 'up-to-date' | 'error';

export interface SyncState {
  status: SyncStatus;
  /** Plain French, without the "Erreur : " prefix the UI adds. Set only when status is 'error'. */
  errorMessage: string | null;
  /** When the client last became up to date; kept while offline so the UI can show it. */
  lastSyncedAt: number | null;
}

/**
 * How one attached document stands with the server: 'synced' once the first exchange is done (what
 * is still unsent is counted by the sync ledger), 'refused' when the server will not share it.
 */
export type DocumentLink = 'offline' | 'syncing' | 'synced' | 'refused';

export interface SyncClientOptions {
  /** ws:// or wss:// address of the office sync server. */
  url: string;
  token: string;
  /** A WebSocket implementation for runtimes without one (Node 20 in tests: the `ws` package). */
  WebSocketPolyfill?: unknown;
  now?: () => number;
  /** Called each time the server is known to hold everything `doc` holds (see sync-ledger.ts). */
  onAcknowledged?: (documentName: string, doc: Y.Doc) => void;
  /**
   * A connection that brings nothing for this long is taken for dead (a frozen server or a network
   * that drops packets without closing anything) and replaced.
   */
  deadConnectionTimeoutMs?: number;
  /** The versions announced to the server; only a test playing an older Bocage changes them. */
  announcedVersions?: { protocol: number; schema: number };
}

/** Four heartbeats fit in it: one lost heartbeat never cuts a live connection. */
const DEFAULT_DEAD_CONNECTION_TIMEOUT_MS = 20_000;
const HEARTBEATS_PER_TIMEOUT = 4;

function refusalMessage(reason: string): string {
  switch (reason) {
    case REFUSAL_REASON.invalidToken:
      return TOKEN_REFUSED_MESSAGE;
    case REFUSAL_REASON.clientOutdated:
      return CLIENT_OUTDATED_MESSAGE;
    case REFUSAL_REASON.forbidden:
      return DOCUMENT_FORBIDDEN_MESSAGE;
    case REFUSAL_REASON.invalidDocumentName:
      return 'le serveur a refusé un document dont le nom n’est pas valide';
    default:
      return 'le serveur a refusé l’accès à ce document';
  }
}

/** Refusals that concern the client itself: every other document would be refused the same way. */
function stopsEverything(reason: string): boolean {
  return reason === REFUSAL_REASON.invalidToken || reason === REFUSAL_REASON.clientOutdated;
}

/**
 * The provider's own backoff: the first retry after about a second, then doubling with jitter,
 * never more than half a minute apart, so an office server that stays down costs almost nothing.
 */
const RECONNECT_BACKOFF = { delay: 1_000, minDelay: 1_000, factor: 2, maxDelay: 30_000, jitter: true } as const;

/** The WebSocket address with the versions this client speaks, which the server checks before anything. */
export function syncAddress(url: string, versions: { protocol: number; schema: number }): string {
  const address = new URL(url);
  address.searchParams.set(SYNC_PARAMETER.protocol, String(versions.protocol));
  address.searchParams.set(SYNC_PARAMETER.schema, String(versions.schema));
  return address.toString();
}

interface AttachedDocument {
  doc: Y.Doc;
  /** Null once the server refused this document or the whole client: nothing of it is sent any more. */
  provider: HocuspocusProvider | null;
  refusal: string | null;
  stopFollowingUpdates: () => void;
}

type StateListener = (state: SyncState) => void;

/**
 * Synchronises Yjs documents with the office server over one shared WebSocket. Offline is the
 * normal case: an unreachable server only ever shows as 'offline', never as an exception, and the
 * client reconnects by itself. A refused token or a client too old for the server stops the client
 * for good (build a new one once fixed); a refused document stops only that document.
 */
export class SyncClient {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly token: string;
  private readonly now: () => number;
  private readonly onAcknowledged: (documentName: string, doc: Y.Doc) => void;
  private readonly deadConnectionTimeoutMs: number;
  private readonly documents = new Map<string, AttachedDocument>();
  private readonly listeners = new Set<StateListener>();
  private readonly documentListeners = new Set<() => void>();
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private socketConnected = false;
  /** When the current connection attempt started, or null when none is under way. */
  private connectingSince: number | null = null;
  /** Set by a refusal that concerns every document (token, client version): the client is stopped. */
  private clientRefusal: string | null = null;
  private destroyed = false;
  /** Replaced only when something changes, so it can serve as an external-store snapshot. */
  private state: SyncState = { status: 'offline', errorMessage: null, lastSyncedAt: null };

  constructor(options: SyncClientOptions) {
    this.token = options.token;
    this.now = options.now ?? Date.now;
    this.onAcknowledged = options.onAcknowledged ?? (() => undefined);
    this.deadConnectionTimeoutMs = options.deadConnectionTimeoutMs ?? DEFAULT_DEAD_CONNECTION_TIMEOUT_MS;
    this.socket = new HocuspocusProviderWebsocket({
      url: syncAddress(options.url, options.announcedVersions ?? { protocol: SYNC_PROTOCOL_VERSION, schema: CURRENT_SCHEMA_VERSION }),
      WebSocketPolyfill: options.WebSocketPolyfill,
      messageReconnectTimeout: this.deadConnectionTimeoutMs,
      ...RECONNECT_BACKOFF,
    });
    this.socket.on('status', ({ status }: onStatusParameters) => {
      this.socketConnected = status === WebSocketStatus.Connected;
      this.connectingSince = status === WebSocketStatus.Connecting ? Date.now() : null;
      this.refresh();
    });
    this.heartbeat = setInterval(() => this.beat(), this.deadConnectionTimeoutMs / HEARTBEATS_PER_TIMEOUT);
  }

  /** Starts synchronising `doc` under `documentName`. Attaching the same pair again does nothing. */
  attach(documentName: string, doc: Y.Doc): void {
    if (this.destroyed) throw new Error('SyncClient.attach called after destroy().');
    const existing = this.documents.get(documentName);
    if (existing) {
      if (existing.doc !== doc) throw new Error(`Document "${documentName}" is already attached with another Y.Doc.`);
      return;
    }
    const entry: AttachedDocument = { doc, provider: null, refusal: null, stopFollowingUpdates: () => undefined };
    this.documents.set(documentName, entry);
    if (this.clientRefusal === null) this.startProvider(documentName, entry);
    this.refresh();
  }

  /** Stops synchronising the document; the Y.Doc itself is left untouched. */
  detach(documentName: string): void {
    const entry = this.documents.get(documentName);
    if (!entry) return;
    this.documents.delete(documentName);
    this.stopProvider(entry);
    this.refresh();
  }

  getState(): SyncState {
    return this.state;
  }

  /** Null for a document that is not attached. */
  getDocumentLink(documentName: string): DocumentLink | null {
    const entry = this.documents.get(documentName);
    if (!entry) return null;
    if (entry.refusal !== null) return 'refused';
    const { provider } = entry;
    if (!provider || !this.socketConnected) return 'offline';
    return provider.isAuthenticated && provider.isSynced ? 'synced' : 'syncing';
  }

  /** Why the server refused this document, in plain French; null when it did not. */
  getDocumentRefusal(documentName: string): string | null {
    return this.documents.get(documentName)?.refusal ?? null;
  }

  /** Listeners run inside the sync machinery: they must not throw. Returns the unsubscribe. */
  onStateChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /**
   * Hears every event that may change one document's link or acknowledgement, even when the global
   * state stays the same. Same rules as onStateChange.
   */
  onDocumentsChange(listener: () => void): () => void {
    this.documentListeners.add(listener);
    return () => {
      this.documentListeners.delete(listener);
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.heartbeat);
    for (const entry of this.documents.values()) this.stopProvider(entry);
    this.documents.clear();
    this.socket.destroy();
    this.listeners.clear();
    this.documentListeners.clear();
  }

  private startProvider(documentName: string, entry: AttachedDocument): void {
    const provider = new HocuspocusProvider({
      name: documentName,
      document: entry.doc,
      token: this.token,
      websocketProvider: this.socket,
      // A fresh routing key per provider: without it, a document detached and attached again at
      // once has its new handshake routed by the server to the connection it is still closing.
      sessionAwareness: true,
    });
    entry.provider = provider;
    const refresh = (): void => {
      this.acknowledgeIfComplete(documentName, entry);
      this.refresh();
    };
    provider.on('authenticated', refresh);
    provider.on('synced', refresh);
    provider.on('unsyncedChanges', refresh);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.handleRefusal(entry, reason));
    // Registered after the provider's own listener, which has already counted a local change as
    // unsent by the time this runs: only the server's changes are acknowledged here.
    const onUpdate = (_update: Uint8Array, origin: unknown): void => {
      if (origin === provider) this.acknowledgeIfComplete(documentName, entry);
    };
    entry.doc.on('update', onUpdate);
    entry.stopFollowingUpdates = () => entry.doc.off('update', onUpdate);
    // A provider given a shared socket does not attach itself (version 4).
    provider.attach();
  }

  private stopProvider(entry: AttachedDocument): void {
    entry.stopFollowingUpdates();
    entry.provider?.destroy();
    entry.provider = null;
  }

  /** The server has everything of the document once the handshake is done and every change sent is acknowledged. */
  private acknowledgeIfComplete(documentName: string, entry: AttachedDocument): void {
    const { provider } = entry;
    if (!provider || entry.refusal !== null) return;
    if (provider.isAuthenticated && provider.isSynced && !provider.hasUnsyncedChanges) this.onAcknowledged(documentName, entry.doc);
  }

  private handleRefusal(entry: AttachedDocument, reason: string): void {
    if (stopsEverything(reason)) {
      // Every later attempt would be refused too; stop sending instead of queueing edits forever.
      // The documents are not refused themselves: their changes wait for a corrected client.
      this.clientRefusal = refusalMessage(reason);
      for (const other of this.documents.values()) this.stopProvider(other);
      this.socket.disconnect();
    } else {
      // Left attached, a refused provider keeps sending edits the server would buffer, unauthenticated,
      // until it drops the whole shared connection.
      entry.refusal = refusalMessage(reason);
      this.stopProvider(entry);
    }
    this.refresh();
  }

  /**
   * Keeps a live connection talking, so silence means a dead one: the server echoes an awareness
   * renewal to its sender, which the socket counts as a message received. A connection attempt that
   * hangs (the server accepted it and froze) is abandoned too, for the backoff to try again.
   */
  private beat(): void {
    if (this.connectingSince !== null && Date.now() - this.connectingSince > this.deadConnectionTimeoutMs) {
      this.connectingSince = null;
      this.socket.webSocket?.close();
      return;
    }
    if (!this.socketConnected) return;
    for (const { provider } of this.documents.values()) {
      const awareness = provider?.isAuthenticated ? provider.awareness : null;
      if (awareness) {
        awareness.setLocalState(awareness.getLocalState());
        return;
      }
    }
  }

  private computeStatus(): { status: SyncStatus; errorMessage: string | null } {
    if (this.clientRefusal !== null) return { status: 'error', errorMessage: this.clientRefusal };
    if (!this.socketConnected) return { status: 'offline', errorMessage: null };
    for (const { provider } of this.documents.values()) {
      if (provider && (!provider.isAuthenticated || !provider.isSynced || provider.hasUnsyncedChanges)) {
        return { status: 'syncing', errorMessage: null };
      }
    }
    return { status: 'up-to-date', errorMessage: null };
  }

  private refresh(): void {
    if (this.destroyed) return;
    const { status, errorMessage } = this.computeStatus();
    const previous = this.state;
    if (status !== previous.status || errorMessage !== previous.errorMessage) {
      const lastSyncedAt = status === 'up-to-date' ? this.now() : previous.lastSyncedAt;
      this.state = { status, errorMessage, lastSyncedAt };
      for (const listener of this.listeners) listener(this.state);
    }
    for (const listener of this.documentListeners) listener();
  }
}
