import type { Connect, Plugin } from 'vite';
import { CLEAR_SITE_DATA_PATH } from '../../src-shared/security/clear-site-data.ts';

/** The page calls the path relative to itself; the server matches its end, wherever the app is mounted. */
const ROUTE_SUFFIX = CLEAR_SITE_DATA_PATH.replace(/^\./, '');

/**
 * Serves the one request the web app's GDPR erasure needs: a POST answered with
 * `Clear-Site-Data: "storage"`, after which the browser deletes the origin's IndexedDB files. In
 * the desktop app, main does the same through Electron's session.clearStorageData.
 */
function clearSiteData(): Connect.NextHandleFunction {
  return (request, response, next) => {
    if (request.method !== 'POST' || !request.url?.split('?')[0]?.endsWith(ROUTE_SUFFIX)) {
      next();
      return;
    }
    response.statusCode = 204;
    response.setHeader('Clear-Site-Data', '"storage"');
    response.setHeader('Cache-Control', 'no-store');
    response.end();
  };
}

export function clearSiteDataPlugin(): Plugin {
  return {
    name: 'bocage-clear-site-data',
    configureServer(server) {
      server.middlewares.use(clearSiteData());
    },
    configurePreviewServer(server) {
      server.middlewares.use(clearSiteData());
    },
  };
}
