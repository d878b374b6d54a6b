import { ESLint } from 'eslint';
import { beforeAll, describe, expect, test } from 'vitest';

/** Files that would sit in each layer; lint picks its rules by path, the files need not exist. */
const SHARED_FILE = 'src-shared/layer-probe.ts';
const RENDERER_FILE = 'src-renderer/layer-probe.ts';
const SERVER_FILE = 'src-server/layer-probe.ts';
const PRELOAD_FILE = 'src-preload/layer-probe.ts';

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function ruleIdsFor(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned nothing for ${filePath}`);
  return result.messages.map((message) => message.ruleId);
}

function importing(specifier: string): string {
  return `import probe from '${specifier}';\nexport const used = probe;\n`;
}

const RESTRICTED_IMPORT = '@typescript-eslint/no-restricted-imports';

describe('the shared core stays pure', () => {
  test.each(['electron', 'react', 'dexie', 'node:fs', 'fs', '../src-renderer/x', '../src-server/x', 'y-indexeddb', '@hocuspocus/provider'])(
    'src-shared importing %s fails lint',
    async (specifier) => {
      expect(await ruleIdsFor(importing(specifier), SHARED_FILE)).toEqual([RESTRICTED_IMPORT]);
    },
  );

  test.each(['window.location.href', 'document.title', 'process.env.HOME', 'localStorage.length'])(
    'src-shared reading the platform global %s fails lint',
    async (expression) => {
      expect(await ruleIdsFor(`export const probe = ${expression};\n`, SHARED_FILE)).toEqual(['no-restricted-globals']);
    },
  );

  test('a clean shared module, using Yjs and other shared modules, passes lint', async () => {
    const code = [
      "import * as Y from 'yjs';",
      "import { missionMap } from './documents/document-structure';",
      '',
      'export function probe(): number {',
      '  return missionMap(new Y.Doc()).size;',
      '}',
      '',
    ].join('\n');
    expect(await ruleIdsFor(code, SHARED_FILE)).toEqual([]);
  });
});

describe('process lines stay closed', () => {
  test.each(['electron', 'node:path', '../src-main/x', '../src-preload/x', '../src-server/x'])(
    'src-renderer importing %s fails lint',
    async (specifier) => {
      expect(await ruleIdsFor(importing(specifier), RENDERER_FILE)).toEqual([RESTRICTED_IMPORT]);
    },
  );

  test('src-renderer may import a type from src-main, which ships no code across', async () => {
    const code = "import type { MainProbe } from '../src-main/x';\nexport type Used = MainProbe;\n";
    expect(await ruleIdsFor(code, RENDERER_FILE)).toEqual([]);
  });

  test('src-renderer may use the browser and the shared core', async () => {
    const code = "import { formatInteger } from '@shared/format/french-format';\nexport const probe = formatInteger(window.innerWidth);\n";
    expect(await ruleIdsFor(code, RENDERER_FILE)).toEqual([]);
  });

  test.each(['electron', 'react', '../src-renderer/x', 'dexie'])('src-server importing %s fails lint', async (specifier) => {
    expect(await ruleIdsFor(importing(specifier), SERVER_FILE)).toEqual([RESTRICTED_IMPORT]);
  });

  test.each(['node:fs', 'fs', 'react', '../src-renderer/x'])('src-preload importing %s fails lint', async (specifier) => {
    expect(await ruleIdsFor(importing(specifier), PRELOAD_FILE)).toEqual([RESTRICTED_IMPORT]);
  });

  test('src-preload may import electron, which is what it exists for', async () => {
    expect(await ruleIdsFor(importing('electron'), PRELOAD_FILE)).toEqual([]);
  });
});
