/** Why a file or a mapping was refused. Stable codes, so the UI and tests can tell cases apart. */
export type ImportErrorCode =
  | 'empty-file'
  | 'file-too-large'
  | 'legacy-xls'
  | 'opendocument'
  | 'not-a-table'
  | 'undecodable'
  | 'no-separator'
  | 'no-header'
  | 'no-data-rows'
  | 'mostly-ragged'
  | 'unreadable-workbook'
  | 'sheet-not-found'
  | 'empty-sheet'
  | 'mapping-no-geo'
  | 'mapping-missing-column'
  | 'mapping-no-columns'
  | 'mapping-duplicate-indicator'
  | 'mapping-invalid-indicator';

/** A refusal the user can act on: `message` is plain French, shown as is. */
export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}
