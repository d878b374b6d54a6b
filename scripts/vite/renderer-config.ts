import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/content-security-policy.ts';
import { clearSiteDataPlugin } from './clear-site-data-plugin.ts';
import { geographyPlugin } from './geography-plugin.ts';

const root = fileURLToPath(new URL('../../src-renderer', import.meta.url));
const shared = fileURLToPath(new URL('../../src-shared', import.meta.url));

/** The strict Content-Security-Policy, added to the built page only: the dev server injects inline scripts for hot reload. */
function contentSecurityPolicyPlugin(): Plugin {
  return {
    name: 'bocage-csp',
    apply: 'build',
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }];
    },
  };
}

/** The renderer's Vite configuration, shared by the desktop build and the web build. */
export function rendererConfig(outDir: string): UserConfig {
  return {
    root,
    base: './',
    plugins: [react(), geographyPlugin(), contentSecurityPolicyPlugin(), clearSiteDataPlugin()],
    resolve: { alias: { '@shared': shared } },
    // The import worker loads exceljs lazily: only module workers can split code.
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
    },
  };
}
