import { describe, expect, it } from 'vitest';
import { createAppUrlPolicy, resolveDevServerOrigin, toSafeExternalUrl } from '../../src-main/app-origin';

const FOREIGN_URLS = [
  'file:///home/user/out/renderer/index.html',
  'file:///etc/passwd',
  'https://example.org/',
  'http://localhost:5173/',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'bocage://evil/index.html',
  'bocage://app@evil/index.html',
  'bocage://user:secret@app/index.html',
  'not a url',
];

describe('the app page allow-list of a built app', () => {
  const policy = createAppUrlPolicy(null);

  it('loads the app from its own scheme, so the page never runs with file:// reach over the disk', () => {
    expect(policy.entryUrl).toBe('bocage://app/index.html');
    expect(policy.isAppUrl('bocage://app/index.html')).toBe(true);
    expect(policy.isAppUrl('bocage://app/index.html#/missions/abc')).toBe(true);
  });

  it.each(FOREIGN_URLS)('refuses %s, so no other page can be loaded in the window or talk to main', (url) => {
    expect(policy.isAppUrl(url)).toBe(false);
  });
});

describe('the app page allow-list during development', () => {
  const policy = createAppUrlPolicy(resolveDevServerOrigin('http://localhost:5173', false));

  it('accepts only the dev server the window loads', () => {
    expect(policy.entryUrl).toBe('http://localhost:5173/');
    expect(policy.isAppUrl('http://localhost:5173/index.html')).toBe(true);
    expect(policy.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(policy.isAppUrl('https://localhost:5173/')).toBe(false);
    expect(policy.isAppUrl('bocage://app/index.html')).toBe(false);
    expect(policy.isAppUrl('https://example.org/')).toBe(false);
  });
});

describe('the dev server address', () => {
  it('is ignored by a packaged app, so an environment variable cannot swap the page users trust', () => {
    expect(resolveDevServerOrigin('http://localhost:5173', true)).toBeNull();
  });

  it('must be on this machine, so development never hands the desktop API to a remote page', () => {
    expect(() => resolveDevServerOrigin('http://example.org:5173', false)).toThrow(/localhost/);
    expect(() => resolveDevServerOrigin('file:///tmp/index.html', false)).toThrow();
    expect(resolveDevServerOrigin('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173');
    expect(resolveDevServerOrigin(undefined, false)).toBeNull();
  });
});

describe('links handed to the system browser', () => {
  it('are plain https addresses only, so a link cannot launch a program or open a local file', () => {
    expect(toSafeExternalUrl('https://www.insee.fr/fr/statistiques')).toBe('https://www.insee.fr/fr/statistiques');
    for (const url of ['http://www.insee.fr/', 'file:///C:/Windows/System32/calc.exe', 'smb://server/share', 'ms-msdt:/id', 'javascript:alert(1)', 'https://user:pass@example.org/', `https://example.org/${'a'.repeat(3000)}`]) {
      expect(toSafeExternalUrl(url)).toBeNull();
    }
  });
});
