/**
 * Fixtures and readers shared by the tests of the paper and GDPR documents: settings, a meeting's
 * sign-in sheet, a drawn signature as a real PNG, and ways to read .docx / .xlsx files back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll } from 'vitest';
import type { GdprSettings } from '@shared/directory/contact-model';
import { buildGdprNotice } from '@shared/gdpr/gdpr-notice';
import type { SignInSheet, SignInSheetRow } from '@shared/export/sign-in-sheet-content';
import { convertToPdf, findLibreOffice, pdfToText } from '../../helpers/libreoffice';

export const LIBREOFFICE_TIMEOUT_MS = 90_000;

function libreOfficeIsInstalled(): boolean {
  try {
    findLibreOffice();
    return true;
  } catch {
    return false;
  }
}

export const HAS_LIBREOFFICE = libreOfficeIsInstalled();
export const LIBREOFFICE_SKIP_NOTE = HAS_LIBREOFFICE ? '' : ' (skipped: LibreOffice is not installed)';

export const CONFIGURED_SETTINGS: GdprSettings = {
  controllerName: 'Département du Nord',
  rightsContact: 'dpo@lenord.fr',
  retentionMonths: 36,
};

export const EMPTY_SETTINGS: GdprSettings = { controllerName: '', rightsContact: '  ', retentionMonths: 36 };

const FIRST_NAMES = ['Claire', 'Mehdi', 'Josiane', 'Théo', 'Aïcha', 'François', 'Léa', 'Gérard', 'Inès', 'Noël'];
const LAST_NAMES = ['Dupont', 'Benali', 'Lefèvre', 'Caron', 'Diallo', 'Desmarais', 'Wagner', 'Hénin', 'Martin', 'Roussel'];
const ORGANISATIONS = ['Mairie de Bavay', 'CAF du Nord', 'Centre social L’Escale', 'Communauté de communes du Pays de Mormal', ''];
const CATEGORIES = ['Élu·e', 'Partenaire institutionnel (CAF, MSA, Département, État…)', 'Associatif', 'Habitant·e', 'Technicien·ne de collectivité'];

/** Invited people with French names; the first is always DUPONT Claire of the Mairie de Bavay. */
export function invitedRows(count: number): SignInSheetRow[] {
  return Array.from({ length: count }, (_, index) => {
    const firstName = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Claire';
    const lastName = `${LAST_NAMES[index % LAST_NAMES.length] ?? 'Dupont'}${index < LAST_NAMES.length ? '' : `-${Math.floor(index / LAST_NAMES.length)}`}`;
    return {
      sortName: `${lastName.toLocaleUpperCase('fr-FR')} ${firstName}`,
      displayName: `${firstName} ${lastName}`,
      organisation: ORGANISATIONS[index % ORGANISATIONS.length] ?? '',
      category: CATEGORIES[index % CATEGORIES.length] ?? '',
    };
  });
}

export function copilSheet(overrides: Partial<SignInSheet> = {}): SignInSheet {
  return {
    missionTitle: 'Diagnostic CTG Pays de Mormal',
    organiser: 'Département du Nord – UTPAS Avesnois',
    purpose: 'Comité de pilotage de lancement',
    meetingKind: 'copil',
    date: '2026-03-12',
    communeName: 'Bavay',
    room: 'Salle des fêtes',
    slots: [{ id: 'single', label: '14:00–16:30' }],
    rows: invitedRows(6),
    blankRows: 5,
    gdpr: buildGdprNotice(CONFIGURED_SETTINGS),
    ...overrides,
  };
}

export const FULL_DAY_SLOTS = [
  { id: 'morning', label: 'Matin' },
  { id: 'afternoon', label: 'Après-midi' },
] as const;

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, checksum]);
}

/** A 300 × 100 black-on-white scribble, as the signature pad would save it. */
export function signaturePng(width = 300, height = 100): Uint8Array {
  const stride = width * 3 + 1;
  const pixels = Buffer.alloc(stride * height, 0xff);
  for (let row = 0; row < height; row += 1) pixels[row * stride] = 0;
  const ink = (x: number, y: number) => {
    for (let dy = -2; dy <= 2; dy += 1) {
      for (let dx = -2; dx <= 2; dx += 1) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        pixels.fill(0x10, py * stride + 1 + px * 3, py * stride + 1 + px * 3 + 3);
      }
    }
  };
  for (let x = 20; x < width - 20; x += 0.5) ink(x, height / 2 + Math.sin(x / 11) * height * 0.3 * Math.cos(x / 47));
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(png);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The visible text of a WordprocessingML fragment, one line per paragraph. */
export function textOf(xml: string): string {
  const paragraphs = xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => unescapeXml(match[1] ?? '')).join(''))
    .join('\n');
}

/** Each table as its rows' XML, so tests can read cells and row properties. */
export function tableRowsXml(documentXml: string): string[][] {
  return (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((table) => table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []);
}

export function cellTexts(rowXml: string): string[] {
  return (rowXml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(textOf);
}

export interface OpenedDocx {
  document: string;
  styles: string;
  core: string;
  footers: string[];
  media: string[];
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} manque dans le .docx`);
    return file.async('string');
  };
  const paths = Object.keys(zip.files);
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
    footers: await Promise.all(paths.filter((path) => /^word\/footer\d*\.xml$/.test(path)).map(read)),
    media: paths.filter((path) => path.startsWith('word/media/')),
  };
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as a home-made Buffer that clashes with Node's; at run time it takes
  // any ArrayBuffer, as a browser would pass.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook;
}

/** pdftotext gives narrow and ordinary no-break spaces back inconsistently. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0]/g, ' ');
}

/**
 * A scratch folder for the files a suite opens in LibreOffice, made before its tests and removed
 * after them. `toPdf` saves a file there and converts it as a user's office suite would;
 * `pdfText` gives back what the converted file prints.
 */
export function libreOfficeScratch(prefix: string) {
  let workDir = '';
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });
  async function toPdf(fileName: string, bytes: Uint8Array): Promise<string> {
    const path = join(workDir, fileName);
    await writeFile(path, bytes);
    return convertToPdf(path, workDir);
  }
  async function pdfText(fileName: string, bytes: Uint8Array): Promise<string> {
    return plainSpaces(await pdfToText(await toPdf(fileName, bytes)));
  }
  return { toPdf, pdfText };
}

/** pdftotext separates pages with a form feed. */
export function pdfPages(text: string): string[] {
  return text.split('\f').filter((page) => page.trim() !== '');
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
}

/** Every word of every page with its position in points, read by pdftotext -bbox. */
export async function pdfWordsByPage(pdfPath: string): Promise<PdfWord[][]> {
  const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return (stdout.match(/<page [\s\S]*?<\/page>/g) ?? []).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
      text: match[3] ?? '',
      xMin: Number(match[1]),
      yMin: Number(match[2]),
    })),
  );
}

/** The PDF's page size in points, e.g. { width: 595.28, height: 841.89 } for A4 portrait. */
export async function pdfPageSize(pdfPath: string): Promise<{ width: number; height: number }> {
  const { stdout } = await promisify(execFile)('pdfinfo', [pdfPath]);
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo n'a pas donné la taille des pages de ${pdfPath}.`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

export const POINTS_PER_CENTIMETRE = 72 / 2.54;

/**
 * The smallest vertical distance between consecutive row numbers printed in the left-most column
 * of a page: the height of the smallest row someone has to sign in.
 */
export function smallestRowPitch(words: readonly PdfWord[], numberColumnMaxX: number): number {
  const numbers = words
    .filter((word) => /^\d+$/.test(word.text) && word.xMin < numberColumnMaxX)
    .sort((left, right) => left.yMin - right.yMin);
  let smallest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < numbers.length; index += 1) {
    const current = numbers[index];
    const previous = numbers[index - 1];
    if (current && previous && Number(current.text) === Number(previous.text) + 1) smallest = Math.min(smallest, current.yMin - previous.yMin);
  }
  if (smallest === Number.POSITIVE_INFINITY) throw new Error('Aucune paire de numéros de ligne consécutifs sur cette page.');
  return smallest;
}
