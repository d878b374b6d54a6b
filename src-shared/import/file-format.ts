import { formatInteger } from '../format/french-format';
import { ImportError } from './import-error';

/**
 * The largest file the importer accepts. The whole table is held in memory as text cells (the
 * wizard previews it and plans the import in one go), which costs several times the file size:
 * 200 Mo keeps a worker under about 1.5 Go, and a commune-level file is far smaller (Filosofi
 * for every commune is 2.6 Mo).
 */
export const MAX_TABLE_FILE_BYTES = 200 * 1024 * 1024;

export type TableFormat = 'csv' | 'xlsx';

const MEBIBYTE = 1024 * 1024;
const ACCEPTED_FORMATS = 'Bocage importe des tableaux au format .csv, .txt (texte délimité) ou .xlsx.';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8);
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (readUint16(bytes, offset) | (readUint16(bytes, offset + 2) << 16)) >>> 0;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * Names of the entries of a ZIP archive, read from its central directory. Enough to tell an Excel
 * workbook from a Word document or an OpenDocument file without unpacking anything.
 */
function zipEntryNames(bytes: Uint8Array): string[] {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end -= 1) {
    if (readUint32(bytes, end) !== END_OF_CENTRAL_DIRECTORY) continue;
    const names: string[] = [];
    const entryCount = readUint16(bytes, end + 10);
    let offset = readUint32(bytes, end + 16);
    for (let entry = 0; entry < entryCount && readUint32(bytes, offset) === CENTRAL_DIRECTORY_ENTRY; entry += 1) {
      const nameLength = readUint16(bytes, offset + 28);
      const extraLength = readUint16(bytes, offset + 30);
      const commentLength = readUint16(bytes, offset + 32);
      names.push(ascii(bytes, offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return [];
}

function refuseZipContent(bytes: Uint8Array, fileName: string): TableFormat {
  const names = zipEntryNames(bytes);
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  // OpenDocument stores its media type uncompressed as the archive's first entry, right after its local header.
  const firstContent = 30 + readUint16(bytes, 26) + readUint16(bytes, 28);
  const mediaType = ascii(bytes, firstContent, firstContent + 80);
  if (mediaType.startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
    throw new ImportError(
      'opendocument',
      `« ${fileName} » est un classeur OpenDocument (.ods), que Bocage ne lit pas. Ouvrez-le dans LibreOffice et enregistrez-le au format .xlsx ou .csv, puis importez ce nouveau fichier.`,
    );
  }
  if (names.includes('xl/workbook.bin')) {
    throw new ImportError(
      'unreadable-workbook',
      `« ${fileName} » est un classeur Excel binaire (.xlsb), que Bocage ne lit pas. Ouvrez-le dans Excel et enregistrez-le au format .xlsx (Classeur Excel) ou .csv, puis importez ce nouveau fichier.`,
    );
  }
  const kind = names.includes('word/document.xml')
    ? 'un document Word'
    : names.includes('ppt/presentation.xml')
      ? 'une présentation PowerPoint'
      : mediaType.startsWith('application/vnd.oasis.opendocument')
        ? 'un document OpenDocument qui n’est pas un classeur'
        : 'une archive ZIP';
  throw new ImportError('not-a-table', `« ${fileName} » est ${kind}, pas un tableau de données. ${ACCEPTED_FORMATS}`);
}

const NOT_TABLE_SIGNATURES: readonly { signature: readonly number[]; offset?: number; kind: string }[] = [
  { signature: [0x25, 0x50, 0x44, 0x46, 0x2d], kind: 'un document PDF' },
  { signature: [0x89, 0x50, 0x4e, 0x47], kind: 'une image PNG' },
  { signature: [0xff, 0xd8, 0xff], kind: 'une image JPEG' },
  { signature: [0x47, 0x49, 0x46, 0x38], kind: 'une image GIF' },
  { signature: [0x52, 0x49, 0x46, 0x46], kind: 'une image ou un son (RIFF)' },
  { signature: [0x66, 0x74, 0x79, 0x70], offset: 4, kind: 'une image ou une vidéo' },
  { signature: [0x1f, 0x8b], kind: 'une archive compressée (gzip)' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], kind: 'une archive compressée (7z)' },
  { signature: [0x52, 0x61, 0x72, 0x21], kind: 'une archive compressée (RAR)' },
];

/**
 * Tells a spreadsheet from a text table by content, not by extension (users rename files, and
 * "Enregistrer sous" keeps the old extension), and refuses what Bocage cannot read with a message
 * that says what to do.
 */
export function detectTableFormat(bytes: Uint8Array, fileName: string, maxBytes: number): TableFormat {
  if (bytes.length === 0) throw new ImportError('empty-file', `Le fichier « ${fileName} » est vide.`);
  if (bytes.length > maxBytes) {
    throw new ImportError(
      'file-too-large',
      `Le fichier « ${fileName} » pèse ${formatInteger(Math.ceil(bytes.length / MEBIBYTE))} Mo : la limite est de ${formatInteger(Math.floor(maxBytes / MEBIBYTE))} Mo. Filtrez-le sur votre territoire, ou découpez-le, avant de l’importer.`,
    );
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return refuseZipContent(bytes, fileName);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new ImportError(
      'legacy-xls',
      `« ${fileName} » est un classeur Excel ancien format (.xls), que Bocage ne lit pas. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx (Classeur Excel) ou .csv, puis importez ce nouveau fichier.`,
    );
  }
  for (const { signature, offset, kind } of NOT_TABLE_SIGNATURES) {
    if (startsWith(bytes, signature, offset)) {
      throw new ImportError('not-a-table', `« ${fileName} » est ${kind}, pas un tableau de données. ${ACCEPTED_FORMATS}`);
    }
  }
  return 'csv';
}

/** The refusal for text that turns out to be binary content. */
export function binaryContentError(fileName: string): ImportError {
  return new ImportError('not-a-table', `« ${fileName} » n’est pas un tableau lisible : son contenu est binaire, pas du texte. ${ACCEPTED_FORMATS}`);
}
