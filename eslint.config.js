// Lint rules, above all the ones that keep the layers apart (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'stream', 'worker_threads', 'buffer', 'process', 'events', 'util',
];

/** Imports forbidden from a layer, with the reason lint prints. */
function forbid(groups) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { patterns: groups.map(({ group, message, allowTypeImports = false }) => ({ group, message, allowTypeImports })) },
    ],
  };
}

const electron = { group: ['electron', 'electron/*', '@electron/*'], message: 'Electron is reachable only from src-main and src-preload.' };
const node = { group: NODE_BUILTINS, message: 'Node built-ins are not available in this layer.' };
const ui = { group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'downshift', 'wouter', 'wouter/*'], message: 'UI libraries belong to src-renderer.' };
const browserStorage = { group: ['dexie', 'y-indexeddb', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'Local storage belongs to src-renderer.' };
const syncTransport = { group: ['@hocuspocus/*', 'ws'], message: 'Sync transport belongs to src-renderer (client) and src-server.' };
const crossRenderer = { group: ['**/src-renderer/**'], message: 'Nothing imports the renderer across a process line except types.', allowTypeImports: true };
const crossMain = { group: ['**/src-main/**', '**/src-preload/**'], message: 'Nothing imports main or preload across a process line except types.', allowTypeImports: true };
const crossServer = { group: ['**/src-server/**'], message: 'Nothing imports the server across a process line except types.', allowTypeImports: true };
const anyOfOurs = { group: ['**/src-renderer/**', '**/src-main/**', '**/src-preload/**', '**/src-server/**'], message: 'src-shared imports nothing of ours outside src-shared.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist-web/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      ...forbid([electron, node, ui, browserStorage, syncTransport, anyOfOurs]),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'Buffer', 'require', 'global'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid([electron, node, crossMain, crossServer]),
    },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: forbid([node, ui, browserStorage, syncTransport, crossRenderer, crossServer]),
  },
  {
    files: ['src-main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: forbid([ui, browserStorage, syncTransport, crossRenderer, crossServer]),
  },
  {
    files: ['src-server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: forbid([electron, ui, browserStorage, crossRenderer, crossMain]),
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: forbid([electron]),
  },
);
