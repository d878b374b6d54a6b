import * as Y from 'yjs';

/**
 * What the server is known to hold of one document: the document's snapshot (state vector and
 * delete set) taken when the server had acknowledged everything. A state vector alone would miss
 * deletions: removing text or a map entry creates no new item, so it never advances the vector.
 */
export type ServerKnowledge = Y.Snapshot;

export function captureServerKnowledge(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

export function readServerKnowledge(encoded: Uint8Array): ServerKnowledge {
  return Y.decodeSnapshot(encoded);
}

interface DeletedRange {
  clock: number;
  len: number;
}

/** Whether [from, to) lies inside one of `ranges`, which Yjs keeps sorted by clock and merged. */
function isCovered(ranges: readonly DeletedRange[], from: number, to: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (range === undefined) return false;
    if (range.clock + range.len <= from) low = middle + 1;
    else if (range.clock > from) high = middle - 1;
    else return range.clock + range.len >= to;
  }
  return false;
}

/** Runs of deletions of content the server had, that the server has not seen deleted yet. */
function countNewDeletions(doc: Y.Doc, known: ServerKnowledge): number {
  const current = Y.createDeleteSetFromStructStore(doc.store);
  let count = 0;
  current.clients.forEach((ranges, client) => {
    // Content the server never had is counted once, as an insertion, whether or not it was deleted since.
    const knownClock = known.sv.get(client) ?? 0;
    const knownRanges = known.ds.clients.get(client) ?? [];
    for (const range of ranges) {
      const to = Math.min(range.clock + range.len, knownClock);
      if (range.clock < to && !isCovered(knownRanges, range.clock, to)) count += 1;
    }
  });
  return count;
}

/**
 * How many changes of `doc` have not reached the server: runs of inserted content (Yjs merges the
 * characters typed one after the other into one run, so a word typed counts once, a field set counts
 * once) and runs of deletions. `known` null means the server never acknowledged anything of it.
 */
export function countPendingChanges(doc: Y.Doc, known: ServerKnowledge | null): number {
  const stateVector = known ? Y.encodeStateVector(known.sv) : undefined;
  const { structs } = Y.decodeUpdate(Y.encodeStateAsUpdate(doc, stateVector));
  const insertions = structs.filter((struct) => !(struct instanceof Y.Skip)).length;
  return known ? insertions + countNewDeletions(doc, known) : insertions;
}
