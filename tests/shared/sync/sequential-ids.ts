/**
 * Ids handed out in order within one run, in place of random ones: a run replayed from its seed
 * then makes the same ids, so the same ties break the same way and a failure comes back exactly.
 */
let issued = 0;

export function nextId(): string {
  issued += 1;
  return `id-${issued.toString(36).padStart(4, '0')}`;
}

export function restartIds(): void {
  issued = 0;
}
