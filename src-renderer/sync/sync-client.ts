import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus, type onStatusParameters } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { REFUSAL_REASON } from '@shared/sync/refusal-reasons';

export type SyncStatus = 'offline' | 'syncing' | 'up-to-date' | 'error';

export interface SyncState {
  status: SyncStatus;
  /** Plain French, without the "Erreur : " prefix the UI adds. Set only when status is 'error'. */
  errorMessage: string | null;
  /** When the client last became up to date; kept while offline so the UI can show it. */
  lastSyncedAt: number | null;
}

export interface SyncClientOptions {
  /** ws:// or wss:// address of the office sync server. */
  url: string;
  token: string;
  /** A WebSocket implementation for runtimes without one (Node 20 in tests: the `ws` package). */
  WebSocketPolyfill?: unknown;
  now?: () => number;
}

function refusalMessage(reason: string): string {
  switch (reason) {
    case REFUSAL_REASON.invalidToken:
      return 'le serveur a refusé le jeton d’accès';
    case REFUSAL_REASON.invalidDocumentName:
      return 'le serveur a refusé un document dont le nom n’est pas valide';
    default:
      return 'le serveur a refusé l’accès à un document';
  }
}

/**
 * The provider's own backoff: the first retry after about a second, then doubling with jitter,
 * never more than half a minute apart, so an office server that stays down costs almost nothing.
 */
const RECONNECT_BACKOFF = { delay: 1_000, minDelay: 1_000, factor: 2, maxDelay: 30_000, jitter: true } as const;

interface AttachedDocument {
  doc: Y.Doc;
  /** Null once the server refused the token: nothing of this client reaches the server any more. */
  provider: HocuspocusProvider | null;
  refusal: string | null;
}

type StateListener = (state: SyncState) => void;

/**
 * Synchronises Yjs documents with the office server over one shared WebSocket. Offline is the
 * normal case: an unreachable server only ever shows as 'offline', never as an exception, and the
 * client reconnects by itself. A refused token stops the client for good: build a new one with the
 * corrected token.
 */
export class SyncClient {
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly token: string;
  private readonly now: () => number;
  private readonly documents = new Map<string, AttachedDocument>();
  private readonly listeners = new Set<StateListener>();
  private socketConnected = false;
  private tokenRefused = false;
  private destroyed = false;
  /** Replaced only when something changes, so it can serve as an external-store snapshot. */
  private state: SyncState = { status: 'offline', errorMessage: null, lastSyncedAt: null };

  constructor(options: SyncClientOptions) {
    this.token = options.token;
    this.now = options.now ?? Date.now;
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: options.WebSocketPolyfill,
      ...RECONNECT_BACKOFF,
    });
    this.socket.on('status', ({ status }: onStatusParameters) => {
      this.socketConnected = status === WebSocketStatus.Connected;
      this.refresh();
    });
  }

  /** Starts synchronising `doc` under `documentName`. Attaching the same pair again does nothing. */
  attach(documentName: string, doc: Y.Doc): void {
    if (this.destroyed) throw new Error('SyncClient.attach called after destroy().');
    const existing = this.documents.get(documentName);
    if (existing) {
      if (existing.doc !== doc) throw new Error(`Document "${documentName}" is already attached with another Y.Doc.`);
      return;
    }
    const entry: AttachedDocument = { doc, provider: null, refusal: null };
    this.documents.set(documentName, entry);
    if (this.tokenRefused) entry.refusal = refusalMessage(REFUSAL_REASON.invalidToken);
    else entry.provider = this.createProvider(documentName, entry);
    this.refresh();
  }

  /** Stops synchronising the document; the Y.Doc itself is left untouched. */
  detach(documentName: string): void {
    const entry = this.documents.get(documentName);
    if (!entry) return;
    this.documents.delete(documentName);
    entry.provider?.destroy();
    this.refresh();
  }

  getState(): SyncState {
    return this.state;
  }

  /** Listeners run inside the sync machinery: they must not throw. Returns the unsubscribe. */
  onStateChange(listener: StateListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const entry of this.documents.values()) entry.provider?.destroy();
    this.documents.clear();
    this.socket.destroy();
    this.listeners.clear();
  }

  private createProvider(documentName: string, entry: AttachedDocument): HocuspocusProvider {
    const provider = new HocuspocusProvider({
      name: documentName,
      document: entry.doc,
      token: this.token,
      websocketProvider: this.socket,
      // A fresh routing key per provider: without it, a document detached and attached again at
      // once has its new handshake routed by the server to the connection it is still closing.
      sessionAwareness: true,
    });
    const refresh = (): void => this.refresh();
    provider.on('authenticated', refresh);
    provider.on('synced', refresh);
    provider.on('unsyncedChanges', refresh);
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.handleRefusal(entry, reason));
    // A provider given a shared socket does not attach itself (version 4).
    provider.attach();
    return provider;
  }

  private handleRefusal(entry: AttachedDocument, reason: string): void {
    entry.refusal = refusalMessage(reason);
    if (reason === REFUSAL_REASON.invalidToken) {
      // Every later attempt would be refused too; stop sending instead of queueing edits forever.
      this.tokenRefused = true;
      for (const other of this.documents.values()) {
        other.refusal ??= entry.refusal;
        other.provider?.destroy();
        other.provider = null;
      }
      this.socket.disconnect();
    } else {
      // Left attached, a refused provider keeps sending edits the server would buffer, unauthenticated,
      // until it drops the whole shared connection.
      entry.provider?.destroy();
      entry.provider = null;
    }
    this.refresh();
  }

  private computeStatus(): { status: SyncStatus; errorMessage: string | null } {
    for (const entry of this.documents.values()) {
      if (entry.refusal !== null) return { status: 'error', errorMessage: entry.refusal };
    }
    if (this.tokenRefused) return { status: 'error', errorMessage: refusalMessage(REFUSAL_REASON.invalidToken) };
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
    if (status === previous.status && errorMessage === previous.errorMessage) return;
    const lastSyncedAt = status === 'up-to-date' ? this.now() : previous.lastSyncedAt;
    this.state = { status, errorMessage, lastSyncedAt };
    for (const listener of this.listeners) listener(this.state);
  }
}
