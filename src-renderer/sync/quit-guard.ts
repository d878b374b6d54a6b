type UnloadTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

function askBeforeLeaving(event: BeforeUnloadEvent): void {
  // The browser shows its own wording; the desktop app answers with its dialog (src-main/unsent-changes-dialog.ts).
  event.preventDefault();
}

/**
 * Asks before the tab or window closes while changes have not reached the server. The handler is
 * registered only while there are some: a page with a beforeunload handler is kept out of the
 * browser's back-forward cache, and the desktop app would ask for nothing. Returns the stop.
 */
export function guardUnloadWhilePending(
  target: UnloadTarget,
  hasPendingChanges: () => boolean,
  subscribe: (listener: () => void) => () => void,
): () => void {
  let guarding = false;
  const follow = (): void => {
    const shouldGuard = hasPendingChanges();
    if (shouldGuard === guarding) return;
    guarding = shouldGuard;
    if (guarding) target.addEventListener('beforeunload', askBeforeLeaving);
    else target.removeEventListener('beforeunload', askBeforeLeaving);
  };
  const unsubscribe = subscribe(follow);
  follow();
  return () => {
    unsubscribe();
    target.removeEventListener('beforeunload', askBeforeLeaving);
    guarding = false;
  };
}
