import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { META_FIELD, metaMap } from '../../src-shared/documents/document-structure';
import { missionDocumentName, workspaceDocumentName } from '../../src-shared/documents/document-names';
import { createMission } from '../../src-shared/operations/mission-operations';
import { SyncClient } from '../../src-renderer/sync/sync-client';
import { SYNC_TOKEN, SYNC_URL } from './e2e-environment';

/** What a colleague's newer Bocage would put on the server: a mission with a schema we do not know. */
async function publishMissionFromNewerBocage(title: string): Promise<void> {
  const workspace = new Y.Doc();
  const mission = new Y.Doc();
  const client = new SyncClient({ url: SYNC_URL, token: SYNC_TOKEN, WebSocketPolyfill: WebSocket });
  try {
    client.attach(workspaceDocumentName(), workspace);
    await expect.poll(() => client.getState().status, { timeout: 15_000 }).toBe('up-to-date');
    const origin = { source: 'newer-bocage' };
    const id = createMission(workspace, mission, {
      title,
      sponsor: 'Caf de la Somme',
      themes: ['logement'],
      startDate: null,
      endDate: null,
      status: 'en-cours',
      description: 'Écrite par une version future.',
    }, origin);
    metaMap(mission).set(META_FIELD.schemaVersion, 99);
    client.attach(missionDocumentName(id), mission);
    await expect.poll(() => client.getState().status, { timeout: 15_000 }).toBe('up-to-date');
  } finally {
    client.destroy();
  }
}

test('a mission written by a newer Bocage opens read-only with a message asking to update', async ({ page }) => {
  const title = `Mission d’une version future ${Date.now()}`;
  await publishMissionFromNewerBocage(title);

  await page.goto('/');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await page.getByLabel('Adresse du serveur de synchronisation').fill(SYNC_URL);
  await page.getByLabel('Jeton d’accès').fill(SYNC_TOKEN);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByRole('link', { name: 'Missions' }).click();

  const card = page.getByRole('listitem').filter({ hasText: title });
  await expect(card).toContainText('lecture seule');
  await card.getByRole('link', { name: title }).click();

  // Other specs share this sync server, so a colleague's GDPR erasure banner may be showing too.
  await expect(page.getByRole('alert').filter({ hasText: 'version plus récente de Bocage' })).toBeVisible();
  await expect(page.getByLabel('Titre')).toHaveAttribute('readonly', '');
  await expect(page.getByRole('checkbox', { name: 'Logement' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Annuler' })).toBeDisabled();
  await expect(page.getByRole('combobox', { name: 'Territoire' })).toHaveCount(0);
  await page.getByLabel('Titre').press('End');
  await page.keyboard.type(' modifiée');
  await expect(page.getByLabel('Titre')).toHaveValue(title);
});
