/**
 * After a purge rewrote the storage, every other window of Bocage (a presenter window, a second
 * tab) holds IndexedDB connections the clearing cut: it must reload to read the rewritten storage.
 * The signal is sent only once the purge is finished, so a reloaded window never starts a second one.
 */
const CHANNEL_NAME = 'bocage:storage-purged';

export function announceStoragePurged(): void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage('purged');
  channel.close();
}

export function reloadWhenStoragePurged(): void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = () => window.location.reload();
}
