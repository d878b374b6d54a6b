import { describe, expect, test } from 'vitest';
import { INVOKE_CHANNELS, MENU_COMMANDS } from '@shared/ipc/ipc-channels';
import { INVOKE_SCHEMAS, MAX_SAVED_FILE_BYTES, menuCommandSchema, saveFileRequestSchema, saveFileResultSchema } from '@shared/ipc/ipc-contract';

const WORD_BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);

function saveRequest(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { fileKind: 'docx', suggestedName: 'Pré-diagnostic Pays de Brive.docx', bytes: WORD_BYTES, ...overrides };
}

describe('saving a file through the desktop bridge', () => {
  test('a well-formed Word or Excel export is accepted as sent', () => {
    expect(saveFileRequestSchema.parse(saveRequest())).toEqual(saveRequest());
    expect(saveFileRequestSchema.safeParse(saveRequest({ fileKind: 'xlsx', suggestedName: 'Indicateurs 2024.XLSX' })).success).toBe(true);
  });

  test('a board exported as a PNG or SVG image is accepted, but not under another kind’s extension', () => {
    expect(saveFileRequestSchema.safeParse(saveRequest({ fileKind: 'png', suggestedName: 'tableau-afom.png' })).success).toBe(true);
    expect(saveFileRequestSchema.safeParse(saveRequest({ fileKind: 'svg', suggestedName: 'tableau-afom.svg' })).success).toBe(true);
    expect(saveFileRequestSchema.safeParse(saveRequest({ fileKind: 'png', suggestedName: 'tableau-afom.svg' })).success).toBe(false);
  });

  test.each([
    ['a path climbing out of the folder', '../../.bashrc.docx'],
    ['a path into a subfolder', 'exports/rapport.docx'],
    ['a Windows path', '..\\Windows\\rapport.docx'],
    ['a drive letter', 'C:rapport.docx'],
    ['a hidden file', '.rapport.docx'],
    ['a control character', 'rap\u0000port.docx'],
    ['a line break', 'rapport\n.docx'],
    ['a delete character', 'rap\u007fport.docx'],
    ['a C1 control character', 'rap\u0085port.docx'],
    ['shell wildcards', 'rapport*.docx'],
    ['an empty name', ''],
    ['an overlong name', `${'a'.repeat(200)}.docx`],
  ])('a file name with %s is refused, so the renderer cannot choose where main writes', (_case, suggestedName) => {
    expect(saveFileRequestSchema.safeParse(saveRequest({ suggestedName })).success).toBe(false);
  });

  test('a name whose extension does not match the kind of file is refused', () => {
    expect(saveFileRequestSchema.safeParse(saveRequest({ suggestedName: 'rapport.xlsx' })).success).toBe(false);
    expect(saveFileRequestSchema.safeParse(saveRequest({ suggestedName: 'rapport.docx.exe' })).success).toBe(false);
    expect(saveFileRequestSchema.safeParse(saveRequest({ fileKind: 'exe', suggestedName: 'rapport.exe' })).success).toBe(false);
  });

  test('an empty file, a plain array or text instead of bytes is refused', () => {
    expect(saveFileRequestSchema.safeParse(saveRequest({ bytes: new Uint8Array(0) })).success).toBe(false);
    expect(saveFileRequestSchema.safeParse(saveRequest({ bytes: [0x50, 0x4b, 0x03, 0x04] })).success).toBe(false);
    expect(saveFileRequestSchema.safeParse(saveRequest({ bytes: 'UEsDBA==' })).success).toBe(false);
  });

  test('a file larger than the limit is refused', () => {
    const tooBig = new Uint8Array(new ArrayBuffer(0), 0, 0);
    Object.defineProperty(tooBig, 'byteLength', { value: MAX_SAVED_FILE_BYTES + 1 });
    expect(saveFileRequestSchema.safeParse(saveRequest({ bytes: tooBig })).success).toBe(false);
  });

  test('a request carrying any extra key is refused, so nothing unvalidated reaches main', () => {
    expect(saveFileRequestSchema.safeParse(saveRequest({ folder: '/etc' })).success).toBe(false);
  });

  test('the result sent back is one of saved, cancelled or error', () => {
    expect(saveFileResultSchema.safeParse({ status: 'saved', fileName: 'rapport.docx' }).success).toBe(true);
    expect(saveFileResultSchema.safeParse({ status: 'cancelled' }).success).toBe(true);
    expect(saveFileResultSchema.safeParse({ status: 'error', message: 'Disque plein.' }).success).toBe(true);
    expect(saveFileResultSchema.safeParse({ status: 'saved' }).success).toBe(false);
    expect(saveFileResultSchema.safeParse({ status: 'overwritten', fileName: 'x.docx' }).success).toBe(false);
  });
});

describe('the channel list', () => {
  test('every invoke channel has request and response schemas, so main can validate each message', () => {
    expect(Object.keys(INVOKE_SCHEMAS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(new Set(Object.values(INVOKE_CHANNELS)).size).toBe(Object.keys(INVOKE_CHANNELS).length);
  });

  test('menu commands outside the known list are refused', () => {
    for (const command of MENU_COMMANDS) expect(menuCommandSchema.safeParse(command).success).toBe(true);
    expect(menuCommandSchema.safeParse('open-devtools').success).toBe(false);
  });
});
