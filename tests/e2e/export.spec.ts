import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { convertToPdf, pdfToText } from '../helpers/libreoffice';
import { createMission } from './mission-pages';

test('the mission summary downloads as Word and Excel files that LibreOffice opens with the title and communes', async ({ page }) => {
  test.setTimeout(120_000);
  const title = 'Diagnostic social Pays de Mormal';
  await createMission(page, title, ['Landrecies', 'Le Quesnoy']);
  const folder = mkdtempSync(join(tmpdir(), 'bocage-e2e-export-'));

  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  const [wordDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Document Word (.docx)' }).click(),
  ]);
  expect(wordDownload.suggestedFilename()).toMatch(/Pays de Mormal.*\.docx$/);
  const wordPath = join(folder, 'mission.docx');
  await wordDownload.saveAs(wordPath);
  await expect(page.getByText(/Fichier enregistré/)).toBeVisible();

  const [excelDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Classeur Excel (.xlsx)' }).click(),
  ]);
  expect(excelDownload.suggestedFilename()).toMatch(/\.xlsx$/);
  const excelPath = join(folder, 'mission.xlsx');
  await excelDownload.saveAs(excelPath);

  for (const path of [wordPath, excelPath]) {
    const text = await pdfToText(await convertToPdf(path, folder));
    expect(text).toContain(title);
    expect(text).toContain('Landrecies');
    expect(text).toContain('Le Quesnoy');
  }
});
