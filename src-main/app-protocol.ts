import path from 'node:path';
import { pathToFileURL, URL } from 'node:url';
import type { Privileges } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * `standard` gives the scheme a real origin (IndexedDB, relative URLs, CSP 'self'); `secure` makes
 * it a secure context like https; `supportFetchAPI` and `corsEnabled` let the page load its own
 * module scripts. Service workers stay off: the app has none, and they could outlive a page.
 */
export const APP_SCHEME_PRIVILEGES: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
};

export interface AppProtocolOptions {
  /** The folder of the built renderer (out/renderer): nothing outside it is ever served. */
  readonly rendererRoot: string;
  /** Reads a file:// URL; Electron's net.fetch in the app, which also sets the content type. */
  readonly fetchFile: (fileUrl: string) => Promise<Response>;
  readonly contentSecurityPolicy: string;
}

/**
 * The file of the renderer folder a `bocage://app/...` URL names, or null when the URL belongs to
 * another host or, once decoded, points outside the folder (`..%2F..%2Fetc%2Fpasswd`).
 */
export function resolveRendererFile(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  let requestedPath: string;
  try {
    url = new URL(requestUrl);
    requestedPath = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || requestedPath.includes('\0')) return null;
  const root = path.resolve(rendererRoot);
  const filePath = path.resolve(root, `.${requestedPath === '/' ? '/index.html' : requestedPath}`);
  const relativePath = path.relative(root, filePath);
  const isInsideRoot = relativePath !== '' && relativePath !== '..' && !relativePath.startsWith(`..${path.sep}`) && !path.isAbsolute(relativePath);
  return isInsideRoot ? filePath : null;
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Serves the built renderer under the app scheme, each response with the strict CSP header. */
export function createAppProtocolHandler({ rendererRoot, fetchFile, contentSecurityPolicy }: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed');
    const filePath = resolveRendererFile(request.url, rendererRoot);
    if (!filePath) return plainResponse(404, 'Not found');
    let file: Response;
    try {
      file = await fetchFile(pathToFileURL(filePath).href);
    } catch {
      return plainResponse(404, 'Not found');
    }
    const headers = new Headers(file.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(file.body, { status: file.status, headers });
  };
}
