import { expect, type Page } from '@playwright/test';

/** Picks each territory entry by typing the query and choosing the first proposed option. */
export async function chooseTerritory(page: Page, queries: readonly string[]): Promise<void> {
  const territory = page.getByRole('combobox', { name: 'Territoire' });
  for (const query of queries) {
    await territory.fill(query);
    await expect(page.getByRole('option').first()).toBeVisible();
    await territory.press('ArrowDown');
    await territory.press('Enter');
    await expect(territory).toHaveValue('');
  }
}

export async function createMission(page: Page, title: string, territoryQueries: readonly string[]): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Nouvelle mission' }).click();
  await page.getByLabel('Titre').fill(title);
  await chooseTerritory(page, territoryQueries);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export async function openMissionFromHome(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * Waits until every write the page has started on Bocage's IndexedDB databases has committed, so
 * a reload tests what was saved rather than a race with the disk. A read-only transaction waits
 * for every read-write transaction on the same store opened before it, even from another connection.
 */
export async function waitForLocalWrites(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const databases = await indexedDB.databases();
    const names = databases.map((database) => database.name ?? '').filter((name) => name.startsWith('bocage.'));
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = indexedDB.open(name);
            request.onerror = () => reject(request.error ?? new Error(`IndexedDB ${name}`));
            request.onsuccess = () => {
              const database = request.result;
              if (!database.objectStoreNames.contains('updates')) {
                database.close();
                resolve();
                return;
              }
              const transaction = database.transaction('updates', 'readonly');
              transaction.objectStore('updates').count();
              transaction.oncomplete = () => {
                database.close();
                resolve();
              };
              transaction.onerror = () => reject(transaction.error ?? new Error(`IndexedDB ${name}`));
            };
          }),
      ),
    );
  });
}
