import { z } from 'zod';

/**
 * What the projector follows that is not in the document: where the facilitator is looking on
 * the board. The cards themselves reach the projector's window through the window relay.
 */
export interface PresenterView {
  missionId: string;
  boardId: string;
  /** Board coordinates of the centre of the facilitator's view; `zoom` is screen pixels per board unit. */
  viewport: { x: number; y: number; zoom: number };
  /**
   * Size of the facilitator's board area in CSS pixels: the facilitator sees viewWidth / zoom by
   * viewHeight / zoom board units, which the projector scales to its own screen.
   */
  viewWidth: number;
  viewHeight: number;
}

export type PresenterViewListener = (view: PresenterView) => void;

export interface PresenterChannel {
  /** Sends the facilitator's view to the projectors, at most once per animation frame and board. */
  publish(view: PresenterView): void;
  /** Follows one board's view; asks at once for the current one, so a projector opened late follows immediately. */
  subscribe(missionId: string, boardId: string, listener: PresenterViewListener): () => void;
  /** Closes the channels; publishing or subscribing again reopens them. */
  close(): void;
}

const PRESENTER_CHANNEL_NAME = 'bocage:presenter-view';

const boardKeySchema = z.string().min(1).max(200);

/** Zod's numbers are finite: a NaN zoom from another window must not blank the projector. */
const presenterViewSchema = z.object({
  missionId: boardKeySchema,
  boardId: boardKeySchema,
  viewport: z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() }),
  viewWidth: z.number().positive(),
  viewHeight: z.number().positive(),
});

/** Every window of the origin hears the channel: anything not shaped like ours is ignored. */
const presenterMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('view'), view: presenterViewSchema }),
  z.object({ kind: z.literal('request'), missionId: boardKeySchema, boardId: boardKeySchema }),
]);

type PresenterMessage = z.infer<typeof presenterMessageSchema>;

function boardKey(missionId: string, boardId: string): string {
  return JSON.stringify([missionId, boardId]);
}

/** A hidden window gets no animation frames; a timer keeps the projector following it anyway. */
function nextFrame(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible') {
    requestAnimationFrame(() => callback());
  } else {
    setTimeout(callback, 16);
  }
}

function copyView(view: PresenterView): PresenterView {
  return { ...view, viewport: { ...view.viewport } };
}

/** One window's end of the presenter channel. Tests create several to play several windows. */
export function createPresenterChannel(): PresenterChannel {
  /** The last view of each board published from this window, the answer to a projector that asks. */
  const latest = new Map<string, PresenterView>();
  const pending = new Map<string, PresenterView>();
  let frameRequested = false;
  let publisher: BroadcastChannel | null = null;
  const subscribers = new Set<BroadcastChannel>();

  const answerRequests = (event: MessageEvent) => {
    const message = presenterMessageSchema.safeParse(event.data);
    if (!message.success || message.data.kind !== 'request') return;
    const view = latest.get(boardKey(message.data.missionId, message.data.boardId));
    if (view) publisher?.postMessage({ kind: 'view', view } satisfies PresenterMessage);
  };

  const openPublisher = (): BroadcastChannel => {
    if (publisher) return publisher;
    const channel = new BroadcastChannel(PRESENTER_CHANNEL_NAME);
    channel.addEventListener('message', answerRequests);
    publisher = channel;
    return channel;
  };

  const flush = () => {
    frameRequested = false;
    if (!publisher) return;
    for (const view of pending.values()) publisher.postMessage({ kind: 'view', view } satisfies PresenterMessage);
    pending.clear();
  };

  return {
    publish(view) {
      openPublisher();
      const key = boardKey(view.missionId, view.boardId);
      const copy = copyView(view);
      latest.set(key, copy);
      pending.set(key, copy);
      if (frameRequested) return;
      frameRequested = true;
      nextFrame(flush);
    },

    subscribe(missionId, boardId, listener) {
      const channel = new BroadcastChannel(PRESENTER_CHANNEL_NAME);
      subscribers.add(channel);
      channel.addEventListener('message', (event: MessageEvent) => {
        const message = presenterMessageSchema.safeParse(event.data);
        if (message.success && message.data.kind === 'view' && message.data.view.missionId === missionId && message.data.view.boardId === boardId) {
          listener(message.data.view);
        }
      });
      channel.postMessage({ kind: 'request', missionId, boardId } satisfies PresenterMessage);
      return () => {
        subscribers.delete(channel);
        channel.close();
      };
    },

    close() {
      publisher?.close();
      publisher = null;
      pending.clear();
      latest.clear();
      for (const channel of subscribers) channel.close();
      subscribers.clear();
    },
  };
}

let windowChannel: PresenterChannel | null = null;

function presenterChannelOfThisWindow(): PresenterChannel {
  windowChannel ??= createPresenterChannel();
  return windowChannel;
}

/** Called by the facilitator's board whenever its view moves; cheap to call on every pointer move. */
export function publishPresenterView(view: PresenterView): void {
  presenterChannelOfThisWindow().publish(view);
}

/** Called by the presenter page: follows the facilitator's view of that board until unsubscribed. */
export function subscribePresenterView(missionId: string, boardId: string, listener: PresenterViewListener): () => void {
  return presenterChannelOfThisWindow().subscribe(missionId, boardId, listener);
}
