import type * as Y from 'yjs';

/**
 * Applies the edit that turns a Y.Text's content into `next` as one deletion and one insertion
 * around the common prefix and suffix, so concurrent edits elsewhere in the text survive.
 */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let prefix = 0;
  const maxPrefix = Math.min(current.length, next.length);
  while (prefix < maxPrefix && current.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  const maxSuffix = Math.min(current.length, next.length) - prefix;
  while (
    suffix < maxSuffix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  const deleteCount = current.length - prefix - suffix;
  if (deleteCount > 0) text.delete(prefix, deleteCount);
  const inserted = next.slice(prefix, next.length - suffix);
  if (inserted.length > 0) text.insert(prefix, inserted);
}
