/**
 * Opens produced files the way a user's office suite would: LibreOffice converts them headless,
 * poppler reads the resulting PDF back. Shared by the export unit tests and the end-to-end tests.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { basename, delimiter, join } from 'node:path';
import { randomUUID } from 'node:crypto';

export const LIBREOFFICE_INSTALL_COMMAND = 'apt-get install -y libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils';

const FIXED_LOCATIONS = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
const DEFAULT_TIMEOUT_MS = 60_000;

export type LibreOfficeTarget = 'pdf' | 'csv' | 'txt';

/**
 * Filters that make the output comparable: UTF-8 text, and for a workbook one CSV file per sheet
 * (the last CSV token, -1, asks for every sheet, not only the active one).
 */
const CONVERT_FILTERS: Record<LibreOfficeTarget, string> = {
  pdf: 'pdf',
  csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
  txt: 'txt:Text (encoded):UTF8',
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The LibreOffice launcher, or an error that says how to install it. */
export function findLibreOffice(): string {
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((folder) => [join(folder, 'soffice'), join(folder, 'libreoffice')]);
  const found = [...onPath, ...FIXED_LOCATIONS].find(isExecutable);
  if (!found) {
    throw new Error(`LibreOffice est introuvable (ni soffice ni libreoffice). Installez-le avec : ${LIBREOFFICE_INSTALL_COMMAND}`);
  }
  return found;
}

interface CommandResult {
  stdout: string;
  stderr: string;
}

/** Runs a command in its own process group, so a timeout also ends the children it started. */
function run(command: string, args: readonly string[], timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`${basename(command)} n'a pas terminé en ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Error(`${basename(command)} est introuvable. Installez-le avec : ${LIBREOFFICE_INSTALL_COMMAND}`)
          : error,
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${basename(command)} ${args.join(' ')} a échoué (code ${code}) : ${stderr || stdout}`));
    });
  });
}

/**
 * Converts a document with LibreOffice and returns the files it produced, sorted: one file, or
 * one per sheet when a workbook goes to CSV ("name-Sheet.csv"). Each call gets its own profile and
 * its own output folder under outDir, so conversions can run side by side without clashing.
 */
export async function convertWithLibreOffice(
  inputPath: string,
  format: LibreOfficeTarget,
  outDir: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string[]> {
  const soffice = findLibreOffice();
  const unique = randomUUID();
  const profileDir = `/tmp/bocage-lo-${unique}`;
  await mkdir(outDir, { recursive: true });
  const conversionDir = await mkdtemp(join(outDir, `${basename(inputPath)}-${format}-`));
  try {
    await run(
      soffice,
      [
        `-env:UserInstallation=file://${profileDir}`,
        '--headless',
        '--norestore',
        '--convert-to',
        CONVERT_FILTERS[format],
        '--outdir',
        conversionDir,
        inputPath,
      ],
      timeoutMs,
    );
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
  const produced = (await readdir(conversionDir)).filter((name) => name.endsWith(`.${format}`)).sort();
  if (produced.length === 0) {
    throw new Error(`LibreOffice n'a produit aucun fichier ${format} à partir de ${basename(inputPath)}.`);
  }
  return produced.map((name) => join(conversionDir, name));
}

/** Converts to PDF and returns the PDF's path. */
export async function convertToPdf(inputPath: string, outDir: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<string> {
  const [pdfPath] = await convertWithLibreOffice(inputPath, 'pdf', outDir, timeoutMs);
  if (pdfPath === undefined) throw new Error(`Aucun PDF produit à partir de ${basename(inputPath)}.`);
  return pdfPath;
}

/** The PDF's text, laid out as on the page so a table row stays on one line. */
export async function pdfToText(pdfPath: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-'], DEFAULT_TIMEOUT_MS);
  return stdout;
}

export async function pdfPageCount(pdfPath: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [pdfPath], DEFAULT_TIMEOUT_MS);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout)?.[1];
  if (pages === undefined) throw new Error(`pdfinfo n'a pas donné le nombre de pages de ${basename(pdfPath)}.`);
  return Number(pages);
}
