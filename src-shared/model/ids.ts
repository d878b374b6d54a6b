import { uuidv4 } from 'lib0/random';

/** Random ids, never counters: two offline machines must never hand out the same id. */
export function newId(): string {
  return uuidv4();
}
