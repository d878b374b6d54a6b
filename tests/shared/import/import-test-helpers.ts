import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { isImportError, type ImportErrorCode } from '@shared/import/import-error';
import { inspectTableFile, type InspectOptions } from '@shared/import/inspect-table-file';
import type { ColumnInspection, TableInspection } from '@shared/import/table-inspection';

const FIXTURES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));

/** The public files of /work/shared/data/real, beside the repository; absent on most machines. */
export const REAL_DATA = fileURLToPath(new URL('../../../../shared/data/real/', import.meta.url));
export const HAS_REAL_DATA = existsSync(REAL_DATA);

/** A fixture's text as committed (UTF-8, LF): tests turn it into the bytes each case needs. */
export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, 'utf-8');
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function withUtf8Bom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
}

/** ISO-8859-1 bytes, as the RNE exports and older tools write them. */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (character) => {
    const code = character.charCodeAt(0);
    if (code > 0xff) throw new Error(`« ${character} » n’existe pas en ISO-8859-1`);
    return code;
  });
}

/** UTF-16LE with its byte order mark: Excel's "Texte Unicode" export. */
export function utf16leWithBom(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[2 + index * 2] = code & 0xff;
    bytes[3 + index * 2] = code >> 8;
  }
  return bytes;
}

export function crlf(text: string): string {
  return text.replace(/\n/g, '\r\n');
}

export function inspect(bytes: Uint8Array, fileName: string, options: Partial<InspectOptions> = {}): Promise<TableInspection> {
  return inspectTableFile(bytes, { fileName, ...options });
}

export function column(inspection: TableInspection, name: string): ColumnInspection {
  const found = inspection.columns.find((candidate) => candidate.code === name || candidate.label === name);
  if (!found) throw new Error(`Colonne « ${name} » absente : ${inspection.columns.map((candidate) => candidate.label).join(', ')}`);
  return found;
}

/** The data row whose cell in `columnName` is `value`. */
export function rowWhere(inspection: TableInspection, columnName: string, value: string): string[] {
  const index = column(inspection, columnName).index;
  const row = inspection.rows.find((cells) => cells[index] === value);
  if (!row) throw new Error(`Aucune ligne avec ${columnName} = ${value}`);
  return row;
}

/** Runs `action`, expecting an ImportError with this code; returns it for more checks on its message. */
export async function expectImportError(action: () => unknown, code: ImportErrorCode): Promise<Error> {
  try {
    await action();
  } catch (error) {
    if (!isImportError(error)) throw error;
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
    return error;
  }
  throw new Error(`Une erreur « ${code} » était attendue, et rien n’a été refusé.`);
}

export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
