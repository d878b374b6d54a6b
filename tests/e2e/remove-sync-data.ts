import { rmSync } from 'node:fs';

/** The e2e sync server's data folder is thrown away after the run. */
export default function removeSyncData(): void {
  const folder = process.env.BOCAGE_E2E_SYNC_DATA_DIR;
  if (folder) rmSync(folder, { recursive: true, force: true });
}
