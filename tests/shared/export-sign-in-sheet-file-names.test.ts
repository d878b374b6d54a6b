import { describe, expect, it } from 'vitest';
import { signInSheetFileName } from '@shared/export/export-file-names';
import { saveFileRequestSchema } from '@shared/ipc/ipc-contract';

describe('sign-in sheet file names', () => {
  it('names the sheet after the meeting’s date and kind, in ASCII, e.g. "emargement-2026-03-12-copil.docx"', () => {
    expect(signInSheetFileName({ date: '2026-03-12', kind: 'copil' }, 'docx')).toBe('emargement-2026-03-12-copil.docx');
    expect(signInSheetFileName({ date: '2026-03-12', kind: 'reunion-publique' }, 'xlsx')).toBe('emargement-2026-03-12-reunion-publique.xlsx');
  });

  it('tells the signed record kept after the meeting apart from the blank sheet', () => {
    expect(signInSheetFileName({ date: '2026-03-12', kind: 'atelier' }, 'docx', 'signed')).toBe('emargement-signe-2026-03-12-atelier.docx');
  });

  it('leaves out a missing or invalid date rather than printing a wrong one', () => {
    expect(signInSheetFileName({ date: null, kind: 'cotech' }, 'docx')).toBe('emargement-cotech.docx');
    expect(signInSheetFileName({ date: '2026-02-30', kind: 'cotech' }, 'xlsx')).toBe('emargement-cotech.xlsx');
  });

  it('produces names the save bridge accepts', () => {
    for (const kind of ['docx', 'xlsx'] as const) {
      const suggestedName = signInSheetFileName({ date: '2026-03-12', kind: 'entretien' }, kind, 'signed');
      expect(saveFileRequestSchema.safeParse({ fileKind: kind, suggestedName, bytes: new Uint8Array([1]) }).success).toBe(true);
    }
  });
});
