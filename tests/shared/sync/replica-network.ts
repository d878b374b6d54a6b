import * as Y from 'yjs';

/**
 * Replicas of one document joined by links that can be cut and restored, as laptops behind a
 * flaky network. A replica sends each of its own updates on its open links and passes on every
 * message it receives for the first time (so an update also travels through a third replica).
 * Messages wait in their link's queue until a step delivers them: in any order, possibly twice.
 * Cutting a link loses what was in flight on it; restoring it sends each side what the other
 * lacks, as a provider's sync step does on reconnect.
 *
 * Messages are passed on as received, never re-encoded: an update that arrives before one it
 * depends on is half applied (Yjs applies its deletions at once, its insertions later), and a
 * re-encoded half would spread a state no user ever saw.
 */
export class ReplicaNetwork {
  readonly docs: readonly Y.Doc[];
  /** The origin updates from replica i carry when they are applied elsewhere. */
  private readonly peers: readonly { replica: number }[];
  private readonly open = new Set<string>();
  private readonly inFlight = new Map<string, Uint8Array[]>();
  private readonly changed = new Set<number>();
  /** The messages each replica has sent or passed on already: it passes each on once. */
  private readonly seen: readonly Set<Uint8Array>[];

  constructor(docs: readonly Y.Doc[]) {
    this.docs = docs;
    this.peers = docs.map((_, replica) => ({ replica }));
    this.seen = docs.map(() => new Set<Uint8Array>());
    docs.forEach((doc, replica) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        this.changed.add(replica);
        if (!this.peers.includes(origin as { replica: number })) this.send(replica, update);
      });
    });
  }

  /** Sends on every open link of `from` but the one it came by, once per replica. */
  private send(from: number, message: Uint8Array, cameFrom: number | null = null): void {
    if (this.seen[from]!.has(message)) return;
    this.seen[from]!.add(message);
    for (let to = 0; to < this.docs.length; to += 1) {
      if (to !== from && to !== cameFrom && this.isOpen(from, to)) this.queue(from, to).push(message);
    }
  }

  private static pair(a: number, b: number): string {
    return a < b ? `${a}-${b}` : `${b}-${a}`;
  }

  private queue(from: number, to: number): Uint8Array[] {
    const key = `${from}>${to}`;
    let queue = this.inFlight.get(key);
    if (!queue) {
      queue = [];
      this.inFlight.set(key, queue);
    }
    return queue;
  }

  isOpen(a: number, b: number): boolean {
    return this.open.has(ReplicaNetwork.pair(a, b));
  }

  connect(a: number, b: number): void {
    if (a === b || this.isOpen(a, b)) return;
    this.open.add(ReplicaNetwork.pair(a, b));
    const [docA, docB] = [this.docs[a]!, this.docs[b]!];
    this.queue(a, b).push(Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)));
    this.queue(b, a).push(Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)));
  }

  disconnect(a: number, b: number): void {
    if (!this.isOpen(a, b)) return;
    this.open.delete(ReplicaNetwork.pair(a, b));
    this.queue(a, b).length = 0;
    this.queue(b, a).length = 0;
  }

  /** Delivers the `pick`-th message waiting from `from` to `to` (modulo their number); `keep` delivers it again later. */
  deliver(from: number, to: number, pick: number, keep: boolean): void {
    const queue = this.queue(from, to);
    if (queue.length === 0) return;
    const index = pick % queue.length;
    const update = queue[index]!;
    if (!keep) queue.splice(index, 1);
    Y.applyUpdate(this.docs[to]!, update, this.peers[from]);
    this.send(to, update, from);
  }

  /** Opens every link and delivers every message in order until nothing is in flight. */
  settle(): void {
    for (let a = 0; a < this.docs.length; a += 1) for (let b = a + 1; b < this.docs.length; b += 1) this.connect(a, b);
    let delivered = true;
    while (delivered) {
      delivered = false;
      for (const [key, queue] of this.inFlight) {
        if (queue.length === 0) continue;
        const [from, to] = key.split('>').map(Number) as [number, number];
        this.deliver(from, to, 0, false);
        delivered = true;
      }
    }
  }

  /** The replicas whose document changed since the last call. */
  takeChanged(): number[] {
    const changed = [...this.changed].sort((a, b) => a - b);
    this.changed.clear();
    return changed;
  }
}
