import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const SCRIPT = join(ROOT, 'scripts', 'export', 'demo-export.ts');

const EXPECTED_FILES = [
  'Ateliers, cartes et votes – Mission exemple.xlsx',
  'Indicateurs – Mission exemple.xlsx',
  'Plan d’action – Mission exemple.xlsx',
  'Pré-diagnostic – Mission exemple.docx',
  'Réunions et participants – Mission exemple.xlsx',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run demo:export -- <args>` without npm's banner: the same tsx and tsconfig. */
function demoExport(args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, ['--tsconfig', 'tsconfig.tests.json', SCRIPT, ...args], { cwd: ROOT, timeout: 120_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let workDir: string;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'bocage-demo-export-'));
});

afterAll(() => {
  rmSync(workDir, { recursive: true, force: true });
});

describe('npm run demo:export', () => {
  let run: Run;
  let folder: string;

  beforeAll(async () => {
    // A folder that does not exist yet, two levels down: the script creates it.
    folder = join(workDir, 'livrables', 'mission exemple');
    run = await demoExport(['--out', folder]);
  }, 120_000);

  test('writes every deliverable of the demo mission into the folder and lists them', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(EXPECTED_FILES);
    for (const name of EXPECTED_FILES) expect(run.stdout).toContain(join(folder, name));
  });

  test('writes files Word and Excel can open: non-empty ZIP packages with their main part', () => {
    for (const name of EXPECTED_FILES) {
      const bytes = readFileSync(join(folder, name));
      expect(statSync(join(folder, name)).size).toBeGreaterThan(1000);
      const parts = unzipSync(new Uint8Array(bytes));
      expect(Object.keys(parts)).toContain('[Content_Types].xml');
      expect(Object.keys(parts)).toContain(name.endsWith('.docx') ? 'word/document.xml' : 'xl/workbook.xml');
    }
  });

  test('writes a pre-diagnostic of the demo mission that says its figures are fictitious', () => {
    const parts = unzipSync(new Uint8Array(readFileSync(join(folder, 'Pré-diagnostic – Mission exemple.docx'))));
    const document = strFromU8(parts['word/document.xml']!);
    expect(document).toContain('Mission exemple');
    expect(document).toContain('Données fictives (démonstration)');
    expect(Object.keys(parts).some((part) => part.startsWith('word/media/'))).toBe(true);
  });
});

describe('npm run demo:export with a wrong --out', () => {
  test('refuses a file path, in French, with exit code 1 and nothing written', async () => {
    const file = join(workDir, 'note.txt');
    writeFileSync(file, 'pas un dossier');
    const run = await demoExport(['--out', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('est un fichier, pas un dossier');
    expect(run.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('pas un dossier');
  });

  test('asks for the folder, in French, with exit code 1, when --out is missing', async () => {
    const run = await demoExport([]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Indiquez le dossier où écrire les livrables');
    expect(run.stderr).toContain('npm run demo:export -- --out <dossier>');
  });

  test('says, in French, that a folder cannot be created under a file', async () => {
    const file = join(workDir, 'fichier');
    writeFileSync(file, '');
    const run = await demoExport(['--out', join(file, 'dossier')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('ne peut pas être créé');
  });
});
