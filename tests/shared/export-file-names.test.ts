import { describe, expect, it } from 'vitest';
import { missionExportFileName } from '@shared/export/export-file-names';
import { saveFileRequestSchema } from '@shared/ipc/ipc-contract';

function acceptedBySaveBridge(fileName: string, fileKind: 'docx' | 'xlsx'): boolean {
  return saveFileRequestSchema.safeParse({ fileKind, suggestedName: fileName, bytes: new Uint8Array([1]) }).success;
}

describe('export file names', () => {
  it('names the file after the mission, accents kept, with the extension of its kind', () => {
    expect(missionExportFileName({ title: 'Diagnostic CTG Pays de Mormal' }, 'docx')).toBe('Mission - Diagnostic CTG Pays de Mormal.docx');
    expect(missionExportFileName({ title: 'Évaluation écoles de Péronne' }, 'xlsx')).toBe('Mission - Évaluation écoles de Péronne.xlsx');
  });

  it('drops the characters a file system refuses, so saving never fails on a title like "CTG 2024/2025"', () => {
    const name = missionExportFileName({ title: 'CTG 2024/2025 : "Mormal" <phase 1> | bilan* ? \\ fin' }, 'docx');
    expect(name).toBe('Mission - CTG 2024 2025 Mormal phase 1 bilan fin.docx');
    expect(name).not.toMatch(/[/\\:*?"<>|]/);
    expect(acceptedBySaveBridge(name, 'docx')).toBe(true);
  });

  it('drops control characters such as a pasted tab or line break', () => {
    const name = missionExportFileName({ title: 'Bilan\tannuel\nCaf\u0000 du Nord\u007f' }, 'xlsx');
    expect(name).toBe('Mission - Bilan annuel Caf du Nord.xlsx');
    expect(acceptedBySaveBridge(name, 'xlsx')).toBe(true);
  });

  it('falls back to "mission" when the title is empty or made only of refused characters', () => {
    expect(missionExportFileName({ title: '' }, 'docx')).toBe('mission.docx');
    expect(missionExportFileName({ title: '  /:*?  ' }, 'xlsx')).toBe('mission.xlsx');
    expect(missionExportFileName({ title: '...' }, 'docx')).toBe('mission.docx');
    expect(acceptedBySaveBridge('mission.docx', 'docx')).toBe(true);
  });

  it('keeps a very long title to about 100 characters without a trailing dot or space Windows would drop', () => {
    const longTitle = `${'Diagnostic territorial partagé '.repeat(6)}. suite`;
    const name = missionExportFileName({ title: longTitle }, 'docx');
    const baseName = name.slice(0, -'.docx'.length);
    expect([...baseName].length).toBeLessThanOrEqual(100);
    expect(baseName).toMatch(/^Mission - Diagnostic territorial partagé/);
    expect(baseName).not.toMatch(/[.\s]$/);
    expect(acceptedBySaveBridge(name, 'docx')).toBe(true);
  });

  it('produces names the save bridge accepts for every kind', () => {
    for (const kind of ['docx', 'xlsx'] as const) {
      expect(acceptedBySaveBridge(missionExportFileName({ title: 'Diagnostic CTG Pays de Mormal' }, kind), kind)).toBe(true);
    }
  });
});
