import type { Page } from 'playwright-core';

/**
 * Appends Yjs updates to documents' IndexedDB databases, where y-indexeddb keeps them: the object
 * store "updates", one Uint8Array per row, every row applied when the document is next opened.
 * Plain JavaScript run in the page (see page-probe.ts for why not a compiled function).
 */
const APPEND_UPDATES = `async (updates) => {
  for (const [name, base64] of updates) {
    const update = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const request = indexedDB.open(name);
    const db = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      await new Promise((resolve, reject) => {
        const transaction = db.transaction('updates', 'readwrite');
        transaction.objectStore('updates').add(update);
        transaction.oncomplete = resolve;
        transaction.onerror = () => reject(transaction.error);
      });
    } finally {
      db.close();
    }
  }
}`;

/** Each update goes to the document named with it, in order. */
export async function appendUpdates(page: Page, updates: readonly (readonly [documentName: string, update: Uint8Array])[]): Promise<void> {
  const encoded = updates.map(([name, update]) => [name, Buffer.from(update).toString('base64')]);
  await page.evaluate(`(${APPEND_UPDATES})(${JSON.stringify(encoded)})`);
}
