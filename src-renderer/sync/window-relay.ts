import * as Y from 'yjs';
import { newId } from '@shared/model/ids';

/**
 * Live sharing of an open Yjs document between the windows of this origin (the facilitator's
 * window and the projector's window, two tabs of the browser). y-indexeddb stores every change
 * but never tells another window about it, and the sync server may be absent or unreachable in a
 * village hall: BroadcastChannel reaches every same-origin window of this machine, offline.
 *
 * The exchange is the Yjs sync protocol reduced to what a reliable local channel needs:
 * 1. a relay that attaches announces its state vector;
 * 2. every relay already there answers with the updates the newcomer misses, and its own vector;
 * 3. the newcomer sends back what that answer shows the other one misses;
 * 4. from then on each local change is broadcast as it happens.
 * Received updates are applied with the relay as origin, which the relay never forwards, so an
 * update crosses the channel once and never loops; they are not local transactions, so no undo
 * history records them.
 */

const CHANNEL_PREFIX = 'bocage:window-relay:';

/** One channel per document: a window only hears about the documents it has open. */
export function windowRelayChannelName(documentName: string): string {
  return `${CHANNEL_PREFIX}${documentName}`;
}

interface AnnounceMessage {
  kind: 'announce';
  sender: string;
  stateVector: Uint8Array;
}

interface CatchUpMessage {
  kind: 'catch-up';
  sender: string;
  recipient: string;
  update: Uint8Array;
  stateVector: Uint8Array;
}

interface UpdateMessage {
  kind: 'update';
  sender: string;
  update: Uint8Array;
}

type RelayMessage = AnnounceMessage | CatchUpMessage | UpdateMessage;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Checked by hand rather than with zod: the relay runs for every document from start-up, and zod
 * would double the weight of the first page for three fixed shapes.
 */
function parseRelayMessage(value: unknown): RelayMessage | null {
  if (!isRecord(value) || typeof value.sender !== 'string') return null;
  switch (value.kind) {
    case 'announce':
      return value.stateVector instanceof Uint8Array ? (value as unknown as AnnounceMessage) : null;
    case 'catch-up':
      return typeof value.recipient === 'string' && value.update instanceof Uint8Array && value.stateVector instanceof Uint8Array
        ? (value as unknown as CatchUpMessage)
        : null;
    case 'update':
      return value.update instanceof Uint8Array ? (value as unknown as UpdateMessage) : null;
    default:
      return null;
  }
}

/** Shares one document with the other windows of this origin that have it open, until detached. */
export class WindowRelay {
  private readonly id = newId();
  private readonly channel: BroadcastChannel;
  private detached = false;

  constructor(
    readonly documentName: string,
    private readonly doc: Y.Doc,
  ) {
    this.channel = new BroadcastChannel(windowRelayChannelName(documentName));
    this.channel.addEventListener('message', this.receive);
    doc.on('update', this.forwardLocalUpdate);
    doc.on('destroy', this.detach);
    this.post({ kind: 'announce', sender: this.id, stateVector: Y.encodeStateVector(doc) });
  }

  /** Stops relaying and closes the channel; called by the document's destruction too. */
  readonly detach = (): void => {
    if (this.detached) return;
    this.detached = true;
    this.doc.off('update', this.forwardLocalUpdate);
    this.doc.off('destroy', this.detach);
    this.channel.removeEventListener('message', this.receive);
    this.channel.close();
  };

  private readonly forwardLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== this) this.post({ kind: 'update', sender: this.id, update });
  };

  private readonly receive = (event: MessageEvent): void => {
    const message = parseRelayMessage(event.data);
    if (!message || message.sender === this.id || this.detached) return;
    switch (message.kind) {
      case 'announce':
        this.post({
          kind: 'catch-up',
          sender: this.id,
          recipient: message.sender,
          update: Y.encodeStateAsUpdate(this.doc, message.stateVector),
          stateVector: Y.encodeStateVector(this.doc),
        });
        return;
      case 'catch-up':
        if (message.recipient !== this.id) return;
        Y.applyUpdate(this.doc, message.update, this);
        this.post({ kind: 'update', sender: this.id, update: Y.encodeStateAsUpdate(this.doc, message.stateVector) });
        return;
      case 'update':
        Y.applyUpdate(this.doc, message.update, this);
        return;
    }
  };

  private post(message: RelayMessage): void {
    if (!this.detached) this.channel.postMessage(message);
  }
}
