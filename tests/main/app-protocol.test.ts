import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveRendererFile } from '../../src-main/app-protocol';

let sandbox: string;
let rendererRoot: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(tmpdir(), 'bocage-protocol-'));
  rendererRoot = path.join(sandbox, 'renderer');
  await mkdir(path.join(rendererRoot, 'assets'), { recursive: true });
  await writeFile(path.join(rendererRoot, 'index.html'), '<!doctype html><title>Bocage</title>');
  await writeFile(path.join(rendererRoot, 'assets', 'index.js'), 'console.log("bocage")');
  await writeFile(path.join(sandbox, 'secret.txt'), 'not for the page');
});

afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true });
});

function handler() {
  return createAppProtocolHandler({
    rendererRoot,
    fetchFile: async (fileUrl) => new Response(await readFile(fileURLToPath(fileUrl))),
    contentSecurityPolicy: "default-src 'self'",
  });
}

describe('the app scheme', () => {
  it('serves the built page with the strict CSP header, so injected scripts cannot run', async () => {
    const response = await handler()(new Request('bocage://app/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Bocage</title>');
    expect(response.headers.get('Content-Security-Policy')).toBe("default-src 'self'");
  });

  it('serves the page scripts from the renderer folder', async () => {
    const response = await handler()(new Request('bocage://app/assets/index.js'));
    expect(await response.text()).toBe('console.log("bocage")');
  });

  it.each(['bocage://app/..%2Fsecret.txt', 'bocage://app/%2e%2e/secret.txt', 'bocage://app/assets/..%2F..%2Fsecret.txt', 'bocage://app/../secret.txt', 'bocage://other/index.html'])(
    'never serves a file outside the renderer folder (%s), so a compromised page cannot read the disk',
    async (url) => {
      const response = await handler()(new Request(url));
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('not for the page');
    },
  );

  it('answers a missing file with 404 instead of failing the page load silently', async () => {
    expect((await handler()(new Request('bocage://app/missing.js'))).status).toBe(404);
  });

  it('refuses anything but reading', async () => {
    expect((await handler()(new Request('bocage://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('maps the root to index.html and rejects null bytes', () => {
    expect(resolveRendererFile('bocage://app/', rendererRoot)).toBe(path.join(rendererRoot, 'index.html'));
    expect(resolveRendererFile('bocage://app/index.html%00.js', rendererRoot)).toBeNull();
  });
});
