import type * as Y from 'yjs';
import { isAttachmentMediaType, missionAttachmentHashes } from '@shared/sync/attachment-references';
import { attachmentCollectionPath, attachmentListSchema, attachmentPath, type MissionRole } from '@shared/sync/sync-protocol';
import { contentHash } from '@shared/sync/content-hash';
import { AttachmentStorageError, storeAttachment } from '../storage/attachment-store';
import type { LocalDatabase } from '../storage/local-database';
import type { SyncStatus } from './sync-client';

/** What the sync-state UI shows for one mission's attachments. */
export interface MissionAttachmentState {
  /** 'syncing' while transfers are under way or photos are awaited from a colleague. */
  status: SyncStatus;
  /** Referenced attachments this machine holds and the server is not known to have; always 0 for a reader. */
  pendingUploads: number;
  /** Referenced attachments this machine lacks (a colleague may not have sent them yet). */
  pendingDownloads: number;
  /** Plain French, set only when status is 'error'. */
  errorMessage: string | null;
}

export interface AttachmentSyncOptions {
  /** httpBaseFromSyncUrl(serverUrl). */
  httpBase: string;
  token: string;
  db: LocalDatabase;
  /** Tests replace the network; the renderer uses the window's. */
  fetch?: typeof fetch;
  /** How long a burst of edits waits before the mission's references are compared again. */
  debounceMs?: number;
  /** Retries after a failure or while waiting for a colleague's upload: doubling from min to max, with jitter. */
  retry?: { minDelayMs: number; maxDelayMs: number };
  random?: () => number;
}

const UP_TO_DATE: MissionAttachmentState = { status: 'up-to-date', pendingUploads: 0, pendingDownloads: 0, errorMessage: null };
/** Until the first pass has looked, nothing is known: never shown as up to date. */
const NOT_COMPARED_YET: MissionAttachmentState = { ...UP_TO_DATE, status: 'syncing' };

const DEFAULT_DEBOUNCE_MS = 500;
/** Offline for days costs one request per mission every ten minutes at most. */
const DEFAULT_RETRY = { minDelayMs: 2_000, maxDelayMs: 10 * 60_000 };
const LIST_TIMEOUT_MS = 30_000;
/** A 25 MB photo over a poor rural connection; a dead connection is given up after this. */
const TRANSFER_TIMEOUT_MS = 10 * 60_000;

const MESSAGE = {
  refusedToken: 'le serveur a refusé le jeton d’accès : les photos de cette mission ne sont plus synchronisées',
  forbidden: 'le serveur refuse l’accès aux photos de cette mission',
  readOnly: 'vous êtes lecteur de cette mission : vos photos ne peuvent pas être envoyées au serveur',
  serverFailure: 'le serveur n’a pas pu traiter les photos de cette mission ; nouvel essai dans quelques minutes',
  unexpectedAnswer: 'le serveur a donné une réponse inattendue pour les photos de cette mission',
  tooLarge: 'une photo dépasse la taille acceptée par le serveur et n’a pas été envoyée',
  unsupportedType: 'une pièce jointe n’est pas d’un format accepté par le serveur et n’a pas été envoyée',
  hashMismatch: 'une photo est arrivée abîmée au serveur ; elle sera renvoyée plus tard',
  damagedLocalCopy: 'une photo enregistrée sur cet ordinateur est abîmée et ne peut pas être envoyée ; ajoutez-la de nouveau',
  damagedDownload: 'une photo reçue du serveur ne correspond pas à son empreinte : elle n’a pas été enregistrée',
  localStorage: 'une photo reçue n’a pas pu être enregistrée sur cet ordinateur',
  unexpected: 'les photos de cette mission n’ont pas pu être synchronisées ; nouvel essai dans quelques minutes',
  diskFull: 'l’espace de stockage de cet ordinateur est plein : des photos de cette mission n’ont pas pu être reçues',
  unreachable: 'serveur injoignable : les photos seront synchronisées au retour de la connexion',
  cutOff: 'la connexion au serveur a été coupée pendant la réception d’une photo',
} as const;

/** Why a pass stopped: transient failures retry by themselves (with backoff), refusals wait for a change or retryNow(). */
class TransferFailure extends Error {
  constructor(
    message: string,
    readonly kind: 'offline' | 'transient' | 'refusal',
  ) {
    super(message);
    this.name = 'TransferFailure';
  }
}

type PassOutcome = 'complete' | 'awaiting-colleague';

/** The refused answer's body is not wanted: cancelling it frees the connection at once. */
function failureFor(response: Response, refusal: string): TransferFailure {
  void response.body?.cancel().catch(() => undefined);
  const { status } = response;
  if (status === 401) return new TransferFailure(MESSAGE.refusedToken, 'refusal');
  // Retried with backoff: a mission is shared later, or claimed by opening its document a moment after.
  if (status === 403) return new TransferFailure(refusal, 'transient');
  if (status >= 500 || status === 429) return new TransferFailure(MESSAGE.serverFailure, 'transient');
  return new TransferFailure(MESSAGE.unexpectedAnswer, 'refusal');
}

/** Where the set of hashes the server confirmed for a mission is remembered across restarts. */
function confirmedKey(httpBase: string, missionId: string): string {
  return `attachmentSync.confirmed.${httpBase}.${missionId}`;
}

/**
 * Synchronises the attachments (photos of paper boards) that missions reference with the office
 * server, beside the documents' own sync. Content-addressed: the server is told of a hash it lacks
 * by sending it, and a downloaded file is kept only when its SHA-256 matches the hash the mission
 * names, so neither side can be fed a different file under a known name.
 *
 * Nothing polls: a mission is compared with the server when it starts being followed, when its
 * references change, after a failure (with backoff), and when the connection comes back. Failures
 * become French messages in the mission's state; nothing here throws to the UI. Missions are worked
 * through one at a time, so at most one photo is in memory and the documents' sync keeps the link.
 */
export class AttachmentSync {
  private readonly followers = new Map<string, MissionFollower>();
  private readonly listeners = new Set<() => void>();
  private readonly stopSignal = new AbortController();
  private queue: Promise<void> = Promise.resolve();
  private started = false;
  private readonly onOnline = (): void => this.retryNow();
  /** @internal Read by the followers. */
  readonly options: Required<AttachmentSyncOptions>;

  constructor(options: AttachmentSyncOptions) {
    this.options = {
      fetch: (...args) => fetch(...args),
      debounceMs: DEFAULT_DEBOUNCE_MS,
      retry: DEFAULT_RETRY,
      random: Math.random,
      ...options,
    };
  }

  /** Compares every followed mission with the server now, and again whenever the system reports the network back. */
  start(): void {
    if (this.started || this.stopSignal.signal.aborted) return;
    this.started = true;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    for (const follower of this.followers.values()) follower.request();
  }

  /** Cancels transfers under way and every timer; the instance is done (make a new one for another server or token). */
  stop(): void {
    if (this.stopSignal.signal.aborted) return;
    this.stopSignal.abort();
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    for (const follower of this.followers.values()) follower.stop();
    this.followers.clear();
    this.listeners.clear();
  }

  /**
   * Follows the mission's attachments with the role the server gave (AccessSummary.missions).
   * Calling it again with another role (or another Y.Doc) replaces the earlier call.
   */
  syncMission(missionId: string, doc: Y.Doc, role: MissionRole): void {
    if (this.stopSignal.signal.aborted) return;
    const existing = this.followers.get(missionId);
    if (existing?.doc === doc && existing.role === role) return;
    existing?.stop();
    const follower = new MissionFollower(this, missionId, doc, role);
    this.followers.set(missionId, follower);
    if (this.started) follower.request();
  }

  /** The connection came back (or the user asked): every mission is compared again at once, refusals included. */
  retryNow(): void {
    if (!this.started) return;
    for (const follower of this.followers.values()) follower.retryNow();
  }

  /** Null for a mission not followed (not shared with this user, or never opened). */
  getMissionState(missionId: string): MissionAttachmentState | null {
    return this.followers.get(missionId)?.state ?? null;
  }

  /** Across every followed mission: what a warning before quitting counts. */
  pendingUploads(): number {
    let total = 0;
    for (const follower of this.followers.values()) total += follower.state.pendingUploads;
    return total;
  }

  /** Listeners must not throw. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** @internal Called by the followers. */
  announce(): void {
    for (const listener of this.listeners) listener();
  }

  /** @internal One mission's pass at a time, in the order they were asked for. */
  enqueue(work: () => Promise<void>): void {
    this.queue = this.queue.then(work);
  }

  /** @internal Aborted by stop(); a request also gives up after `timeoutMs`. */
  async request(path: string, timeoutMs: number, init: RequestInit = {}): Promise<Response> {
    const signal = AbortSignal.any([this.stopSignal.signal, AbortSignal.timeout(timeoutMs)]);
    try {
      return await this.options.fetch(`${this.options.httpBase}${path}`, {
        ...init,
        signal,
        headers: { ...init.headers, Authorization: `Bearer ${this.options.token}` },
      });
    } catch {
      throw new TransferFailure(MESSAGE.unreachable, 'offline');
    }
  }

  /** Between start() and stop(): only then may a pass run. */
  get active(): boolean {
    return this.started && !this.stopSignal.signal.aborted;
  }
}

class MissionFollower {
  state: MissionAttachmentState = NOT_COMPARED_YET;
  private phase: 'idle' | 'queued' | 'running' = 'idle';
  private again = false;
  private stopped = false;
  private failures = 0;
  private referencesKey: string | null = null;
  /**
   * The server is asked at least once per session even when every photo is marked as sent: a server
   * restored from an older backup lacks some, and this machine may be the only one left with them.
   */
  private listedThisSession = false;
  /** What the server was last seen to hold (loaded from the settings on the first pass). */
  private confirmed: Set<string> | null = null;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onUpdate = (): void => {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      if (missionAttachmentHashes(this.doc).join() !== this.referencesKey) this.request();
    }, this.sync.options.debounceMs);
  };

  constructor(
    private readonly sync: AttachmentSync,
    readonly missionId: string,
    readonly doc: Y.Doc,
    readonly role: MissionRole,
  ) {
    doc.on('update', this.onUpdate);
  }

  stop(): void {
    this.stopped = true;
    this.doc.off('update', this.onUpdate);
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
  }

  retryNow(): void {
    this.failures = 0;
    this.request();
  }

  /** A pass soon: at once when idle, right after the current one when one is running. */
  request(): void {
    if (this.stopped || !this.sync.active) return;
    clearTimeout(this.retryTimer);
    if (this.phase === 'running') this.again = true;
    if (this.phase !== 'idle') return;
    this.phase = 'queued';
    this.sync.enqueue(() => this.runPasses());
  }

  private async runPasses(): Promise<void> {
    this.phase = 'running';
    let outcome: PassOutcome | TransferFailure;
    do {
      this.again = false;
      try {
        outcome = await this.pass();
      } catch (error) {
        // Anything else (local storage closed or failing) is reported and retried, never thrown to the UI.
        outcome = error instanceof TransferFailure ? error : new TransferFailure(MESSAGE.unexpected, 'transient');
      }
    } while (this.again && !this.stopped);
    this.phase = 'idle';
    if (this.stopped) return;
    if (outcome instanceof TransferFailure) {
      this.setState({ ...this.state, status: outcome.kind === 'offline' ? 'offline' : 'error', errorMessage: outcome.kind === 'offline' ? null : outcome.message });
      if (outcome.kind !== 'refusal') this.scheduleRetry();
    } else if (outcome === 'awaiting-colleague') {
      this.scheduleRetry();
    } else {
      this.failures = 0;
    }
  }

  private scheduleRetry(): void {
    const { minDelayMs, maxDelayMs } = this.sync.options.retry;
    const delay = Math.min(maxDelayMs, minDelayMs * 2 ** this.failures) * (0.5 + this.sync.options.random() / 2);
    this.failures += 1;
    this.retryTimer = setTimeout(() => this.request(), delay);
  }

  private setState(state: MissionAttachmentState): void {
    if (this.stopped) return;
    const previous = this.state;
    if (
      state.status === previous.status &&
      state.pendingUploads === previous.pendingUploads &&
      state.pendingDownloads === previous.pendingDownloads &&
      state.errorMessage === previous.errorMessage
    ) {
      return;
    }
    this.state = state;
    this.sync.announce();
  }

  private async loadConfirmed(): Promise<Set<string>> {
    if (this.confirmed === null) {
      const record = await this.sync.options.db.settings.get(confirmedKey(this.sync.options.httpBase, this.missionId));
      const hashes = Array.isArray(record?.value) ? record.value.filter((hash): hash is string => typeof hash === 'string') : [];
      this.confirmed = new Set(hashes);
    }
    return this.confirmed;
  }

  private async saveConfirmed(hashes: ReadonlySet<string>): Promise<void> {
    this.confirmed = new Set(hashes);
    await this.sync.options.db.settings.put({ key: confirmedKey(this.sync.options.httpBase, this.missionId), value: [...hashes].sort() });
  }

  /** What to send and what to fetch, given what the server holds, or was last seen to hold (so counts show offline too). */
  private counts(references: readonly string[], local: ReadonlySet<string>, onServer: ReadonlySet<string>) {
    const toUpload = this.role === 'editeur' ? references.filter((hash) => local.has(hash) && !onServer.has(hash)) : [];
    const toDownload = references.filter((hash) => !local.has(hash));
    return { toUpload, toDownload };
  }

  private async pass(): Promise<PassOutcome> {
    const references = missionAttachmentHashes(this.doc);
    this.referencesKey = references.join();
    const { db } = this.sync.options;
    const local = new Set(await db.attachments.where('hash').anyOf(references).primaryKeys());
    const confirmed = await this.loadConfirmed();
    const before = this.counts(references, local, confirmed);
    if (references.length === 0 || (this.listedThisSession && before.toUpload.length === 0 && before.toDownload.length === 0)) {
      // Nothing to send nor to fetch: the server is not even asked.
      this.setState(UP_TO_DATE);
      return 'complete';
    }
    this.setState({ status: 'syncing', pendingUploads: before.toUpload.length, pendingDownloads: before.toDownload.length, errorMessage: null });

    const onServer = await this.listServer();
    const { toUpload, toDownload } = this.counts(references, local, onServer);
    let pendingUploads = toUpload.length;
    let pendingDownloads = toDownload.length;
    this.setState({ status: 'syncing', pendingUploads, pendingDownloads, errorMessage: null });
    try {
      for (const hash of toUpload) {
        if (this.stopped) break;
        await this.upload(hash);
        onServer.add(hash);
        pendingUploads -= 1;
        this.setState({ ...this.state, pendingUploads });
      }
      let awaited = 0;
      for (const hash of toDownload) {
        if (this.stopped) break;
        if (!onServer.has(hash)) {
          awaited += 1;
          continue;
        }
        await this.download(hash);
        pendingDownloads -= 1;
        this.setState({ ...this.state, pendingDownloads });
      }
      this.setState({ status: awaited > 0 ? 'syncing' : 'up-to-date', pendingUploads, pendingDownloads, errorMessage: null });
      return awaited > 0 ? 'awaiting-colleague' : 'complete';
    } finally {
      if (!this.stopped) await this.saveConfirmed(onServer);
    }
  }

  private async listServer(): Promise<Set<string>> {
    const response = await this.sync.request(attachmentCollectionPath(this.missionId), LIST_TIMEOUT_MS);
    if (!response.ok) throw failureFor(response, MESSAGE.forbidden);
    const parsed = attachmentListSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new TransferFailure(MESSAGE.unexpectedAnswer, 'refusal');
    const onServer = new Set(parsed.data.hashes);
    this.listedThisSession = true;
    await this.saveConfirmed(onServer);
    return onServer;
  }

  private async upload(hash: string): Promise<void> {
    const record = await this.sync.options.db.attachments.get(hash);
    if (!record) return;
    if ((await contentHash(record.bytes)) !== hash) throw new TransferFailure(MESSAGE.damagedLocalCopy, 'refusal');
    const response = await this.sync.request(attachmentPath(this.missionId, hash), TRANSFER_TIMEOUT_MS, {
      method: 'PUT',
      headers: { 'Content-Type': record.mediaType },
      body: record.bytes,
    });
    if (response.ok) return;
    switch (response.status) {
      case 413:
        throw new TransferFailure(MESSAGE.tooLarge, 'refusal');
      case 415:
        throw new TransferFailure(MESSAGE.unsupportedType, 'refusal');
      case 422:
        throw new TransferFailure(MESSAGE.hashMismatch, 'transient');
      default:
        throw failureFor(response, MESSAGE.readOnly);
    }
  }

  private async download(hash: string): Promise<void> {
    const response = await this.sync.request(attachmentPath(this.missionId, hash), TRANSFER_TIMEOUT_MS);
    if (!response.ok) throw failureFor(response, MESSAGE.forbidden);
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (!isAttachmentMediaType(mediaType)) throw new TransferFailure(MESSAGE.unexpectedAnswer, 'refusal');
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = new Uint8Array(await response.arrayBuffer());
    } catch {
      throw new TransferFailure(MESSAGE.cutOff, 'offline');
    }
    if ((await contentHash(bytes)) !== hash) throw new TransferFailure(MESSAGE.damagedDownload, 'refusal');
    if (this.stopped) return;
    try {
      await storeAttachment(this.sync.options.db, bytes, mediaType);
    } catch (error) {
      throw new TransferFailure(error instanceof AttachmentStorageError ? MESSAGE.diskFull : MESSAGE.localStorage, 'refusal');
    }
  }
}
