import type * as Y from 'yjs';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

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
  // Yjs replaces half of a split surrogate pair with U+FFFD, so an edit boundary must never fall
  // inside an emoji or any other character outside the Basic Multilingual Plane.
  if (prefix > 0 && isHighSurrogate(current.charCodeAt(prefix - 1))) prefix -= 1;
  let suffix = 0;
  const maxSuffix = Math.min(current.length, next.length) - prefix;
  while (
    suffix < maxSuffix &&
    current.charCodeAt(current.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  if (suffix > 0 && isLowSurrogate(current.charCodeAt(current.length - suffix))) suffix -= 1;
  const deleteCount = current.length - prefix - suffix;
  if (deleteCount > 0) text.delete(prefix, deleteCount);
  const inserted = next.slice(prefix, next.length - suffix);
  if (inserted.length > 0) text.insert(prefix, inserted);
}
